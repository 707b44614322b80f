using Cchc.Appendix.Table;
using DocumentFormat.OpenXml;
using W = DocumentFormat.OpenXml.Wordprocessing;
using static Cchc.OpenXml.Tests.TestFiles;

namespace Cchc.OpenXml.Tests.Reading;

public class WordReadingTests
{
    private static IReadOnlyList<DocumentBlock> Blocks(byte[] docx) => AppendixDocument.ReadBlocks(new MemoryStream(docx), "a.docx");

    private static TableSnapshot Snapshot(byte[] docx) => AppendixDocument.Read(new MemoryStream(docx), "a.docx");

    [Fact]
    public void ReadBlocks_ParagraphWithBreaksTabsAndRevisions_ReadsWhatTheReaderSees()
    {
        var paragraph = new W.Paragraph(
            new W.Run(new W.Text("QUÝ III"), new W.TabChar(), new W.Text("NĂM 2022"), new W.Break(), new W.Text("CỦA UBND")),
            new W.InsertedRun(new W.Run(new W.Text(" THỊ XÃ") { Space = SpaceProcessingModeValues.Preserve })) { Id = "1", Author = "A" },
            new W.DeletedRun(new W.Run(new W.DeletedText(" HUYỆN") { Space = SpaceProcessingModeValues.Preserve })) { Id = "2", Author = "A" },
            new W.Run(new W.CarriageReturn(), new W.Text("NGÃ NĂM")));

        var blocks = Blocks(Docx(paragraph));

        Assert.Equal(new ParagraphBlock("QUÝ III NĂM 2022\nCỦA UBND THỊ XÃ\nNGÃ NĂM"), Assert.Single(blocks));
    }

    [Fact]
    public void ReadBlocks_ContentControls_KeepsTheirParagraphsAndTables()
    {
        var sdt = new W.SdtBlock(new W.SdtContentBlock(Paragraph("Phụ lục"), AppendixTable(["1", "Số văn bản", "Văn bản", "12", ""])));
        var inlineSdt = new W.Paragraph(new W.SdtRun(new W.SdtContentRun(new W.Run(new W.Text("QUÝ II")))));

        var blocks = Blocks(Docx(inlineSdt, sdt));

        Assert.Equal(3, blocks.Count);
        Assert.Equal(new ParagraphBlock("QUÝ II"), blocks[0]);
        Assert.IsType<TableBlock>(blocks[2]);
    }

    [Fact]
    public void ReadBlocks_MergedCells_GiveSpansAndEmptyContinuations()
    {
        var restart = new W.TableCell(new W.TableCellProperties(new W.VerticalMerge { Val = W.MergedCellValues.Restart }), Paragraph("2"));
        var continued = new W.TableCell(new W.TableCellProperties(new W.VerticalMerge()), Paragraph("2"));
        var table = Table(
            Row(Header),
            new W.TableRow(Cell("I"), Cell("Công tác chỉ đạo điều hành", span: 4)),
            new W.TableRow(restart, Cell("Kiểm tra"), Cell("Văn bản"), Cell("3"), Cell("")),
            new W.TableRow(continued, Cell("Số vấn đề"), Cell("Vấn đề"), Cell("23"), Cell("")));

        var docx = Docx(table);
        var rows = ((TableBlock)Assert.Single(Blocks(docx))).Rows;

        Assert.Equal(2, rows[1].Cells.Count);
        Assert.Equal(4, rows[1].Cells[1].ColumnSpan);
        Assert.Equal(string.Empty, rows[3].Cells[0].Text);

        var snapshot = Snapshot(docx);
        Assert.Equal("Công tác chỉ đạo điều hành", snapshot.Rows[0].Label.Text);
        Assert.Equal(string.Empty, snapshot.Rows[2].No.Text);
        Assert.Equal("Số vấn đề", snapshot.Rows[2].Label.Text);
    }

    [Fact]
    public void ReadBlocks_CellWithParagraphsAndNestedTable_JoinsTextAndKeepsOneTableBlock()
    {
        var nested = Table(Row("KH số 05", "17/01/2022"));
        var cell = new W.TableCell(Paragraph("Kế hoạch"), nested, Paragraph("của UBND"));
        var table = Table(Row(Header), new W.TableRow(Cell("1"), Cell("Tỷ lệ"), Cell("%"), Cell("60"), cell));

        var blocks = Blocks(Docx(table));

        var block = (TableBlock)Assert.Single(blocks);
        Assert.Equal("Kế hoạch\nKH số 05 17/01/2022\ncủa UBND", block.Rows[1].Cells[4].Text);
    }

    [Fact]
    public void Read_SplitTablesAndSignatureBlock_ReadsOneAppendix()
    {
        var docx = Docx(
            Paragraph("BÁO CÁO Kết quả thực hiện công tác CCHC quý III năm 2022"),
            Paragraph("Nội dung báo cáo ..."),
            Paragraph("Phụ lục"),
            Paragraph("QUÝ III NĂM 2022 CỦA UBND THỊ XÃ NGÃ NĂM"),
            AppendixTable(["I", "Công tác chỉ đạo", "", "", ""], ["1", "Số văn bản", "Văn bản", "12", ""]),
            new W.Paragraph(new W.Run(new W.Break { Type = W.BreakValues.Page })),
            AppendixTable(["2", "Số nhiệm vụ", "Nhiệm vụ", "5", ""]),
            Table(Row("Nơi nhận:\n- Sở Nội vụ;", "TM. ỦY BAN NHÂN DÂN"), Row("", "CHỦ TỊCH")));

        var snapshot = Snapshot(docx);

        Assert.Equal(["Phụ lục", "QUÝ III NĂM 2022 CỦA UBND THỊ XÃ NGÃ NĂM"], snapshot.TitleLines);
        Assert.Equal(["I", "1", "2"], snapshot.Rows.Select(r => r.No.Text));
        Assert.Equal((1, 1), (snapshot.Rows[2].Location!.Table, snapshot.Rows[2].Location!.TableRow));
    }

    [Fact]
    public void ReadBlocks_FieldCodes_ShowResultOnly()
    {
        var paragraph = new W.Paragraph(
            new W.Run(new W.FieldChar { FieldCharType = W.FieldCharValues.Begin }),
            new W.Run(new W.FieldCode(" PAGE ")),
            new W.Run(new W.FieldChar { FieldCharType = W.FieldCharValues.Separate }),
            new W.Run(new W.Text("3")),
            new W.Run(new W.FieldChar { FieldCharType = W.FieldCharValues.End }));

        Assert.Equal(new ParagraphBlock("3"), Assert.Single(Blocks(Docx(paragraph))));
    }
}
