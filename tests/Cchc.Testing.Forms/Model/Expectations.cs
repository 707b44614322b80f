namespace Cchc.Testing.Forms;

/// <summary>
/// The families of faults of DOMAIN.md, as the short words <see cref="Expected.Family"/> uses. A finding's rule
/// code belongs to one family; the engine's tests map codes to these words.
/// </summary>
public static class Families
{
    /// <summary>A blank value or unit.</summary>
    public const string Missing = "missing";

    /// <summary>Text in a number, a negative or fractional count, a percent outside 0–100, a code outside its list.</summary>
    public const string Type = "type";

    /// <summary>A unit that contradicts the label or the form (learned or templated).</summary>
    public const string Unit = "unit";

    /// <summary>A total that does not equal its parts.</summary>
    public const string Total = "total";

    /// <summary>A part larger than its whole, a cumulative figure below this period's.</summary>
    public const string Order = "order";

    /// <summary>A rate that disagrees with the rows it is computed from.</summary>
    public const string Ratio = "ratio";

    /// <summary>A figure that breaks against last period's report (a cumulative value that falls).</summary>
    public const string Period = "period";

    /// <summary>Item numbers that skip or repeat, a numbered sub-item, sections out of order.</summary>
    public const string Numbering = "numbering";

    /// <summary>The title lines or the table's header row.</summary>
    public const string Header = "header";

    /// <summary>A label's wording, or a row that appeared or disappeared against the form.</summary>
    public const string Label = "label";
}

/// <summary>Severity floors, as the JSON contract spells them.</summary>
public static class Severities
{
    public const string Error = "error";
    public const string Warning = "warning";
    public const string Info = "info";

    /// <summary>0 for info, 1 for warning, 2 for error: a finding meets a floor when its rank is not below.</summary>
    public static int Rank(string severity) => severity switch
    {
        Error => 2,
        Warning => 1,
        Info => 0,
        _ => throw new ArgumentOutOfRangeException(nameof(severity), severity, "not a severity"),
    };
}

/// <summary>The cell a finding points at, as the JSON contract's <c>column</c> spells it.</summary>
public static class FindingColumns
{
    public const string Value = "value";
    public const string Unit = "unit";
    public const string No = "no";
    public const string Label = "label";

    /// <summary>The title lines above the table, or the table's header as a whole.</summary>
    public const string Header = "header";
}

/// <summary>
/// A planted fault and the finding it must produce: on the one row whose label contains
/// <paramref name="LabelContains"/> (found once even compared without case), in <paramref name="Column"/> (value cells also name
/// <paramref name="ValueColumn"/>, 0-based among the form's value columns), of <paramref name="Family"/>, at
/// least as severe as <paramref name="Severity"/>. A stricter engine may report more; it may not report less.
/// For <see cref="FindingColumns.Header"/> the text is found in the title lines instead, and null means the
/// table as a whole (a table without a header row).
/// </summary>
public sealed record Expected(string? LabelContains, string Column, int? ValueColumn, string Family, string Severity)
{
    /// <summary>
    /// The row is in <see cref="FormDocument.Previous"/> only: it disappeared since last period, so the finding
    /// has no row of this document to sit on.
    /// </summary>
    public bool OnlyInPrevious { get; init; }

    public static Expected Value(string labelContains, string family, string severity, int valueColumn = 0) =>
        new(labelContains, FindingColumns.Value, valueColumn, family, severity);

    public static Expected Unit(string labelContains, string family, string severity) =>
        new(labelContains, FindingColumns.Unit, null, family, severity);

    public static Expected No(string labelContains, string severity = Severities.Warning) =>
        new(labelContains, FindingColumns.No, null, Families.Numbering, severity);

    public static Expected Label(string labelContains, string severity) =>
        new(labelContains, FindingColumns.Label, null, Families.Label, severity);

    public static Expected Header(string? titleContains, string severity) =>
        new(titleContains, FindingColumns.Header, null, Families.Header, severity);
}

/// <summary>
/// A row that must produce no error, in any column. When <see cref="SilentFamilies"/> is not empty it must
/// produce no finding at all, of any severity, of those families: the traps, where a naive rule would see a
/// total or a part larger than its whole that is not there.
/// </summary>
public sealed record Clean(string LabelContains)
{
    public IReadOnlyList<string> SilentFamilies { get; init; } = [];

    /// <summary>A row of a nested group whose parts are subsets, not a partition: no total or order finding.</summary>
    public static Clean Trap(string labelContains) =>
        new(labelContains) { SilentFamilies = [Families.Total, Families.Order] };
}

/// <summary>One value cell: the row whose label contains the text, and which value column.</summary>
public sealed record CellRef(string LabelContains, int ValueColumn = 0)
{
    /// <summary>The cell is in <see cref="FormDocument.Previous"/>, last period's report.</summary>
    public bool InPrevious { get; init; }
}

/// <summary>What a <see cref="Relation"/> claims about its cells.</summary>
public enum RelationKind
{
    /// <summary>The target equals the sum of the parts.</summary>
    Sum,

    /// <summary>
    /// Every part is at most the target, and the parts do not add up to it: sub-rows that are nested subsets
    /// ("Trong đó …", resolved within received), the trap where a total rule must stay silent.
    /// </summary>
    Nested,

    /// <summary>The target is parts[0] / parts[1] × 100, rounded to the decimals it is written with.</summary>
    Ratio,

    /// <summary>The target is at least parts[0]: a cumulative figure against this period's, or against last period's.</summary>
    NotBelow,
}

/// <summary>
/// The arithmetic of a group of rows as planted. <see cref="Holds"/> false marks a planted fault, and one of its
/// cells then has an <see cref="Expected"/>; true marks a consistent group, and every row of it is
/// <see cref="Clean"/>. The form's tests recompute every relation from the cells, so the data cannot claim what
/// it does not show.
/// </summary>
public sealed record Relation(RelationKind Kind, CellRef Target, IReadOnlyList<CellRef> Parts, bool Holds)
{
    public static Relation Sum(bool holds, CellRef total, params CellRef[] parts) => new(RelationKind.Sum, total, parts, holds);

    public static Relation Nested(CellRef whole, params CellRef[] parts) => new(RelationKind.Nested, whole, parts, true);

    public static Relation Ratio(bool holds, CellRef rate, CellRef numerator, CellRef denominator) =>
        new(RelationKind.Ratio, rate, [numerator, denominator], holds);

    public static Relation NotBelow(bool holds, CellRef larger, CellRef smaller) => new(RelationKind.NotBelow, larger, [smaller], holds);
}
