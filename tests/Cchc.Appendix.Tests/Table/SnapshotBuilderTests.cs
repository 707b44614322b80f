using Cchc.Appendix.Table;

namespace Cchc.Appendix.Tests.Table;

public class SnapshotBuilderTests
{
    private static readonly string[] Header = ["THỨ TỰ", "TÊN CHỈ TIÊU", "ĐƠN VỊ TÍNH", "Số lượng/ tỷ lệ", "Ghi chú"];

    private static RawRow Row(params string[] cells) => new([.. cells.Select(c => new RawCell(c))]);

    private static TableBlock Table(params RawRow[] rows) => new(rows);

    private static ParagraphBlock P(string text) => new(text);

    private static void AssertAt(AppendixRow row, int table, int tableRow, string? sheet = null)
    {
        Assert.NotNull(row.Location);
        Assert.Equal((table, tableRow, sheet), (row.Location.Table, row.Location.TableRow, row.Location.Sheet));
    }

    private static string[] Texts(AppendixRow row) => [row.No.Text, row.Label.Text, row.Unit.Text, row.Value.Text, row.Note.Text];

    [Fact]
    public void TryBuild_NoHeaderRow_ReturnsNull()
    {
        var blocks = new DocumentBlock[] { P("Báo cáo"), Table(Row("a", "b"), Row("1", "2")) };

        Assert.Null(SnapshotBuilder.TryBuild(blocks, SourceKind.Word));
    }

    [Fact]
    public void TryBuild_SimpleWordTable_MapsColumnsAndTitles()
    {
        var blocks = new DocumentBlock[]
        {
            P("Phụ lục"),
            P("THỐNG KÊ SỐ LIỆU BÁO CÁO CẢI CÁCH HÀNH CHÍNH ĐỊNH KỲ\nQUÝ III NĂM 2022 CỦA UBND THỊ XÃ NGÃ NĂM"),
            P(" "),
            P("(Kèm theo Báo cáo số /BC-UBND ngày / /2022 của UBND thị xã Ngã Năm)"),
            Table(Row(Header), Row("I", "Công tác chỉ đạo", "", "", ""), Row("1", " Tỷ lệ hoàn thành\nkế hoạch ", "%", "60", "KH số 05")),
        };

        var snapshot = SnapshotBuilder.TryBuild(blocks, SourceKind.Word);

        Assert.NotNull(snapshot);
        Assert.Equal(
            ["Phụ lục", "THỐNG KÊ SỐ LIỆU BÁO CÁO CẢI CÁCH HÀNH CHÍNH ĐỊNH KỲ", "QUÝ III NĂM 2022 CỦA UBND THỊ XÃ NGÃ NĂM", "(Kèm theo Báo cáo số /BC-UBND ngày / /2022 của UBND thị xã Ngã Năm)"],
            snapshot.TitleLines);
        Assert.Equal(SourceKind.Word, snapshot.Source);
        Assert.Equal(2, snapshot.Rows.Count);
        Assert.Equal(["1", "Tỷ lệ hoàn thành\nkế hoạch", "%", "60", "KH số 05"], Texts(snapshot.Rows[1]));
        Assert.Equal(2, snapshot.Rows[1].Row);
        AssertAt(snapshot.Rows[1], 0, 2);
        Assert.Equal([0, 1, 2, 3, 4], snapshot.Rows[1].Location!.Cells);
    }

    [Fact]
    public void TryBuild_SplitTablesWithRepeatedHeaders_ContinuesNumbering()
    {
        var blocks = new DocumentBlock[]
        {
            P("Phụ lục"),
            Table(Row(Header), Row("1", "Số văn bản", "Văn bản", "12", ""), Row("", "", "", "", "")),
            P(""),
            Table(Row(Header), Row("(1)", "(2)", "(3)", "(4)", "(5)"), Row("2", "Số nhiệm vụ", "Nhiệm vụ", "5", ""), Row(Header), Row("3", "Số hồ sơ", "Hồ sơ", "1.730", "")),
        };

        var snapshot = SnapshotBuilder.TryBuild(blocks, SourceKind.Word)!;

        Assert.Equal(["1", "2", "3"], snapshot.Rows.Select(r => r.No.Text));
        Assert.Equal([1, 2, 3], snapshot.Rows.Select(r => r.Row));
        AssertAt(snapshot.Rows[1], 1, 2);
        AssertAt(snapshot.Rows[2], 1, 4);
    }

