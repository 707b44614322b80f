using System.Text;
using Cchc.Appendix.Checking;
using Cchc.Appendix.Templates;
using Cchc.Appendix.Tests.Fixtures;
using Cchc.Appendix.Rules;
using Cchc.Appendix.Text;
using Cchc.Appendix.Units;
using Cchc.Appendix.Tests.Checking;

namespace Cchc.Appendix.Tests.Templates;

public sealed class TemplateCatalogTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("cchc-templates-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Embedded_HoldsTheSocTrangFormWithEveryRowAndRelation()
    {
        var template = Assert.Single(TemplateCatalog.Embedded.Templates);

        Assert.Equal("soc-trang-huyen-quy", template.Id);
        Assert.Equal(["I", "II", "III", "IV", "V", "VI", "VII"], template.Sections.Select(s => s.Number));
        Assert.Equal(204, template.Sections.Sum(s => s.Rows.Count));
        Assert.Contains(template.Relations, r => r.Kind == RelationKind.Sum && r.Total == "III.2.c");
        Assert.Contains(template.Relations, r => r.Kind == RelationKind.Ratio && r.Rate == "I.1");
    }

    [Fact]
    public void LabelOf_EveryFixtureLabel_IsWhatTheLabelSaysAndATemplatesOwnKey()
    {
        var catalog = new TemplateCatalog(TemplateCatalog.Embedded.Templates);
        var labels = TextFixture.Load("ngan-nam-2022-q3.txt").Rows.Select(r => r.Label.Text).ToList();

        // Twice: once folded and kept, once found; with copies of the strings, as every request brings its own.
        foreach (var label in labels.Concat(labels.Select(l => new string(l.AsSpan()))))
        {
            var facts = catalog.LabelOf(label);

            Assert.Equal(VietnameseText.LabelKey(label), facts.Key);
            Assert.Equal(UnitText.TypeFromLabel(label), facts.ImpliedType);
            Assert.Equal(FormInference.KindOf(facts.Key), facts.Kind);
            Assert.Equal(LabelRepeatedWordsRule.MayRepeatAPhrase(facts.Key), facts.MayRepeatAPhrase);
            if (catalog.LabelKeys.TryGetValue(facts.Key, out var known))
            {
                Assert.Same(known, facts.Key);
            }
        }
    }

    [Fact]
    public void LabelOf_MoreLabelsThanItKeepsAndParagraphs_StillWhatTheLabelSays()
    {
        var catalog = new TemplateCatalog(TemplateCatalog.Embedded.Templates);
        var paragraph = string.Concat(Enumerable.Repeat("Số hồ sơ  TTHC tiếp nhận; ", 20));

        for (var round = 0; round < 2; round++)
        {
            for (var i = 0; i < 10_000; i++)
            {
                var label = i % 2 == 0 ? $"- Số văn bản   đã ban hành {i}:" : $"Tỷ lệ hồ sơ hồ sơ đúng hạn lũy kế {i}";
                var facts = catalog.LabelOf(label);
                Assert.Equal(VietnameseText.LabelKey(label), facts.Key);
                Assert.Equal(UnitText.TypeFromLabel(label), facts.ImpliedType);
                Assert.Equal(FormInference.KindOf(facts.Key), facts.Kind);
            }

            Assert.Equal(VietnameseText.LabelKey(paragraph), catalog.LabelOf(paragraph).Key);
        }
    }

    [Theory]
    [InlineData("{ not json", "không đúng định dạng JSON")]
    [InlineData("""{"formatVersion": 2, "id": "x", "version": "1", "name": "x", "sections": []}""", "phiên bản 2")]
    [InlineData("""{"formatVersion": 1, "id": "x", "version": "1", "name": "x", "sections": [{"number": "I", "title": "A", "rows": [{"id": "I.1", "label": "a", "type": "count"}, {"id": "I.1", "label": "b", "type": "count"}]}]}""", "mã chỉ tiêu trùng: I.1")]
    [InlineData("""{"formatVersion": 1, "id": "x", "version": "1", "name": "x", "sections": [{"number": "I", "title": "A", "rows": [{"id": "I.1", "label": "a", "type": "code"}]}]}""", "không liệt kê mã hợp lệ")]
    [InlineData("""{"formatVersion": 1, "id": "x", "version": "1", "name": "x", "sections": [], "relations": [{"kind": "sum", "total": "I.9", "parts": []}]}""", "không có: I.9")]
    [InlineData("""{"formatVersion": 1, "id": "x", "version": "1", "name": "x", "sections": [{"number": "I", "title": "A", "rows": [{"id": "I.1", "label": "a", "type": "money"}]}]}""", "không đúng định dạng JSON")]
    public void Load_BrokenTemplate_SaysWhatIsWrongInVietnamese(string json, string expected)
    {
        var error = Assert.Throws<TemplateException>(() => TemplateCatalog.Load(new MemoryStream(Encoding.UTF8.GetBytes(json)), "tinh-x.json"));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Contains("tinh-x.json", error.Message, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(error.MessageEn));
    }

    [Fact]
    public void WithDirectory_ProvinceTemplate_IsUsedForItsOwnForm()
    {
        File.WriteAllText(Path.Combine(_folder, "xa-a.json"), """
            {
              // a commune form with three rows
              "formatVersion": 1, "id": "xa-a", "version": "2025.1", "name": "Phụ lục cấp xã", "periods": ["quarter"],
              "sections": [{"number": "I", "title": "Công tác chỉ đạo", "rows": [
                {"id": "I.1", "no": "1", "label": "Tổng số hồ sơ tiếp nhận", "unit": "Hồ sơ", "type": "count"},
                {"id": "I.1.a", "label": "Số hồ sơ giải quyết đúng hạn", "unit": "Hồ sơ", "type": "count"},
                {"id": "I.2", "no": "2", "label": "Tỷ lệ hài lòng", "unit": "%", "type": "percent"},
              ]}],
              "relations": [{"kind": "atMost", "part": "I.1.a", "whole": "I.1"}],
            }
            """);
        var checker = new AppendixChecker(TemplateCatalog.Embedded.WithDirectory(_folder));
        var snapshot = new Cchc.Appendix.Table.TableSnapshot(
            ["QUÝ I NĂM 2025 CỦA UBND XÃ A"],
            [
                new(1, "I", "Công tác chỉ đạo", "", "", ""),
                new(2, "1", "Tổng số hồ sơ tiếp nhận", "Hồ sơ", "10", ""),
                new(3, "", "Số hồ sơ giải quyết đúng hạn", "Hồ sơ", "12", ""),
                new(4, "2", "Tỷ lệ hài lòng", "%", "90", ""),
            ]);

        var report = checker.Check(snapshot);

        Assert.Equal("xa-a", report.Template.TemplateId);
        Assert.Equal("I.1.a", Assert.Single(report.WithCode("PART_EXCEEDS_WHOLE")).IndicatorId);
        Assert.Equal(2, checker.Catalog.Templates.Count);
    }
}
