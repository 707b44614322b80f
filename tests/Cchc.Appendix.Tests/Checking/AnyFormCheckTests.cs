using Cchc.Appendix.Checking;
using Cchc.Appendix.Filling;
using Cchc.Appendix.Findings;
using Cchc.Appendix.Table;
using static Cchc.Appendix.Tests.Checking.CommuneText;

namespace Cchc.Appendix.Tests.Checking;

/// <summary>
/// A commune appendix no template knows: checked on its own words, and against the same commune's previous quarter —
/// with no false error, since anything inferred is at most a warning.
/// </summary>
public class AnyFormCheckTests
{
    private static CheckReport Check(string text, string? previous = null) =>
        AppendixChecker.Default.Check(Read(text), previous is null ? null : Read(previous));

    private static Finding One(CheckReport report, string code, string labelPart) =>
        Assert.Single(report.Findings, f => f.Code == code && f.Label.Contains(labelPart, StringComparison.Ordinal));

    private static void Nothing(CheckReport report, string labelPart, params string[] codes) =>
        Assert.DoesNotContain(report.Findings, f => f.Label.Contains(labelPart, StringComparison.Ordinal) && (codes.Length == 0 || codes.Contains(f.Code)));

    [Fact]
    public void Check_ConsistentCommuneReport_FindsNothingWrong()
    {
        var report = Check(QuarterOne);

        Assert.Equal(FormSource.DocumentOnly, report.Template.Source);
        Assert.Equal(0, report.Summary.Errors);
        Assert.Equal(0, report.Summary.Warnings);
    }

