using System.Text.Json;
using Cchc.Appendix.Checking;
using Cchc.Appendix.Table;
using Cchc.Appendix.Templates;
using Cchc.Appendix.Tests.Fixtures;
using static Cchc.Appendix.Tests.Checking.CommuneText;

namespace Cchc.Appendix.Tests.Checking;

/// <summary>
/// A previous report is analysed once and kept (with the form learned from it, where no template matches): a check must
/// give what a checker that never saw another report gives, whichever reports it saw before, in whatever order, on
/// however many threads.
/// </summary>
public class PreviousReportsTests
{
    /// <summary>Unit A's first quarter: its cumulative count of tasks done (5) is above quarter II's (4).</summary>
    private static readonly string UnitA = QuarterOne;

    /// <summary>Another commune, same form, whose cumulative count (3) quarter II's does not fall below.</summary>
    private static readonly string UnitB = QuarterOne
        .Replace("XÃ AN BÌNH", "XÃ TÂN LỘC", StringComparison.Ordinal)
        .Replace("(lũy kế từ đầu năm) | Nhiệm vụ | 5 |", "(lũy kế từ đầu năm) | Nhiệm vụ | 3 |", StringComparison.Ordinal);

    private static AppendixChecker NewChecker() => new(TemplateCatalog.Embedded);

    /// <summary>The whole report as text: form, counts and every finding with its messages and proposal.</summary>
    private static string Describe(CheckReport report) =>
        JsonSerializer.Serialize(new { report.Template, report.Summary, report.Findings });

    private static string Fresh(string current, string previous) => Describe(NewChecker().Check(Read(current), Read(previous)));

    [Fact]
    public void Check_TwoUnitsPreviousReports_NeverShareAForm()
    {
        var checker = NewChecker();
        var current = Read(QuarterTwo);

        var againstA = Describe(checker.Check(current, Read(UnitA)));
        var againstB = Describe(checker.Check(current, Read(UnitB)));
        var againstAAgain = Describe(checker.Check(current, Read(UnitA)));

        Assert.NotEqual(againstA, againstB);
        Assert.Contains("CUMULATIVE_DECREASE", againstA, StringComparison.Ordinal);
        Assert.DoesNotContain("CUMULATIVE_DECREASE", againstB, StringComparison.Ordinal);
        Assert.Equal(Fresh(QuarterTwo, UnitA), againstA);
        Assert.Equal(Fresh(QuarterTwo, UnitB), againstB);
        Assert.Equal(againstA, againstAAgain);
        Assert.Equal(2, checker.PreviousReportCount);
    }

    [Fact]
    public void Check_TemplateFormTwoUnitsPreviousQuarters_NeverShareAnAnalysis()
    {
        var checker = NewChecker();
        var q3 = TextFixture.Load("ngan-nam-2022-q3.txt");
        var q2 = TextFixture.Load("ngan-nam-2022-q2.txt");
        // Another unit's quarter on the same form: its own title and figures far from this unit's.
        var otherUnit = q2 with
        {
            TitleLines = [.. q2.TitleLines.Select(l => l.Replace("NGÃ NĂM", "VĨNH CHÂU", StringComparison.OrdinalIgnoreCase))],
            Rows = [.. q2.Rows.Select(r => r.Value.Text.Length > 0 && char.IsAsciiDigit(r.Value.Text[0]) ? r with { Value = "999999" } : r)],
        };

        var againstQ2 = Describe(checker.Check(q3, q2));
        var againstOther = Describe(checker.Check(q3, otherUnit));
        var againstQ2Again = Describe(checker.Check(q3, q2));

        Assert.NotEqual(againstQ2, againstOther);
        Assert.Equal(Describe(NewChecker().Check(q3, q2)), againstQ2);
        Assert.Equal(Describe(NewChecker().Check(q3, otherUnit)), againstOther);
        Assert.Equal(againstQ2, againstQ2Again);
        Assert.Equal(2, checker.PreviousReportCount);
    }

    [Fact]
    public void Check_SameReportReadTwice_SharesOneForm()
    {
        var checker = NewChecker();

        checker.Check(Read(QuarterTwo), Read(UnitA));
        checker.Check(Read(QuarterTwo), Read(UnitA));

        Assert.Equal(1, checker.PreviousReportCount);
    }

    [Fact]
    public void Check_ManyThreadsManyUnits_EachGetsItsOwnUnitsForm()
    {
        var checker = NewChecker();
        var units = new[] { UnitA, UnitB, UnitA.Replace("QUÝ I NĂM 2026", "QUÝ I NĂM 2025", StringComparison.Ordinal), UnitB.Replace("QUÝ I", "QUÝ IV", StringComparison.Ordinal) };
        var expected = units.Select(u => Fresh(QuarterTwo, u)).ToArray();
        Assert.Equal(units.Length, expected.Distinct().Count());
        var previous = units.Select(Read).ToArray();
        var current = Read(QuarterTwo);

        var got = new string[200];
        Parallel.For(0, got.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
            got[i] = Describe(checker.Check(current, previous[i % units.Length])));

        for (var i = 0; i < got.Length; i++)
        {
            Assert.Equal(expected[i % units.Length], got[i]);
        }
    }

