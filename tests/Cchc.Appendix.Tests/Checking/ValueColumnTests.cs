using Cchc.Appendix.Checking;
using Cchc.Appendix.Editing;
using Cchc.Appendix.Filling;
using Cchc.Appendix.Findings;
using Cchc.Appendix.Table;
using static Cchc.Appendix.Tests.Checking.CommuneText;

namespace Cchc.Appendix.Tests.Checking;

/// <summary>Forms with several value columns: every column read, typed and checked, and the columns against each other.</summary>
public class ValueColumnTests
{
    private const string QuarterAndYear = """
        THỐNG KÊ SỐ LIỆU CẢI CÁCH HÀNH CHÍNH
        QUÝ II NĂM 2026 CỦA UBND PHƯỜNG NGÃ NĂM
        STT | Nội dung/chỉ tiêu | ĐVT | Quý này | Lũy kế từ đầu năm | Ghi chú
        I | Cải cách thủ tục hành chính | | | |
        1 | Số hồ sơ đã tiếp nhận | Hồ sơ | 300 | 550 |
        | - Tiếp nhận trực tuyến | Hồ sơ | 180 | 320 |
        | - Tiếp nhận trực tiếp | Hồ sơ | 120 | 250 |
        2 | Số hồ sơ đã giải quyết | Hồ sơ | 280 | 260 |
        3 | Số cuộc kiểm tra cải cách hành chính | Cuộc | 1 | 2,5 |
        4 | Có ban hành kế hoạch tuyên truyền | Có = 1 Không = 0 | 1 | 1 |
        """;

    private const string QuarterAndYearBefore = """
        THỐNG KÊ SỐ LIỆU CẢI CÁCH HÀNH CHÍNH
        QUÝ I NĂM 2026 CỦA UBND PHƯỜNG NGÃ NĂM
        STT | Nội dung/chỉ tiêu | ĐVT | Quý này | Lũy kế từ đầu năm | Ghi chú
        I | Cải cách thủ tục hành chính | | | |
        1 | Số hồ sơ đã tiếp nhận | Hồ sơ | 250 | 250 |
        | - Tiếp nhận trực tuyến | Hồ sơ | 140 | 140 |
        | - Tiếp nhận trực tiếp | Hồ sơ | 110 | 110 |
        2 | Số hồ sơ đã giải quyết | Hồ sơ | 240 | 240 |
        3 | Số cuộc kiểm tra cải cách hành chính | Cuộc | 1 | 1 |
        4 | Có ban hành kế hoạch tuyên truyền | Có = 1 Không = 0 | 1 | 1 |
        """;

    private const string PlanResultRate = """
        BÁO CÁO CẢI CÁCH HÀNH CHÍNH NĂM 2026 CỦA SỞ NỘI VỤ
        TT | Tên chỉ tiêu | Đơn vị tính | Kế hoạch năm | Thực hiện | Tỷ lệ (%) | Ghi chú
        I | Cải cách thể chế | | | | |
        1 | Số văn bản quy phạm pháp luật tham mưu ban hành | Văn bản | 10 | 8 | 80 |
        2 | Số văn bản được rà soát | Văn bản | 40 | 50 | 125 |
        3 | Số cuộc kiểm tra văn bản | Cuộc | 4 | 3 | 60 |
        4 | Số lớp tập huấn | Lớp | 5 | 5 | |
        5 | Tỷ lệ văn bản ban hành đúng hạn | % | 100 | 90 | |
        """;

    private static CheckReport Check(string text, string? previous = null) =>
        AppendixChecker.Default.Check(Read(text), previous is null ? null : Read(previous));

    private static Finding One(CheckReport report, string code, string labelPart) =>
        Assert.Single(report.Findings, f => f.Code == code && f.Label.Contains(labelPart, StringComparison.Ordinal));

