using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Cchc.Testing.Forms.Tests;

/// <summary>The .docx and .xlsx files are valid, hold the form's rows, and are laid out as the catalogue says.</summary>
public sealed class WrittenFileTests
{
    public static TheoryData<string> Forms => [.. SampleForms.All.Select(f => f.Name)];

    public static TheoryData<string> Appendices => [.. SampleForms.WithAppendix.Select(f => f.Name)];

    [Theory]
    [MemberData(nameof(Forms))]
    public void Docx_EveryForm_PassesTheValidator(string name)
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(DocxWriter.Write(SampleForms.ByName(name))), false);
        AssertValid(document);
    }

    [Theory]
    [MemberData(nameof(Forms))]
    public void Xlsx_EveryForm_PassesTheValidator(string name)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(XlsxWriter.Write(SampleForms.ByName(name))), false);
        AssertValid(document);
    }

    [Theory]
    [MemberData(nameof(Appendices))]
    public void DocxAndXlsx_OfOneForm_HoldTheSameRows(string name)
    {
        var form = SampleForms.ByName(name);
        var expected = form.Appendix!.GridText();

        var word = WordAppendix(form);
        var excel = ExcelAppendix(form);

        Assert.Equal(expected.Count, word.Count);
        Assert.Equal(word.Count, excel.Count);
        for (var r = 0; r < word.Count; r++)
        {
            Assert.Equal(word[r], excel[r]);
        }
    }

    [Theory]
    [MemberData(nameof(Appendices))]
    public void Docx_AppendixTable_HoldsTheFormsRowsAndNothingElse(string name)
    {
        var form = SampleForms.ByName(name);

        var word = WordAppendix(form);

        Assert.Equal(form.Appendix!.GridText().Select(r => r.ToArray()), word);
    }

    [Theory]
    [MemberData(nameof(Appendices))]
    public void Docx_TitleLines_SitRightAboveTheAppendix(string name)
    {
        var form = SampleForms.ByName(name);
        using var document = WordprocessingDocument.Open(new MemoryStream(DocxWriter.Write(form)), false);
        var appendix = document.MainDocumentPart!.Document!.Body!.Elements<W.Table>().ElementAt(form.Body.OfType<BodyTable>().Count());

        var above = appendix.ElementsBefore().OfType<W.Paragraph>().TakeLast(form.TitleLines.Count).Select(p => p.InnerText);

        Assert.Equal(form.TitleLines, above);
    }

    [Fact]
    public void Docx_CommuneSingleValue_HasTheBodysTablesBeforeTheAppendixAndTheSignatureAfter()
    {
        var form = SampleForms.CommuneSingleValue();

        var tables = ReadBack.WordTables(DocxWriter.Write(form));

        Assert.Equal(4, tables.Count);
        Assert.Equal("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc", tables[0][0][1]);
        Assert.Equal(["Lĩnh vực", "Số hồ sơ tiếp nhận", "Số hồ sơ đã giải quyết", "Ghi chú"], tables[1][0]);
        Assert.Equal(["STT", "Nội dung chỉ tiêu", "Đơn vị tính", "Kết quả", "Ghi chú"], tables[2][0]);
        Assert.StartsWith("Nơi nhận:", tables[3][0][0], StringComparison.Ordinal);
        Assert.StartsWith("TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH", tables[3][0][1], StringComparison.Ordinal);
    }

    [Fact]
    public void Docx_TwoRowHeader_SpansAndMergesDownLikeWord()
    {
        var form = SampleForms.CommuneTwoValueColumns();
        using var document = WordprocessingDocument.Open(new MemoryStream(DocxWriter.Write(form)), false);
        var rows = document.MainDocumentPart!.Document!.Body!.Elements<W.Table>().First().Elements<W.TableRow>().ToList();

        var first = rows[0].Elements<W.TableCell>().Select(c => c.TableCellProperties!).ToList();
        var second = rows[1].Elements<W.TableCell>().Select(c => c.TableCellProperties!).ToList();

        Assert.Equal(5, first.Count);
        Assert.Equal(2, first[3].GridSpan!.Val!.Value);
        Assert.Equal(4, first.Count(c => c.VerticalMerge?.Val?.Value == W.MergedCellValues.Restart));
        Assert.Null(first[3].VerticalMerge);
        Assert.Equal(6, second.Count);
        // Under STT, the label, ĐVT and Ghi chú: an empty cell continuing the merge; under Kết quả: two headers.
        Assert.Equal([true, true, true, false, false, true], second.Select(c => c.VerticalMerge is { Val: null }));
        Assert.NotNull(rows[0].TableRowProperties!.GetFirstChild<W.TableHeader>());
        Assert.Equal(6, document.MainDocumentPart.Document.Body.Elements<W.Table>().First().GetFirstChild<W.TableGrid>()!.Elements<W.GridColumn>().Count());
    }

    [Fact]
    public void Xlsx_TwoRowHeader_IsMergedAcrossAndDown()
    {
        var form = SampleForms.CommuneTwoValueColumns();
        var sheet = ReadBack.ExcelSheet(XlsxWriter.Write(form), form.Excel.SheetName);

        var header = sheet.Find(["STT", "Nội dung/chỉ tiêu", "ĐVT", "Kết quả", "", "Ghi chú"], 0);

        Assert.True(header >= 0);
        var r = header + 1;
        Assert.Equal(["A", "B", "C", "F"], sheet.Merges.Where(m => m == $"{m[0]}{r}:{m[0]}{r + 1}").Select(m => m[..1]));
        Assert.Contains($"D{r}:E{r}", sheet.Merges);
        Assert.Equal(["1", "2", "3", "4", "5", "6"], sheet.Row(header + 2, 0, 6));
        Assert.NotNull(sheet.Cells[(header + 2, 0)].Number);
    }

    [Fact]
    public void Xlsx_CommuneSingleValue_PutsTheAppendixOnTheSecondSheetUnderTitleRows()
    {
        var form = SampleForms.CommuneSingleValue();
        var xlsx = XlsxWriter.Write(form);

        var sheet = ReadBack.ExcelSheet(xlsx, "Phụ lục");
        var header = sheet.Find(form.Appendix!.GridText()[0], 0);

        Assert.Equal(["Báo cáo", "Phụ lục"], ReadBack.SheetNames(xlsx));
        Assert.Equal(form.TitleLines, Enumerable.Range(0, form.TitleLines.Count).Select(r => sheet.Text(r, 0)));
        Assert.Contains("A1:E1", sheet.Merges);
        Assert.Equal(form.TitleLines.Count + 1, header);
        Assert.Contains(ReadBack.ExcelSheet(xlsx, "Báo cáo").Cells.Values, c => c.Text == "Lĩnh vực");
    }

    [Fact]
    public void Xlsx_Numbers_AreStoredAsOfficersStoreThem()
    {
        var a = SampleForms.CommuneSingleValue();
        var c = SampleForms.CommuneTwoValueColumns();
        var d = SampleForms.DepartmentPlanAndResult();

        var aCells = ExcelValueCells(a, "- Tỷ lệ hồ sơ giải quyết đúng hạn", "Tỷ lệ giải ngân vốn đầu tư công", "Số hồ sơ TTHC đã tiếp nhận", "Số cuộc kiểm tra công vụ đột xuất", "cán bộ, công chức cấp xã đã tinh giản");
        var cCells = ExcelValueCells(c, "Số hồ sơ TTHC đã tiếp nhận", "Tỷ lệ giải ngân vốn đầu tư công");
        var dCells = ExcelValueCells(d, "Số tin, bài tuyên truyền CCHC trên Cổng", "Số hồ sơ TTHC đã tiếp nhận");

        // Percents as fractions under a percent format; grouped and decimal typing left as text.
        Assert.Equal((0.99m, "0%"), (aCells[0][0].Number, aCells[0][0].Format));
        Assert.Equal((0.125m, "0.0%"), (aCells[1][0].Number, aCells[1][0].Format));
        Assert.Equal((null, "2.450"), (aCells[2][0].Number, aCells[2][0].Text));
        Assert.Equal((null, "1,5"), (aCells[3][0].Number, aCells[3][0].Text));
        Assert.Equal(-1m, aCells[4][0].Number);
        // Thousands typed into a workbook that took them as numbers; percents as plain numbers, decimals as text.
        Assert.Equal((1320m, "#,##0"), (cCells[0][0].Number, cCells[0][0].Format));
        Assert.Equal((null, "18,5"), (cCells[1][0].Number, cCells[1][0].Text));
        // A completion-rate column holds fractions over 1 when the plan is overdone.
        Assert.Equal((1.2m, "0%"), (dCells[0][2].Number, dCells[0][2].Format));
        Assert.Equal((1.081m, "0.0%"), (dCells[1][2].Number, dCells[1][2].Format));
    }

    [Fact]
    public void Xlsx_Department_StartsInColumnBUnderTheReportBody()
    {
        var form = SampleForms.DepartmentPlanAndResult();
        var sheet = ReadBack.ExcelSheet(XlsxWriter.Write(form), form.Excel.SheetName);

        var header = sheet.Find(form.Appendix!.GridText()[0], 1);

        Assert.True(header > form.Body.Count + form.TitleLines.Count);
        Assert.Equal(string.Empty, sheet.Text(header, 0));
        Assert.Equal("BÁO CÁO", sheet.Text(2, 0));
    }

    [Fact]
    public void Header_DecomposedDiacritics_SurviveBothFormats()
    {
        var form = SampleForms.CommuneReordered();

        var word = WordAppendix(form)[0];
        var excel = ExcelAppendix(form)[0];

        Assert.Equal(["TT", "CHỈ TIÊU", "Số liệu", "đvt", "Ghi chú"], word.Select(t => t.Normalize()));
        Assert.False(word[2].IsNormalized());
        Assert.False(excel[4].IsNormalized());
    }

    [Fact]
    public void ReportWithoutAppendix_HoldsOnlyTheStaffListAndTheSignature()
    {
        var form = SampleForms.ReportWithoutAppendix();

        var tables = ReadBack.WordTables(DocxWriter.Write(form));
        var sheet = ReadBack.ExcelSheet(XlsxWriter.Write(form), "Danh sách");

        Assert.Equal(3, tables.Count);
        Assert.Equal(["Họ và tên", "Chức vụ", "Ghi chú"], tables[1][0]);
        Assert.True(sheet.Find(["Họ và tên", "Chức vụ", "Ghi chú"], 0) >= 0);
        Assert.DoesNotContain(sheet.Cells.Values, c => c.Text.Contains("chỉ tiêu", StringComparison.OrdinalIgnoreCase));
    }

    private static void AssertValid(OpenXmlPackage document)
    {
        foreach (var version in new[] { FileFormatVersions.Office2007, FileFormatVersions.Microsoft365 })
        {
            var errors = new OpenXmlValidator(version).Validate(document)
                .Select(e => $"{version} {e.Part?.Uri} {e.Path?.XPath}: {e.Description}").ToList();
            Assert.True(errors.Count == 0, string.Join('\n', errors));
        }
    }

    /// <summary>The Word table whose first row is the form's first row, from there to its end.</summary>
    private static List<string[]> WordAppendix(FormDocument form)
    {
        var first = form.Appendix!.GridText()[0];
        var tables = ReadBack.WordTables(DocxWriter.Write(form)).Where(t => t[0].SequenceEqual(first)).ToList();
        return [.. Assert.Single(tables)];
    }

    /// <summary>The sheet's rows from the form's first row on, as many as the form has.</summary>
    private static List<string[]> ExcelAppendix(FormDocument form)
    {
        var grid = form.Appendix!.GridText();
        var sheet = ReadBack.ExcelSheet(XlsxWriter.Write(form), form.Excel.SheetName);
        var start = sheet.Find(grid[0], form.Excel.FirstColumn);
        Assert.True(start >= 0, $"{form.Name}: the first row of the appendix is not on sheet “{form.Excel.SheetName}”.");
        return [.. Enumerable.Range(start, grid.Count).Select(r => sheet.Row(r, form.Excel.FirstColumn, form.Appendix.Width))];
    }

    /// <summary>The stored value cells of the named rows, in value-column order.</summary>
    private static List<List<ReadBack.Cell>> ExcelValueCells(FormDocument form, params string[] labels)
    {
        var appendix = form.Appendix!;
        var sheet = ReadBack.ExcelSheet(XlsxWriter.Write(form), form.Excel.SheetName);
        var labelColumn = form.Excel.FirstColumn + appendix.Columns.ToList().IndexOf(ColumnRole.Label);
        return [.. labels.Select(label =>
        {
            var row = sheet.Cells.Single(c => c.Key.Column == labelColumn && c.Value.Text.Contains(label, StringComparison.Ordinal)).Key.Row;
            return Enumerable.Range(0, appendix.ValueColumnCount)
                .Select(v => sheet.Cells[(row, form.Excel.FirstColumn + appendix.GridColumnOfValue(v))]).ToList();
        })];
    }
}
