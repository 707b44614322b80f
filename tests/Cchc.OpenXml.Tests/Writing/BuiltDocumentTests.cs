using Cchc.Appendix.Editing;
using Cchc.Appendix.Table;
using Cchc.OpenXml.Writing;
using DocumentFormat.OpenXml.Packaging;
using static Cchc.OpenXml.Tests.TestFiles;
using static Cchc.OpenXml.Tests.Writing.WriteHarness;
using S = DocumentFormat.OpenXml.Spreadsheet;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Cchc.OpenXml.Tests.Writing;

/// <summary>Round trips on small documents built in code, each showing the structure it is about.</summary>
public class BuiltDocumentTests
{
    private static CellEdit Edit(int row, AppendixColumn column, string old, string @new, decimal? number = null) =>
        new(row, column, @new, "TEST", "Lý do", "Reason") { OldText = old, Number = number };

    private static W.Body Body(byte[] document)
    {
        using var word = WordprocessingDocument.Open(new MemoryStream(document), false);
        return (W.Body)word.MainDocumentPart!.Document!.Body!.CloneNode(true);
    }

    [Fact]
    public void Apply_ReportBodyOtherTablesAndSplitAppendix_EditsOnlyTheNamedCell()
    {
        var input = Docx(
            Paragraph("BÁO CÁO Kết quả cải cách hành chính"),
            Table(Row("Nơi nhận:", "TM. ỦY BAN NHÂN DÂN")),
            Paragraph("Phụ lục"),
            Paragraph("QUÝ III NĂM 2022 CỦA UBND HUYỆN A"),
            AppendixTable(["I", "CÔNG TÁC CHỈ ĐẠO", "", "", ""], ["1", "Số văn bản ban hành", "Văn bản", "12", ""]),
            Table(Row("2", "Số cuộc kiểm tra", "Cuộc", "3", ""), Row("3", "Số hồ sơ", "Hồ sơ", "1730", "")));
        var snapshot = Read(input);
        Assert.Equal(4, snapshot.Rows.Count);

        var (output, result) = Write(input, "a.docx", [Edit(4, AppendixColumn.Value, "1730", "1.730"), Edit(3, AppendixColumn.Value, "3", "4")], [], Options());

        Assert.Equal(2, result.Applied.Count);
        var after = Read(output);
        Assert.Equal(["", "12", "4", "1.730"], after.Rows.Select(r => r.Value.Text));
        var body = Body(output);
        Assert.Equal("Nơi nhận:TM. ỦY BAN NHÂN DÂN", body.Elements<W.Table>().First().InnerText);
        Assert.Equal(2, body.Descendants<W.InsertedRun>().Count());
        Assert.Equal(["3", "1730"], body.Descendants<W.DeletedText>().Select(t => t.Text));
        Assert.Empty(NewValidationErrors(input, output));
    }

    [Fact]
    public void Apply_RunsSplitMidNumber_KeepsEachRunsFormattingAndReplacesOnlyTheText()
    {
        var cell = new W.TableCell(new W.Paragraph(
            new W.Run(new W.RunProperties(new W.Bold()), new W.Text("17")),
            new W.Run(new W.RunProperties(new W.Italic()), new W.Text("30"))));
        var input = Docx(Table(Row(Header), new W.TableRow(Cell("1"), Cell("Số hồ sơ"), Cell("Hồ sơ"), cell, Cell(""))));

        var (output, result) = Write(input, "a.docx", [Edit(1, AppendixColumn.Value, "1730", "1.730")], [], Options(track: false));

        Assert.Single(result.Applied);
        var value = Body(output).Descendants<W.TableRow>().Last().Elements<W.TableCell>().ElementAt(3);
        Assert.Equal("1.730", value.InnerText);
        Assert.NotNull(value.Descendants<W.Run>().Single().RunProperties?.Bold);
    }

    [Fact]
    public void Apply_MergedNumberingCell_FindsValueCellOfMergedRow()
    {
        var merged = new W.TableCell(new W.TableCellProperties(new W.VerticalMerge()), Paragraph(string.Empty));
        var input = Docx(Table(
            Row(Header),
            new W.TableRow(new W.TableCell(new W.TableCellProperties(new W.VerticalMerge { Val = W.MergedCellValues.Restart }), Paragraph("1")), Cell("Số văn bản"), Cell("Văn bản"), Cell("5"), Cell("")),
            new W.TableRow(merged, Cell("- Trong đó điện tử"), Cell("Văn bản"), Cell(""), Cell(""))));

        var (output, result) = Write(input, "a.docx", [Edit(2, AppendixColumn.Value, string.Empty, "3", 3)], [], Options());

        Assert.Single(result.Applied);
        Assert.Equal(["5", "3"], Read(output).Rows.Select(r => r.Value.Text));
        Assert.Empty(NewValidationErrors(input, output));
    }

