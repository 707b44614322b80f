namespace Cchc.Testing.Forms;

public static partial class SampleForms
{
    /// <summary>
    /// Form E: a table without any header row. It starts with the section row "I | Công tác chỉ đạo, điều hành";
    /// only its shape (Roman sections, a long text column, a short unit column, a number column) and the
    /// sentence above it say what it is. In Excel the body and titles sit above it on one sheet.
    /// </summary>
    public static FormDocument CommuneWithoutHeader() => new()
    {
        Name = "e-xa-ke-sach-2026-q1",
        Description = "Xã, bảng không có dòng tiêu đề: bắt đầu ngay bằng dòng mục I; các cột STT | chỉ tiêu | ĐVT | kết quả | ghi chú.",
        Body =
        [
            new BodyParagraph("Biểu số liệu dưới đây gồm các cột: số thứ tự, nội dung chỉ tiêu, đơn vị tính, kết quả thực hiện trong quý và ghi chú."),
        ],
        TitleLines =
        [
            "Phụ lục",
            "SỐ LIỆU CẢI CÁCH HÀNH CHÍNH QUÝ I NĂM 2026 CỦA UBND XÃ KẾ SÁCH",
            "(Kèm theo Báo cáo số 31/BC-UBND ngày 13/3/2026 của UBND xã Kế Sách)",
        ],
        Appendix = new AppendixTable(
            FiveColumns,
            [],
            null,
            [
                Section("I", "Công tác chỉ đạo, điều hành"),
                R("1", "Số văn bản chỉ đạo, điều hành CCHC đã ban hành", "Văn bản", "3"),
                R("2", "Có ban hành Kế hoạch CCHC năm 2026", YesNo, "1", "Kế hoạch số 09/KH-UBND ngày 12/01/2026"),
                R("3", "Tỷ lệ hài lòng của người dân, tổ chức", "%", "96"),
                Section("II", "Cải cách thể chế"),
                R("1", "Số văn bản QPPL đã rà soát", "Văn bản", "2"),
                R("2", "Có thực hiện phổ biến, giáo dục pháp luật", NoYes, "Có"),
                Section("III", "Cải cách thủ tục hành chính"),
                R("1", "Số TTHC đang thực hiện tại Trung tâm Phục vụ hành chính công xã", "TTHC", "398"),
                R("2", "Số hồ sơ TTHC đã tiếp nhận", "Hồ sơ", "1.860"),
                R("", "- Tiếp nhận trực tuyến", "Hồ sơ", "1.120"),
                R("", "- Tiếp nhận trực tiếp", "Hồ sơ", "740"),
                R("3", "Số hồ sơ đã giải quyết", "Hồ sơ", "1.800"),
                R("3", "Số hồ sơ giải quyết đúng hạn", "Hồ sơ", "1.782"),
                R("4", "Tỷ lệ hồ sơ giải quyết đúng hạn", "%", "99"),
                R("5", "Số hồ sơ được số hóa", "Hồ sơ", ""),
                R("6", "Tỷ lệ TTHC có phát sinh hồ sơ trực tuyến", "TTHC", "58"),
                Section("IV", "Cải cách tổ chức bộ máy"),
                R("1", "Số phòng chuyên môn thuộc UBND xã", "Cơ quan, đơn vị", "3"),
                Section("V", "Cải cách chế độ công vụ"),
                R("1", "Tổng số cán bộ, công chức có mặt", "Người", "40"),
                R("2", "Số cán bộ, công chức được đào tạo, bồi dưỡng", "Người", "9"),
                Section("VI", "Cải cách tài chính công"),
                R("1", "Có công khai ngân sách xã", YesNo, "1"),
                Section("VII", "Xây dựng chính quyền số"),
                R("1", "Tỷ lệ văn bản đi được ký số", "%", "100"),
                R("2", "Số hồ sơ có thanh toán trực tuyến", "Hồ sơ", "530"),
            ]),
        Signature = CommuneSignature("xã", "Đặng Minh Tâm"),
        Excel = new ExcelLayout { SheetName = "Sheet1" },
        Expected =
        [
            Expected.Header(null, Severities.Info),
            Expected.No("Số hồ sơ giải quyết đúng hạn"),
            Expected.Value("Số hồ sơ được số hóa", Families.Missing, Severities.Warning),
            Expected.Unit("Tỷ lệ TTHC có phát sinh hồ sơ trực tuyến", Families.Unit, Severities.Warning),
        ],
        Clean =
        [
            new("Số văn bản chỉ đạo, điều hành CCHC"),
            new("Có ban hành Kế hoạch CCHC năm 2026"),
            new("Tỷ lệ hài lòng của người dân"),
            new("Có thực hiện phổ biến, giáo dục pháp luật"),
            new("Số TTHC đang thực hiện tại Trung tâm"),
            new("Số hồ sơ TTHC đã tiếp nhận"),
            new("- Tiếp nhận trực tuyến"),
            new("- Tiếp nhận trực tiếp"),
            new("Số hồ sơ đã giải quyết"),
            new("Số hồ sơ giải quyết đúng hạn"),
            new("Tỷ lệ hồ sơ giải quyết đúng hạn"),
            new("Tỷ lệ văn bản đi được ký số"),
            new("Số hồ sơ có thanh toán trực tuyến"),
        ],
        Relations =
        [
            Relation.Sum(true, At("Số hồ sơ TTHC đã tiếp nhận"), At("- Tiếp nhận trực tuyến"), At("- Tiếp nhận trực tiếp")),
            Relation.NotBelow(true, At("Số hồ sơ đã giải quyết"), At("Số hồ sơ giải quyết đúng hạn")),
            Relation.Ratio(true, At("Tỷ lệ hồ sơ giải quyết đúng hạn"), At("Số hồ sơ giải quyết đúng hạn"), At("Số hồ sơ đã giải quyết")),
        ],
    };
}