    [Fact]
    public void TryBuild_ContinuationWithoutHeaderSameLayout_Continues()
    {
        var blocks = new DocumentBlock[]
        {
            Table(Row(Header), Row("1", "Số văn bản", "Văn bản", "12", "")),
            Table(Row("2", "Số nhiệm vụ", "Nhiệm vụ", "5", "")),
        };

        var snapshot = SnapshotBuilder.TryBuild(blocks, SourceKind.Word)!;

        Assert.Equal(["Số văn bản", "Số nhiệm vụ"], snapshot.Rows.Select(r => r.Label.Text));
    }

    [Fact]
    public void TryBuild_SignatureTableAfter_EndsAppendix()
    {
        var blocks = new DocumentBlock[]
        {
            Table(Row(Header), Row("1", "Số văn bản", "Văn bản", "12", "")),
            P(""),
            Table(Row("Nơi nhận:\n- Sở Nội vụ;\n- Lưu: VT.", "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH"), Row("", "Nguyễn Văn A")),
        };

        var snapshot = SnapshotBuilder.TryBuild(blocks, SourceKind.Word)!;

        Assert.Single(snapshot.Rows);
    }

    [Fact]
    public void TryBuild_DifferentTableAfter_EndsAppendix()
    {
        var blocks = new DocumentBlock[]
        {
            Table(Row(Header), Row("1", "Số văn bản", "Văn bản", "12", "")),
            Table(Row("Họ tên", "Chức vụ"), Row("A", "B")),
        };

        var snapshot = SnapshotBuilder.TryBuild(blocks, SourceKind.Word)!;

        Assert.Single(snapshot.Rows);
    }

