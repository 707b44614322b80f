using System.Text.Json;
using Cchc.Cli;
using Cchc.OpenXml.Tests;
using Xunit.Abstractions;

namespace Cchc.Robustness.Tests;

/// <summary>
/// The hostile-input corpus through <c>cchc check</c> in-process, as a user or a script would meet it: exit
/// code 2 and one Vietnamese sentence on stderr naming the file and what to do, no stack trace, no path of
/// the machine, within the hang guard and the memory bound. Inputs that are odd but readable get a correct
/// result instead.
/// </summary>
public sealed class CliHostileInputTests(ITestOutputHelper output) : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("cchc-robustness-");

    public static TheoryData<string, string, string> Unreadable => new()
    {
        // case, file name, a word the sentence must contain
        { "empty", "bao-cao.docx", "trống" },
        { "truncated-zip", "bao-cao.docx", "hỏng" },
        { "zip-bomb", "bao-cao.docx", "giải nén" },
        { "entity-expansion", "bao-cao.docx", "hỏng" },
        { "external-entity", "bao-cao.xlsx", "hỏng" },
        { "huge-cell", "bao-cao.docx", "ký tự" },
        { "invalid-xml-char-reference", "bao-cao.docx", "hỏng" },
        { "invalid-xml-char-raw", "bao-cao.docx", "hỏng" },
        { "encrypted", "bao-cao.docx", "mật khẩu" },
        { "legacy-doc", "bao-cao.doc", ".doc" },
        { "legacy-xls", "bao-cao.xls", ".xls" },
        { "odt", "bao-cao.odt", "OpenDocument" },
        { "no-header", "bao-cao.docx", "“Tên chỉ tiêu”" },
        { "pdf-named-docx", "bao-cao.docx", "không phải tài liệu Word" },
        { "deep-content-controls", "bao-cao.docx", "lồng nhau" },
        { "deep-paragraph", "bao-cao.docx", "lồng nhau" },
        { "deep-sheet", "bao-cao.xlsx", "lồng nhau" },
        { "huge-shared-strings", "bao-cao.xlsx", "giải nén" },
        { "swollen-relationships", "bao-cao.xlsx", "giải nén" },
        { "many-small-parts", "bao-cao.docx", "thành phần nén" },
        { "too-many-rows", "bao-cao.docx", "dòng" },
        { "long-text-in-many-cells", "bao-cao.xlsx", "ký tự" },
    };

    [Theory]
    [MemberData(nameof(Unreadable))]
    public void Check_UnreadableInput_ExitsTwoWithOneVietnameseSentence(string kind, string fileName, string expected)
    {
        var path = Write(fileName, Build(kind));

        var ((exit, stdout, stderr), cost) = Bounded.Run(() => Cli("check", path));
        output.WriteLine($"{kind}: {cost}; {stderr.Trim()}");

        Assert.Equal(CliApp.Unusable, exit);
        Assert.Equal(string.Empty, stdout);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(expected, line, StringComparison.Ordinal);
        Assert.Contains(fileName, line, StringComparison.Ordinal);
        Assert.DoesNotContain(_folder.FullName, line, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", line, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", line, StringComparison.Ordinal);
        Assert.True(cost.AllocatedBytes < Bounded.MaxPeakGrowthBytes, $"Refusing {kind} allocated {cost}.");
    }

    [Fact]
    public void Check_AsManyRowsAsTheLimit_IsCheckedWithinBounds()
    {
        // The header row and 9,999 rows under it: every row the default limit allows, the last one faulty.
        var path = Write("bao-cao-lon.docx", HostileCorpus.LargeAppendix(9_999));

        var ((exit, stdout, stderr), cost) = Bounded.Run(() => Cli("check", path, "--json"));
        output.WriteLine($"10,000 rows: {cost}");

        Assert.True(exit is CliApp.Clean or CliApp.ErrorsFound, stderr);
        using var json = JsonDocument.Parse(stdout);
        var findings = json.RootElement.GetProperty("findings");
        Assert.Contains(findings.EnumerateArray(), f => f.GetProperty("row").GetInt32() == 9_999 && f.GetProperty("code").GetString() == "VALUE_NOT_NUMBER");
    }

    [Fact]
    public void Check_ConfusableDigits_AreReportedAsNotNumbers()
    {
        var path = Write("bao-cao.docx", HostileCorpus.ConfusableNumbers());

        var ((exit, stdout, stderr), _) = Bounded.Run(() => Cli("check", path, "--json"));

        Assert.Equal(CliApp.ErrorsFound, exit);
        Assert.Equal(string.Empty, stderr);
        using var json = JsonDocument.Parse(stdout);
        var notNumbers = json.RootElement.GetProperty("findings").EnumerateArray()
            .Where(f => f.GetProperty("code").GetString() == "VALUE_NOT_NUMBER")
            .Select(f => f.GetProperty("label").GetString())
            .ToList();
        Assert.Equal(["Số văn bản chỉ đạo CCHC đã ban hành", "Số hồ sơ tiếp nhận", "Số hồ sơ đã giải quyết"], notNumbers);
    }

    [Theory]
    [InlineData("ngan-nam-2022-q3.docx", "phu-luc.xlsx")]
    [InlineData("ngan-nam-2022-q3.xlsx", "phu-luc.docx")]
    [InlineData("ngan-nam-2022-q3.docx", "phu-luc.txt")]
    public void Check_WrongExtension_ReadsByContentWithTheSameFindings(string fixture, string misnamed)
    {
        var original = Write(fixture, File.ReadAllBytes(HostileCorpus.Fixture(fixture)));
        var renamed = Write(misnamed, File.ReadAllBytes(HostileCorpus.Fixture(fixture)));

        var (expectedExit, expected, _) = Cli("check", original, "--json");
        var ((exit, actual, stderr), _) = Bounded.Run(() => Cli("check", renamed, "--json"));

        Assert.Equal(string.Empty, stderr);
        Assert.Equal(expectedExit, exit);
        Assert.Equal(CliApp.ErrorsFound, exit);
        Assert.Equal(expected.Replace(fixture, misnamed, StringComparison.Ordinal), actual);
    }

    public void Dispose() => _folder.Delete(recursive: true);

    internal static byte[] Build(string kind) => kind switch
    {
        "empty" => [],
        "truncated-zip" => HostileCorpus.TruncatedZip(),
        "zip-bomb" => HostileCorpus.ZipBomb(),
        "entity-expansion" => HostileCorpus.EntityExpansion(),
        "external-entity" => HostileCorpus.ExternalEntityXlsx(),
        "huge-cell" => HostileCorpus.HugeCell(10 * 1024 * 1024),
        "invalid-xml-char-reference" => HostileCorpus.InvalidXmlCharacter(raw: false),
        "invalid-xml-char-raw" => HostileCorpus.InvalidXmlCharacter(raw: true),
        "encrypted" => HostileCorpus.Encrypted(),
        "legacy-doc" => HostileCorpus.LegacyDoc(),
        "legacy-xls" => HostileCorpus.LegacyXls(),
        "odt" => HostileCorpus.OpenDocumentText(),
        "no-header" => HostileCorpus.TableWithoutHeader(),
        "pdf-named-docx" => "%PDF-1.7\n%âãÏÓ\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"u8.ToArray(),
        "deep-content-controls" => TestFiles.DeeplyNestedDocx(10_000),
        "deep-paragraph" => TestFiles.DeeplyNestedParagraph(20_000),
        "deep-sheet" => TestFiles.DeeplyNestedXlsx(20_000),
        "huge-shared-strings" => TestFiles.HugeSharedStrings(5_000, 32_000),
        "swollen-relationships" => HostileCorpus.SwollenRelationshipsXlsx(),
        "many-small-parts" => TestFiles.ManySmallParts(12_000),
        "too-many-rows" => HostileCorpus.LargeAppendix(20_000),
        "long-text-in-many-cells" => HostileCorpus.LongTextInManyCells(),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "No such case in the corpus."),
    };

    private string Write(string fileName, byte[] bytes)
    {
        var path = Path.Combine(_folder.FullName, fileName);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static (int Exit, string Stdout, string Stderr) Cli(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = CliApp.Run(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }
}
