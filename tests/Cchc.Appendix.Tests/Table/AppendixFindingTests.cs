using System.Text;
using Cchc.Appendix.Table;

namespace Cchc.Appendix.Tests.Table;

/// <summary>Finding the appendix by what its header means: today's commune and department forms, not one wording.</summary>
public class AppendixFindingTests
{
    private static RawRow Row(params string[] cells) => new([.. cells.Select(c => new RawCell(c))]);

    private static TableBlock Table(params RawRow[] rows) => new(rows);

    private static string[] Texts(AppendixRow row) => [row.No.Text, row.Label.Text, row.Unit.Text, row.Value.Text, row.Note.Text];

    private static TableSnapshot Build(params DocumentBlock[] blocks) => SnapshotBuilder.TryBuild(blocks, SourceKind.Word)!;

    [Theory]
    [InlineData("STT", "Nội dung chỉ tiêu", "Đơn vị tính", "Kết quả", "Ghi chú")]
    [InlineData("TT", "Chỉ tiêu", "ĐVT", "Số liệu", "Ghi chú")]
    [InlineData("Số TT", "Nội dung", "Đơn vị", "Số lượng", "Ghi chú")]
    [InlineData("Thứ tự", "Nội dung/chỉ tiêu", "Đơn vị tính", "Giá trị", "GHI CHÚ")]
    [InlineData("stt", "tên chỉ tiêu", "đơn vị tính", "số liệu báo cáo", "ghi chú")]
    [InlineData("STT", "Nội dung chỉ tiêu", "Đơn vị tính", "Kết quả thực hiện", "Ghi chú")]
    public void Find_HeaderWordsOfAnyForm_MapsTheFiveColumns(string no, string label, string unit, string value, string note)
    {
        var snapshot = Build(Table(Row(no, label, unit, value, note), Row("1", "Số hồ sơ tiếp nhận", "Hồ sơ", "250", "")));

        Assert.Equal(["1", "Số hồ sơ tiếp nhận", "Hồ sơ", "250", ""], Texts(Assert.Single(snapshot.Rows)));
        Assert.Equal(value, Assert.Single(snapshot.ValueColumns).Header);
    }

    [Fact]
    public void Find_HeaderInDecomposedUnicodeAndOddSpacing_IsRecognised()
    {
        var header = Row("  S T T ".Replace(" ", string.Empty, StringComparison.Ordinal), "Nội  dung\nchỉ tiêu".Normalize(NormalizationForm.FormD), "ĐVT", "Kết   quả".Normalize(NormalizationForm.FormD), "Ghi chú");

        var snapshot = Build(Table(header, Row("1", "Số văn bản", "Văn bản", "3", "")));

        Assert.Equal("3", snapshot.Rows[0].Value.Text);
    }

    [Fact]
    public void Find_ColumnsInAnotherOrder_MapsByMeaning()
    {
        var snapshot = Build(Table(Row("TT", "Chỉ tiêu", "Số liệu", "ĐVT", "Ghi chú"), Row("1", "Số văn bản", "12", "Văn bản", "x")));

        Assert.Equal(["1", "Số văn bản", "Văn bản", "12", "x"], Texts(snapshot.Rows[0]));
        Assert.Equal([0, 1, 3, 2, 4], snapshot.Rows[0].Location!.Cells);
    }

    [Fact]
    public void Find_NoNumberingAndNoNoteColumn_ReadsWhatIsThere()
    {
        var snapshot = Build(Table(Row("Nội dung chỉ tiêu", "Đơn vị tính", "Kết quả"), Row("Số văn bản", "Văn bản", "12")));

        Assert.Equal(["", "Số văn bản", "Văn bản", "12", ""], Texts(snapshot.Rows[0]));
        Assert.Equal([-1, 0, 1, 2, -1], snapshot.Rows[0].Location!.Cells);
    }

    [Fact]
    public void Find_ExtraColumns_AreIgnored()
    {
        var snapshot = Build(Table(
            Row("STT", "Nội dung chỉ tiêu", "Cơ quan chủ trì", "ĐVT", "Kết quả", "Ghi chú", "Người cập nhật"),
            Row("1", "Số văn bản", "Văn phòng", "Văn bản", "12", "", "Lan")));

        Assert.Equal(["1", "Số văn bản", "Văn bản", "12", ""], Texts(snapshot.Rows[0]));
        Assert.Single(snapshot.ValueColumns);
    }

