using Cchc.Appendix.Findings;
using Cchc.Appendix.Table;
using Cchc.Appendix.Tests.Fixtures;

namespace Cchc.Appendix.Tests.Checking;

/// <summary>
/// One fault at a time, planted in the quarter II appendix (which has no error of its own), so each test shows
/// what a user sees for that fault and nothing else changes.
/// </summary>
public class RuleFamilyTests
{
    private const string Received = "Số hồ sơ TTHC do UBND cấp huyện tiếp nhận";
    private const string Resolved = "Số hồ sơ TTHC do UBND cấp huyện giải quyết và trả kết quả";
    private const string InForce = "Tổng số TTHC đang có hiệu lực:";
    private const string Surveys = "Số lượng phiếu khảo sát";

    private static TableSnapshot Q2 => CheckerHarness.Q2;

    private static int ErrorsOf(TableSnapshot snapshot) => CheckerHarness.Check(snapshot).Summary.Errors;

    [Fact]
    public void Missing_BlankCount_ProposesTheFormsDefaultZero()
    {
        var report = CheckerHarness.Check(Q2.With("Số lượng ý kiến đã tiếp nhận", AppendixColumn.Value, ""));

        var finding = report.Single("VALUE_MISSING", "Số lượng ý kiến đã tiếp nhận");
        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Equal(new Proposal("0", ProposalSource.TemplateDefault), finding.Proposal);
    }

    [Fact]
    public void Missing_BlankStock_ProposesLastPeriodsValue()
    {
        var current = Q2.With("Số phòng ban chuyên môn thuộc UBND cấp huyện", AppendixColumn.Value, "");

        var report = CheckerHarness.Check(current, Q2);

        Assert.Equal(new Proposal("12", ProposalSource.PreviousPeriod, "12"), report.Single("VALUE_MISSING", "Số phòng ban chuyên môn thuộc UBND cấp huyện").Proposal);
    }

    [Fact]
    public void Missing_BlankPartOfATotal_ProposesTheDifference()
    {
        var report = CheckerHarness.Check(Q2.With("- Số TTHC áp dụng tại UBND cấp xã:", AppendixColumn.Value, ""));

        Assert.Equal(new Proposal("139", ProposalSource.Computed), report.Single("VALUE_MISSING", "- Số TTHC áp dụng tại UBND cấp xã:").Proposal);
    }

    [Fact]
    public void Missing_BlankRate_ProposesTheComputedRate()
    {
        var report = CheckerHarness.Check(Q2.With("Tỷ lệ hoàn thành Kế hoạch CCHC năm (Lũy kế đến thời điểm báo cáo)", AppendixColumn.Value, ""));

        Assert.Equal("40", report.Single("VALUE_MISSING", "Tỷ lệ hoàn thành Kế hoạch CCHC năm (Lũy kế đến thời điểm báo cáo)").Proposal!.Value);
    }

    [Fact]
    public void Missing_YearOnlyRateInAQuarter_IsNotMissing()
    {
        var report = CheckerHarness.Check(Q2);

        report.None("VALUE_MISSING", "Tỷ lệ phần trăm biên chế đã tinh giản trong năm so với kế hoạch");
    }

    [Theory]
    [InlineData("khoảng 300", "VALUE_NOT_NUMBER")]
    [InlineData("-3", "COUNT_NEGATIVE")]
    [InlineData("12,5", "COUNT_NOT_WHOLE")]
    public void Type_BadCount_IsAnError(string value, string code)
    {
        var report = CheckerHarness.Check(Q2.With(Surveys, AppendixColumn.Value, value));

        Assert.Equal(Severity.Error, report.Single(code, Surveys).Severity);
    }

    [Theory]
    [InlineData("120")]
    [InlineData("-5")]
    public void Type_PercentOutOfRange_IsAnError(string value)
    {
        var report = CheckerHarness.Check(Q2.With("Tỷ lệ hài lòng trong kỳ báo cáo", AppendixColumn.Value, value));

        report.Single("PERCENT_OUT_OF_RANGE", "Tỷ lệ hài lòng trong kỳ báo cáo");
    }

    [Theory]
    [InlineData("2", "YESNO_INVALID")]
    [InlineData("Có", null)]
    [InlineData("Không", null)]
    public void Type_YesNo_AcceptsWordsAndRejectsOtherCodes(string value, string? code)
    {
        var report = CheckerHarness.Check(Q2.With("Có sáng kiến, giải pháp mới về CCHC", AppendixColumn.Value, value));

        var findings = report.On("Có sáng kiến, giải pháp mới về CCHC");
        if (code is null)
        {
            Assert.Empty(findings);
        }
        else
        {
            Assert.Equal(code, Assert.Single(findings).Code);
        }
    }