    [Fact]
    public void Apply_OtherAuthorsCommentAndRevision_KeptThroughFixAndClear()
    {
        var theirs = new W.TableCell(new W.Paragraph(
            new W.CommentRangeStart { Id = "1" },
            new W.InsertedRun(new W.Run(new W.Text("12"))) { Id = "2", Author = "Chuyên viên", Date = new DateTime(2022, 9, 1) },
            new W.CommentRangeEnd { Id = "1" },
            new W.Run(new W.CommentReference { Id = "1" })));
        var input = Docx(Table(Row(Header), new W.TableRow(Cell("1"), Cell("Số văn bản"), Cell("%"), theirs, Cell(""))));
        input = WithComment(input, "1", "Chuyên viên", "Kiểm tra lại số này");
        var mark = new CellMark(1, AppendixColumn.Value, "TEST", "warning", "[TEST] Xem lại", "13");

        var (marked, result) = Write(input, "a.docx", [Edit(1, AppendixColumn.Unit, "%", "Văn bản"), Edit(1, AppendixColumn.Value, "12", "13", 13)], [mark], Options());
        var (cleared, _) = Clear(marked, "a.docx");

        Assert.Equal(2, result.Applied.Count);
        Assert.Equal("13", Read(marked).Rows[0].Value.Text);
        foreach (var document in new[] { marked, cleared })
        {
            using var word = WordprocessingDocument.Open(new MemoryStream(document), false);
            var comments = word.MainDocumentPart!.WordprocessingCommentsPart!.Comments!.Elements<W.Comment>().ToList();
            Assert.Contains(comments, c => c.Author?.Value == "Chuyên viên" && c.InnerText == "Kiểm tra lại số này");
            Assert.Contains(word.MainDocumentPart.Document!.Body!.Descendants<W.InsertedRun>(), i => i.Author?.Value == "Chuyên viên");
            Assert.Contains(word.MainDocumentPart.Document.Body.Descendants<W.CommentReference>(), r => r.Id?.Value == "1");
        }

        Assert.Empty(NewValidationErrors(input, marked));
        Assert.Empty(NewValidationErrors(input, cleared));
    }

    [Fact]
    public void Apply_TitleLine_ReplacesOnlyTheChangedWord()
    {
        var input = Docx(Paragraph("Phụ lục"), Paragraph("QUÝ III NĂM 2022 CỦA UBND HUYỆN A"), AppendixTable(["1", "Số văn bản", "Văn bản", "5", ""]));
        var snapshot = Read(input);
        var line = snapshot.TitleLines.ToList().IndexOf("QUÝ III NĂM 2022 CỦA UBND HUYỆN A");
        var edit = new CellEdit(0, AppendixColumn.Header, "QUÝ IV NĂM 2022 CỦA UBND HUYỆN A", "ROLL_FORWARD", "Kỳ mới", "New period") { TitleLine = line, OldText = snapshot.TitleLines[line] };

        var (output, result) = Write(input, "a.docx", [edit], [], Options());

        Assert.Single(result.Applied);
        Assert.Equal("QUÝ IV NĂM 2022 CỦA UBND HUYỆN A", Read(output).TitleLines[line]);
        var body = Body(output);
        Assert.Equal("III", Assert.Single(body.Descendants<W.DeletedText>()).Text);
        Assert.Equal("IV", Assert.Single(body.Descendants<W.InsertedRun>()).InnerText);
    }

    [Fact]
    public void Apply_CellChangedSincePlanned_RefusedAndKept()
    {
        var input = Docx(AppendixTable(["1", "Số văn bản", "Văn bản", "7", ""]));

        var (output, result) = Write(input, "a.docx", [Edit(1, AppendixColumn.Value, "5", "6", 6)], [], Options());

        Assert.Equal(SkipReason.CellChanged, Assert.Single(result.Skipped).Reason);
        Assert.Equal("7", Read(output).Rows[0].Value.Text);
    }

