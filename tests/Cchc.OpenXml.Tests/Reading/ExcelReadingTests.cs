using Cchc.Appendix.Table;
using DocumentFormat.OpenXml.Packaging;
using S = DocumentFormat.OpenXml.Spreadsheet;
using static Cchc.OpenXml.Tests.TestFiles;

namespace Cchc.OpenXml.Tests.Reading;

public class ExcelReadingTests
{
    private static IReadOnlyList<DocumentBlock> Blocks(byte[] xlsx) => AppendixDocument.ReadBlocks(new MemoryStream(xlsx), "a.xlsx");

    /// <summary>Styles with the given number formats: style index i uses format ids[i]; custom codes get ids from 164.</summary>
    private static Action<WorkbookPart> Styles(params object[] formats) => workbook =>
    {
        var custom = new S.NumberingFormats();
        var xfs = new S.CellFormats();
        uint next = 164;
        foreach (var format in formats)
        {
            uint id;
            if (format is string code)
            {
                id = next++;
                custom.Append(new S.NumberingFormat { NumberFormatId = id, FormatCode = code });
            }
            else
            {
                id = Convert.ToUInt32(format, System.Globalization.CultureInfo.InvariantCulture);
            }

            xfs.Append(new S.CellFormat { NumberFormatId = id, ApplyNumberFormat = true });
        }

        workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = new S.Stylesheet(custom, new S.Fonts(new S.Font()), new S.Fills(new S.Fill()), new S.Borders(new S.Border()), xfs);
    };

    private static S.Cell Number(double value, uint style) => new() { CellValue = new S.CellValue(value), StyleIndex = style };

    [Fact]
    public void ReadBlocks_EverySheetInOrder_DenseFromA1()
    {
        var blocks = Blocks(Xlsx(("Bia", [["Báo cáo"]]), ("Phu luc", [[null, null], [null, "x", null, "y"]])));

        Assert.Equal(["Bia", "Phu luc"], blocks.Cast<TableBlock>().Select(b => b.Sheet));
        var sheet = (TableBlock)blocks[1];
        Assert.Equal(2, sheet.Rows.Count);
        Assert.All(sheet.Rows, r => Assert.Equal(4, r.Cells.Count));
        Assert.Same(RawCell.Empty, sheet.Rows[0].Cells[0]);
        Assert.Equal("y", sheet.Rows[1].Cells[3].Text);
    }

    [Theory]
    [InlineData(0.6, 9, "60%", "0%")]
    [InlineData(0.125, 10, "12,50%", "0.00%")]
    [InlineData(1730, 3, "1.730", "#,##0")]
    [InlineData(1730.5, 4, "1.730,50", "#,##0.00")]
    [InlineData(12.5, 0, "12.5", "General")]
    [InlineData(60, 1, "60", "0")]
    public void ReadBlocks_BuiltInNumberFormats_ShowAsExcelDoes(double value, int formatId, string text, string code)
    {
        var xlsx = Xlsx(Styles(0, formatId), ("S", [[Number(value, 1)]]));

        var cell = ((TableBlock)Blocks(xlsx)[0]).Rows[0].Cells[0];

        Assert.Equal(new RawCell(text, value, code), cell);
    }

    [Theory]
    [InlineData(-1730, "#,##0;(#,##0)", "(1.730)")]
    [InlineData(5, "0\" người\"", "5 người")]
    [InlineData(44835, "dd/mm/yyyy", "01/10/2022")]
    [InlineData(0.3333333, "0.0%", "33,3%")]
    public void ReadBlocks_CustomNumberFormats_ShowAsExcelDoes(double value, string code, string text)
    {
        var xlsx = Xlsx(Styles(0, code), ("S", [[Number(value, 1)]]));

        var cell = ((TableBlock)Blocks(xlsx)[0]).Rows[0].Cells[0];

        Assert.Equal(text, cell.Text);
        Assert.Equal(code, cell.NumberFormat);
    }