    [Fact]
    public void Find_TwoRowHeaderWithWordSpans_ReadsBothValueColumns()
    {
        var top = new RawRow([new RawCell("STT"), new RawCell("Nội dung/chỉ tiêu"), new RawCell("ĐVT"), new RawCell("Kết quả", ColumnSpan: 2), new RawCell("Ghi chú")]);

        // Word's vMerge continuation cells repeat no text.
        var below = Row("", "", "", "Quý này", "Lũy kế từ đầu năm", "");
        var snapshot = Build(Table(top, below, Row("1", "2", "3", "4", "5", "6"), Row("1", "Số hồ sơ tiếp nhận", "Hồ sơ", "120", "250", "")));

        var row = Assert.Single(snapshot.Rows);
        Assert.Equal(["Quý này", "Lũy kế từ đầu năm"], snapshot.ValueColumns.Select(c => c.Header));
        Assert.Equal([ValueRole.Period, ValueRole.Cumulative], snapshot.ValueColumns.Select(c => c.Role));
        Assert.Equal("120", row.Value.Text);
        Assert.Equal("250", row.ValueAt(1).Text);
        Assert.Equal([3, 4], row.Location!.ValueCells);
        Assert.Equal(4, row.Location.CellOf(AppendixColumn.Value, 1));
        Assert.Equal(5, row.Location.CellOf(AppendixColumn.Note));
    }

    [Fact]
    public void Find_TwoRowHeaderWithExcelMerge_ReadsBothValueColumns()
    {
        // Excel keeps a merged area's text in its top-left cell and leaves the rest blank.
        var rows = new List<RawRow>
        {
            Row("PHỤ LỤC", "", "", "", "", ""),
            Row("STT", "Nội dung/chỉ tiêu", "ĐVT", "Kết quả", "", "Ghi chú"),
            Row("", "", "", "Quý này", "Lũy kế từ đầu năm", ""),
            Row("(1)", "(2)", "(3)", "(4)", "(5)", "(6)"),
            new([new RawCell("1"), new RawCell("Số hồ sơ tiếp nhận"), new RawCell("Hồ sơ"), new RawCell("120", 120), new RawCell("250", 250), RawCell.Empty]),
        };

        var snapshot = SnapshotBuilder.TryBuild([new TableBlock(rows, "Phụ lục")], SourceKind.Excel)!;

        var row = Assert.Single(snapshot.Rows);
        Assert.Equal([ValueRole.Period, ValueRole.Cumulative], snapshot.ValueColumns.Select(c => c.Role));
        Assert.Equal(250d, row.ValueAt(1).Number);
        Assert.Equal(["PHỤ LỤC"], snapshot.TitleLines);
    }

    [Fact]
    public void Find_PlanResultRateColumns_KnowsWhatEachHolds()
    {
        var snapshot = Build(Table(
            Row("TT", "Tên chỉ tiêu", "Đơn vị tính", "Kế hoạch năm", "Thực hiện", "Tỷ lệ (%)", "Ghi chú"),
            Row("1", "Số văn bản quy phạm pháp luật ban hành", "Văn bản", "10", "8", "80", "")));

        Assert.Equal([ValueRole.Plan, ValueRole.Period, ValueRole.Rate], snapshot.ValueColumns.Select(c => c.Role));
        Assert.Equal(["10", "8", "80"], Enumerable.Range(0, 3).Select(c => snapshot.Rows[0].ValueAt(c).Text));
    }

    [Fact]
    public void Find_ThisPeriodAndSamePeriodLastYear_KnowsWhatEachHolds()
    {
        var snapshot = Build(Table(Row("STT", "Chỉ tiêu", "ĐVT", "Kỳ này", "Cùng kỳ năm trước", "Ghi chú"), Row("1", "Số hồ sơ", "Hồ sơ", "10", "8", "")));

        Assert.Equal([ValueRole.Period, ValueRole.SamePeriodLastYear], snapshot.ValueColumns.Select(c => c.Role));
    }