    [Fact]
    public void Check_CumulativeBelowThisPeriod_IsAnErrorInTheCumulativeColumn()
    {
        var finding = One(Check(QuarterAndYear), "CUMULATIVE_BELOW_PERIOD", "Số hồ sơ đã giải quyết");

        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Equal(1, finding.ValueColumn);
        Assert.Contains("[cột “Lũy kế từ đầu năm”]", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_TypeFaultInTheSecondColumn_IsReportedThere()
    {
        var finding = One(Check(QuarterAndYear), "COUNT_NOT_WHOLE", "Số cuộc kiểm tra");

        Assert.Equal(1, finding.ValueColumn);
    }

    [Fact]
    public void Check_TotalsAddUpInEveryColumn()
    {
        var broken = QuarterAndYear.Replace("| - Tiếp nhận trực tiếp | Hồ sơ | 120 | 250 |", "| - Tiếp nhận trực tiếp | Hồ sơ | 120 | 240 |", StringComparison.Ordinal);

        var finding = One(Check(broken), "TOTAL_MISMATCH", "Số hồ sơ đã tiếp nhận");

        Assert.Equal(1, finding.ValueColumn);
        Assert.Equal("560", finding.Proposal!.Value);
    }

    [Fact]
    public void Check_QuarterOneCumulativeOtherThanThePeriod_IsAWarningWithTheFigure()
    {
        var text = QuarterAndYearBefore.Replace("| Số hồ sơ đã giải quyết | Hồ sơ | 240 | 240 |", "| Số hồ sơ đã giải quyết | Hồ sơ | 240 | 245 |", StringComparison.Ordinal);

        var finding = One(Check(text), "CUMULATIVE_INCONSISTENT", "Số hồ sơ đã giải quyết");

        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Equal("240", finding.Proposal!.Value);
    }

    [Fact]
    public void Check_CumulativeAgainstLastQuarter_IsLastCumulativePlusThisPeriod()
    {
        var report = Check(QuarterAndYear, QuarterAndYearBefore);

        // 250 + 300 = 550 holds; 140 + 180 = 320 holds; 110 + 120 = 230, not the 250 written.
        var finding = One(report, "CUMULATIVE_INCONSISTENT", "Tiếp nhận trực tiếp");
        Assert.Equal("230", finding.Proposal!.Value);
        Assert.DoesNotContain(report.Findings, f => f.Code == "CUMULATIVE_INCONSISTENT" && f.Label.Contains("Tiếp nhận trực tuyến", StringComparison.Ordinal));
    }

    [Fact]
    public void Check_CumulativeColumnFallsFromLastQuarter_IsFlagged()
    {
        var before = QuarterAndYearBefore.Replace("QUÝ I NĂM 2026", "QUÝ I NĂM 2026", StringComparison.Ordinal).Replace("| Số cuộc kiểm tra cải cách hành chính | Cuộc | 1 | 1 |", "| Số cuộc kiểm tra cải cách hành chính | Cuộc | 3 | 3 |", StringComparison.Ordinal);
        var now = QuarterAndYear.Replace("| Cuộc | 1 | 2,5 |", "| Cuộc | 1 | 2 |", StringComparison.Ordinal);

        var finding = One(Check(now, before), "CUMULATIVE_DECREASE", "Số cuộc kiểm tra");

        Assert.Equal(1, finding.ValueColumn);
    }

    [Fact]
    public void Check_RateColumnThatDisagreesWithPlanAndResult_IsAnError()
    {
        var report = Check(PlanResultRate);

        var rate = One(report, "RATE_MISMATCH", "Số cuộc kiểm tra văn bản");
        Assert.Equal(Severity.Error, rate.Severity);
        Assert.Equal(2, rate.ValueColumn);
        Assert.Equal("75", rate.Proposal!.Value);
        Assert.DoesNotContain(report.Findings, f => f.Label.Contains("Số văn bản quy phạm", StringComparison.Ordinal));
    }

    [Fact]
    public void Check_RateColumnAboveHundred_IsAPlanExceeded_NotAnError()
    {
        var report = Check(PlanResultRate);

        Assert.DoesNotContain(report.Findings, f => f.Label.Contains("Số văn bản được rà soát", StringComparison.Ordinal));
    }

    [Fact]
    public void Check_BlankRateWithPlanAndResult_ProposesTheRate()
    {
        var finding = One(Check(PlanResultRate), "VALUE_MISSING", "Số lớp tập huấn");

        Assert.Equal(Severity.Info, finding.Severity);
        Assert.Equal(2, finding.ValueColumn);
        Assert.Equal("100", finding.Proposal!.Value);
        Assert.DoesNotContain(Check(PlanResultRate).Findings, f => f.Code == "VALUE_MISSING" && f.Label.Contains("Tỷ lệ văn bản ban hành", StringComparison.Ordinal));
    }

    [Fact]
    public void Corrections_ProposalInTheSecondColumn_EditsThatCell()
    {
        var snapshot = Read(QuarterAndYear.Replace("| Cuộc | 1 | 2,5 |", "| Cuộc | 1 | 1.5 |", StringComparison.Ordinal));
        var report = AppendixChecker.Default.Check(snapshot);

        var edit = Assert.Single(Corrections.Edits(report, snapshot, new HashSet<string> { "VALUE_FORMAT" }));

        Assert.Equal((AppendixColumn.Value, 1, "1.5", "1,5"), (edit.Column, edit.ValueColumn, edit.OldText, edit.NewText));
    }

    [Fact]
    public void Prefill_QuarterAndYear_CumulativeFromLastQuarterPlusThisPeriod()
    {
        var current = Read(QuarterAndYear
            .Replace("| Số hồ sơ đã tiếp nhận | Hồ sơ | 300 | 550 |", "| Số hồ sơ đã tiếp nhận | Hồ sơ | 300 | |", StringComparison.Ordinal)
            .Replace("| - Tiếp nhận trực tiếp | Hồ sơ | 120 | 250 |", "| - Tiếp nhận trực tiếp | Hồ sơ | 120 | 230 |", StringComparison.Ordinal));

        var plan = PrefillPlanner.Default.Plan(current, Read(QuarterAndYearBefore));

        var proposal = Assert.Single(plan.Proposals, p => p.Label == "Số hồ sơ đã tiếp nhận" && p.ValueColumn == 1);
        Assert.Equal(("550", true), (proposal.Proposed, proposal.Preselected));
    }

    [Fact]
    public void RollForward_QuarterAndYear_ClearsTheQuarterAndKeepsTheCumulativeAsAFloor()
    {
        var edits = RollForward.Default.Plan(Read(QuarterAndYear));

        var received = edits.Where(e => e.Row == 2).ToList();
        Assert.Contains(received, e => e is { Column: AppendixColumn.Value, ValueColumn: 0, NewText: "" });
        Assert.Contains(received, e => e is { Column: AppendixColumn.Value, ValueColumn: 1, NewText: "" });
        Assert.Contains(received, e => e.Column == AppendixColumn.Note && e.NewText == "Lũy kế kỳ trước: 550");
    }

    [Fact]
    public void Check_LearnedFormWithTwoColumns_PairsColumnsByRole()
    {
        var report = Check(QuarterAndYear, QuarterAndYearBefore);

        Assert.Equal(FormSource.PreviousReport, report.Template.Source);
        Assert.Contains(CheckFamilies.Columns, report.Template.Checks);
    }

    [Fact]
    public void Check_CommuneFormsWithOneColumn_HaveNoColumnFamily()
    {
        Assert.DoesNotContain(CheckFamilies.Columns, Check(QuarterOne).Template.Checks);
    }
}
