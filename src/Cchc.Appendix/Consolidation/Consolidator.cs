using System.Globalization;
using Cchc.Appendix.Header;

namespace Cchc.Appendix.Consolidation;

/// <summary>
/// Consolidates the checked appendices of one period, as the province's Department of Home Affairs does each quarter:
/// places every file (period, unit), keeps one report per unit (the later report date wins), sets each expected unit
/// received or missing, and adds the figures up indicator by indicator (<see cref="FigureAlignment"/>). Pure: the
/// callers read the files, this only decides.
/// </summary>
public static class Consolidator
{
    private static readonly StringComparer VietnameseOrder = StringComparer.Create(CultureInfo.GetCultureInfo("vi-VN"), ignoreCase: true);

    public static ConsolidatedReport Consolidate(IEnumerable<UnitReport> reports, IEnumerable<UnreadableFile>? unreadable = null, ConsolidationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(reports);
        options ??= ConsolidationOptions.Default;
        var excluded = new List<Exclusion>();
        foreach (var file in unreadable ?? [])
        {
            excluded.Add(new Exclusion(file.File, ExclusionKind.Unreadable, $"Không đọc được tệp: {file.Reason}", $"The file cannot be read: {file.ReasonEn}"));
        }

        var placed = new List<UnitReport>();
        foreach (var report in reports)
        {
            if (report.Header.Period is null || report.Header.Unit is null)
            {
                var missing = report.Header.Period is null ? ("kỳ báo cáo", "the period") : ("đơn vị báo cáo", "the reporting unit");
                excluded.Add(new Exclusion(
                    report.File,
                    ExclusionKind.NoHeader,
                    $"Tiêu đề phụ lục không ghi {missing.Item1} (ví dụ: QUÝ II NĂM 2026 CỦA UBND XÃ …) nên không xếp được vào bảng tổng hợp.",
                    $"The appendix title does not name {missing.Item2} (e.g. QUÝ II NĂM 2026 CỦA UBND XÃ …), so the file cannot be placed.",
                    report.Header.Unit));
                continue;
            }

            placed.Add(report);
        }

        var period = options.Period ?? MostCommonPeriod(placed);
        var inPeriod = new List<UnitReport>();
        foreach (var report in placed)
        {
            if (report.Header.Period != period)
            {
                excluded.Add(new Exclusion(
                    report.File,
                    ExclusionKind.OtherPeriod,
                    $"Báo cáo {report.Header.Period} của {report.Header.Unit}, không phải {period}.",
                    $"The report of {report.Header.Unit} for {report.Header.Period!.ToEnglishString()}, not {period?.ToEnglishString()}.",
                    report.Header.Unit));
            }
            else
            {
                inPeriod.Add(report);
            }
        }

        var chosen = new Dictionary<string, UnitReport>(StringComparer.Ordinal);
        foreach (var group in inPeriod.GroupBy(r => UnitNames.Key(r.Header.Unit!), StringComparer.Ordinal))
        {
            var ordered = group
                .OrderByDescending(r => r.Header.ReportDate ?? DateOnly.MinValue)
                .ThenByDescending(r => r.Modified ?? DateTimeOffset.MinValue)
                .ThenBy(r => r.File, StringComparer.Ordinal)
                .ToList();
            var kept = ordered[0];
            chosen[group.Key] = kept;
            foreach (var other in ordered.Skip(1))
            {
                excluded.Add(new Exclusion(
                    other.File,
                    ExclusionKind.Duplicate,
                    $"Báo cáo thứ hai của {other.Header.Unit} trong {period}: giữ {kept.File}{DateVi(kept)}, bản có ngày báo cáo muộn hơn.",
                    $"A second report of {other.Header.Unit} for {period!.ToEnglishString()}: {kept.File}{DateEn(kept)} is kept, the later report date.",
                    other.Header.Unit));
            }
        }

        // The units in scope: the list given (in its order), else those received (in Vietnamese alphabetical order).
        var scope = new List<(string Key, string Name)>();
        if (options.Units is { } expected)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var name in expected.Select(n => n.Trim()).Where(n => n.Length > 0))
            {
                var key = UnitNames.Key(name);
                if (key.Length > 0 && seen.Add(key))
                {
                    scope.Add((key, name));
                }
            }

            foreach (var (key, report) in chosen.Where(c => !seen.Contains(c.Key)).OrderBy(c => c.Value.File, StringComparer.Ordinal))
            {
                excluded.Add(new Exclusion(
                    report.File,
                    ExclusionKind.NotListed,
                    $"Đơn vị “{report.Header.Unit}” không có trong danh sách đơn vị phải báo cáo (kiểm tra tên đơn vị trên tiêu đề hoặc bổ sung danh sách).",
                    $"The unit “{report.Header.Unit}” is not on the list of units expected to report (check the unit's name in the title, or add it to the list).",
                    report.Header.Unit));
                chosen.Remove(key);
            }
        }
        else
        {
            scope.AddRange(chosen.Select(c => (c.Key, c.Value.Header.Unit!)).OrderBy(u => u.Item2, VietnameseOrder));
        }

        var statuses = new List<UnitStatus>(scope.Count);
        var received = new UnitReport?[scope.Count];
        for (var i = 0; i < scope.Count; i++)
        {
            if (chosen.TryGetValue(scope[i].Key, out var report))
            {
                received[i] = report;
                statuses.Add(new UnitStatus(
                    scope[i].Name,
                    UnitState.Received,
                    report.File,
                    report.Template,
                    report.Summary.Errors,
                    report.Summary.Warnings,
                    report.Summary.Infos,
                    report.ReadyToSign,
                    report.Header.ReportNumber,
                    report.Header.ReportDate));
            }
            else
            {
                statuses.Add(UnitStatus.Missing(scope[i].Name));
            }
        }

        var alignment = FigureAlignment.Align(received, statuses.Select(s => s.Unit).ToList(), options);
        var errors = new List<(string, string, Findings.Finding)>();
        for (var i = 0; i < received.Length; i++)
        {
            if (received[i] is { } report)
            {
                errors.AddRange(report.Errors.Select(e => (statuses[i].Unit, report.File, e)));
            }
        }

        return new ConsolidatedReport(period, statuses, alignment.Columns, alignment.Rows, Order(excluded), alignment.Unaligned) { Errors = errors };
    }

    /// <summary>The period most reports are of; among equals the latest, so last quarter's stragglers do not win.</summary>
    private static ReportPeriod? MostCommonPeriod(List<UnitReport> reports) =>
        reports.GroupBy(r => r.Header.Period!)
            .OrderByDescending(g => g.Count())
            .ThenByDescending(g => g.Key.CalendarKey())
            .Select(g => g.Key)
            .FirstOrDefault();

    private static List<Exclusion> Order(List<Exclusion> excluded) =>
        excluded.OrderBy(e => e.Kind).ThenBy(e => e.File, StringComparer.Ordinal).ToList();

    private static string DateVi(UnitReport report) =>
        report.Header.ReportDate is { } date ? $" (ngày {date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)})" : string.Empty;

    private static string DateEn(UnitReport report) =>
        report.Header.ReportDate is { } date ? $" (dated {date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)})" : string.Empty;
}
