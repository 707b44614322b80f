using System.Globalization;
using System.Text.Json;
using Cchc.Testing.Forms;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using static Cchc.Testing.Forms.ConsolidationSet;

namespace Cchc.Cli.Tests;

/// <summary>
/// <c>cchc consolidate</c> over the files of <see cref="ConsolidationSet"/> in a folder and in an archive laid out
/// {unit}/{year}/{period}/, checked against totals this test adds up itself.
/// </summary>
public sealed class ConsolidateCommandTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("cchc-consolidate-");

    public void Dispose() => _folder.Delete(recursive: true);

    private static List<UnitFigures> Counted => Files().Where(f => f.Kind == SetFileKind.Report).Select(f => f.Figures!).ToList();

    private string WriteSet()
    {
        var reports = Path.Combine(_folder.FullName, "bao-cao");
        Directory.CreateDirectory(reports);
        foreach (var file in Files())
        {
            File.WriteAllBytes(Path.Combine(reports, file.Name), file.Content);
        }

        File.WriteAllLines(Path.Combine(_folder.FullName, "don-vi.txt"), ["# Đơn vị phải báo cáo quý II", .. UnitList]);
        return reports;
    }

    private string Path2(string name) => Path.Combine(_folder.FullName, name);

    [Fact]
    public void Consolidate_FolderWithList_JsonTotalsRatesStatusesAndExclusions()
    {
        var reports = WriteSet();

        var (code, output, error) = CliHarness.Run("consolidate", reports, "--units", Path2("don-vi.txt"), "--json", "--out", Path2("tong-hop.xlsx"));

        Assert.Equal(1, code);
        Assert.Contains("Đã đọc 17 tệp", error, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal("quý II năm 2026", root.GetProperty("period").GetString());
        Assert.Equal(["period", "units", "indicators", "excluded"], root.EnumerateObject().Select(p => p.Name));

        var units = root.GetProperty("units").EnumerateArray().ToList();
        Assert.Equal(UnitList, units.Select(u => u.GetProperty("unit").GetString()));
        var missing = units.Single(u => u.GetProperty("unit").GetString() == MissingUnit);
        Assert.Equal(JsonValueKind.Null, missing.GetProperty("file").ValueKind);
        Assert.False(missing.GetProperty("readyToSign").GetBoolean());
        var flagged = units.Single(u => u.GetProperty("unit").GetString() == CommuneWithError);
        Assert.Equal(1, flagged.GetProperty("errors").GetInt32());
        Assert.Equal(["unit", "file", "template", "errors", "warnings", "infos", "readyToSign"], flagged.EnumerateObject().Select(p => p.Name));

        var indicators = root.GetProperty("indicators").EnumerateArray().ToList();
        JsonElement Indicator(string label) => indicators.Single(i => i.GetProperty("label").GetString()!.TrimStart('-', ' ') == label.TrimStart('-', ' '));
        var received = Indicator(Received);
        Assert.Equal(["id", "label", "unit", "type", "value", "reported", "of", "min", "median", "max"], received.EnumerateObject().Select(p => p.Name));
        Assert.Equal(Counted.Sum(u => u[Received]!.Value), received.GetProperty("value").GetDecimal());
        Assert.Equal(14, received.GetProperty("reported").GetInt32());
        Assert.Equal(15, received.GetProperty("of").GetInt32());
        Assert.Equal("count", received.GetProperty("type").GetString());

        var rate = Indicator(OnTimeRate);
        var expectedRate = Math.Round((decimal)Counted.Sum(u => u[OnTime]!.Value) / Counted.Sum(u => u[Resolved]!.Value) * 100, 1, MidpointRounding.AwayFromZero);
        Assert.Equal(expectedRate, rate.GetProperty("value").GetDecimal());
        Assert.Equal("percent", rate.GetProperty("type").GetString());
        var signed = Indicator(SignedDigitally);
        Assert.Equal(JsonValueKind.Null, signed.GetProperty("value").ValueKind);
        Assert.Equal(Counted.Where(u => u.Form == "commune").Max(u => u[SignedDigitally]!.Value), signed.GetProperty("max").GetDecimal());

        var excluded = root.GetProperty("excluded").EnumerateArray().Select(e => e.GetProperty("file").GetString()).ToList();
        Assert.Equal(
            [Files().Single(f => f.Kind == SetFileKind.OtherPeriod).Name, Files().Single(f => f.Kind == SetFileKind.Superseded).Name, BrokenFile],
            excluded);
        Assert.True(File.Exists(Path2("tong-hop.xlsx")));
    }

    [Fact]
    public void Consolidate_Workbook_ValidWithItsChart()
    {
        var reports = WriteSet();

        var (code, output, _) = CliHarness.Run("consolidate", reports, "--units", Path2("don-vi.txt"), "--out", Path2("tong-hop.xlsx"));

        Assert.Equal(1, code);
        Assert.Contains("đã nhận 14/15 đơn vị", output, StringComparison.Ordinal);
        Assert.Contains($"chưa nộp: {MissingUnit}", output, StringComparison.Ordinal);
        using var workbook = SpreadsheetDocument.Open(Path2("tong-hop.xlsx"), false);
        Assert.Empty(new OpenXmlValidator().Validate(workbook));
        Assert.Single(workbook.WorkbookPart!.WorksheetParts.SelectMany(s => s.DrawingsPart?.ChartParts ?? []));
    }

    [Fact]
    public void Consolidate_Archive_ReadsThePeriodFoldersAndNamesUnitsAsTheirReportsDo()
    {
        var archive = Path2("kho");
        foreach (var file in Files().Where(f => f.Kind is SetFileKind.Report or SetFileKind.OtherPeriod))
        {
            var slug = file.Name[..file.Name.IndexOf("-q", StringComparison.Ordinal)];
            var period = file.Kind == SetFileKind.OtherPeriod ? "q1" : "q2";
            var folder = Path.Combine(archive, "ubnd-" + slug, "2026", period);
            Directory.CreateDirectory(folder);
            File.WriteAllBytes(Path.Combine(folder, file.Name), file.Content);
        }

        var (code, output, error) = CliHarness.Run("consolidate", "--archive", archive, "--period", "quý II 2026", "--json");

        Assert.True(code == 1, error);
        var root = JsonDocument.Parse(output).RootElement;
        Assert.Equal("quý II năm 2026", root.GetProperty("period").GetString());
        var units = root.GetProperty("units").EnumerateArray().ToList();
        Assert.Equal(14, units.Count);
        Assert.Contains(units, u => u.GetProperty("unit").GetString() == "UBND XÃ AN BÌNH");
        var received = root.GetProperty("indicators").EnumerateArray().Single(i => i.GetProperty("label").GetString() == Received);
        Assert.Equal(Counted.Sum(u => u[Received]!.Value), received.GetProperty("value").GetDecimal());
        // The quarter I report feeds the trend, never the quarter II totals.
        Assert.Empty(root.GetProperty("excluded").EnumerateArray());
    }

    [Fact]
    public void Consolidate_WordTable_WrittenWithTheTotals()
    {
        var reports = WriteSet();

        var (_, _, error) = CliHarness.Run("consolidate", reports, "--out", Path2("tong-hop.docx"), "--period", "2026-q2");

        Assert.True(File.Exists(Path2("tong-hop.docx")), error);
        using var document = WordprocessingDocument.Open(Path2("tong-hop.docx"), false);
        Assert.Empty(new OpenXmlValidator().Validate(document));
        Assert.Contains(Counted.Sum(u => u[Received]!.Value).ToString("#,0", CultureInfo.GetCultureInfo("vi-VN")), document.MainDocumentPart!.Document!.Body!.InnerText, StringComparison.Ordinal);
    }

    [Fact]
    public void Consolidate_NothingReadable_ExitTwoWithEachFilesReason()
    {
        var reports = Path2("hong");
        Directory.CreateDirectory(reports);
        File.WriteAllText(Path.Combine(reports, "a.docx"), "không phải tệp Word");

        var (code, _, error) = CliHarness.Run("consolidate", reports, "--json");

        Assert.Equal(2, code);
        Assert.Contains("a.docx", error, StringComparison.Ordinal);
        Assert.Contains("Không đọc được tệp nào", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--out", "tong-hop.pdf", "phải là .xlsx hoặc .docx")]
    [InlineData("--period", "quý năm", "Không hiểu kỳ")]
    [InlineData("--units", "khong-co.txt", "Không đọc được tệp danh sách")]
    public void Consolidate_BadArguments_ExitTwoWithAClearSentence(string option, string value, string message)
    {
        var reports = WriteSet();
        var argument = option is "--out" or "--units" ? Path2(value) : value;
        string[] extra = option == "--out" ? [] : ["--json"];

        var (code, _, error) = CliHarness.Run(["consolidate", reports, option, argument, .. extra]);

        Assert.Equal(2, code);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Consolidate_FolderAndArchiveBoth_Refused()
    {
        var (code, _, error) = CliHarness.Run("consolidate", _folder.FullName, "--archive", _folder.FullName, "--json");

        Assert.Equal(2, code);
        Assert.Contains("không dùng cả hai", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Consolidate_OutputNamingAUnitsReport_RefusedAndTheReportKept()
    {
        var reports = WriteSet();
        var unitReport = Path.Combine(reports, Files().First(f => f.Kind == SetFileKind.Report && f.Name.EndsWith(".xlsx", StringComparison.Ordinal)).Name);
        var before = File.ReadAllBytes(unitReport);

        var (code, _, error) = CliHarness.Run("consolidate", reports, "--out", unitReport);

        Assert.Equal(2, code);
        Assert.Contains("là báo cáo của", error, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(unitReport));
    }

    [Fact]
    public void Consolidate_OutputInsideTheFolder_NotReadAsAUnitNextTime()
    {
        var reports = WriteSet();
        var target = Path.Combine(reports, "tong-hop.xlsx");

        CliHarness.Run("consolidate", reports, "--out", target);
        var (_, output, _) = CliHarness.Run("consolidate", reports, "--out", target, "--json");

        var excluded = JsonDocument.Parse(output).RootElement.GetProperty("excluded").EnumerateArray().Select(e => e.GetProperty("file").GetString()).ToList();
        Assert.DoesNotContain("tong-hop.xlsx", excluded);
        Assert.Equal(3, excluded.Count);
    }
}