    [Fact]
    public void Apply_XlsxPercentAndFormulaCells_NumberKeepsFormatFormulaGetsNote()
    {
        var input = Xlsx(
            AddPercentStyle,
            ("Phụ lục", [
                ["Phụ lục"],
                [.. Header],
                ["1", "Tỷ lệ hồ sơ đúng hạn", "%", new S.Cell { CellValue = new S.CellValue(0.5), StyleIndex = 1 }, null],
                ["2", "Tổng số hồ sơ", "Hồ sơ", new S.Cell { CellFormula = new S.CellFormula("D5+D6"), CellValue = new S.CellValue(10) }, null],
                ["3", "Số hồ sơ trực tuyến", "Hồ sơ", 4.0, null],
            ]));

        var edits = new[]
        {
            Edit(1, AppendixColumn.Value, "50%", "60", 60),
            Edit(2, AppendixColumn.Value, "10", "12", 12),
            Edit(3, AppendixColumn.Value, "4", "5", 5),
        };
        var (output, result) = Write(input, "a.xlsx", edits, [new CellMark(3, AppendixColumn.Value, "TEST", "error", "[TEST] Sai", "5")], Options());

        Assert.Equal(2, result.Applied.Count);
        Assert.Equal(SkipReason.FormulaCell, Assert.Single(result.Skipped).Reason);
        using (var excel = SpreadsheetDocument.Open(new MemoryStream(output), false))
        {
            var sheet = excel.WorkbookPart!.WorksheetParts.Single();
            var cells = sheet.Worksheet!.Descendants<S.Cell>().ToDictionary(c => c.CellReference!.Value!);
            Assert.Equal("0.6", cells["D3"].CellValue!.Text);
            Assert.Equal(1u, cells["D3"].StyleIndex!.Value);
            Assert.Null(cells["D3"].DataType);
            Assert.Equal("D5+D6", cells["D4"].CellFormula!.Text);
            Assert.Equal("5", cells["D5"].CellValue!.Text);
            var notes = sheet.WorksheetCommentsPart!.Comments!.CommentList!.Elements<S.Comment>().ToDictionary(c => c.Reference!.Value!, c => c.InnerText);
            Assert.Equal(["D3", "D4", "D5"], notes.Keys.Order());
            Assert.Contains("12", notes["D4"], StringComparison.Ordinal);
            Assert.Contains("[TEST] Sai", notes["D5"], StringComparison.Ordinal);
            Assert.NotNull(sheet.VmlDrawingParts.Single());
        }

        Assert.Equal(["60%", "10", "5"], Read(output, "a.xlsx").Rows.Select(r => r.Value.Text));
        Assert.Empty(NewValidationErrors(input, output));

        var (cleared, _) = Clear(output, "a.xlsx");
        using var clean = SpreadsheetDocument.Open(new MemoryStream(cleared), false);
        var cleanSheet = clean.WorkbookPart!.WorksheetParts.Single();
        Assert.Null(cleanSheet.WorksheetCommentsPart);
        Assert.Empty(cleanSheet.VmlDrawingParts);
        Assert.Null(cleanSheet.Worksheet!.Descendants<S.Cell>().Single(c => c.CellReference == "D5").StyleIndex);
        Assert.Empty(NewValidationErrors(input, cleared));
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")")]
    [InlineData("+1+1")]
    [InlineData("-2+3")]
    [InlineData("@SUM(A1)")]
    [InlineData("\t=1")]
    [InlineData("  =1")]
    [InlineData("\uFF1D1")]
    public void Apply_XlsxTextStartingAFormula_RefusedInValuesLabelsNotesAndTitles(string attack)
    {
        var input = Xlsx(("Phụ lục", [["Phụ lục"], ["QUÝ III NĂM 2022"], [.. Header], ["1", "Số hồ sơ", "Hồ sơ", 4.0, null]]));
        var snapshot = Read(input, "a.xlsx");
        var title = snapshot.TitleLines.ToList().IndexOf("QUÝ III NĂM 2022");
        var edits = new[]
        {
            Edit(1, AppendixColumn.Value, "4", attack),
            Edit(1, AppendixColumn.Label, "Số hồ sơ", attack),
            Edit(1, AppendixColumn.Note, string.Empty, attack),
            new CellEdit(0, AppendixColumn.Header, attack, "TEST", "x", "x") { TitleLine = title, OldText = "QUÝ III NĂM 2022" },
        };

        var (output, result) = Write(input, "a.xlsx", edits, [], Options());

        Assert.Empty(result.Applied);
        Assert.All(result.Skipped, s => Assert.Equal(SkipReason.FormulaText, s.Reason));
        using var excel = SpreadsheetDocument.Open(new MemoryStream(output), false);
        var strings = excel.WorkbookPart!.SharedStringTablePart!.SharedStringTable!.InnerText;
        Assert.DoesNotContain(attack, strings, StringComparison.Ordinal);
        Assert.DoesNotContain(excel.WorkbookPart.WorksheetParts.Single().Worksheet!.Descendants<S.InlineString>(), _ => true);
    }

    private static void AddPercentStyle(WorkbookPart workbook)
    {
        var styles = workbook.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = new S.Stylesheet(
            new S.Fonts(new S.Font()) { Count = 1 },
            new S.Fills(new S.Fill(new S.PatternFill { PatternType = S.PatternValues.None }), new S.Fill(new S.PatternFill { PatternType = S.PatternValues.Gray125 })) { Count = 2 },
            new S.Borders(new S.Border()) { Count = 1 },
            new S.CellFormats(new S.CellFormat(), new S.CellFormat { NumberFormatId = 9, ApplyNumberFormat = true }) { Count = 2 });
    }

    private static byte[] WithComment(byte[] document, string id, string author, string text)
    {
        using var memory = new MemoryStream();
        memory.Write(document);
        using (var word = WordprocessingDocument.Open(memory, true))
        {
            var part = word.MainDocumentPart!.AddNewPart<WordprocessingCommentsPart>();
            part.Comments = new W.Comments(new W.Comment(new W.Paragraph(new W.Run(new W.Text(text)))) { Id = id, Author = author, Initials = "CV" });
        }

        return memory.ToArray();
    }
}
