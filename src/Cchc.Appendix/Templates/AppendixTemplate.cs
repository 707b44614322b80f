using System.Text.Json.Serialization;

namespace Cchc.Appendix.Templates;

/// <summary>
/// An appendix form as data: its sections and rows in order, and the relations between rows. Forms differ
/// by province and changed with the local-government reform of 1 July 2025, so they are files, versioned
/// and chosen by matching, not code. See docs/templates.md.
/// </summary>
public sealed record AppendixTemplate
{
    /// <summary>The file format's version; a loader refuses formats it does not know.</summary>
    public required int FormatVersion { get; init; }

    public required string Id { get; init; }

    public required string Version { get; init; }

    public required string Name { get; init; }

    public string? NameEn { get; init; }

    public string? Province { get; init; }

    /// <summary>district, commune or province.</summary>
    public string? Level { get; init; }

    /// <summary>Period kinds the form is used for: quarter, six-months, nine-months, year.</summary>
    public IReadOnlyList<string> Periods { get; init; } = [];

    public DateOnly? ValidFrom { get; init; }

    public DateOnly? ValidTo { get; init; }

    public required IReadOnlyList<TemplateSection> Sections { get; init; }

    public IReadOnlyList<TemplateRelation> Relations { get; init; } = [];

    /// <summary>The value columns the form prints, where it has more than one ("Quý này", "Lũy kế từ đầu năm").</summary>
    public IReadOnlyList<TemplateColumn>? Columns { get; init; }

    /// <summary>What a person should confirm before relying on a drafted form; empty on a reviewed one.</summary>
    public IReadOnlyList<string> Review { get; init; } = [];
}

/// <summary>A value column of the form: its header as printed and what it holds.</summary>
public sealed record TemplateColumn(string Header, Table.ValueRole Role);

/// <summary>A section I–VII with its rows in document order.</summary>
public sealed record TemplateSection(string Number, string Title, IReadOnlyList<TemplateRow> Rows);

/// <summary>
/// One row of the form. <see cref="Id"/> is stable within a template version and is what relations name;
/// <see cref="No"/> is the item number printed in THỨ TỰ (none on sub-items).
/// </summary>
public sealed record TemplateRow
{
    public required string Id { get; init; }

    public string? No { get; init; }

    public required string Label { get; init; }

    /// <summary>The unit as the form prints it; null on headings.</summary>
    public string? Unit { get; init; }

    public IndicatorType Type { get; init; }

    public IndicatorKind Kind { get; init; } = IndicatorKind.Flow;

    /// <summary>Allowed codes of a <see cref="IndicatorType.Code"/> row.</summary>
    public IReadOnlyList<int>? Codes { get; init; }

    /// <summary>A plain count whose blank most likely means 0: proposed as 0 when blank.</summary>
    public bool DefaultZero { get; init; }

    /// <summary>
    /// When set, a blank is expected outside these period kinds (a yearly plan-completion rate left blank in
    /// a quarterly report is not missing).
    /// </summary>
    public IReadOnlyList<string>? RequiredIn { get; init; }

    /// <summary>Other wordings seen in real documents that mean this row.</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];

    [JsonIgnore]
    public bool ExpectsValue => Type is not IndicatorType.Heading and not IndicatorType.Text;
}

/// <summary>How a relation binds its rows.</summary>
public enum RelationKind
{
    /// <summary>total = Σ parts.</summary>
    Sum,

    /// <summary>total ≥ Σ parts: the parts need not cover the whole.</summary>
    SumAtLeast,

    /// <summary>Σ parts ≤ whole.</summary>
    PartsAtMost,

    /// <summary>part ≤ whole.</summary>
    AtMost,

    /// <summary>rate ≈ numerator / denominator × 100, within tolerance points.</summary>
    Ratio,
}

/// <summary>Where an inferred relation came from.</summary>
public enum RelationOrigin
{
    /// <summary>The labels' words: sub-rows named as complementary parts, "Trong đó" subsets, a rate and its counts.</summary>
    Words,

    /// <summary>The figures: a total that equalled its sub-rows, a rate that equalled the ratio of two rows.</summary>
    Values,
}

/// <summary>A rule between rows, named by row ids.</summary>
public sealed record TemplateRelation
{
    public required RelationKind Kind { get; init; }

    public string? Total { get; init; }

    public IReadOnlyList<string>? Parts { get; init; }

    public string? Part { get; init; }

    public string? Whole { get; init; }

    public string? Rate { get; init; }

    public string? Numerator { get; init; }

    public string? Denominator { get; init; }

    /// <summary>Allowed difference for a ratio, in percentage points.</summary>
    public decimal Tolerance { get; init; } = 1;

    /// <summary>How bad a breach is; impossible figures are errors, soft bounds warnings.</summary>
    public Findings.Severity Severity { get; init; } = Findings.Severity.Error;

    /// <summary>
    /// Set on a relation <c>cchc template draft</c> inferred rather than a person declared: from the labels'
    /// words, or from values that held. Until a reviewer removes it, a breach is at most a warning.
    /// </summary>
    public RelationOrigin? Inferred { get; init; }

    /// <summary>For an inferred relation: in how many of the drafted-from documents it held, of <see cref="Documents"/>.</summary>
    public int? HeldIn { get; init; }

    public int? Documents { get; init; }

    /// <summary>Every row id the relation names.</summary>
    [JsonIgnore]
    public IEnumerable<string> RowIds =>
        new[] { Total, Part, Whole, Rate, Numerator, Denominator }.Concat(Parts ?? []).OfType<string>();
}
