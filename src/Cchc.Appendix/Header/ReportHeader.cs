namespace Cchc.Appendix.Header;

/// <summary>
/// What the title lines say about the report: the reporting unit ("UBND THỊ XÃ NGÃ NĂM"), the period,
/// and the reference line "(Kèm theo Báo cáo số …/BC-UBND ngày …/…/2022 của …)" whose number and date
/// are often left blank until signing.
/// </summary>
public sealed record ReportHeader(
    string? Unit,
    ReportPeriod? Period,
    string? ReportNumber,
    DateOnly? ReportDate,
    int? ReferenceYear,
    bool HasReferenceLine)
{
    public static readonly ReportHeader Unknown = new(null, null, null, null, null, false);

    /// <summary>Index of the title line that names the period and unit, when one does.</summary>
    public int? PeriodLine { get; init; }

    /// <summary>Index of the "(Kèm theo Báo cáo số …)" line, when present.</summary>
    public int? ReferenceLine { get; init; }
}
