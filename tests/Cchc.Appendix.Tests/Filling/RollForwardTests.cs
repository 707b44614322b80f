using Cchc.Appendix.Checking;
using Cchc.Appendix.Editing;
using Cchc.Appendix.Filling;
using Cchc.Appendix.Header;
using Cchc.Appendix.Table;
using Cchc.Appendix.Tests.Checking;

namespace Cchc.Appendix.Tests.Filling;

public class RollForwardTests
{
    /// <summary>Applies edits to a snapshot the way a writer applies them to a document.</summary>
    internal static TableSnapshot Apply(TableSnapshot snapshot, IReadOnlyList<CellEdit> edits)
    {
        var titles = snapshot.TitleLines.ToList();
        var rows = snapshot.Rows.ToList();
        foreach (var edit in edits)
        {
            if (edit.Row == 0)
            {
                titles[edit.TitleLine!.Value] = edit.NewText;
                continue;
            }

            var row = rows[edit.Row - 1];
            rows[edit.Row - 1] = edit.Column switch
            {
                AppendixColumn.No => row with { No = edit.NewText },
                AppendixColumn.Label => row with { Label = edit.NewText },
                AppendixColumn.Unit => row with { Unit = edit.NewText },
                AppendixColumn.Value => row with { Value = edit.NewText },
                _ => row with { Note = edit.NewText },
            };
        }

        return snapshot with { TitleLines = titles, Rows = rows };
    }

    [Fact]
    public void Plan_Q3_MakesAQuarterFourAppendixWithBlankReportNumberAndDate()
    {
        var rolled = Apply(CheckerHarness.Q3, RollForward.Default.Plan(CheckerHarness.Q3));

        var header = HeaderParser.Parse(rolled.TitleLines);
        Assert.Equal(ReportPeriod.Quarter(4, 2022), header.Period);
        Assert.Equal("UBND THỊ XÃ NGÃ NĂM", header.Unit);
        Assert.Null(header.ReportNumber);
        Assert.Null(header.ReportDate);
        Assert.Equal(2022, header.ReferenceYear);
    }

    [Fact]
    public void Plan_Q3_KeepsStockClearsFlowsAndNotesCumulativeFloors()
    {
        var rolled = Apply(CheckerHarness.Q3, RollForward.Default.Plan(CheckerHarness.Q3));

        string ValueOf(string label) => rolled.Rows.First(r => r.Label.Text == label).Value.Text;
        Assert.Equal("413", ValueOf("Tổng số TTHC đang có hiệu lực:"));
        Assert.Equal(string.Empty, ValueOf("Số TTHC được công bố mới"));
        Assert.Equal(string.Empty, ValueOf("Số nhiệm vụ đã hoàn thành"));
        Assert.Contains("Lũy kế kỳ trước: 15", rolled.Rows.First(r => r.Label.Text == "Số nhiệm vụ đã hoàn thành").Note.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_Q3_LeavesNoStructuralFault()
    {
        var rolled = Apply(CheckerHarness.Q3, RollForward.Default.Plan(CheckerHarness.Q3));

        var report = AppendixChecker.Default.Check(rolled);

        string[] structural = ["NUMBERING_DUPLICATE", "NUMBERING_SEQUENCE", "NUMBERING_SUBITEM", "NUMBERING_SECTION", "UNIT_MISSING", "UNIT_MISMATCH", "LABEL_WORDING", "HEADER_PERIOD_MISSING", "HEADER_UNIT_MISSING", "HEADER_YEAR_MISMATCH", "ROW_MISSING", "ROW_UNKNOWN"];
        Assert.DoesNotContain(report.Findings, f => structural.Contains(f.Code));
        Assert.Equal(ReportPeriod.Quarter(4, 2022), report.Header.Period);
    }

    [Fact]
    public void Plan_QuarterFour_RollsIntoQuarterOneOfNextYearWithoutFloors()
    {
        var q4 = CheckerHarness.Q3 with { TitleLines = [.. CheckerHarness.Q3.TitleLines.Select(t => t.Replace("QUÝ III", "QUÝ IV", StringComparison.Ordinal))] };

        var edits = RollForward.Default.Plan(q4);
        var rolled = Apply(q4, edits);

        Assert.Equal(ReportPeriod.Quarter(1, 2023), HeaderParser.Parse(rolled.TitleLines).Period);
        Assert.Equal(2023, HeaderParser.Parse(rolled.TitleLines).ReferenceYear);
        Assert.DoesNotContain(edits, e => e.Column == AppendixColumn.Note);
    }
}