    [Fact]
    public void Check_MorePreviousReportsThanItKeeps_KeepsNoMoreThanItsBound()
    {
        var checker = NewChecker();
        var current = Read(QuarterTwo);

        for (var unit = 0; unit < PreviousReports.Capacity + 8; unit++)
        {
            checker.Check(current, Read(UnitA.Replace("XÃ AN BÌNH", $"XÃ SỐ {unit}", StringComparison.Ordinal)));
        }

        Assert.InRange(checker.PreviousReportCount, 1, PreviousReports.Capacity);
    }

    [Fact]
    public void Check_PreviousReportLongerThanItKeeps_IsLearnedButNotKept()
    {
        var checker = NewChecker();
        var lines = string.Join('\n', Enumerable.Range(1, PreviousReports.MaxRows + 1).Select(i => $"{i} | Số văn bản loại {i} đã ban hành | Văn bản | {i} |"));
        var header = "THỐNG KÊ SỐ LIỆU BÁO CÁO CẢI CÁCH HÀNH CHÍNH\nQUÝ I NĂM 2026 CỦA UBND XÃ AN BÌNH\nSTT | Nội dung chỉ tiêu | Đơn vị tính | Kết quả | Ghi chú\nI | Công tác chỉ đạo | | |\n";

        var report = checker.Check(Read(header + lines.Replace("| 7 |", "| 8 |", StringComparison.Ordinal)), Read(header + lines));

        Assert.Equal(FormSource.PreviousReport, report.Template.Source);
        Assert.Equal(0, checker.PreviousReportCount);
    }

    [Fact]
    public void Check_PreviousReportWithSwollenCells_IsAnalysedButNotKept()
    {
        var checker = NewChecker();
        var swollen = UnitA.Replace("| Kế hoạch số 12/KH-UBND", "| " + new string('x', PreviousReports.MaxCharacters), StringComparison.Ordinal);

        var report = checker.Check(Read(QuarterTwo), Read(swollen));

        Assert.Equal(FormSource.PreviousReport, report.Template.Source);
        Assert.Equal(0, checker.PreviousReportCount);
    }

    [Fact]
    public void SnapshotContent_DiffersInOneStoredNumber_IsNotEqual()
    {
        var snapshot = Read(UnitA);
        var rows = snapshot.Rows.ToList();
        rows[3] = rows[3] with { Value = rows[3].Value with { Number = 42 } };
        var altered = snapshot with { Rows = rows };

        Assert.NotEqual(new SnapshotContent(snapshot), new SnapshotContent(altered));
    }

    [Fact]
    public void SnapshotContent_SameCellsElsewhereInTheDocument_IsEqual()
    {
        var snapshot = Read(UnitA);
        var moved = snapshot with { Rows = [.. snapshot.Rows.Select(r => r with { Location = new RowLocation(7, r.Row + 3) })] };

        Assert.Equal(new SnapshotContent(snapshot), new SnapshotContent(moved));
        Assert.Equal(new SnapshotContent(snapshot).GetHashCode(), new SnapshotContent(moved).GetHashCode());
    }

    [Fact]
    public void SnapshotContent_DiffersOnlyInALabelsLettersOfTheSameLength_SharesAHashButIsNotEqual()
    {
        var snapshot = Read(UnitA);
        var rows = snapshot.Rows.ToList();
        var label = rows[3].Label.Text;
        rows[3] = rows[3] with { Label = rows[3].Label with { Text = string.Concat(label.AsSpan(0, label.Length - 1), label[^1] == 'x' ? "y" : "x") } };
        var relabelled = snapshot with { Rows = rows };

        // Labels are hashed by their length, so the two land together and the full comparison keeps them apart.
        Assert.Equal(new SnapshotContent(snapshot).GetHashCode(), new SnapshotContent(relabelled).GetHashCode());
        Assert.NotEqual(new SnapshotContent(snapshot), new SnapshotContent(relabelled));
    }

    [Fact]
    public void Check_TwoPreviousReportsDifferingOnlyInALabelsLetters_AreEachAnalysedForThemselves()
    {
        var checker = NewChecker();
        var current = Read(QuarterTwo);
        // The same length, so the two share a hash (labels are hashed by their length).
        var renamed = UnitA.Replace("Thủ tục hành chính cấp xã", "Thủ tục hành chính cấp xa", StringComparison.Ordinal);
        Assert.NotEqual(UnitA, renamed);

        checker.Check(current, Read(UnitA));
        checker.Check(current, Read(renamed));

        Assert.Equal(2, checker.PreviousReportCount);
    }
}
