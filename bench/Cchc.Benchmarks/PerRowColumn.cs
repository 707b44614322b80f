using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Cchc.Benchmarks;

/// <summary>
/// Mean time per table row for benchmarks with a <c>Rows</c> parameter, and the same figure as a ratio to
/// the smallest row count of that benchmark: 1.00 all the way down is what linear growth looks like.
/// </summary>
public sealed class PerRowColumn(bool relative) : IColumn
{
    public string Id => relative ? "ns-per-row-ratio" : "ns-per-row";

    public string ColumnName => relative ? "ns/row vs smallest" : "ns/row";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => relative ? 1 : 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => relative
        ? "Mean per row divided by the mean per row of the smallest Rows value of the same benchmark"
        : "Mean time divided by the Rows parameter, in nanoseconds";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var perRow = PerRow(summary, benchmarkCase);
        if (perRow is null)
        {
            return "-";
        }

        if (!relative)
        {
            return perRow.Value.ToString("N1", CultureInfo.InvariantCulture);
        }

        var smallest = summary.BenchmarksCases
            .Where(c => c.Descriptor == benchmarkCase.Descriptor && Rows(c) is not null)
            .MinBy(c => Rows(c)!.Value);
        var baseline = smallest is null ? null : PerRow(summary, smallest);
        return baseline is null or 0 ? "-" : (perRow.Value / baseline.Value).ToString("N2", CultureInfo.InvariantCulture);
    }

    public bool IsAvailable(Summary summary) => summary.BenchmarksCases.Any(c => Rows(c) is not null);

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    private static int? Rows(BenchmarkCase benchmarkCase) =>
        benchmarkCase.Parameters.Items.FirstOrDefault(p => p.Name == "Rows")?.Value as int?;

    private static double? PerRow(Summary summary, BenchmarkCase benchmarkCase)
    {
        var rows = Rows(benchmarkCase);
        var mean = summary[benchmarkCase]?.ResultStatistics?.Mean;
        return rows is null or 0 || mean is null ? null : mean.Value / rows.Value;
    }
}
