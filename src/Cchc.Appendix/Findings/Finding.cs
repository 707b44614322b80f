using Cchc.Appendix.Table;

namespace Cchc.Appendix.Findings;

/// <summary>How bad a finding is.</summary>
public enum Severity
{
    /// <summary>Worth a look: a wording difference, an unusual but possible figure.</summary>
    Info,

    /// <summary>Likely wrong or missing.</summary>
    Warning,

    /// <summary>The figure is impossible as it stands.</summary>
    Error,
}

/// <summary>Where a proposed value comes from.</summary>
public enum ProposalSource
{
    /// <summary>Computed from other rows of the same appendix (a total from its parts, a rate from counts).</summary>
    Computed,

    /// <summary>Carried from the previous period's report.</summary>
    PreviousPeriod,

    /// <summary>The template's default for the indicator (0 for a plain count).</summary>
    TemplateDefault,

    /// <summary>The template's official wording or unit.</summary>
    Template,

    /// <summary>Derived from the report's own title lines.</summary>
    Header,
}

/// <summary>
/// A value to write into the finding's cell. <see cref="Value"/> is already in the document's format
/// (Vietnamese digits and separators); <see cref="PreviousValue"/> is shown beside it where one exists.
/// </summary>
public sealed record Proposal(string Value, ProposalSource Source, string? PreviousValue = null);

/// <summary>
/// One fault: where (row and column of the snapshot, the label as written), what (a stable rule code),
/// how bad, what to say in Vietnamese and English, and optionally what to write instead.
/// <see cref="Row"/> is 0 for findings on the title lines, with <see cref="AppendixColumn.Header"/>.
/// </summary>
public sealed record Finding(
    int Row,
    AppendixColumn Column,
    string Label,
    string Code,
    Severity Severity,
    string Message,
    string MessageEn,
    Proposal? Proposal = null)
{
    /// <summary>The section (I–VII) the row belongs to, or null for the title lines.</summary>
    public string? Section { get; init; }

    /// <summary>The template indicator the row matched, when a template matched.</summary>
    public string? IndicatorId { get; init; }

    /// <summary>Index of the title line a header finding refers to, when it refers to one.</summary>
    public int? TitleLine { get; init; }

    /// <summary>For a finding on a value cell, which value column (0-based) it is in; 0 for the one value of a classic appendix.</summary>
    public int ValueColumn { get; init; }
}
