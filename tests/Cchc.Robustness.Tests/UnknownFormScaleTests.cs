using System.Globalization;
using Cchc.Appendix.Checking;
using Cchc.Appendix.Table;

namespace Cchc.Robustness.Tests;

/// <summary>
/// A form no template knows, made hostile by its shape: thousands of rows under one numbered item and a rate every few
/// rows, checked against a previous quarter of the same shape. Inferring and learning relations must stay near the
/// rows they relate, never compare every row with every other (the hang guard catches a runaway, not a slow run).
/// </summary>
public class UnknownFormScaleTests
{
    private static TableSnapshot Quarter(int quarter, int rows)
    {
        var list = new List<AppendixRow> { new(1, "I", "Cải cách thủ tục hành chính", "", "", ""), new(2, "1", "Kết quả giải quyết hồ sơ", "", "", "") };
        for (var i = 0; i < rows; i++)
        {
            var n = list.Count + 1;
            var text = (i % 4) switch
            {
                0 => ("Số hồ sơ đã tiếp nhận của lĩnh vực " + i, "Hồ sơ", (100 + i).ToString(CultureInfo.InvariantCulture)),
                1 => ("- Số hồ sơ đã giải quyết của lĩnh vực " + i, "Hồ sơ", (90 + i).ToString(CultureInfo.InvariantCulture)),
                2 => ("- Số hồ sơ giải quyết đúng hạn của lĩnh vực " + i, "Hồ sơ", (80 + i).ToString(CultureInfo.InvariantCulture)),
                _ => ("Tỷ lệ hồ sơ giải quyết đúng hạn của lĩnh vực " + i, "%", quarter == 1 ? "50" : "60"),
            };
            list.Add(new AppendixRow(n, "", text.Item1, text.Item2, text.Item3, ""));
        }

        return new TableSnapshot([$"QUÝ {(quarter == 1 ? "I" : "II")} NĂM 2026 CỦA UBND XÃ AN BÌNH"], list);
    }

    [Fact]
    public void Check_OneItemOfThousandsOfRowsWithRatesThroughout_StaysBounded()
    {
        var ((report, _), cost) = Bounded.Run(() => (AppendixChecker.Default.Check(Quarter(2, 8_000), Quarter(1, 8_000)), 0));

        Assert.Equal(FormSource.PreviousReport, report.Template.Source);
        Assert.Equal(0, report.Summary.Errors);
        Assert.True(cost.AllocatedBytes < Bounded.MaxPeakGrowthBytes, cost.ToString());
    }
}
