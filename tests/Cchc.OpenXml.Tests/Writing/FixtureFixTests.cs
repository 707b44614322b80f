using System.IO.Compression;
using System.Text;
using Cchc.Appendix.Findings;
using Cchc.OpenXml.Writing;
using DocumentFormat.OpenXml.Packaging;
using W = DocumentFormat.OpenXml.Wordprocessing;
using static Cchc.OpenXml.Tests.Writing.WriteHarness;

namespace Cchc.OpenXml.Tests.Writing;

public class FixtureFixTests
{
    /// <summary>Rules that relate several cells: fixing one of those cells can settle them without a proposal of their own.</summary>
    private static readonly HashSet<string> Relational = ["TOTAL_MISMATCH", "TOTAL_BELOW_PARTS", "PART_EXCEEDS_WHOLE", "RATE_MISMATCH"];

    private static byte[] Fixture(string name) => File.ReadAllBytes(TestFiles.Fixture(name));

    private static string Describe(Finding f) => $"{f.Row} {f.Column} {f.TitleLine} {f.Code}";

    [Theory]
    [InlineData("ngan-nam-2022-q3.docx", true)]
    [InlineData("ngan-nam-2022-q3.docx", false)]
    [InlineData("ngan-nam-2022-q3.xlsx", true)]
    public void Fix_Q3_ProposedFaultsGoneAndUnproposedOnesRemain(string name, bool track)
    {
        var input = Fixture(name);

        var (output, result, before) = Fix(input, name, Options(track));
        var after = Check(output, name);

        var proposed = before.Findings.Where(f => f.Proposal is not null).Select(Key).ToHashSet();
        Assert.NotEmpty(proposed);
        Assert.DoesNotContain(after.Findings, f => proposed.Contains(Key(f)));

        // Nothing new appears; a fault without a proposal goes only when its own cell, or a cell it sums or compares, was fixed.
        var edited = result.Applied.Select(e => (e.Row, e.Column)).ToHashSet();
        var unproposedBefore = before.Findings.Where(f => f.Proposal is null).Select(Describe).ToList();
        Assert.All(after.Findings.Select(Describe), f => Assert.Contains(f, unproposedBefore));
        var vanished = before.Findings.Where(f => f.Proposal is null && !after.Findings.Any(a => Key(a) == Key(f))).ToList();
        Assert.All(vanished, f => Assert.True(edited.Contains((f.Row, f.Column)) || Relational.Contains(f.Code), Describe(f)));
        Assert.True(unproposedBefore.Count - vanished.Count >= unproposedBefore.Count / 2);

        Assert.DoesNotContain(result.Skipped, s => s.Reason is SkipReason.CellNotFound or SkipReason.CellChanged or SkipReason.FormulaText);
    }

    [Theory]
    [InlineData("ngan-nam-2022-q3.docx")]
    [InlineData("ngan-nam-2022-q3.xlsx")]
    [InlineData("ngan-nam-2022-q2.docx")]
    [InlineData("ngan-nam-2022-q2.xlsx")]
    public void Fix_Fixture_ValidatesAndReopens(string name)
    {
        var input = Fixture(name);

        var (output, _, _) = Fix(input, name);

        Assert.Empty(NewValidationErrors(input, output));
        Assert.Equal(Read(input, name).Rows.Count, Read(output, name).Rows.Count);
    }

    [Fact]
    public void Fix_Q3Docx_TrackedChangesAndCommentsByOurAuthor()
    {
        var input = Fixture("ngan-nam-2022-q3.docx");

        var (output, result, before) = Fix(input, "q3.docx");

        using var document = WordprocessingDocument.Open(new MemoryStream(output), false);
        var body = document.MainDocumentPart!.Document!.Body!;
        var insertions = body.Descendants<W.InsertedRun>().ToList();
        Assert.Equal(result.Applied.Count(e => e.NewText.Length > 0), insertions.Count);
        Assert.All(insertions, i => Assert.Equal(WriteOptions.DefaultAuthor, i.Author?.Value));
        Assert.All(insertions, i => Assert.Equal(Now.UtcDateTime, i.Date?.Value));
        var comments = document.MainDocumentPart.WordprocessingCommentsPart!.Comments!.Elements<W.Comment>().ToList();
        Assert.Equal(result.Marked, comments.Count);
        Assert.Equal(before.Findings.Select(f => (f.Row, f.Column, f.TitleLine)).Distinct().Count(), comments.Count);
        Assert.All(comments, c => Assert.StartsWith("[Kiểm tra CCHC]", c.InnerText, StringComparison.Ordinal));
        Assert.Equal(comments.Count, body.Descendants<W.CommentRangeStart>().Count());
        Assert.Equal(comments.Count, body.Descendants<W.CommentReference>().Count());
        Assert.NotEmpty(body.Descendants<W.Highlight>());
    }

