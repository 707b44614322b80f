using Cchc.Appendix.Checking;
using Cchc.Appendix.Header;
using Cchc.Appendix.Table;
using Cchc.Appendix.Templates;

namespace Cchc.Appendix.Consolidation;

/// <summary>What to consolidate: the period (else the one most files are of), the units expected (else those received), and whether figures with errors count.</summary>
public sealed record ConsolidationOptions
{
    public static readonly ConsolidationOptions Default = new();

    /// <summary>The period to consolidate; null takes the period most of the readable files are of.</summary>
    public ReportPeriod? Period { get; init; }

    /// <summary>The units expected to report, as a list or the archive knows them; null expects exactly the units received.</summary>
    public IReadOnlyList<string>? Units { get; init; }

    /// <summary>
    /// False (the default) leaves a figure out of the totals where the check found an error in its cell (a negative
    /// count, a rate over 100 %); the unit stays in, flagged. True counts such figures as written.
    /// </summary>
    public bool CountFiguresWithErrors { get; init; }
}

/// <summary>Whether a unit's appendix for the period is here.</summary>
public enum UnitState
{
    Received,
    Missing,
}

/// <summary>One unit's line of the status table: received or missing, the form it matched, its findings, ready to sign or not.</summary>
public sealed record UnitStatus(
    string Unit,
    UnitState State,
    string? File,
    TemplateMatch? Template,
    int Errors,
    int Warnings,
    int Infos,
    bool ReadyToSign,
    string? ReportNumber,
    DateOnly? ReportDate)
{
    public static UnitStatus Missing(string unit) => new(unit, UnitState.Missing, null, null, 0, 0, 0, false, null, null);
}

/// <summary>Why a file's figures are not in the consolidation.</summary>
public enum ExclusionKind
{
    /// <summary>The appendix is of another period than the one consolidated.</summary>
    OtherPeriod,

    /// <summary>A second report of a unit already counted: the later report date wins.</summary>
    Duplicate,

    /// <summary>The file could not be read as an appendix.</summary>
    Unreadable,

    /// <summary>The title names no period or no unit, so the file cannot be placed.</summary>
    NoHeader,

    /// <summary>The unit is not among the units expected.</summary>
    NotListed,
}

/// <summary>A file left out, and why, in Vietnamese and English.</summary>
public sealed record Exclusion(string File, ExclusionKind Kind, string Reason, string ReasonEn, string? Unit = null);

/// <summary>How a consolidated figure was worked out.</summary>
public enum FigureMethod
{
    /// <summary>Counts added over the units.</summary>
    Sum,

    /// <summary>Yes/no rows: the number of units answering 1.</summary>
    YesCount,

    /// <summary>A rate recomputed from the summed numerator and denominator the form relates it to.</summary>
    Recomputed,

    /// <summary>A rate or code the form relates to nothing: only minimum, median and maximum over units, no total.</summary>
    Spread,
}

/// <summary>One unit's cell behind a consolidated figure.</summary>
/// <param name="Value">The figure as the check parsed it; null where blank or not a number.</param>
/// <param name="Invalid">The cell holds something that is not a number ("khoảng 20").</param>
/// <param name="HasError">The check found an error in this cell.</param>
/// <param name="Counted">The figure went into the consolidated value.</param>
public sealed record UnitFigure(decimal? Value, bool Invalid, bool HasError, bool Counted);

/// <summary>
/// One figure of the consolidated appendix: an indicator in one value column. <see cref="Value"/> is the total, the
/// number of units answering yes, or the recomputed rate; null for a <see cref="FigureMethod.Spread"/>, which never
/// passes an average of rates off as a total. <see cref="Reported"/> of <see cref="Of"/> units gave it.
/// </summary>
public sealed record ConsolidatedFigure(
    string Id,
    int Column,
    ValueRole Role,
    IndicatorType Type,
    IndicatorKind Kind,
    FigureMethod Method,
    decimal? Value,
    int Reported,
    int Of,
    decimal? Min,
    decimal? Median,
    decimal? Max)
{
    /// <summary>For a recomputed rate, the summed numerator and denominator it was computed from.</summary>
    public decimal? Numerator { get; init; }

    public decimal? Denominator { get; init; }

    /// <summary>Figures written but left out because the check found an error in their cell.</summary>
    public int LeftOutWithErrors { get; init; }

    /// <summary>Each unit's cell, index for index with <see cref="ConsolidatedReport.Units"/>; null where the unit gave none.</summary>
    public IReadOnlyList<UnitFigure?> ByUnit { get; init; } = [];

    /// <summary>For yes/no rows, the share of reporting units answering 1, in percent.</summary>
    public decimal? Share => Method == FigureMethod.YesCount && Reported > 0 ? Math.Round(Value!.Value / Reported * 100, 1, MidpointRounding.AwayFromZero) : null;
}

/// <summary>
/// A line of the consolidated appendix in the common form's order: a section or heading, or an indicator with one
/// figure per value column (null where no unit gave that column).
/// </summary>
public sealed record ConsolidatedRow(
    string Key,
    string? Section,
    string No,
    string Label,
    string Unit,
    bool IsHeading,
    IReadOnlyList<ConsolidatedFigure?> Figures)
{
    /// <summary>The template's indicator id, else null: the row was aligned by its label.</summary>
    public string? IndicatorId { get; init; }

    /// <summary>True for an indicator that the common form lacks, appended after it.</summary>
    public bool OutsideCommonForm { get; init; }
}

/// <summary>Something of some units' forms that does not line up with the common form, listed rather than dropped.</summary>
public sealed record UnalignedIndicator(string Label, string Reason, string ReasonEn, IReadOnlyList<string> Units);

/// <summary>
/// The province's view of one period: every unit's status, the consolidated appendix in the common form's layout,
/// what was left out and why, and what could not be aligned.
/// </summary>
public sealed record ConsolidatedReport(
    ReportPeriod? Period,
    IReadOnlyList<UnitStatus> Units,
    IReadOnlyList<ValueColumn> Columns,
    IReadOnlyList<ConsolidatedRow> Rows,
    IReadOnlyList<Exclusion> Excluded,
    IReadOnlyList<UnalignedIndicator> Unaligned)
{
    /// <summary>The errors of each received unit, by unit name, for the list of errors.</summary>
    public IReadOnlyList<(string Unit, string File, Findings.Finding Finding)> Errors { get; init; } = [];

    /// <summary>Every figure, row by row.</summary>
    public IEnumerable<ConsolidatedFigure> Figures => Rows.SelectMany(r => r.Figures).OfType<ConsolidatedFigure>();

    /// <summary>The row and figure of an id, or null.</summary>
    public (ConsolidatedRow Row, ConsolidatedFigure Figure)? Find(string id)
    {
        foreach (var row in Rows)
        {
            foreach (var figure in row.Figures)
            {
                if (figure?.Id == id)
                {
                    return (row, figure);
                }
            }
        }

        return null;
    }

    /// <summary>True when every expected unit reported and is ready to sign.</summary>
    public bool AllReadyToSign => Units.Count > 0 && Units.All(u => u.State == UnitState.Received && u.ReadyToSign);
}
