using static Cchc.Testing.Forms.ColumnRole;

namespace Cchc.Testing.Forms;

public static partial class SampleForms
{
    /// <summary>
    /// Form B: another commune's layout. The value column comes before the unit; header cells in upper and lower
    /// case, two of them with decomposed diacritics; blank rows between sections; no report body. Sections IV and
    /// V carry each other's numerals; the reference line's year contradicts the title's.
    /// </summary>
    public static FormDocument CommuneReordered() => new()
    {
        Name = "b-phuong-vinh-chau-2026-q1",
        Description = "Phường, cột số liệu trước cột đơn vị: TT | CHỈ TIÊU | Số liệu | đvt | Ghi chú (NFD); dòng trống giữa các mục.",
        TitleLines =
        [
            "PHỤ LỤC",
            "SỐ LIỆU THỐNG KÊ CÔNG TÁC CẢI CÁCH HÀNH CHÍNH QUÝ I NĂM 2026",
            "CỦA ỦY BAN NHÂN DÂN PHƯỜNG VĨNH CHÂU",
            "(Kèm theo Báo cáo số 27/BC-UBND ngày 14/3/2025 của UBND phường Vĩnh Châu)",
        ],
        Appendix = new AppendixTable(
            [No, Label, Value, Unit, Note],
            [HeaderRow("TT", "CHỈ TIÊU", Decomposed("Số liệu"), "đvt", Decomposed("Ghi chú"))],
            null,
            [
                Section("I", "Công tác chỉ đạo, điều hành"),
                R("1", "Số văn bản văn bản chỉ đạo, điều hành CCHC đã ban hành", "Văn bản", "5"),
                R("2", "Số cuộc họp chuyên đề về CCHC", "Cuộc", "2"),
                R("3", "Tỷ lệ hoàn thành nhiệm vụ CCHC được UBND thành phố giao", "%", "100"),
                R("4", "Có tổ chức đối thoại với người dân về giải quyết TTHC", YesNo, "1"),
                DataRow.Blank,
                Section("II", "Cải cách thể chế"),
                R("1", "Số văn bản QPPL do UBND phường ban hành", "Văn bản", "1"),
                R("2", "Số văn bản QPPL được rà soát", "Văn bản", "3"),
                DataRow.Blank,
                Section("III", "Cải cách thủ tục hành chính"),
                R("1", "Tổng số hồ sơ TTHC tiếp nhận trong kỳ", "Hồ sơ", "3.120"),
                R("", "- Tiếp nhận trực tuyến", "Hồ sơ", "1.870"),
                R("", "- Tiếp nhận trực tiếp", "Hồ sơ", "1.200"),
                R("2", "Tổng số hồ sơ đã giải quyết", "Hồ sơ", "3.050"),
                R("", "- Giải quyết đúng hạn", "Hồ sơ", "3.005"),
                R("", "- Giải quyết quá hạn", "Hồ sơ", "45"),
                R("3", "Tỷ lệ hồ sơ giải quyết đúng hạn", "%", "98,5"),
                Heading("4", "Tiếp nhận, trả kết quả qua dịch vụ bưu chính công ích"),
                R("", "Số hồ sơ tiếp nhận qua dịch vụ bưu chính công ích", "Hồ sơ", "210"),
                R("", "- Trong đó: số hồ sơ trả kết quả qua bưu chính", "Hồ sơ", "150"),
                R("", "+ Trong đó: trả kết quả đúng hẹn", "Hồ sơ", "148"),
                R("5", "Số TTHC cung cấp dịch vụ công trực tuyến toàn trình", "TTHC", "265"),
                R("6", "Tỷ lệ hồ sơ được số hóa kết quả giải quyết", "%", "101"),
                R("7", "Tỷ lệ hồ sơ được ký số kết quả giải quyết", "%", "95"),
                DataRow.Blank,
                Section("V", "Cải cách tổ chức bộ máy hành chính nhà nước"),
                R("1", "Số phòng chuyên môn thuộc UBND phường", "Cơ quan, đơn vị", "3"),
                R("2", "Số đơn vị sự nghiệp công lập trực thuộc", "Đơn vị", "1"),
                DataRow.Blank,
                Section("IV", "Cải cách chế độ công vụ"),
                R("1", "Tổng số biên chế được giao", "Người", "38"),
                R("2", "Số cán bộ, công chức có mặt", "người", "36"),
                R("3", "Có thực hiện đánh giá, xếp loại cán bộ, công chức hằng quý", NoYes, "1"),
                DataRow.Blank,
                Section("VI", "Cải cách tài chính công"),
                R("1", "Có công khai tài chính, ngân sách phường", YesNo, "Có"),
                DataRow.Blank,
                Section("VII", "Xây dựng, phát triển chính quyền điện tử, chính quyền số"),
                R("1", "Tỷ lệ văn bản đi được ký số", "%", "97"),
                R("2", "Số văn bản điện tử gửi, nhận trên hệ thống quản lý văn bản", "Văn bản", "1.450"),
                R("3", "Số cuộc họp trực tuyến đã tổ chức", "Cuộc", ""),
                DataRow.Blank,
                DataRow.Blank,
            ]),
        Signature = CommuneSignature("phường", "Lâm Thị Hồng"),
        Excel = new ExcelLayout { SheetName = "Biểu số liệu" },
        Expected =
        [
            Expected.Header("ngày 14/3/2025", Severities.Warning),
            Expected.Label("Số văn bản văn bản chỉ đạo", Severities.Info),
            Expected.Value("Tổng số hồ sơ TTHC tiếp nhận trong kỳ", Families.Total, Severities.Warning),
            Expected.Value("Tỷ lệ hồ sơ được số hóa kết quả", Families.Type, Severities.Error),
            Expected.No("Cải cách tổ chức bộ máy hành chính nhà nước"),
            Expected.No("Cải cách chế độ công vụ"),
            Expected.Value("Số cuộc họp trực tuyến đã tổ chức", Families.Missing, Severities.Warning),
        ],
        Clean =
        [
            new("Số cuộc họp chuyên đề về CCHC"),
            new("Tỷ lệ hoàn thành nhiệm vụ CCHC"),
            new("Có tổ chức đối thoại với người dân"),
            new("Tỷ lệ hồ sơ được ký số kết quả"),
            new("Số cán bộ, công chức có mặt"),
            new("Có công khai tài chính, ngân sách phường"),
            new("Cải cách tài chính công"),
            new("Tỷ lệ văn bản đi được ký số"),
            new("Số văn bản điện tử gửi, nhận"),
            new("Tổng số hồ sơ đã giải quyết"),
            new("- Giải quyết đúng hạn"),
            new("- Giải quyết quá hạn"),
            new("Tỷ lệ hồ sơ giải quyết đúng hạn"),
            Clean.Trap("Số hồ sơ tiếp nhận qua dịch vụ bưu chính"),
            Clean.Trap("số hồ sơ trả kết quả qua bưu chính"),
            Clean.Trap("trả kết quả đúng hẹn"),
        ],
        Relations =
        [
            Relation.Sum(false, At("Tổng số hồ sơ TTHC tiếp nhận trong kỳ"), At("- Tiếp nhận trực tuyến"), At("- Tiếp nhận trực tiếp")),
            Relation.Sum(true, At("Tổng số hồ sơ đã giải quyết"), At("- Giải quyết đúng hạn"), At("- Giải quyết quá hạn")),
            Relation.Ratio(true, At("Tỷ lệ hồ sơ giải quyết đúng hạn"), At("- Giải quyết đúng hạn"), At("Tổng số hồ sơ đã giải quyết")),
            Relation.Nested(At("Số hồ sơ tiếp nhận qua dịch vụ bưu chính"), At("số hồ sơ trả kết quả qua bưu chính"), At("trả kết quả đúng hẹn")),
            Relation.NotBelow(true, At("số hồ sơ trả kết quả qua bưu chính"), At("trả kết quả đúng hẹn")),
        ],
    };

