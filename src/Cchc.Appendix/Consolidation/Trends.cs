using Cchc.Appendix.Header;
using Cchc.Appendix.Templates;

namespace Cchc.Appendix.Consolidation;

/// <summary>One period's consolidated figure of an indicator; <see cref="Value"/> is the median where the figure has no total.</summary>
public sealed record TrendPoint(ReportPeriod Period, decimal? Value, int Reported, int Of);

/// <summary>An indicator over the periods, oldest first; the last point is the period consolidated.</summary>
public sealed record TrendSeries(string Id, string Label, string Unit, IndicatorType Type, FigureMethod Method, IReadOnlyList<TrendPoint> Points);

/// <summary>
/// How chosen indicators moved over the last periods: each period consolidated on its own, from the same kind of
/// report (quarters with quarters: a six-month flow is no point on a line of quarters).
/// </summary>
public static class Trends
{
    /// <summary>How many periods a trend shows by default: a year and a half of quarters.</summary>
    public const int DefaultPeriods = 6;

    /// <summary>How many indicators a trend shows unless asked for others: more lines than this are not read.</summary>
    public const int DefaultIndicators = 5;

    /// <summary>
    /// The periods of <paramref name="current"/>'s kind that <paramref name="reports"/> hold, up to and including it, the
    /// last <paramref name="count"/>, oldest first.
    /// </summary>
    public static IReadOnlyList<ReportPeriod> PeriodsUpTo(ReportPeriod current, IEnumerable<UnitReport> reports, int count = DefaultPeriods) =>
        Window(reports.Select(r => r.Header.Period).OfType<ReportPeriod>(), current, count);

    /// <summary>Of <paramref name="periods"/>, those of <paramref name="current"/>'s kind up to and including it, the last <paramref name="count"/>, oldest first.</summary>
    public static IReadOnlyList<ReportPeriod> Window(IEnumerable<ReportPeriod> periods, ReportPeriod current, int count = DefaultPeriods)
    {
        ArgumentNullException.ThrowIfNull(current);
        return periods
            .Append(current)
            .Where(p => p.Kind == current.Kind && p.CalendarKey() <= current.CalendarKey())
            .Distinct()
            .OrderBy(p => p.CalendarKey())
            .TakeLast(Math.Max(1, count))
            .ToList();
    }

    /// <summary>
    /// Each of <paramref name="periods"/> consolidated over <paramref name="reports"/> with the same options otherwise;
    /// <paramref name="done"/>, a period already consolidated, is used as it is rather than worked out twice.
    /// </summary>
    public static IReadOnlyList<ConsolidatedReport> ConsolidateEach(IReadOnlyCollection<UnitReport> reports, IEnumerable<ReportPeriod> periods, ConsolidationOptions? options = null, ConsolidatedReport? done = null)
    {
        options ??= ConsolidationOptions.Default;
        return periods.Select(p => done?.Period == p ? done : Consolidator.Consolidate(reports, null, options with { Period = p })).ToList();
    }

    /// <summary>
    /// The trend of <paramref name="report"/>: the chosen indicators (else <see cref="DefaultIds"/>) over the periods of its
    /// kind that <paramref name="reports"/> hold, each consolidated with the same options.
    /// </summary>
    public static IReadOnlyList<TrendSeries> For(ConsolidatedReport report, IReadOnlyCollection<UnitReport> reports, ConsolidationOptions options, IEnumerable<string>? ids = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.Period is null)
        {
            return [];
        }

        var byPeriod = ConsolidateEach(reports, PeriodsUpTo(report.Period, reports), options, report);
        return Of(byPeriod, ids ?? DefaultIds(report));
    }

    /// <summary>The indicators a trend shows unless the user chose: rates recomputed from counts, else other rates, else the largest counts.</summary>
    public static IReadOnlyList<string> DefaultIds(ConsolidatedReport report, int count = DefaultIndicators)
    {
        ArgumentNullException.ThrowIfNull(report);
        var first = report.Rows.Where(r => !r.IsHeading && r.Figures.Count > 0 && r.Figures[0] is { Reported: > 0 }).Select(r => r.Figures[0]!).ToList();
        var rates = first.Where(f => f.Method == FigureMethod.Recomputed).ToList();
        if (rates.Count == 0)
        {
            rates = first.Where(f => f.Type == IndicatorType.Percent).ToList();
        }

        var chosen = rates.Count > 0 ? rates : first.Where(f => f.Method == FigureMethod.Sum).OrderByDescending(f => f.Value).ToList();
        return chosen.Take(count).Select(f => f.Id).ToList();
    }

    /// <summary>The series of <paramref name="ids"/> over <paramref name="byPeriod"/>; the labels are the last period's.</summary>
    public static IReadOnlyList<TrendSeries> Of(IReadOnlyList<ConsolidatedReport> byPeriod, IEnumerable<string> ids)
    {
        ArgumentNullException.ThrowIfNull(byPeriod);
        var series = new List<TrendSeries>();
        foreach (var id in ids)
        {
            var found = byPeriod.Reverse().Select(r => r.Find(id)).FirstOrDefault(f => f is not null);
            if (found is not { } named)
            {
                continue;
            }

            var points = byPeriod.Where(r => r.Period is not null).Select(r =>
            {
                var figure = r.Find(id)?.Figure;
                return new TrendPoint(r.Period!, figure?.Value ?? figure?.Median, figure?.Reported ?? 0, figure?.Of ?? r.Units.Count);
            }).ToList();
            series.Add(new TrendSeries(id, named.Row.Label, named.Figure.Type == IndicatorType.Percent ? "%" : named.Row.Unit, named.Figure.Type, named.Figure.Method, points));
        }

        return series;
    }
}