    [Fact]
    public void Find_ValueColumnOfWords_IsNotAValueColumn()
    {
        var snapshot = Build(Table(
            Row("STT", "Nội dung chỉ tiêu", "ĐVT", "Số liệu", "Nguồn số liệu"),
            Row("1", "Số hồ sơ", "Hồ sơ", "10", "Phần mềm một cửa"),
            Row("2", "Số văn bản", "Văn bản", "3", "Văn thư"),
            Row("3", "Số cuộc họp", "Cuộc", "2", "Văn phòng")));

        Assert.Single(snapshot.ValueColumns);
        Assert.Equal("3", snapshot.Rows[1].Value.Text);
    }

    [Fact]
    public void Find_AppendixWhoseFiguresAreMostlyWords_IsStillTheAppendix()
    {
        // A unit column says it is an appendix; that its figures are words is what the check is for.
        var snapshot = Build(Table(
            Row("STT", "Nội dung chỉ tiêu", "ĐVT", "Kết quả", "Ghi chú"),
            Row("1", "Số hồ sơ", "Hồ sơ", "khoảng 10", ""),
            Row("2", "Số văn bản", "Văn bản", "vài văn bản", ""),
            Row("3", "Số cuộc họp", "Cuộc", "chưa thống kê", "")));

        Assert.Equal(3, snapshot.Rows.Count);
    }

    [Fact]
    public void Find_NoHeaderButAnAppendixShape_IsFoundWithoutAHeader()
    {
        var snapshot = Build(
            new ParagraphBlock("Phụ lục"),
            new ParagraphBlock("QUÝ I NĂM 2026 CỦA UBND XÃ AN BÌNH"),
            Table(
                Row("I", "Công tác chỉ đạo, điều hành cải cách hành chính", "", "", ""),
                Row("1", "Số văn bản chỉ đạo, điều hành cải cách hành chính đã ban hành", "Văn bản", "4", ""),
                Row("2", "Tỷ lệ hoàn thành kế hoạch cải cách hành chính năm", "%", "25", ""),
                Row("II", "Cải cách thủ tục hành chính", "", "", ""),
                Row("1", "Số hồ sơ thủ tục hành chính đã tiếp nhận trong kỳ", "Hồ sơ", "1.250", "Phần mềm một cửa"),
                Row("2", "Số hồ sơ thủ tục hành chính đã giải quyết đúng hạn", "Hồ sơ", "1.200", "")));

        Assert.False(snapshot.HasHeaderRow);
        Assert.Equal(6, snapshot.Rows.Count);
        Assert.Equal(["1", "Số hồ sơ thủ tục hành chính đã tiếp nhận trong kỳ", "Hồ sơ", "1.250", "Phần mềm một cửa"], Texts(snapshot.Rows[4]));
        Assert.Equal(["Phụ lục", "QUÝ I NĂM 2026 CỦA UBND XÃ AN BÌNH"], snapshot.TitleLines);
    }

    [Fact]
    public void Find_SeveralTables_TheAppendixWinsOverTheBodysTables()
    {
        var tasks = Table(
            Row("STT", "Nội dung công việc", "Kết quả", "Ghi chú"),
            Row("1", "Ban hành kế hoạch cải cách hành chính", "Đã hoàn thành", ""),
            Row("2", "Kiểm tra công tác cải cách hành chính", "Đang thực hiện", ""),
            Row("3", "Tuyên truyền cải cách hành chính", "Đã hoàn thành", ""));
        var staff = Table(Row("Họ và tên", "Chức vụ", "Ghi chú"), Row("Nguyễn Văn A", "Chủ tịch", ""));
        var appendix = Table(Row("STT", "Nội dung chỉ tiêu", "Đơn vị tính", "Kết quả", "Ghi chú"), Row("1", "Số văn bản", "Văn bản", "12", ""));

        var snapshot = Build(new ParagraphBlock("Báo cáo"), tasks, staff, new ParagraphBlock("Phụ lục"), appendix);

        Assert.Equal("Số văn bản", Assert.Single(snapshot.Rows).Label.Text);
        Assert.Equal(2, snapshot.Rows[0].Location!.Table);
        Assert.Equal(["Phụ lục"], snapshot.TitleLines);
    }