    /// <summary>
    /// Form B, second variant: no note column, the other header words, six months rather than a quarter.
    /// In Excel, numbers typed with thousands groups are stored as numbers and percents as fractions.
    /// </summary>
    public static FormDocument CommuneWithoutNotes() => new()
    {
        Name = "b2-phuong-nga-nam-2026-6-thang",
        Description = "Phường, không có cột ghi chú: Số TT | Nội dung | Đơn vị | Kết quả thực hiện; báo cáo 6 tháng.",
        TitleLines =
        [
            "Phụ lục",
            "THỐNG KÊ SỐ LIỆU BÁO CÁO CẢI CÁCH HÀNH CHÍNH 6 THÁNG ĐẦU NĂM 2026",
            "CỦA UBND PHƯỜNG NGÃ NĂM",
            "(Kèm theo Báo cáo số 95/BC-UBND ngày 12/6/2026 của UBND phường Ngã Năm)",
        ],
        Appendix = new AppendixTable(
            [No, Label, Unit, Value],
            [HeaderRow("Số TT", "Nội dung", "Đơn vị", "Kết quả thực hiện")],
            null,
            [
                Section("I", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH"),
                R("1", "Số văn bản chỉ đạo, điều hành CCHC đã ban hành", "Văn bản", "9"),
                R("2", "Số cuộc kiểm tra CCHC đối với các khu phố", "Cuộc", "4"),
                R("3", "Hình thức khảo sát sự hài lòng của người dân", SurveyForm, "2"),
                R("4", "Tỷ lệ người dân hài lòng với việc giải quyết TTHC", "%", "96,5"),
                Section("II", "CẢI CÁCH THỂ CHẾ"),
                R("1", "Số văn bản QPPL đã ban hành", "Văn bản", "2"),
                Section("III", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH"),
                R("1", "Tổng số hồ sơ TTHC đã tiếp nhận", "Hồ sơ", "6.240"),
                R("", "- Hồ sơ tiếp nhận trực tuyến", "Hồ sơ", "4.430"),
                R("", "- Hồ sơ tiếp nhận trực tiếp", "Hồ sơ", "1.810"),
                R("2", "Tỷ lệ hồ sơ tiếp nhận trực tuyến", "Hồ sơ", "71"),
                R("3", "Tỷ lệ hồ sơ giải quyết trước và đúng hạn", "%", "99,2"),
                R("5", "Số hồ sơ TTHC xin lỗi người dân do quá hạn", "Hồ sơ", "12"),
                Section("IV", "CẢI CÁCH TỔ CHỨC BỘ MÁY"),
                R("1", "Số phòng chuyên môn thuộc UBND phường", "Cơ quan, đơn vị", "3"),
                Section("V", "CẢI CÁCH CHẾ ĐỘ CÔNG VỤ"),
                R("1", "Tổng số cán bộ, công chức có mặt tại thời điểm báo cáo", "Người", "44"),
                R("2", "Số người đã tinh giản biên chế trong kỳ", "Người", "-2"),
                R("3", "Số người thôi việc theo nguyện vọng trong kỳ", "Người", "2"),
                Section("VI", "CẢI CÁCH TÀI CHÍNH CÔNG"),
                R("1", "Có thực hiện chi trả không dùng tiền mặt", NoYes, "1"),
                Section("VII", "CHÍNH QUYỀN SỐ"),
                R("1", "Tỷ lệ hồ sơ có thanh toán trực tuyến", "%", "48"),
                R("2", "Số hồ sơ có thanh toán trực tuyến phí, lệ phí", "Hồ sơ", "2.995"),
            ]),
        Signature = CommuneSignature("phường", "Trần Quốc Việt"),
        Excel = new ExcelLayout { SheetName = "PL 6 thang", PercentAsFraction = true, GroupedNumbersAsNumbers = true },
        Expected =
        [
            Expected.Unit("Tỷ lệ hồ sơ tiếp nhận trực tuyến", Families.Unit, Severities.Warning),
            Expected.No("Số hồ sơ TTHC xin lỗi người dân"),
            Expected.Value("Số người đã tinh giản biên chế", Families.Type, Severities.Error),
        ],
        Clean =
        [
            new("Hình thức khảo sát sự hài lòng"),
            new("Tỷ lệ người dân hài lòng"),
            new("Tỷ lệ hồ sơ giải quyết trước và đúng hạn"),
            new("Số người thôi việc theo nguyện vọng"),
            new("Tổng số hồ sơ TTHC đã tiếp nhận"),
            new("- Hồ sơ tiếp nhận trực tuyến"),
            new("- Hồ sơ tiếp nhận trực tiếp"),
            new("Tỷ lệ hồ sơ có thanh toán trực tuyến"),
            new("Số hồ sơ có thanh toán trực tuyến phí"),
        ],
        Relations =
        [
            Relation.Sum(true, At("Tổng số hồ sơ TTHC đã tiếp nhận"), At("- Hồ sơ tiếp nhận trực tuyến"), At("- Hồ sơ tiếp nhận trực tiếp")),
            Relation.Ratio(true, At("Tỷ lệ hồ sơ có thanh toán trực tuyến"), At("Số hồ sơ có thanh toán trực tuyến phí"), At("Tổng số hồ sơ TTHC đã tiếp nhận")),
        ],
    };
}
