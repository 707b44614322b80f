using Cchc.Appendix.Checking;
using Cchc.Appendix.Findings;
using Cchc.Appendix.Templates;
using static Cchc.Appendix.Tests.Checking.CommuneText;

namespace Cchc.Appendix.Tests.Templates;

/// <summary><c>cchc template draft</c>: a new form in minutes, from filled reports of it.</summary>
public class TemplateDrafterTests
{
    private static readonly DraftOptions Options = new("xa-an-binh-quy", "Phụ lục CCHC cấp xã — xã An Bình", "Cần Thơ", "commune");

    private static TemplateDraft Draft(params string[] texts) =>
        TemplateDrafter.Draft(texts.Select((t, i) => new DraftDocument($"q{i + 1}.docx", Read(t))).ToList(), Options);

    private static AppendixTemplate RoundTrip(AppendixTemplate template)
    {
        using var stream = new MemoryStream();
        TemplateCatalog.Write(template, stream);
        stream.Position = 0;
        return TemplateCatalog.Load(stream, "draft.json");
    }

    private static TemplateRow RowLabelled(AppendixTemplate template, string labelPart) =>
        Assert.Single(template.Sections.SelectMany(s => s.Rows), r => r.Label.Contains(labelPart, StringComparison.Ordinal));

    [Fact]
    public void Draft_OneQuarter_GivesSectionsRowsAndIds()
    {
        var template = Draft(QuarterOne).Template;

        Assert.Equal(["I", "II", "III"], template.Sections.Select(s => s.Number));
        Assert.Equal("Cải cách thủ tục hành chính", template.Sections[1].Title);
        Assert.Equal(["I.1", "I.2", "I.2.a", "I.3"], template.Sections[0].Rows.Select(r => r.Id));
        var cumulative = RowLabelled(template, "lũy kế từ đầu năm");
        Assert.Equal((IndicatorType.Count, IndicatorKind.Cumulative, "Nhiệm vụ", (string?)null), (cumulative.Type, cumulative.Kind, cumulative.Unit, cumulative.No));
        Assert.Equal(IndicatorType.YesNo, RowLabelled(template, "Có tổ chức đối thoại").Type);
        Assert.Equal(IndicatorKind.Stock, RowLabelled(template, "đang có hiệu lực").Kind);
        Assert.Equal(IndicatorType.Heading, RowLabelled(template, "Kết quả giải quyết hồ sơ").Type);
        Assert.Equal(["quarter"], template.Periods);
    }

    [Fact]
    public void Draft_OneQuarter_InfersRelationsFromWordsAndFigures()
    {
        var template = Draft(QuarterOne).Template;

        var sums = template.Relations.Where(r => r.Kind == RelationKind.Sum).ToList();
        Assert.Contains(sums, r => r is { Total: "II.1", Inferred: RelationOrigin.Words } && r.Parts!.SequenceEqual(["II.1.a", "II.1.b"]));
        Assert.Contains(sums, r => r is { Total: "II.4", Inferred: RelationOrigin.Values, HeldIn: 1, Documents: 1 });
        Assert.Contains(template.Relations, r => r is { Kind: RelationKind.Ratio, Rate: "II.5", Numerator: "II.5.b", Denominator: "II.5.a", Inferred: RelationOrigin.Values });
        Assert.Contains(template.Relations, r => r is { Kind: RelationKind.Ratio, Rate: "II.2.e", Inferred: RelationOrigin.Words });
        Assert.Contains(template.Relations, r => r is { Kind: RelationKind.AtMost, Part: "II.2.b", Whole: "II.2.a" });
    }

    [Fact]
    public void Draft_SaysWhatToReview()
    {
        var draft = Draft(QuarterOne);

        Assert.Contains(draft.Review, r => r.Contains("Quan hệ II.1 = II.1.a + II.1.b: suy ra từ tên các chỉ tiêu, đúng trong 1/1 tệp", StringComparison.Ordinal));
        Assert.Contains(draft.Review, r => r.Contains("coi là số lũy kế", StringComparison.Ordinal));
        Assert.StartsWith("Bản nháp lập từ 1 tệp (q1.docx)", draft.Review[0], StringComparison.Ordinal);
        Assert.Equal(draft.Review, draft.Template.Review);
        Assert.Equal(draft.Review.Count, draft.ReviewEn.Count);
    }