    [Fact]
    public void Find_SmallStatisticsTableBeforeTheAppendix_TheLargerOneWins()
    {
        var small = Table(Row("STT", "Chỉ tiêu", "ĐVT", "Số liệu"), Row("1", "Số cuộc họp", "Cuộc", "2"));
        var appendix = Table(
            Row("STT", "Nội dung chỉ tiêu", "Đơn vị tính", "Kết quả", "Ghi chú"),
            Row("1", "Số văn bản", "Văn bản", "12", ""),
            Row("2", "Số hồ sơ", "Hồ sơ", "40", ""),
            Row("3", "Số cuộc họp", "Cuộc", "2", ""));

        var snapshot = Build(small, new ParagraphBlock("Phụ lục"), appendix);

        Assert.Equal(3, snapshot.Rows.Count);
    }

    [Fact]
    public void Find_NothingQualifies_SaysWhatWasLookedForAndWhatWasFound()
    {
        var search = SnapshotBuilder.Find(
            [
                new ParagraphBlock("Báo cáo"),
                Table(Row("Họ và tên", "Chức vụ", "Ghi chú"), Row("Nguyễn Văn A", "Công chức Văn phòng - Thống kê", "")),
                Table(Row("STT", "Nội dung công việc", "Kết quả"), Row("1", "Ban hành kế hoạch", "Đã xong"), Row("2", "Kiểm tra", "Đang làm"), Row("3", "Tuyên truyền", "Đã xong")),
                Table(Row("Nơi nhận:", "TM. ỦY BAN NHÂN DÂN"), Row("- Lưu: VT.", "CHỦ TỊCH")),
            ],
            SourceKind.Word);

        Assert.Null(search.Snapshot);
        Assert.Equal([TableVerdict.NoHeader, TableVerdict.TextValues, TableVerdict.Signature], search.Tables.Select(t => t.Verdict));
        Assert.Contains("“Tên chỉ tiêu”, “Nội dung chỉ tiêu”", search.Explanation, StringComparison.Ordinal);
        Assert.Contains("bảng 1 (“Họ và tên | Chức vụ | Ghi chú”) không có hàng tiêu đề của phụ lục", search.Explanation, StringComparison.Ordinal);
        Assert.Contains("cột kết quả ghi bằng chữ", search.Explanation, StringComparison.Ordinal);
        Assert.Contains("là khối chữ ký", search.Explanation, StringComparison.Ordinal);
        Assert.Contains("table 1 (“Họ và tên | Chức vụ | Ghi chú”) has no appendix header row", search.ExplanationEn, StringComparison.Ordinal);
    }

    [Fact]
    public void Find_NoTableAtAll_SaysSo()
    {
        var search = SnapshotBuilder.Find([new ParagraphBlock("Báo cáo")], SourceKind.Word);

        Assert.EndsWith("Tài liệu không có bảng nào.", search.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Find_SheetNamedInTheExplanation()
    {
        var search = SnapshotBuilder.Find([new TableBlock([Row("a", "b")], "Sheet1")], SourceKind.Excel);

        Assert.Contains("trang tính “Sheet1” (“a | b”)", search.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Find_SplitPagesWhereALaterPageIsLonger_StartsAtTheFirstPage()
    {
        var header = Row("STT", "Nội dung chỉ tiêu", "ĐVT", "Kết quả", "Ghi chú");
        var page1 = Table(header, Row("I", "Mục một", "", "", ""), Row("1", "Số văn bản", "Văn bản", "3", ""));
        var page2 = Table(header, Row("2", "Số hồ sơ", "Hồ sơ", "4", ""), Row("3", "Số cuộc họp", "Cuộc", "1", ""), Row("II", "Mục hai", "", "", ""), Row("1", "Số người", "Người", "7", ""));

        var snapshot = Build(page1, page2);

        Assert.Equal(6, snapshot.Rows.Count);
        Assert.Equal("Mục một", snapshot.Rows[0].Label.Text);
    }
}