    [Fact]
    public void Check_NoTemplate_SaysWhichFamiliesRan()
    {
        var report = Check(QuarterTwo);

        Assert.Contains(CheckFamilies.Totals, report.Template.Checks);
        Assert.DoesNotContain(CheckFamilies.Period, report.Template.Checks);
        var (vi, _) = CheckFamilies.Summary(report.Template);
        Assert.StartsWith("Không khớp mẫu nào: đã kiểm tra theo quy tắc chung — tiêu đề, số thứ tự, ô trống", vi, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_TrongDoSubRowsThatDoNotAddUp_GiveNoFinding()
    {
        // Received 260 ⊇ resolved 255 ⊇ on time 250, and 130 of them online: nested subsets, not a partition.
        var report = Check(QuarterTwo);

        Nothing(report, "Số hồ sơ đã tiếp nhận");
        Nothing(report, "tiếp nhận trực tuyến");
        Nothing(report, "Số hồ sơ đã giải quyết");
        Nothing(report, "Số hồ sơ giải quyết đúng hạn");
    }

    [Fact]
    public void Check_MarkedSubRowAboveItsRow_IsAWarningOnTheSubRow()
    {
        var report = Check(QuarterTwo.Replace("- Số hồ sơ đã giải quyết | Hồ sơ | 255", "- Số hồ sơ đã giải quyết | Hồ sơ | 275", StringComparison.Ordinal));

        var finding = One(report, "PART_EXCEEDS_WHOLE", "- Số hồ sơ đã giải quyết");
        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Contains("suy ra từ tên các chỉ tiêu", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_SubRowsSplittingTheirTotalByTheirWords_MustAddUp()
    {
        var report = Check(QuarterTwo);

        // "cấp tỉnh" / "cấp xã" and "toàn trình" / "một phần" split their totals.
        var procedures = One(report, "TOTAL_MISMATCH", "Tổng số thủ tục hành chính đang có hiệu lực");
        Assert.Equal(Severity.Warning, procedures.Severity);
        Assert.Equal("300", procedures.Proposal!.Value);
        Assert.Equal("41", One(report, "TOTAL_MISMATCH", "Số dịch vụ công trực tuyến").Proposal!.Value);
    }

    [Fact]
    public void Check_SubRowsOfAnotherUnit_AreNotRelated()
    {
        var report = Check(QuarterTwo.Replace("| Dịch vụ công trực tuyến một phần | Dịch vụ | 15 |", "| Dịch vụ công trực tuyến một phần | Hồ sơ | 15 |", StringComparison.Ordinal));

        Nothing(report, "Số dịch vụ công trực tuyến", "TOTAL_MISMATCH", "TOTAL_BELOW_PARTS");
    }

    [Fact]
    public void Check_RateNamingItsCountsByWords_MustAgreeWithThem()
    {
        var report = Check(QuarterTwo);

        var rate = One(report, "RATE_MISMATCH", "Tỷ lệ hồ sơ giải quyết đúng hạn");
        Assert.Equal(Severity.Warning, rate.Severity);
        Assert.Equal("98", rate.Proposal!.Value);
    }

    [Fact]
    public void Check_WithoutPreviousQuarter_RelationsOnlyItsFiguresShowAreNotGuessed()
    {
        var report = Check(QuarterTwo);

        // 12 ≠ 9 + 2 and 50% ≠ 24/60 break what held last quarter, which this check has not seen.
        Nothing(report, "Số ý kiến phản ánh");
        Nothing(report, "Tỷ lệ thanh toán trực tuyến");
        Assert.Equal(0, report.Summary.Errors);
    }

    [Fact]
    public void Check_AgainstPreviousQuarter_LearnsItsForm()
    {
        var report = Check(QuarterTwo, QuarterOne);

        Assert.Equal(FormSource.PreviousReport, report.Template.Source);
        Assert.Equal("quý I năm 2026", report.Template.TemplateName);
        Assert.Contains(CheckFamilies.Period, report.Template.Checks);
        Assert.StartsWith("Không khớp mẫu nào: đã kiểm tra theo quy tắc chung và theo báo cáo kỳ trước (quý I năm 2026)", CheckFamilies.Summary(report.Template).Vi, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_AgainstPreviousQuarter_CumulativeRowThatFalls_IsFlagged()
    {
        var finding = One(Check(QuarterTwo, QuarterOne), "CUMULATIVE_DECREASE", "lũy kế từ đầu năm");

        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Equal("5", finding.Proposal!.Value);
    }

    [Fact]
    public void Check_QuarterOneAfterQuarterFour_CumulativeRowsRestart()
    {
        var lastYear = QuarterOne.Replace("QUÝ I NĂM 2026", "QUÝ IV NĂM 2025", StringComparison.Ordinal).Replace("(lũy kế từ đầu năm) | Nhiệm vụ | 5", "(lũy kế từ đầu năm) | Nhiệm vụ | 19", StringComparison.Ordinal);

        Assert.Empty(Check(QuarterOne, lastYear).WithCode("CUMULATIVE_DECREASE"));
    }

    [Fact]
    public void Check_AgainstPreviousQuarter_UnitChanged_IsAWarningNamingLastQuarter()
    {
        var finding = One(Check(QuarterTwo, QuarterOne), "UNIT_MISMATCH", "Số cán bộ, công chức cấp xã hiện có");

        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Contains("báo cáo kỳ trước (quý I năm 2026)", finding.Message, StringComparison.Ordinal);
        Assert.Equal("Người", finding.Proposal!.Value);
    }

    [Fact]
    public void Check_AgainstPreviousQuarter_TotalThatHeldThenBreaksNow_NamesTheLearnedRelation()
    {
        var finding = One(Check(QuarterTwo, QuarterOne), "TOTAL_MISMATCH", "Số ý kiến phản ánh");

        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Equal("11", finding.Proposal!.Value);
        Assert.Contains("quan hệ này đúng trong báo cáo quý I năm 2026", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_AgainstPreviousQuarter_RateThatHeldThenBreaksNow_NamesTheLearnedRelation()
    {
        var finding = One(Check(QuarterTwo, QuarterOne), "RATE_MISMATCH", "Tỷ lệ thanh toán trực tuyến");

        Assert.Equal("40", finding.Proposal!.Value);
        Assert.Contains("đúng trong báo cáo quý I năm 2026", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_AgainstPreviousQuarter_RowsAddedAndRemoved_AreListed()
    {
        var report = Check(QuarterTwo, QuarterOne);

        Assert.Equal(Severity.Info, One(report, "ROW_UNKNOWN", "Số buổi sinh hoạt chuyên đề").Severity);
        var missing = Assert.Single(report.WithCode("ROW_MISSING"));
        Assert.Contains("Số lượt công chức được đào tạo, bồi dưỡng", missing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_AgainstPreviousQuarter_NoFalseError()
    {
        var report = Check(QuarterTwo, QuarterOne);

        Assert.Equal(0, report.Summary.Errors);
    }

    [Fact]
    public void Check_AgainstAnUnrelatedPreviousReport_FallsBackToTheDocumentAlone()
    {
        var unrelated = """
            BÁO CÁO QUÝ I NĂM 2026 CỦA UBND XÃ AN BÌNH
            STT | Chỉ tiêu | ĐVT | Số liệu | Ghi chú
            I | Quốc phòng | | |
            1 | Số thanh niên nhập ngũ | Người | 12 |
            2 | Số buổi diễn tập | Buổi | 2 |
            """;

        var report = Check(QuarterTwo, unrelated);

        Assert.Equal(FormSource.DocumentOnly, report.Template.Source);
        Assert.Contains(CheckFamilies.Period, report.Template.Checks);
    }

    [Fact]
    public void Check_DocumentOnlyTypeFaults_AreErrors()
    {
        var faulty = QuarterTwo
            .Replace("| Văn bản | 2 |", "| Văn bản | khoảng 3 |", StringComparison.Ordinal)
            .Replace("| Có = 1 Không = 0 | 1 |", "| Có = 1 Không = 0 | 2 |", StringComparison.Ordinal)
            .Replace("| % | 50 |", "| % | 150 |", StringComparison.Ordinal);

        var report = Check(faulty);

        Assert.Equal(Severity.Error, One(report, "VALUE_NOT_NUMBER", "Số văn bản chỉ đạo").Severity);
        Assert.Equal(Severity.Error, One(report, "YESNO_INVALID", "Có tổ chức đối thoại").Severity);
        Assert.Equal(Severity.Error, One(report, "PERCENT_OUT_OF_RANGE", "Tỷ lệ thanh toán trực tuyến").Severity);
    }

    [Theory]
    [InlineData("| Tỷ lệ hồ sơ giải quyết đúng hạn | Hồ sơ | 90 |", "Tỷ lệ hồ sơ giải quyết đúng hạn")]
    [InlineData("| Có tổ chức đối thoại với người dân | Cuộc | 1 |", "Có tổ chức đối thoại")]
    [InlineData("1 | Số cán bộ, công chức cấp xã hiện có | % | 22 |", "Số cán bộ, công chức cấp xã hiện có")]
    public void Check_UnitAgainstTheLabelsWords_IsAWarning(string line, string label)
    {
        var original = line.Contains("Tỷ lệ hồ sơ", StringComparison.Ordinal) ? "| Tỷ lệ hồ sơ giải quyết đúng hạn | % | 90 |"
            : line.Contains("đối thoại", StringComparison.Ordinal) ? "| Có tổ chức đối thoại với người dân | Có = 1 Không = 0 | 1 |"
            : "1 | Số cán bộ, công chức cấp xã hiện có | Cuộc | 22 |";

        var report = Check(QuarterTwo.Replace(original, line, StringComparison.Ordinal));

        Assert.Equal(Severity.Warning, One(report, "UNIT_LABEL_CONFLICT", label).Severity);
    }

    [Fact]
    public void Check_CoOrganLabel_IsNotReadAsYesNo()
    {
        // "Cơ" (organ) and "Có" (yes) fold to the same letters; only the second asks for a 0/1 code.
        var text = QuarterOne.Replace("3 | Có tổ chức đối thoại với người dân | Có = 1 Không = 0 | 1 |", "3 | Cơ quan, đơn vị được kiểm tra | Cơ quan, đơn vị | 4 |", StringComparison.Ordinal);

        Assert.Empty(Check(text).WithCode("UNIT_LABEL_CONFLICT"));
    }

    [Fact]
    public void Prefill_AgainstPreviousQuarter_CarriesStockAndFloorsCumulative()
    {
        var current = Read(QuarterTwo
            .Replace("| Số cán bộ, công chức cấp xã hiện có | Cuộc | 22 |", "| Số cán bộ, công chức cấp xã hiện có | Người | |", StringComparison.Ordinal)
            .Replace("(lũy kế từ đầu năm) | Nhiệm vụ | 4 |", "(lũy kế từ đầu năm) | Nhiệm vụ | |", StringComparison.Ordinal)
            .Replace("| Văn bản | 2 |", "| Văn bản | |", StringComparison.Ordinal));

        var plan = PrefillPlanner.Default.Plan(current, Read(QuarterOne));

        PrefillProposal Of(string label) => Assert.Single(plan.Proposals, p => p.Label.Contains(label, StringComparison.Ordinal) && p.Column == AppendixColumn.Value);
        Assert.Equal(("22", true), (Of("Số cán bộ, công chức cấp xã hiện có").Proposed, Of("Số cán bộ, công chức cấp xã hiện có").Preselected));
        Assert.Equal("5", Of("lũy kế từ đầu năm").Proposed);
        Assert.Null(Of("Số văn bản chỉ đạo").Proposed);
        Assert.Equal("3", Of("Số văn bản chỉ đạo").Previous);
    }

    [Fact]
    public void RollForward_CommuneForm_KeepsStockClearsFlowsAndFloorsCumulative()
    {
        var edits = RollForward.Default.Plan(Read(QuarterTwo));

        Assert.Contains(edits, e => e.Row == 0 && e.NewText.Contains("QUÝ III NĂM 2026", StringComparison.Ordinal));
        Assert.Contains(edits, e => e is { Row: 2, Column: AppendixColumn.Value, NewText: "" });
        Assert.DoesNotContain(edits, e => e.Row == 26 && e.Column == AppendixColumn.Value);
        Assert.Contains(edits, e => e.Row == 4 && e.Column == AppendixColumn.Note && e.NewText == "Lũy kế kỳ trước: 4");
    }
}