    [Fact]
    public void Draft_WrittenAndReadBack_IsTheSameTemplate()
    {
        var template = Draft(QuarterOne).Template;

        var read = RoundTrip(template);

        Assert.Equal(template.Sections.SelectMany(s => s.Rows), read.Sections.SelectMany(s => s.Rows), new RowComparer());
        Assert.Equal(template.Relations.Count, read.Relations.Count);
        Assert.Equal(template.Relations.Select(r => (r.Kind, r.Inferred, r.HeldIn)), read.Relations.Select(r => (r.Kind, r.Inferred, r.HeldIn)));
    }

    [Fact]
    public void Draft_FromOneQuarter_TheNextQuarterMatchesIt()
    {
        var catalog = new TemplateCatalog([RoundTrip(Draft(QuarterOne).Template)]);

        var report = new AppendixChecker(catalog).Check(Read(QuarterTwo));

        Assert.Equal(FormSource.Template, report.Template.Source);
        Assert.Equal("xa-an-binh-quy", report.Template.TemplateId);

        // Unconfirmed relations of a drafted form are warnings that say so.
        var total = Assert.Single(report.Findings, f => f.Code == "TOTAL_MISMATCH" && f.Label.StartsWith("Số ý kiến", StringComparison.Ordinal));
        Assert.Equal(Severity.Warning, total.Severity);
        Assert.Contains("chưa được xác nhận", total.Message, StringComparison.Ordinal);
        Assert.Contains(report.Findings, f => f.Code == "ROW_UNKNOWN" && f.Label.StartsWith("Số buổi sinh hoạt", StringComparison.Ordinal));
    }

    [Fact]
    public void Draft_RelationConfirmedByAReviewer_BecomesAnError()
    {
        var template = Draft(QuarterOne).Template;
        var confirmed = template with { Relations = template.Relations.Select(r => r with { Inferred = null }).ToList() };

        var report = new AppendixChecker(new TemplateCatalog([confirmed])).Check(Read(QuarterTwo));

        Assert.Equal(Severity.Error, Assert.Single(report.Findings, f => f.Code == "TOTAL_MISMATCH" && f.Label.StartsWith("Số ý kiến", StringComparison.Ordinal)).Severity);
    }

    [Fact]
    public void Draft_TwoQuarters_KeepsOnlyWhatHeldInBoth()
    {
        var draft = Draft(QuarterOne, QuarterTwo);

        Assert.DoesNotContain(draft.Template.Relations, r => r.Total == "II.4");
        Assert.Contains(draft.Template.Relations, r => r is { Kind: RelationKind.AtMost, Part: "II.2.b", HeldIn: 2, Documents: 2 });
        Assert.Contains(draft.Review, r => r.Contains("Quan hệ II.4 = II.4.a + II.4.b không đúng trong q2.docx", StringComparison.Ordinal));
        Assert.Contains(draft.Review, r => r.Contains("Tệp q2.docx: dòng 27 “Số buổi sinh hoạt chuyên đề", StringComparison.Ordinal));
    }

    [Fact]
    public void Draft_DuplicateItemNumbers_GetDistinctIdsAndANote()
    {
        var text = QuarterOne.Replace("3 | Số dịch vụ công trực tuyến", "2 | Số dịch vụ công trực tuyến", StringComparison.Ordinal);

        var draft = Draft(text);

        Assert.Contains(draft.Template.Sections[1].Rows, r => r.Id == "II.2-2");
        Assert.Contains(draft.Review, r => r.Contains("số thứ tự 2 lặp lại trong mục II", StringComparison.Ordinal));
        _ = new TemplateCatalog([RoundTrip(draft.Template)]);
    }

    private sealed class RowComparer : IEqualityComparer<TemplateRow>
    {
        public bool Equals(TemplateRow? x, TemplateRow? y) =>
            x is not null && y is not null && (x.Id, x.No, x.Label, x.Unit, x.Type, x.Kind) == (y.Id, y.No, y.Label, y.Unit, y.Type, y.Kind);

        public int GetHashCode(TemplateRow obj) => obj.Id.GetHashCode(StringComparison.Ordinal);
    }
}
