using System.Text.Json;
using Cchc.Testing.Forms;

namespace Cchc.Cli.Tests;

/// <summary>
/// <c>cchc check</c> and <c>cchc template</c> on today's commune and department forms, which no embedded template knows:
/// the appendix found, its value columns named, its faults reported, and a new form drafted and matched.
/// </summary>
public sealed class AnyFormCommandTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("cchc-anyform-");

    public void Dispose() => _folder.Delete(recursive: true);

    private string Write(FormDocument form, string kind)
    {
        var path = Path.Combine(_folder.FullName, $"{form.Name}.{kind}");
        File.WriteAllBytes(path, kind == "docx" ? DocxWriter.Write(form) : XlsxWriter.Write(form));
        return path;
    }

    [Theory]
    [InlineData("docx")]
    [InlineData("xlsx")]
    public void Check_CommuneFormWithTwoValueColumns_SaysWhatRanAndWhereEachFaultIs(string kind)
    {
        var path = Write(SampleForms.CommuneTwoValueColumns(), kind);

        var (code, output, error) = CliHarness.Run("check", path);

        Assert.Equal(CliApp.ErrorsFound, code);
        Assert.Empty(error);
        Assert.Contains("Không khớp mẫu nào: đã kiểm tra theo quy tắc chung — tiêu đề, số thứ tự, ô trống", output, StringComparison.Ordinal);
        Assert.Contains("Cột số liệu: Quý này, Lũy kế từ đầu năm.", output, StringComparison.Ordinal);
        Assert.Contains("[cột “Lũy kế từ đầu năm”]", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_Json_GivesValueColumnAndHeaderOfEachValueFinding()
    {
        var path = Write(SampleForms.DepartmentPlanAndResult(), "xlsx");

        var (_, output, _) = CliHarness.Run("check", path, "--json");

        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal("document", root.GetProperty("templateMatch").GetProperty("form").GetString());
        Assert.Equal(["Kế hoạch năm", "Thực hiện", "Tỷ lệ (%)"], root.GetProperty("valueColumns").EnumerateArray().Select(c => c.GetProperty("header").GetString()));
        Assert.Equal(["plan", "period", "rate"], root.GetProperty("valueColumns").EnumerateArray().Select(c => c.GetProperty("role").GetString()));
        var rate = root.GetProperty("findings").EnumerateArray().Single(f => f.GetProperty("code").GetString() == "RATE_MISMATCH");
        Assert.Equal(("value", 2, "Tỷ lệ (%)"), (rate.GetProperty("column").GetString(), rate.GetProperty("valueColumn").GetInt32(), rate.GetProperty("valueHeader").GetString()));
        var unit = root.GetProperty("findings").EnumerateArray().First(f => f.GetProperty("column").GetString() == "unit");
        Assert.Equal(JsonValueKind.Null, unit.GetProperty("valueColumn").ValueKind);
    }

    [Fact]
    public void Check_WithPreviousQuarter_LearnsItsForm()
    {
        var now = Write(SampleForms.CommuneQuarterTwo(), "docx");
        var before = Write(SampleForms.CommuneQuarterOne(), "xlsx");

        var (code, output, _) = CliHarness.Run("check", now, "--previous", before);

        Assert.Equal(CliApp.Clean, code);
        Assert.Contains("Không khớp mẫu nào: đã kiểm tra theo quy tắc chung và theo báo cáo kỳ trước (quý I năm 2026)", output, StringComparison.Ordinal);
        Assert.Contains("CUMULATIVE_DECREASE", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_ReportWithoutAppendix_ExitsTwoSayingWhatEachTableIs()
    {
        var path = Write(SampleForms.ReportWithoutAppendix(), "docx");

        var (code, output, error) = CliHarness.Run("check", path);

        Assert.Equal(CliApp.Unusable, code);
        Assert.Empty(output);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("“Họ và tên | Chức vụ | Ghi chú”", line, StringComparison.Ordinal);
    }

    [Fact]
    public void TemplateDraft_OneQuarter_WritesATemplateTheNextQuarterMatches()
    {
        var first = Write(SampleForms.CommuneQuarterOne(), "docx");
        var next = Write(SampleForms.CommuneQuarterTwo(), "xlsx");
        var other = Write(SampleForms.CommuneSingleValue(), "docx");
        var form = Path.Combine(_folder.FullName, "forms", "phong-dien.json");
        Directory.CreateDirectory(Path.GetDirectoryName(form)!);

        var (code, output, error) = CliHarness.Run("template", "draft", first, "--out", form, "--id", "can-tho-xa-quy", "--province", "Cần Thơ", "--level", "commune");

        Assert.Equal(CliApp.Clean, code);
        Assert.Empty(error);
        Assert.Contains("Đã lập bản nháp mẫu", output, StringComparison.Ordinal);
        Assert.Contains("Cần xem lại trước khi dùng:", output, StringComparison.Ordinal);
        using (var json = JsonDocument.Parse(File.ReadAllText(form)))
        {
            Assert.Equal("can-tho-xa-quy", json.RootElement.GetProperty("id").GetString());
            Assert.NotEmpty(json.RootElement.GetProperty("review").EnumerateArray());
        }

        var (checkCode, checkOutput, _) = CliHarness.Run("template", "check", form, next, other);
        Assert.Equal(CliApp.ErrorsFound, checkCode);
        Assert.Contains("f-xa-phong-dien-2026-q2.xlsx: khớp mẫu", checkOutput, StringComparison.Ordinal);
        Assert.Contains("thiếu dòng V.3 của mẫu: “Số người hoạt động không chuyên trách ở ấp”", checkOutput, StringComparison.Ordinal);
        Assert.Contains("a-xa-my-tu-2026-q1.docx: KHÔNG khớp mẫu", checkOutput, StringComparison.Ordinal);

        var (_, report, _) = CliHarness.Run("check", next, "--templates", Path.GetDirectoryName(form)!, "--json");
        using var result = JsonDocument.Parse(report);
        Assert.Equal("can-tho-xa-quy", result.RootElement.GetProperty("template").GetString());
    }

    [Fact]
    public void TemplateDraft_OutputIsAnInput_IsRefusedAndTheInputKept()
    {
        var first = Write(SampleForms.CommuneQuarterOne(), "docx");
        var before = File.ReadAllBytes(first);

        var (code, _, error) = CliHarness.Run("template", "draft", first, "--out", first);

        Assert.Equal(CliApp.Unusable, code);
        Assert.Contains("trùng với một báo cáo đầu vào", error, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(first));
    }

    [Fact]
    public void TemplateDraft_ExistingTemplate_NeedsForce()
    {
        var first = Write(SampleForms.CommuneQuarterOne(), "docx");
        var form = Path.Combine(_folder.FullName, "form.json");
        File.WriteAllText(form, "{}");

        var (code, _, error) = CliHarness.Run("template", "draft", first, "--out", form);

        Assert.Equal(CliApp.Unusable, code);
        Assert.Contains("--force", error, StringComparison.Ordinal);
        Assert.Equal("{}", File.ReadAllText(form));
        Assert.Equal(CliApp.Clean, CliHarness.Run("template", "draft", first, "--out", form, "--force").Code);
        Assert.Empty(_folder.GetFiles(".*.tmp"));
    }

    [Fact]
    public void TemplateCheck_BrokenTemplate_ExitsTwoWithTheReason()
    {
        var form = Path.Combine(_folder.FullName, "broken.json");
        File.WriteAllText(form, """{ "formatVersion": 1, "id": "x", "version": "1", "name": "x", "sections": [ { "number": "I", "title": "t", "rows": [ { "id": "a", "label": "A" }, { "id": "a", "label": "B" } ] } ] }""");

        var (code, _, error) = CliHarness.Run("template", "check", form);

        Assert.Equal(CliApp.Unusable, code);
        Assert.Contains("mã chỉ tiêu trùng: a", error, StringComparison.Ordinal);
    }
}