    [Fact]
    public void TryBuild_ReportBodyAndOtherTableBefore_TakesTitlesFromPhuLuc()
    {
        var body = Enumerable.Range(1, 30).Select(i => (DocumentBlock)P($"Đoạn {i} của báo cáo.")).ToList();
        var blocks = new List<DocumentBlock> { P("BÁO CÁO Công tác cải cách hành chính"), Table(Row("UBND THỊ XÃ NGÃ NĂM", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")) };
        blocks.AddRange(body);
        blocks.AddRange([
            P("Phụ lục"),
            P("THỐNG KÊ SỐ LIỆU BÁO CÁO CẢI CÁCH HÀNH CHÍNH ĐỊNH KỲ"),
            P("QUÝ III NĂM 2022 CỦA UBND THỊ XÃ NGÃ NĂM"),
            P("(Kèm theo Báo cáo số 120/BC-UBND ngày 15/9/2022 của UBND thị xã Ngã Năm)"),
            Table(Row(Header), Row("1", "Số văn bản", "Văn bản", "12", "")),
        ]);

        var snapshot = SnapshotBuilder.TryBuild(blocks, SourceKind.File)!;

        Assert.Equal(4, snapshot.TitleLines.Count);
        Assert.Equal("Phụ lục", snapshot.TitleLines[0]);
        Assert.Contains("QUÝ III NĂM 2022 CỦA UBND THỊ XÃ NGÃ NĂM", snapshot.TitleLines);
        AssertAt(snapshot.Rows[0], 1, 1);
    }

    [Fact]
    public void TryBuild_ReportBodyWithoutPhuLuc_TakesLastParagraphs()
    {
        var blocks = Enumerable.Range(1, 20).Select(i => (DocumentBlock)P($"Đoạn {i}")).ToList();
        blocks.Add(P("QUÝ III NĂM 2022 CỦA UBND THỊ XÃ NGÃ NĂM"));
        blocks.Add(P("(Kèm theo Báo cáo số …)"));
        blocks.Add(Table(Row(Header), Row("1", "Số văn bản", "Văn bản", "12", "")));

        var snapshot = SnapshotBuilder.TryBuild(blocks, SourceKind.File)!;

        Assert.Equal(8, snapshot.TitleLines.Count);
        Assert.Equal("(Kèm theo Báo cáo số …)", snapshot.TitleLines[^1]);
        Assert.Equal("QUÝ III NĂM 2022 CỦA UBND THỊ XÃ NGÃ NĂM", snapshot.TitleLines[^2]);
    }

    [Fact]
    public void TryBuild_MergedCellsWithSpans_MapsByGridPosition()
    {
        var blocks = new DocumentBlock[]
        {
            Table(
                Row(Header),
                new RawRow([new RawCell("I"), new RawCell("Công tác chỉ đạo điều hành CCHC", ColumnSpan: 4)]),
                new RawRow([new RawCell("1"), new RawCell("Số văn bản"), new RawCell("Văn bản"), new RawCell("12 (đã ghi)", ColumnSpan: 2)])),
        };

        var snapshot = SnapshotBuilder.TryBuild(blocks, SourceKind.Word)!;

        Assert.Equal(["I", "Công tác chỉ đạo điều hành CCHC", "", "", ""], Texts(snapshot.Rows[0]));
        Assert.Equal([0, 1, -1, -1, -1], snapshot.Rows[0].Location!.Cells);
        Assert.Equal([0, 1, 2, 3, -1], snapshot.Rows[1].Location!.Cells);
    }

    [Fact]
    public void TryBuild_HeaderCellSpanningTwoColumns_ShiftsLaterColumns()
    {
        var header = new RawRow([new RawCell("STT"), new RawCell("Tên chỉ tiêu", ColumnSpan: 2), new RawCell("ĐVT"), new RawCell("Kết quả"), new RawCell("Ghi chú")]);
        var blocks = new DocumentBlock[] { Table(header, Row("1", "Số văn bản", "", "Văn bản", "12", "x")) };

        var snapshot = SnapshotBuilder.TryBuild(blocks, SourceKind.Word)!;

        Assert.Equal(["1", "Số văn bản", "Văn bản", "12", "x"], Texts(snapshot.Rows[0]));
        Assert.Equal([0, 1, 3, 4, 5], snapshot.Rows[0].Location!.Cells);
    }

    [Theory]
    [InlineData(new[] { "1", "Kiểm tra CCHC" }, new[] { "1", "Kiểm tra CCHC", "", "", "" }, new[] { 0, 1, -1, -1, -1 })]
    [InlineData(new[] { "Số phòng ban đã kiểm tra", "Cơ quan", "0", "" }, new[] { "", "Số phòng ban đã kiểm tra", "Cơ quan", "0", "" }, new[] { -1, 0, 1, 2, 3 })]
    [InlineData(new[] { "2", "Số vấn đề", "Vấn đề", "23" }, new[] { "2", "Số vấn đề", "Vấn đề", "23", "" }, new[] { 0, 1, 2, 3, -1 })]
    [InlineData(new[] { "Tuyên truyền CCHC" }, new[] { "", "Tuyên truyền CCHC", "", "", "" }, new[] { -1, 0, -1, -1, -1 })]
    [InlineData(new[] { "II" }, new[] { "II", "", "", "", "" }, new[] { 0, -1, -1, -1, -1 })]
    public void TryBuild_ShortRowWithoutSpans_MapsSensibly(string[] cells, string[] expected, int[] expectedCells)
    {
        var blocks = new DocumentBlock[] { Table(Row(Header), Row(cells)) };

        var row = SnapshotBuilder.TryBuild(blocks, SourceKind.Word)!.Rows.Single();

        Assert.Equal(expected, Texts(row));
        Assert.Equal(expectedCells, row.Location!.Cells);
    }

    [Fact]
    public void TryBuild_ExcelHeaderOnRow7_TakesRowsAboveAsTitles()
    {
        var rows = new List<RawRow>
        {
            Row("Phụ lục", "", "", "", ""),
            Row("THỐNG KÊ SỐ LIỆU", "BÁO CÁO CCHC", "", "", ""),
            Row("", "", "", "", ""),
            Row("QUÝ III NĂM 2022 CỦA UBND THỊ XÃ NGÃ NĂM", "", "", "", ""),
            Row("(Kèm theo Báo cáo số …)", "", "", "", ""),
            Row("", "", "", "", ""),
            Row(Header),
            Row("1", "2", "3", "4", "5"),
            new([new RawCell("1"), new RawCell("Tỷ lệ hoàn thành"), new RawCell("%"), new RawCell("60%", 0.6, "0%"), RawCell.Empty]),
            Row("", "", "", "", ""),
            Row("", "Số văn bản", "Văn bản", "12", ""),
            Row("Nơi nhận:", "", "", "TM. ỦY BAN NHÂN DÂN", ""),
            Row("- Lưu VT", "", "", "CHỦ TỊCH", ""),
        };
        var blocks = new DocumentBlock[] { new TableBlock([Row("Trang bìa")], "Bia"), new TableBlock(rows, "Phu luc") };

        var snapshot = SnapshotBuilder.TryBuild(blocks, SourceKind.Excel)!;

        Assert.Equal(["Phụ lục", "THỐNG KÊ SỐ LIỆU BÁO CÁO CCHC", "QUÝ III NĂM 2022 CỦA UBND THỊ XÃ NGÃ NĂM", "(Kèm theo Báo cáo số …)"], snapshot.TitleLines);
        Assert.Equal(2, snapshot.Rows.Count);
        Assert.Equal(new CellValue("60%", 0.6, "0%"), snapshot.Rows[0].Value);
        AssertAt(snapshot.Rows[0], 1, 8, "Phu luc");
        Assert.Equal(2, snapshot.Rows[1].Row);
        Assert.Equal(10, snapshot.Rows[1].Location!.TableRow);
    }

    [Fact]
    public void TryBuild_ExcelColumnsShifted_MapsByHeaderPosition()
    {
        var rows = new List<RawRow>
        {
            Row("", "STT", "Tên chỉ tiêu", "Đơn vị tính", "Số liệu", "Ghi chú"),
            Row("", "1", "Số văn bản", "Văn bản", "12", ""),
        };

        var snapshot = SnapshotBuilder.TryBuild([new TableBlock(rows, "Sheet1")], SourceKind.Excel)!;

        Assert.Equal(["1", "Số văn bản", "Văn bản", "12", ""], Texts(snapshot.Rows[0]));
        Assert.Equal([1, 2, 3, 4, 5], snapshot.Rows[0].Location!.Cells);
    }

    [Fact]
    public void TryBuild_HeaderWithBlankValueHeading_FillsColumnByOrder()
    {
        var blocks = new DocumentBlock[] { Table(Row("TT", "Tên chỉ tiêu", "Đơn vị tính", "", "Ghi chú"), Row("1", "Số văn bản", "Văn bản", "12", "n")) };

        var snapshot = SnapshotBuilder.TryBuild(blocks, SourceKind.Word)!;

        Assert.Equal(["1", "Số văn bản", "Văn bản", "12", "n"], Texts(snapshot.Rows[0]));
    }

    [Fact]
    public void TryBuild_NumberingRowOnlyRightAfterHeader_IsSkipped()
    {
        var blocks = new DocumentBlock[] { Table(Row(Header), Row("1", "2", "3", "4", "5"), Row("1", "Số văn bản", "Văn bản", "12", "")) };

        var snapshot = SnapshotBuilder.TryBuild(blocks, SourceKind.Word)!;

        Assert.Single(snapshot.Rows);
        Assert.Equal("Số văn bản", snapshot.Rows[0].Label.Text);
    }

    [Fact]
    public void TryBuild_HundredThousandRows_KeepsEveryRow()
    {
        var rows = new List<RawRow>(100_002) { Row(Header) };
        for (var i = 0; i < 100_000; i++)
        {
            rows.Add(Row(i.ToString(System.Globalization.CultureInfo.InvariantCulture), "Số hồ sơ tiếp nhận trong kỳ báo cáo", "Hồ sơ", "1.730", "Ghi chú dài về nguồn số liệu"));
        }

        // Speed is measured by the benchmarks in bench/, not asserted here.
        var snapshot = SnapshotBuilder.TryBuild([new TableBlock(rows, "Sheet1")], SourceKind.Excel)!;

        Assert.Equal(100_000, snapshot.Rows.Count);
        Assert.Equal(100_000, snapshot.Rows[^1].Row);
    }
}