    [Theory]
    [InlineData("ngan-nam-2022-q3.docx")]
    [InlineData("ngan-nam-2022-q3.xlsx")]
    public void Apply_SameCorrectionsTwice_NoDuplicatedMarksNoStackedRevisions(string name)
    {
        var input = Fixture(name);
        var snapshot = Read(input, name);
        var report = Cchc.Appendix.Checking.AppendixChecker.Default.Check(snapshot);
        var edits = Cchc.Appendix.Editing.Corrections.Edits(report, snapshot);
        var marks = Cchc.Appendix.Editing.Corrections.Marks(report);

        var (once, first) = Write(input, name, edits, marks, Options());
        var (twice, second) = Write(once, name, edits, marks, Options());

        Assert.NotEmpty(first.Applied);
        Assert.Empty(second.Applied);
        Assert.All(second.Skipped, s => Assert.Equal(SkipReason.AlreadyApplied, s.Reason));
        // Excel notes also sit on changed cells, so a clear may remove more notes than there were findings.
        Assert.True(second.Cleared >= first.Marked);
        Assert.Equal(first.Marked, second.Marked);
        Assert.Equal(MarkCount(once), MarkCount(twice));
        Assert.Equal(RevisionCount(once), RevisionCount(twice));
        Assert.Equal(VisibleContent(once), VisibleContent(twice));
        Assert.Empty(NewValidationErrors(input, twice));
    }

    [Theory]
    [InlineData("ngan-nam-2022-q3.docx")]
    [InlineData("ngan-nam-2022-q3.xlsx")]
    public void Clear_AfterMarkOnly_LeavesTextAndStylesOfInput(string name)
    {
        var input = Fixture(name);
        var snapshot = Read(input, name);
        var report = Cchc.Appendix.Checking.AppendixChecker.Default.Check(snapshot);
        var (marked, _) = Write(input, name, [], Cchc.Appendix.Editing.Corrections.Marks(report), Options());

        var (cleared, result) = Clear(marked, name);

        Assert.True(result.Cleared > 0);
        Assert.Equal(0, MarkCount(cleared));
        Assert.Equal(VisibleContent(input), VisibleContent(cleared));
        Assert.Empty(NewValidationErrors(input, cleared));
    }

    [Fact]
    public void Clear_AfterFix_KeepsTrackedChangesForTheReviewer()
    {
        var input = Fixture("ngan-nam-2022-q3.docx");
        var (fixedDocument, _, _) = Fix(input, "q3.docx");

        var (cleared, _) = Clear(fixedDocument, "q3.docx");

        Assert.Equal(0, MarkCount(cleared));
        Assert.Equal(RevisionCount(fixedDocument), RevisionCount(cleared));
    }

    /// <summary>Comments or notes of ours, and highlighted runs or filled cells.</summary>
    internal static int MarkCount(byte[] document)
    {
        using var zip = new ZipArchive(new MemoryStream(document));
        var count = 0;
        foreach (var entry in zip.Entries.Where(e => e.FullName.Contains("comments", StringComparison.OrdinalIgnoreCase)))
        {
            using var reader = new StreamReader(entry.Open(), Encoding.UTF8);
            var xml = reader.ReadToEnd();
            count += CountOf(xml, "[Kiểm tra CCHC]");
        }

        var main = zip.GetEntry("word/document.xml");
        if (main is not null)
        {
            using var reader = new StreamReader(main.Open(), Encoding.UTF8);
            count += CountOf(reader.ReadToEnd(), "w:highlight");
        }

        return count;
    }

    internal static int RevisionCount(byte[] document)
    {
        using var zip = new ZipArchive(new MemoryStream(document));
        var main = zip.GetEntry("word/document.xml");
        if (main is null)
        {
            return 0;
        }

        using var reader = new StreamReader(main.Open(), Encoding.UTF8);
        var xml = reader.ReadToEnd();
        return CountOf(xml, "<w:ins ") + CountOf(xml, "<w:del ");
    }

    /// <summary>Everything a reader sees: the document's text, or a workbook's cell values and styles.</summary>
    internal static string VisibleContent(byte[] document)
    {
        using var memory = new MemoryStream(document);
        if (AppendixDocument.Sniff(new MemoryStream(document), "x") == DocumentKind.Docx)
        {
            using var word = WordprocessingDocument.Open(memory, false);
            return word.MainDocumentPart!.Document!.Body!.InnerText;
        }

        using var excel = SpreadsheetDocument.Open(memory, false);
        return string.Join('\n', excel.WorkbookPart!.WorksheetParts.SelectMany(p => p.Worksheet!.Descendants<DocumentFormat.OpenXml.Spreadsheet.Cell>())
            .Where(c => c.CellValue is not null || c.StyleIndex is not null)
            .Select(c => $"{c.CellReference}={c.CellValue?.Text}/{c.DataType?.Value}/{c.StyleIndex?.Value}"));
    }

    private static int CountOf(string text, string value)
    {
        var count = 0;
        for (var i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + value.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
