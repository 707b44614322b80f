using Cchc.Appendix.Checking;
using Cchc.Appendix.Findings;
using Cchc.Appendix.Header;
using Cchc.Appendix.Table;

namespace Cchc.Appendix.Tests.Checking;

/// <summary>What a careful reviewer finds in the real quarter III appendix, and what must stay silent.</summary>
public class FixtureFindingsTests
{
    private static readonly Lazy<CheckReport> Report = new(() => CheckerHarness.Check(CheckerHarness.Q3, CheckerHarness.Q2));

    private static CheckReport Q3 => Report.Value;

    [Fact]
    public void Check_Q3_MatchesTheSocTrangDistrictForm()
    {
        Assert.Equal("soc-trang-huyen-quy", Q3.Template.TemplateId);
        Assert.Equal(0, Q3.Template.UnmatchedRows);
        Assert.Equal(ReportPeriod.Quarter(3, 2022), Q3.Header.Period);
        Assert.Equal("UBND THỊ XÃ NGÃ NĂM", Q3.Header.Unit);
    }

    [Fact]
    public void Check_Q3_FlagsTheCountMarkedPercentInSectionOne()
    {
        var finding = Q3.Single("UNIT_MISMATCH", "Số nhiệm vụ đề ra trong kế hoạch");

        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Equal(AppendixColumn.Unit, finding.Column);
        Assert.Equal("I", finding.Section);
        Assert.Equal(new Proposal("Nhiệm vụ", ProposalSource.Template), finding.Proposal);
    }

    [Fact]
    public void Check_Q3_FlagsTheDuplicatedItemNumbersOfSectionOne()
    {
        var duplicates = Q3.WithCode("NUMBERING_DUPLICATE");

        Assert.Equal(["8", "9"], duplicates.Select(f => f.Proposal!.Value));
        Assert.All(duplicates, f => Assert.Equal("I", f.Section));
        Assert.Equal("10", Q3.Single("NUMBERING_SEQUENCE", "Kết quả thực hiện nhiệm vụ khác (nếu có)").Proposal!.Value);
    }

    [Theory]
    [InlineData("Số VBQPPL phải rà soát", "Văn bản")]
    [InlineData("Số hồ sơ TTHC do UBND cấp huyện giải quyết và trả kết quả", "Hồ sơ")]
    [InlineData("Số lượng đơn vị sự nghiệp công lập (SNCL) thực hiện cơ chế tự chủ", "Cơ quan, đơn vị")]
    public void Check_Q3_FlagsBlankUnitsWithTheFormsUnit(string label, string unit)
    {
        Assert.Equal(unit, Q3.Single("UNIT_MISSING", label).Proposal!.Value);
    }

    [Theory]
    [InlineData("Tổng số văn bản đi tại UBND cấp huyện", "5.967")]
    [InlineData("Tổng số văn bản đi tại UBND cấp xã", "1.761")]
    [InlineData("Dịch vụ công trực tuyến mức độ 4", "193")]
    [InlineData("Tổng số lượng lãnh đạo được cấp chứng thư số", "59")]
    public void Check_Q3_ComputesTheBlankTotalsOfSectionSeven(string label, string value)
    {
        var finding = Q3.Single("VALUE_MISSING", label);

        Assert.Equal("VII", finding.Section);
        Assert.Equal(value, finding.Proposal!.Value);
        Assert.Equal(ProposalSource.Computed, finding.Proposal.Source);
    }

    [Fact]
    public void Check_Q3_FlagsOnlineDossiersExceedingAllDossiers()
    {
        var finding = Q3.Single("PART_EXCEEDS_WHOLE", "Số lượng hồ sơ TTHC được tiếp nhận trực tuyến mức độ 3 và 4 (Chỉ thống kê đối với các TTHC mức độ 3 và 4 có phát sinh hồ sơ)");

        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Contains("16", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_Q3_FlagsPostalResultsExceedingAnnouncedProcedures()
    {
        var finding = Q3.Single("PART_EXCEEDS_WHOLE", "- Tổng số TTHC thực tế được trả kết quả qua dịch vụ BCCI");

        Assert.Contains("54", finding.Message, StringComparison.Ordinal);
        Assert.Contains("39", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_Q3_FlagsTheDossierCountsMarkedTthc()
    {
        Assert.Equal(Severity.Warning, Q3.Single("UNIT_MISMATCH", "Tổng số hồ sơ TTHC đã tiếp nhận (cả trực tiếp và trực tuyến đối với các TTHC đã cung cấp trực tuyến mức độ 3 và 4 có phát sinh hồ sơ)").Severity);
    }

    [Fact]
    public void Check_Q3_FlagsTheBlankReportNumberAndDate()
    {
        Assert.Single(Q3.WithCode("HEADER_NUMBER_BLANK"));
        Assert.Single(Q3.WithCode("HEADER_DATE_BLANK"));
        Assert.All(Q3.Findings.Where(f => f.Code.StartsWith("HEADER_", StringComparison.Ordinal)), f => Assert.Equal(0, f.Row));
    }

    [Fact]
    public void Check_Q3_ShowsTheDuplicatedPhraseAsAWordingNoteOnly()
    {
        var finding = Q3.Single("LABEL_WORDING", "- Số lượng văn bản được gửi hoàn toàn dưới dạng điện tử (Sử dụng chữ ký số, chứng thư số và gửi trên môi trường điện tử). và gửi trên môi trường điện tử).");

        Assert.Equal(Severity.Info, finding.Severity);
    }

    [Fact]
    public void Check_Q3_SoftensABlankThatTheNoteExplains()
    {
        var finding = Q3.Single("VALUE_MISSING", "Số lượng công chức, viên chức có tài khoản thư điện tử chính thức");

        Assert.Equal(Severity.Info, finding.Severity);
        Assert.Equal(new Proposal("95", ProposalSource.PreviousPeriod, "95"), finding.Proposal);
    }

    [Theory]
    [InlineData("Tổng số TTHC đang có hiệu lực:")]
    [InlineData("- Số TTHC áp dụng tại UBND cấp huyện:")]
    [InlineData("- Tổng số TTHC đủ điều kiện cung cấp trực tuyến mức độ 3")]
    [InlineData("Tỷ lệ hoàn thành Kế hoạch CCHC năm (Lũy kế đến thời điểm báo cáo)")]
    [InlineData("Số nhiệm vụ đã hoàn thành")]
    [InlineData("Số hồ sơ TTHC do UBND cấp huyện tiếp nhận")]
    [InlineData("Số hồ sơ TTHC do UBND cấp huyện tiếp nhận được giải quyết đúng hạn")]
    [InlineData("Số hồ sơ TTHC do UBND cấp xã giải quyết và trả kết quả")]
    public void Check_Q3_StaysSilentOnConsistentRows(string label)
    {
        Assert.Empty(Q3.On(label));
    }

    [Fact]
    public void Check_Q3_RaisesNoErrorOnRowsThatAddUp()
    {
        var errorRows = Q3.Findings.Where(f => f.Severity == Severity.Error).Select(f => f.Label).ToList();

        Assert.Equal(5, errorRows.Count);
        Assert.DoesNotContain("Tổng số TTHC đang có hiệu lực:", errorRows);
        Assert.DoesNotContain("Tổng số biên chế có mặt tại thời điểm báo cáo", errorRows);
    }

    [Fact]
    public void Check_Q2_RaisesNoError()
    {
        var report = CheckerHarness.Check(CheckerHarness.Q2);

        Assert.Equal(0, report.Summary.Errors);
        Assert.Equal(ReportPeriod.Quarter(2, 2022), report.Header.Period);
    }
}
