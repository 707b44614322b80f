using System.Text;
using System.Text.Json;

namespace Cchc.Cli.Tests;

/// <summary><c>cchc check</c>: exit codes, the human and JSON reports, and one clear sentence for every bad input.</summary>
public sealed class CheckCommandTests : IDisposable
{
    private static readonly string[] Columns = ["no", "label", "unit", "value", "note", "header"];
    private static readonly string[] Severities = ["error", "warning", "info"];

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("cchc-check-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Theory]
    [InlineData("ngan-nam-2022-q3.docx")]
    [InlineData("ngan-nam-2022-q3.xlsx")]
    public void Check_Q3_ReportsErrorsBySectionAndExitsOne(string fixture)
    {
        var (code, output, error) = CliHarness.Run("check", CliHarness.Fixture(fixture));

        Assert.Equal(CliApp.ErrorsFound, code);
        Assert.Empty(error);
        Assert.Contains("UBND THỊ XÃ NGÃ NĂM, quý III năm 2022", output, StringComparison.Ordinal);
        Assert.Contains("Mục I — Công tác chỉ đạo điều hành CCHC", output, StringComparison.Ordinal);
        Assert.Contains("dòng 3", output, StringComparison.Ordinal);
        Assert.Contains("→ đề xuất: Nhiệm vụ (theo mẫu)", output, StringComparison.Ordinal);
        Assert.Contains("5 lỗi", output, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_Q2_HasNoErrorAndExitsZero()
    {
        var (code, output, _) = CliHarness.Run("check", CliHarness.Fixture("ngan-nam-2022-q2.xlsx"));

        Assert.Equal(CliApp.Clean, code);
        Assert.Contains("Không còn lỗi", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_Json_WritesTheDocumentedShape()
    {
        var (code, output, _) = CliHarness.Run("check", CliHarness.Fixture("ngan-nam-2022-q3.docx"), "--previous", CliHarness.Fixture("ngan-nam-2022-q2.docx"), "--json");

        Assert.Equal(CliApp.ErrorsFound, code);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal("ngan-nam-2022-q3.docx", root.GetProperty("file").GetString());
        Assert.Equal("UBND THỊ XÃ NGÃ NĂM", root.GetProperty("unit").GetString());
        Assert.Equal("quarter", root.GetProperty("period").GetProperty("kind").GetString());
        Assert.Equal(3, root.GetProperty("period").GetProperty("number").GetInt32());
        Assert.Equal(2022, root.GetProperty("period").GetProperty("year").GetInt32());
        Assert.Equal("soc-trang-huyen-quy", root.GetProperty("template").GetString());
        var findings = root.GetProperty("findings").EnumerateArray().ToList();
        Assert.All(findings, f =>
        {
            Assert.Contains(f.GetProperty("column").GetString(), Columns);
            Assert.Contains(f.GetProperty("severity").GetString(), Severities);
            Assert.True(f.GetProperty("row").GetInt32() >= 0);
            Assert.False(string.IsNullOrEmpty(f.GetProperty("code").GetString()));
        });
        var unit = findings.Single(f => f.GetProperty("code").GetString() == "UNIT_MISMATCH" && f.GetProperty("row").GetInt32() == 3);
        Assert.Equal("Số nhiệm vụ đề ra trong kế hoạch", unit.GetProperty("label").GetString());
        Assert.Equal("Nhiệm vụ", unit.GetProperty("proposal").GetProperty("value").GetString());
        Assert.Equal("template", unit.GetProperty("proposal").GetProperty("source").GetString());
        Assert.Equal(5, root.GetProperty("summary").GetProperty("errors").GetInt32());
    }

    [Fact]
    public void Check_LangEn_SpeaksEnglish()
    {
        var (_, output, _) = CliHarness.Run("check", CliHarness.Fixture("ngan-nam-2022-q3.docx"), "--lang", "en");

        Assert.Contains("does not match the form", output, StringComparison.Ordinal);
        Assert.Contains("5 errors", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_DocxAndXlsxOfOneAppendix_GiveTheSameFindings()
    {
        var docx = CliHarness.Run("check", CliHarness.Fixture("ngan-nam-2022-q3.docx"), "--json").Output;
        var xlsx = CliHarness.Run("check", CliHarness.Fixture("ngan-nam-2022-q3.xlsx"), "--json").Output;

        static string Findings(string json) => JsonDocument.Parse(json).RootElement.GetProperty("findings").GetRawText();
        Assert.Equal(Findings(docx), Findings(xlsx));
    }

    public static TheoryData<string, byte[], string> BadInputs => new()
    {
        { "trong.docx", [], "trống" },
        { "rac.docx", Encoding.ASCII.GetBytes("this is not a document at all"), "không phải tài liệu Word" },
        { "cu.doc", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[1024]], "Word 97–2003 (.doc)" },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void Check_BadInput_ExitsTwoWithOneSentenceAndNoStackTrace(string name, byte[] content, string expected)
    {
        var path = Path.Combine(_folder.FullName, name);
        File.WriteAllBytes(path, content);

        var (code, output, error) = CliHarness.Run("check", path);

        Assert.Equal(CliApp.Unusable, code);
        Assert.Empty(output);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.Single(error.Trim().Split('\n'));
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_MissingFile_SaysSo()
    {
        var (code, _, error) = CliHarness.Run("check", Path.Combine(_folder.FullName, "khong-co.docx"));

        Assert.Equal(CliApp.Unusable, code);
        Assert.Contains("Không tìm thấy tệp “khong-co.docx”", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_UnknownOption_IsAUsageErrorNotAFinding()
    {
        var (code, _, error) = CliHarness.Run("check", CliHarness.Fixture("ngan-nam-2022-q3.docx"), "--lang", "fr");

        Assert.Equal(CliApp.Unusable, code);
        Assert.Contains("cchc --help", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_PreviousFromArchive_ComparesWithTheArchivedQuarter()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_folder.FullName, "archive", "ubnd-thi-xa-nga-nam", "2022", "q2"));
        File.Copy(CliHarness.Fixture("ngan-nam-2022-q2.docx"), Path.Combine(folder.FullName, "ngan-nam-2022-q2.docx"));

        var (code, output, error) = CliHarness.Run("check", CliHarness.Fixture("ngan-nam-2022-q3.docx"), "--previous-from-archive", "--archive", Path.Combine(_folder.FullName, "archive"), "--json");

        Assert.Equal(CliApp.ErrorsFound, code);
        Assert.Empty(error);
        Assert.Contains("\"previous-period\"", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_PreviousFromEmptyArchive_SaysSoAndStillChecks()
    {
        Directory.CreateDirectory(Path.Combine(_folder.FullName, "archive"));

        var (code, output, error) = CliHarness.Run("check", CliHarness.Fixture("ngan-nam-2022-q3.docx"), "--previous-from-archive", "--archive", Path.Combine(_folder.FullName, "archive"));

        Assert.Equal(CliApp.ErrorsFound, code);
        Assert.Contains("chưa có báo cáo quý II năm 2022", error, StringComparison.Ordinal);
        Assert.Contains("5 lỗi", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_PreviousTwice_IsRefused()
    {
        var (code, _, error) = CliHarness.Run("check", CliHarness.Fixture("ngan-nam-2022-q3.docx"), "--previous", CliHarness.Fixture("ngan-nam-2022-q2.docx"), "--previous-from-archive");

        Assert.Equal(CliApp.Unusable, code);
        Assert.Contains("--previous-from-archive", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_ProvinceTemplatesThatAreBroken_AreRefusedWithTheFileName()
    {
        var templates = Directory.CreateDirectory(Path.Combine(_folder.FullName, "mau"));
        File.WriteAllText(Path.Combine(templates.FullName, "hong.json"), "{ not json");

        var (code, _, error) = CliHarness.Run("check", CliHarness.Fixture("ngan-nam-2022-q3.docx"), "--templates", templates.FullName);

        Assert.Equal(CliApp.Unusable, code);
        Assert.Contains("hong.json", error, StringComparison.Ordinal);
    }
}