    [Fact]
    public void Type_CodeOutsideTheList_IsAnError()
    {
        var report = CheckerHarness.Check(Q2.With("Hình thức khảo sát", AppendixColumn.Value, "3"));

        Assert.Contains("0, 1, 2", report.Single("CODE_INVALID", "Hình thức khảo sát").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Type_EnglishNotation_IsANoteWithTheVietnameseSpelling()
    {
        var report = CheckerHarness.Check(Q2.With(Received, AppendixColumn.Value, "1,105"));

        var finding = report.Single("VALUE_FORMAT", Received);
        Assert.Equal(Severity.Info, finding.Severity);
        Assert.Equal("1.105", finding.Proposal!.Value);
    }

    [Fact]
    public void Unit_CountMarkedPercent_IsAnError()
    {
        var report = CheckerHarness.Check(Q2.With(Received, AppendixColumn.Unit, "%"));

        Assert.Equal(Severity.Error, report.Single("UNIT_MISMATCH", Received).Severity);
    }

    [Theory]
    [InlineData("Không = 0; Có = 1")]
    [InlineData("Có = 1; Không = 0")]
    [InlineData("Có=1 Không=0")]
    public void Unit_YesNoWordingVariants_AreTheSameUnit(string unit)
    {
        var report = CheckerHarness.Check(Q2.With("Tổ chức đối thoại của lãnh đạo với người dân, doanh nghiệp", AppendixColumn.Unit, unit));

        report.None("UNIT_MISMATCH", "Tổ chức đối thoại của lãnh đạo với người dân, doanh nghiệp");
    }

    [Fact]
    public void Total_NotTheSumOfItsParts_IsAnErrorWithTheSum()
    {
        var report = CheckerHarness.Check(Q2.With(InForce, AppendixColumn.Value, "420"));

        var finding = report.Single("TOTAL_MISMATCH", InForce);
        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Equal(new Proposal("415", ProposalSource.Computed), finding.Proposal);
    }

    [Fact]
    public void Total_BelowPartsThatNeedNotCoverIt_IsAnError()
    {
        var report = CheckerHarness.Check(Q2.With("Tổng số văn bản đi tại UBND cấp huyện", AppendixColumn.Value, "3.000"));

        Assert.Equal("4.120", report.Single("TOTAL_BELOW_PARTS", "Tổng số văn bản đi tại UBND cấp huyện").Proposal!.Value);
    }

    [Fact]
    public void Total_AboveSuchParts_IsFine()
    {
        var report = CheckerHarness.Check(Q2.With("Tổng số văn bản đi tại UBND cấp huyện", AppendixColumn.Value, "5.000"));

        Assert.Empty(report.On("Tổng số văn bản đi tại UBND cấp huyện"));
    }

    [Fact]
    public void Order_ResolvedAboveReceived_IsAnErrorOnThePart()
    {
        var report = CheckerHarness.Check(Q2.With(Resolved, AppendixColumn.Value, "1.200"));

        var finding = report.Single("PART_EXCEEDS_WHOLE", Resolved);
        Assert.Contains("1.105", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Order_CertificatesAboveLeadersInAnotherSection_IsAnError()
    {
        var report = CheckerHarness.Check(Q2.With("Số lượng lãnh đạo UBND cấp huyện được cấp chứng thư số", AppendixColumn.Value, "3"));

        report.Single("PART_EXCEEDS_WHOLE", "Số lượng lãnh đạo UBND cấp huyện được cấp chứng thư số");
    }

    [Fact]
    public void Ratio_RateThatDisagreesWithItsCounts_IsAnErrorWithTheRate()
    {
        var report = CheckerHarness.Check(Q2.With("Tỷ lệ hoàn thành Kế hoạch CCHC năm (Lũy kế đến thời điểm báo cáo)", AppendixColumn.Value, "60"));

        Assert.Equal("40", report.Single("RATE_MISMATCH", "Tỷ lệ hoàn thành Kế hoạch CCHC năm (Lũy kế đến thời điểm báo cáo)").Proposal!.Value);
    }

    [Fact]
    public void Period_CumulativeValueThatFalls_IsAnError()
    {
        var q3 = WithTitle(Q2, "QUÝ III NĂM 2022 CỦA UBND THỊ XÃ NGÃ NĂM").With("Số nhiệm vụ đã hoàn thành", AppendixColumn.Value, "8");

        var report = CheckerHarness.Check(q3, Q2);

        Assert.Equal("10", report.Single("CUMULATIVE_DECREASE", "Số nhiệm vụ đã hoàn thành").Proposal!.Value);
    }

    [Fact]
    public void Period_QuarterOneAfterQuarterFour_RestartsCumulativeValues()
    {
        var q4 = WithTitle(Q2, "QUÝ IV NĂM 2022 CỦA UBND THỊ XÃ NGÃ NĂM");
        var q1 = WithTitle(Q2, "QUÝ I NĂM 2023 CỦA UBND THỊ XÃ NGÃ NĂM").With("Số nhiệm vụ đã hoàn thành", AppendixColumn.Value, "2");

        var report = CheckerHarness.Check(q1, q4);

        Assert.Empty(report.WithCode("CUMULATIVE_DECREASE"));
    }

    [Fact]
    public void Period_StockThatJumpsWithoutANote_IsAWarning()
    {
        var q3 = WithTitle(Q2, "QUÝ III NĂM 2022 CỦA UBND THỊ XÃ NGÃ NĂM").With("Số phòng ban chuyên môn thuộc UBND cấp huyện", AppendixColumn.Value, "20");

        var report = CheckerHarness.Check(q3, Q2);

        Assert.Equal(Severity.Warning, report.Single("STOCK_JUMP", "Số phòng ban chuyên môn thuộc UBND cấp huyện").Severity);
    }

    [Fact]
    public void Period_StockJumpExplainedByANote_IsSilent()
    {
        var q3 = WithTitle(Q2, "QUÝ III NĂM 2022 CỦA UBND THỊ XÃ NGÃ NĂM")
            .With("Số phòng ban chuyên môn thuộc UBND cấp huyện", AppendixColumn.Value, "20")
            .With("Số phòng ban chuyên môn thuộc UBND cấp huyện", AppendixColumn.Note, "Sáp nhập theo Quyết định số 10/QĐ-UBND");

        Assert.Empty(CheckerHarness.Check(q3, Q2).WithCode("STOCK_JUMP"));
    }

    [Fact]
    public void Period_PreviousReportOfAnotherPeriod_IsAWarningOnTheTitle()
    {
        var q4 = WithTitle(Q2, "QUÝ IV NĂM 2022 CỦA UBND THỊ XÃ NGÃ NĂM");

        var finding = Assert.Single(CheckerHarness.Check(q4, Q2).WithCode("PREVIOUS_REPORT_MISMATCH"));

        Assert.Equal(AppendixColumn.Header, finding.Column);
        Assert.Contains("quý III năm 2022", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Period_AnotherUnitsReportOfAnotherPeriod_SaysBothNotOnlyThePeriod()
    {
        var q4 = WithTitle(Q2, "QUÝ IV NĂM 2022 CỦA UBND THỊ XÃ NGÃ NĂM");
        var otherUnit = WithTitle(Q2, "QUÝ II NĂM 2022 CỦA UBND HUYỆN MỸ TÚ");

        var findings = CheckerHarness.Check(q4, otherUnit).WithCode("PREVIOUS_REPORT_MISMATCH").ToList();

        Assert.Equal(2, findings.Count);
        Assert.Contains(findings, f => f.Message.Contains("quý III năm 2022", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.Message.Contains("của UBND HUYỆN MỸ TÚ", StringComparison.Ordinal));
    }

    [Fact]
    public void Numbering_SubItemWithANumber_ProposesBlank()
    {
        var report = CheckerHarness.Check(Q2.With("Số nhiệm vụ đã hoàn thành", AppendixColumn.No, "2"));

        Assert.Equal(string.Empty, report.Single("NUMBERING_SUBITEM", "Số nhiệm vụ đã hoàn thành").Proposal!.Value);
    }

    [Fact]
    public void Numbering_MissingItemNumber_ProposesIt()
    {
        var report = CheckerHarness.Check(Q2.With("Kiểm tra CCHC", AppendixColumn.No, ""));

        Assert.Equal("2", report.Single("NUMBERING_SEQUENCE", "Kiểm tra CCHC").Proposal!.Value);
    }

    [Fact]
    public void Header_ReferenceYearDifferentFromTitle_ProposesTheCorrectedLine()
    {
        var snapshot = Q2 with
        {
            TitleLines = [.. Q2.TitleLines.Take(3), "(Kèm theo Báo cáo số 112/BC-UBND ngày 15/6/2021 của UBND thị xã Ngã Năm)"],
        };

        var finding = Assert.Single(CheckerHarness.Check(snapshot).WithCode("HEADER_YEAR_MISMATCH"));

        Assert.Equal(3, finding.TitleLine);
        Assert.Equal("(Kèm theo Báo cáo số 112/BC-UBND ngày 15/6/2022 của UBND thị xã Ngã Năm)", finding.Proposal!.Value);
    }

    [Fact]
    public void Header_NoPeriod_IsAnError()
    {
        var snapshot = Q2 with { TitleLines = ["Phụ lục"] };

        Assert.Equal(Severity.Error, Assert.Single(CheckerHarness.Check(snapshot).WithCode("HEADER_PERIOD_MISSING")).Severity);
    }

    [Fact]
    public void Label_Typo_IsANoteWithTheFormsWording()
    {
        var report = CheckerHarness.Check(Q2.With("Số TTHC liên thông cùng cấp", AppendixColumn.Label, "Số TTHC liên thong cùng cấpp"));

        var finding = report.Single("LABEL_WORDING", "Số TTHC liên thong cùng cấpp");
        Assert.Equal(Severity.Info, finding.Severity);
        Assert.Equal("Số TTHC liên thông cùng cấp", finding.Proposal!.Value);
        Assert.Equal(0, ErrorsOf(Q2.With("Số TTHC liên thông cùng cấp", AppendixColumn.Label, "Số TTHC liên thong cùng cấpp")));
    }

    private static TableSnapshot WithTitle(TableSnapshot snapshot, string periodLine) =>
        snapshot with { TitleLines = [snapshot.TitleLines[0], snapshot.TitleLines[1], periodLine, "(Kèm theo Báo cáo số 140/BC-UBND ngày 15/9/2022 của UBND thị xã Ngã Năm)"] };
}
