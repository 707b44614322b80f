using System.Text;
using Cchc.Appendix.Checking;
using Cchc.Appendix.Findings;
using Cchc.Appendix.Table;
using Cchc.Appendix.Tests.Checking;
using Cchc.Appendix.Tests.Fixtures;

namespace Cchc.Appendix.Tests.Matching;

public class TemplateMatcherTests
{
    private static TableSnapshot Q2 => CheckerHarness.Q2;

    [Fact]
    public void Check_LabelsInDecomposedUnicode_MatchTheSameRowsWithTheSameFindings()
    {
        var decomposed = Q2 with
        {
            Rows = Q2.Rows.Select(r => r with { Label = r.Label.Text.Normalize(NormalizationForm.FormD), Unit = r.Unit.Text.Normalize(NormalizationForm.FormD) }).ToList(),
        };

        var expected = CheckerHarness.Check(Q2);
        var actual = CheckerHarness.Check(decomposed);

        Assert.Equal(expected.Template.MatchedRows, actual.Template.MatchedRows);
        Assert.Equal(expected.Findings.Select(f => (f.Row, f.Code)), actual.Findings.Select(f => (f.Row, f.Code)));
    }

    [Fact]
    public void Check_DashPrefixesColonsAndExtraSpaces_AreNotWordingFaults()
    {
        var altered = Q2
            .With("Số TTHC liên thông cùng cấp", AppendixColumn.Label, "-  Số TTHC   liên thông cùng cấp:")
            .With("Số lượng ý kiến đã tiếp nhận", AppendixColumn.Label, "+ Số lượng ý kiến đã tiếp nhận.");

        var report = CheckerHarness.Check(altered);

        Assert.DoesNotContain(report.WithCode("LABEL_WORDING"), f => f.Label.Contains("liên thông cùng", StringComparison.Ordinal) || f.Label.Contains("ý kiến", StringComparison.Ordinal));
        Assert.Equal(0, report.Template.UnmatchedRows);
    }

    [Fact]
    public void Check_LostNumbering_StillMatchesEveryRow()
    {
        var unnumbered = Q2 with { Rows = Q2.Rows.Select(r => SectionNumbers.Parse(r.No.Text) is null ? r with { No = "" } : r).ToList() };

        var report = CheckerHarness.Check(unnumbered);

        Assert.Equal(0, report.Template.UnmatchedRows);
        Assert.NotEmpty(report.WithCode("NUMBERING_SEQUENCE"));
    }

    [Fact]
    public void Check_RepeatedLabels_ResolveByPosition()
    {
        // II.2 asks the same two questions for self-checks and for checks by authority: only the second set breaks.
        var snapshot = Q2.With("Số VBQPPL phát hiện trái pháp luật", AppendixColumn.Value, "3", occurrence: 2);

        var report = CheckerHarness.Check(snapshot);

        var finding = Assert.Single(report.WithCode("PART_EXCEEDS_WHOLE"));
        Assert.Equal("II.2.e", finding.IndicatorId);
    }

    [Fact]
    public void Check_ExtraRow_IsReportedAndTheRestStillMatches()
    {
        var rows = Q2.Rows.ToList();
        rows.Insert(20, new AppendixRow(0, "", "Số cuộc họp giao ban về CCHC", "Cuộc", "4", ""));
        var snapshot = Q2 with { Rows = rows.Select((r, i) => r with { Row = i + 1 }).ToList() };

        var report = CheckerHarness.Check(snapshot);

        Assert.Equal(1, report.Template.UnmatchedRows);
        Assert.Single(report.WithCode("ROW_UNKNOWN"));
        Assert.Equal(0, report.Summary.Errors);
    }

    [Fact]
    public void Check_MissingRow_IsReportedBesideWhereItBelongs()
    {
        var snapshot = Q2 with { Rows = Q2.Rows.Where(r => r.Label.Text != "Số TTHC liên thông giữa các cấp chính quyền").Select((r, i) => r with { Row = i + 1 }).ToList() };

        var finding = Assert.Single(CheckerHarness.Check(snapshot).WithCode("ROW_MISSING"));

        Assert.Equal("Số TTHC liên thông cùng cấp", finding.Label);
        Assert.Contains("liên thông giữa các cấp", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_UnrelatedTable_MatchesNoTemplateAndRunsGeneralChecks()
    {
        var snapshot = new TableSnapshot(
            ["BÁO CÁO QUÝ I NĂM 2024 CỦA UBND XÃ A"],
            [
                new AppendixRow(1, "I", "Hoạt động khác", "", "", ""),
                new AppendixRow(2, "1", "Tổng số cuộc họp", "Cuộc", "5", ""),
                new AppendixRow(3, "", "- Cuộc họp trực tuyến", "Cuộc", "4", ""),
                new AppendixRow(4, "", "- Cuộc họp trực tiếp", "Cuộc", "3", ""),
                new AppendixRow(5, "3", "Tỷ lệ người dân hài lòng", "%", "130", ""),
                new AppendixRow(6, "3", "Số người tham dự", "%", "40", ""),
            ]);

        var report = AppendixChecker.Default.Check(snapshot);

        Assert.False(report.Template.Matched);

        // "trực tuyến" and "trực tiếp" split the meetings between them: the total is their sum, and being inferred
        // from the words rather than declared by a form, its breach is a warning that says so.
        var total = Assert.Single(report.WithCode("TOTAL_MISMATCH"));
        Assert.Equal(Severity.Warning, total.Severity);
        Assert.Equal("7", total.Proposal!.Value);
        Assert.Contains("suy ra từ tên các chỉ tiêu", total.Message, StringComparison.Ordinal);
        Assert.Single(report.WithCode("PERCENT_OUT_OF_RANGE"));
        Assert.Single(report.WithCode("UNIT_LABEL_CONFLICT"));
        // Renumbering the first "3" to 2 makes the second "3" right: one proposal mends both.
        Assert.Equal("2", Assert.Single(report.WithCode("NUMBERING_SEQUENCE")).Proposal!.Value);
        Assert.Empty(report.WithCode("NUMBERING_DUPLICATE"));
    }
}
