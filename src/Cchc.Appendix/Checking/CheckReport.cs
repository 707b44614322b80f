using Cchc.Appendix.Findings;
using Cchc.Appendix.Header;

namespace Cchc.Appendix.Checking;

/// <summary>Which template the appendix matched and how well.</summary>
public sealed record TemplateMatch(string? TemplateId, string? TemplateVersion, string? TemplateName, int MatchedRows, int UnmatchedRows)
{
    public static readonly TemplateMatch None = new(null, null, null, 0, 0);

    public bool Matched => TemplateId is not null;
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