    [Fact]
    public void ReadBlocks_StringKinds_ReadAsText()
    {
        var inline = new S.Cell { DataType = S.CellValues.InlineString, InlineString = new S.InlineString(new S.Run(new S.Text("Tỷ lệ ")), new S.Run(new S.Text("hoàn thành"))) };
        var formula = new S.Cell { DataType = S.CellValues.String, CellFormula = new S.CellFormula("A1&\"x\""), CellValue = new S.CellValue("Có") };
        var cachedNumber = new S.Cell { CellFormula = new S.CellFormula("SUM(A1:A2)"), CellValue = new S.CellValue(1553) };
        var uncalculated = new S.Cell { CellFormula = new S.CellFormula("SUM(A1:A2)") };
        var error = new S.Cell { DataType = S.CellValues.Error, CellValue = new S.CellValue("#DIV/0!") };
        var boolean = new S.Cell { DataType = S.CellValues.Boolean, CellValue = new S.CellValue("1") };

        var cells = ((TableBlock)Blocks(Xlsx(("S", [[inline, formula, cachedNumber, uncalculated, error, boolean]])))[0]).Rows[0].Cells;

        Assert.Equal("Tỷ lệ hoàn thành", cells[0].Text);
        Assert.Equal("Có", cells[1].Text);
        Assert.Equal(new RawCell("1553", 1553, "General"), cells[2]);
        Assert.Same(RawCell.Empty, cells[3]);
        Assert.Equal("#DIV/0!", cells[4].Text);
        Assert.Equal("TRUE", cells[5].Text);
    }

    [Fact]
    public void ReadBlocks_MergedArea_KeepsTopLeftValueOnly()
    {
        var xlsx = Xlsx(
            workbook =>
            {
                var sheet = workbook.WorksheetParts.Single().Worksheet!;
                sheet.Append(new S.MergeCells(new S.MergeCell { Reference = "A1:C2" }));
            },
            ("S", [["Phụ lục", "ẩn", "ẩn"], ["ẩn", null, "ẩn", "D2"]]));

        var rows = ((TableBlock)Blocks(xlsx)[0]).Rows;

        Assert.Equal(["Phụ lục", "", ""], rows[0].Cells.Take(3).Select(c => c.Text));
        Assert.Equal(["", "", "", "D2"], rows[1].Cells.Select(c => c.Text));
    }

    [Fact]
    public void Read_HeaderOnRow7OfSecondSheet_FindsAppendixAndTitles()
    {
        object?[][] rows =
        [
            ["Phụ lục"],
            ["THỐNG KÊ SỐ LIỆU BÁO CÁO CẢI CÁCH HÀNH CHÍNH ĐỊNH KỲ"],
            ["QUÝ III NĂM 2022 CỦA UBND THỊ XÃ NGÃ NĂM"],
            [],
            ["(Kèm theo Báo cáo số …)"],
            [],
            Header,
            ["(1)", "(2)", "(3)", "(4)", "(5)"],
            ["1", "Tỷ lệ hoàn thành", "%", 60.0],
        ];

        var snapshot = AppendixDocument.Read(new MemoryStream(Xlsx(("Ghi chu", [["Ghi chú"]]), ("Phu luc", rows))), "a.xlsx");

        Assert.Equal(4, snapshot.TitleLines.Count);
        var row = Assert.Single(snapshot.Rows);
        Assert.Equal(new Appendix.Table.CellValue("60", 60, "General"), row.Value);
        Assert.Equal((1, 8, "Phu luc"), (row.Location!.Table, row.Location.TableRow, row.Location.Sheet));
    }

    [Fact]
    public void ReadBlocks_ValueFarRight_IsIgnoredBeyondColumnLimit()
    {
        var far = new S.Cell { CellReference = "ZZ1", DataType = S.CellValues.InlineString, InlineString = new S.InlineString(new S.Text("xa")) };
        var xlsx = Xlsx(workbook => workbook.WorksheetParts.Single().Worksheet!.GetFirstChild<S.SheetData>()!.GetFirstChild<S.Row>()!.Append(far), ("S", [["a"]]));

        var sheet = (TableBlock)Blocks(xlsx)[0];

        Assert.Single(sheet.Rows[0].Cells);
    }

    [Fact]
    public void Read_AsManyRowsAsTheDefaultLimit_ReadsEveryRow()
    {
        // The default limit is far above a real appendix (about 220 rows); a sheet that fills it is still read whole.
        var rows = new object?[ReadLimits.Default.MaxRows][];
        rows[0] = Header;
        for (var i = 1; i < rows.Length; i++)
        {
            rows[i] = [null, "Số hồ sơ tiếp nhận", null, (double)i];
        }

        var snapshot = AppendixDocument.Read(new MemoryStream(Xlsx(("S", rows))), "lon.xlsx");

        Assert.Equal(ReadLimits.Default.MaxRows - 1, snapshot.Rows.Count);
    }
}
