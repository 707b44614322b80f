using Cchc.Appendix.Checking;
using Cchc.OpenXml;

namespace Cchc.Cli.Tests;

/// <summary><c>cchc fix|fill|roll</c> run in-process over files in a temporary folder.</summary>
public sealed class WriteCommandTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("cchc-cli-");

    public void Dispose() => _folder.Delete(recursive: true);

    private string Copy(string fixture)
    {
        var path = Path.Combine(_folder.FullName, fixture);
        File.Copy(CliHarness.Fixture(fixture), path);
        return path;
    }

    private string PathOf(string name) => Path.Combine(_folder.FullName, name);

    private static (int Code, string Output, string Error) Run(params string[] args) => CliHarness.Run(args);

    [Theory]
    [InlineData("ngan-nam-2022-q3.docx")]
    [InlineData("ngan-nam-2022-q3.xlsx")]
    public void Fix_Q3_WritesOutputWithoutProposedFaults(string fixture)
    {
        var input = Copy(fixture);
        var output = PathOf("fixed" + Path.GetExtension(fixture));
        var before = File.ReadAllBytes(input);

        var (code, text, error) = Run("fix", input, "--out", output);

        Assert.Equal(CliApp.ErrorsFound, code);
        Assert.Empty(error);
        Assert.Contains("Đã sửa", text, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(input));
        var proposed = AppendixChecker.Default.Check(AppendixDocument.ReadFile(input)).Findings.Where(f => f.Proposal is not null).Select(f => (f.Row, f.Column, f.Code)).ToHashSet();
        var after = AppendixChecker.Default.Check(AppendixDocument.ReadFile(output));
        Assert.DoesNotContain(after.Findings, f => proposed.Contains((f.Row, f.Column, f.Code)));
        Assert.Empty(_folder.GetFiles("*.tmp", SearchOption.AllDirectories).Concat(_folder.GetFiles(".*")));
    }

    [Fact]
    public void Fix_OutputIsInput_RefusedAndInputUntouched()
    {
        var input = Copy("ngan-nam-2022-q3.docx");
        var before = File.ReadAllBytes(input);

        var (code, _, error) = Run("fix", input, "--out", input);

        Assert.Equal(CliApp.Unusable, code);
        Assert.Contains("--in-place", error, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(input));
    }

    [Fact]
    public void Fix_OutIsPrevious_RefusedAndLastQuarterUntouched()
    {
        var input = Copy("ngan-nam-2022-q3.docx");
        var previous = Copy("ngan-nam-2022-q2.docx");
        var before = File.ReadAllBytes(previous);

        var (code, text, error) = Run("fix", input, "--previous", previous, "--out", previous);

        Assert.Equal(CliApp.Unusable, code);
        Assert.Empty(text);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("--previous", line, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(previous));
        Assert.Equal(2, _folder.GetFiles().Length);
    }

    [Fact]
    public void Fill_OutIsPreviousEvenWithInPlace_Refused()
    {
        var input = Copy("ngan-nam-2022-q3.docx");
        var previous = Copy("ngan-nam-2022-q2.docx");
        var before = File.ReadAllBytes(previous);

        var (code, _, error) = Run("fill", input, "--previous", previous, "--out", previous, "--in-place");

        Assert.Equal(CliApp.Unusable, code);
        Assert.Contains("--previous", error, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(previous));
    }

    [Fact]
    public void Fill_OutIsPreviousThroughALinkedFolder_RefusedByRealPath()
    {
        var input = Copy("ngan-nam-2022-q3.docx");
        var previous = Copy("ngan-nam-2022-q2.docx");
        var before = File.ReadAllBytes(previous);
        var link = Directory.CreateSymbolicLink(PathOf("ban-sao"), _folder.FullName);

        var (code, _, error) = Run("fill", input, "--previous", previous, "--out", Path.Combine(link.FullName, "ngan-nam-2022-q2.docx"));

        Assert.Equal(CliApp.Unusable, code);
        Assert.Contains("--previous", error, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(previous));
    }

    [Fact]
    public void Fix_OutIsInputThroughALinkedFolder_RefusedWithoutInPlace()
    {
        var input = Copy("ngan-nam-2022-q3.docx");
        var before = File.ReadAllBytes(input);
        var link = Directory.CreateSymbolicLink(PathOf("ban-sao"), _folder.FullName);

        var (code, _, error) = Run("fix", input, "--out", Path.Combine(link.FullName, "ngan-nam-2022-q3.docx"));

        Assert.Equal(CliApp.Unusable, code);
        Assert.Contains("--in-place", error, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(input));
    }

    [Fact]
    public void Fill_Workbook_DoesNotClaimTrackedChanges()
    {
        var input = Copy("ngan-nam-2022-q3.xlsx");
        var previous = Copy("ngan-nam-2022-q2.xlsx");

        var (code, text, error) = Run("fill", input, "--previous", previous, "--out", PathOf("filled.xlsx"));

        Assert.NotEqual(CliApp.Unusable, code);
        Assert.Empty(error);
        Assert.Contains("Đã sửa", text, StringComparison.Ordinal);
        Assert.DoesNotContain("theo dõi thay đổi", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Fill_Document_SaysTrackedChanges()
    {
        var (_, text, _) = Run("fill", Copy("ngan-nam-2022-q3.docx"), "--previous", Copy("ngan-nam-2022-q2.docx"), "--out", PathOf("filled.docx"));

        Assert.Contains("theo dõi thay đổi", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_Cancelled_LeavesNoTemporaryFileAndNoOutput()
    {
        var input = new FileInfo(Copy("ngan-nam-2022-q3.docx"));
        var target = new FileInfo(PathOf("out.docx"));
        using var error = new StringWriter();
        var inputs = new InputFiles(english: false, error);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        var code = new DocumentRewrite(inputs, TextWriter.Null, error).Write(input, target, [], [], OpenXml.Writing.WriteOptions.Default, AppendixChecker.Default, cancelled.Token);

        Assert.Equal(CliApp.Interrupted, code);
        Assert.False(target.Exists);
        Assert.Single(_folder.GetFiles("*", SearchOption.AllDirectories));
        Assert.Single(error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Fix_InPlace_ReplacesInputAtomically()
    {
        var input = Copy("ngan-nam-2022-q3.docx");
        var before = File.ReadAllBytes(input);

        var (code, _, _) = Run("fix", input, "--in-place");

        Assert.Equal(CliApp.ErrorsFound, code);
        Assert.NotEqual(before, File.ReadAllBytes(input));
        Assert.Single(_folder.GetFiles());
    }

    [Fact]
    public void Fix_OnlyUnknownCode_ExitTwoListingKnownCodes()
    {
        var input = Copy("ngan-nam-2022-q3.docx");

        var (code, _, error) = Run("fix", input, "--out", PathOf("out.docx"), "--only", "UNIT_MISMATCH,NOT_A_RULE");

        Assert.Equal(CliApp.Unusable, code);
        Assert.Contains("NOT_A_RULE", error, StringComparison.Ordinal);
        Assert.Contains("VALUE_MISSING", error, StringComparison.Ordinal);
        Assert.False(File.Exists(PathOf("out.docx")));
    }

    [Fact]
    public void Fix_OnlyOneCode_TouchesOnlyThatCode()
    {
        var input = Copy("ngan-nam-2022-q3.xlsx");
        var output = PathOf("out.xlsx");

        var (code, _, _) = Run("fix", input, "--out", output, "--only", "unit_mismatch");

        Assert.Equal(CliApp.ErrorsFound, code);
        var before = AppendixChecker.Default.Check(AppendixDocument.ReadFile(input)).Findings;
        var after = AppendixChecker.Default.Check(AppendixDocument.ReadFile(output)).Findings;
        Assert.DoesNotContain(after, f => f.Code == "UNIT_MISMATCH" && f.Proposal is not null);
        Assert.Equal(before.Count(f => f.Code == "VALUE_MISSING"), after.Count(f => f.Code == "VALUE_MISSING"));
    }

    [Fact]
    public void Fix_ThenClear_TextAsInputAndNoMarks()
    {
        var input = Copy("ngan-nam-2022-q3.docx");
        var marked = PathOf("marked.docx");
        var cleared = PathOf("cleared.docx");
        Run("fix", input, "--out", marked, "--only", "VALUE_MISSING,HEADER_DATE_BLANK");

        var (code, text, _) = Run("fix", marked, "--out", cleared, "--clear");

        Assert.Equal(CliApp.ErrorsFound, code);
        Assert.Contains("Đã gỡ", text, StringComparison.Ordinal);
        Assert.Equal(
            AppendixDocument.ReadFile(marked).Rows.Select(r => r.Value.Text),
            AppendixDocument.ReadFile(cleared).Rows.Select(r => r.Value.Text));
        using var zip = System.IO.Compression.ZipFile.OpenRead(cleared);
        using var reader = new StreamReader(zip.GetEntry("word/document.xml")!.Open());
        var xml = reader.ReadToEnd();
        Assert.DoesNotContain("w:commentReference", xml, StringComparison.Ordinal);
        Assert.DoesNotContain("w:highlight", xml, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ngan-nam-2022-q3.docx")]
    [InlineData("ngan-nam-2022-q3.xlsx")]
    public void Roll_Q3_GivesQuarterFourWithoutStructuralFaults(string fixture)
    {
        var input = Copy(fixture);
        var output = PathOf("q4" + Path.GetExtension(fixture));

        var (code, _, error) = Run("roll", input, "--out", output);

        Assert.Equal(CliApp.Clean, code);
        Assert.Empty(error);
        var report = AppendixChecker.Default.Check(AppendixDocument.ReadFile(output));
        Assert.Equal(4, report.Header.Period?.Number);
        Assert.Equal(2022, report.Header.Period?.Year);
        string[] structural = ["NUMBERING_DUPLICATE", "NUMBERING_SEQUENCE", "NUMBERING_SUBITEM", "NUMBERING_SECTION", "UNIT_MISSING", "UNIT_MISMATCH", "ROW_UNKNOWN", "ROW_MISSING", "HEADER_PERIOD_MISSING", "HEADER_YEAR_MISMATCH"];
        Assert.DoesNotContain(report.Findings, f => structural.Contains(f.Code));
    }

    [Fact]
    public void Fill_Q3FromQ2_FillsBlanksOnly()
    {
        var input = Copy("ngan-nam-2022-q3.docx");
        var previous = Copy("ngan-nam-2022-q2.docx");
        var output = PathOf("filled.docx");

        var (code, text, error) = Run("fill", input, "--previous", previous, "--out", output);

        Assert.NotEqual(CliApp.Unusable, code);
        Assert.Empty(error);
        Assert.Contains("Đã sửa", text, StringComparison.Ordinal);
        var before = AppendixDocument.ReadFile(input).Rows;
        var after = AppendixDocument.ReadFile(output).Rows;
        Assert.Equal(before.Count, after.Count);
        Assert.All(before.Zip(after), pair => Assert.True(pair.First.Value.IsBlank || pair.First.Value.Text == pair.Second.Value.Text));
        Assert.Contains(before.Zip(after), pair => pair.First.Value.IsBlank && !pair.Second.Value.IsBlank);
    }

    [Fact]
    public void Fill_WithoutPrevious_ExitTwo()
    {
        var input = Copy("ngan-nam-2022-q3.docx");

        var (code, _, _) = Run("fill", input, "--out", PathOf("out.docx"));

        Assert.Equal(CliApp.Unusable, code);
    }

    [Theory]
    [InlineData("fix")]
    [InlineData("roll")]
    public void Command_WithoutOut_ExitTwo(string command)
    {
        var input = Copy("ngan-nam-2022-q3.docx");

        var (code, _, error) = Run(command, input);

        Assert.Equal(CliApp.Unusable, code);
        Assert.Contains("--out", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("empty.docx", new byte[0])]
    [InlineData("not-a-zip.docx", new byte[] { 0x48, 0x65, 0x6C, 0x6C, 0x6F, 0x20, 0x77, 0x6F, 0x72, 0x6C, 0x64 })]
    [InlineData("old.doc", new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0 })]
    public void Fix_BadInput_ExitTwoWithOneVietnameseSentenceAndNoOutput(string name, byte[] content)
    {
        var input = PathOf(name);
        File.WriteAllBytes(input, content);
        var output = PathOf("out.docx");

        var (code, text, error) = Run("fix", input, "--out", output);

        Assert.Equal(CliApp.Unusable, code);
        Assert.Empty(text);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith(name, line, StringComparison.Ordinal);
        Assert.Contains("Tệp", line, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
        Assert.Single(_folder.GetFiles());
    }
}
