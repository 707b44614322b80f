using Cchc.Appendix.Findings;
using Cchc.Appendix.Header;

namespace Cchc.Appendix.Checking;

/// <summary>What the appendix was checked against.</summary>
public enum FormSource
{
    /// <summary>A template of the catalogue: the form's rows, units and relations are known.</summary>
    Template,

    /// <summary>No template matched; the same unit's previous report served as the form, its relations inferred.</summary>
    PreviousReport,

    /// <summary>No template matched and no previous report was given: only what the document itself shows.</summary>
    DocumentOnly,
}

/// <summary>
/// Which form the appendix was checked against and how well it matched: a template (with its id), the previous
/// report (<see cref="TemplateName"/> names its period), or none; and which families of checks ran.
/// </summary>
public sealed record TemplateMatch(string? TemplateId, string? TemplateVersion, string? TemplateName, int MatchedRows, int UnmatchedRows)
{
    public static readonly TemplateMatch None = new(null, null, null, 0, 0);

    /// <summary>True when a template of the catalogue matched.</summary>
    public bool Matched => TemplateId is not null;

    public FormSource Source { get; init; } = FormSource.DocumentOnly;

    /// <summary>The families of checks that ran, by their stable names (<see cref="CheckFamilies"/>).</summary>
    public IReadOnlyList<string> Checks { get; init; } = [];
}

/// <summary>Counts by severity.</summary>
public sealed record FindingSummary(int Errors, int Warnings, int Infos)
{
    public static FindingSummary Of(IEnumerable<Finding> findings)
    {
        int errors = 0, warnings = 0, infos = 0;
        foreach (var finding in findings)
        {
            switch (finding.Severity)
            {
                case Severity.Error: errors++; break;
                case Severity.Warning: warnings++; break;
                default: infos++; break;
            }
        }

        return new(errors, warnings, infos);
    }
}

/// <summary>The result of checking one appendix: header, template match and findings in row order.</summary>
public sealed record CheckReport(ReportHeader Header, TemplateMatch Template, IReadOnlyList<Finding> Findings)
{
    public FindingSummary Summary { get; } = FindingSummary.Of(Findings);
}

/// <summary>
/// How one document's rows line up with one template, for <c>cchc template check</c>: how many of the template's
/// value rows the document has (a match needs half), and which rows on either side found no partner.
/// </summary>
public sealed record TemplateFit(
    string TemplateId,
    int DocumentRows,
    int MatchedRows,
    int TemplateValueRows,
    int MatchedValueRows,
    IReadOnlyList<(int Row, string Label)> UnmatchedRows,
    IReadOnlyList<(string Id, string Label)> MissingRows)
{
    /// <summary>True when the template and the document cover enough of each other for the document to be checked against it.</summary>
    public bool Matches { get; init; }
}
