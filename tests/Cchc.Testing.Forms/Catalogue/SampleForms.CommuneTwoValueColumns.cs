using static Cchc.Testing.Forms.ColumnRole;

namespace Cchc.Testing.Forms;

public static partial class SampleForms
{
    /// <summary>
    /// Form C: two value columns under a two-row header ("Kết quả" over "Quý này | Lũy kế từ đầu năm", the other
    /// header cells merged down) and a column-numbering row. Quarter II, so the cumulative column holds more than
    /// this quarter's. Faults are planted in one column while the other stays right.
    /// </summary>
    public static FormDocument CommuneTwoValueColumns() => new()
    {
        Name = "c-xa-long-phu-2026-q2",
        Description = "Xã, hai cột giá trị dưới tiêu đề hai dòng: Kết quả = Quý này | Lũy kế từ đầu năm; dòng đánh số cột 1..6.",
        TitleLines =
        [
            "Phụ lục",
            "THỐNG KÊ SỐ LIỆU BÁO CÁO CẢI CÁCH HÀNH CHÍNH",
            "QUÝ II NĂM 2026 CỦA UBND XÃ LONG PHÚ",
            "(Kèm theo Báo cáo số 64/BC-UBND ngày 16/6/2026 của UBND xã Long Phú)",
        ],
        Appendix = new AppendixTable(
            [No, Label, Unit, Value, Value, Note],
            [
                [new("STT", RowSpan: 2), new("Nội dung/chỉ tiêu", RowSpan: 2), new("ĐVT", RowSpan: 2), new("Kết quả", ColumnSpan: 2), new("Ghi chú", RowSpan: 2)],
                HeaderRow("Quý này", "Lũy kế từ đầu năm"),
            ],
            ["1", "2", "3", "4", "5", "6"],
            [
                Section("I", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC"),
                R2("1", "Số văn bản chỉ đạo, điều hành về CCHC đã ban hành", "Văn bản", "3", "7"),
                R2("2", "Số cuộc kiểm tra CCHC tại các ấp", "Cuộc", "2", "4"),
                R2("3", "Số tin, bài tuyên truyền CCHC đã đăng", "Tin, bài", "11", "9"),
                R2("4", "Số kiến nghị sau kiểm tra đã thực hiện", "Kiến nghị", "", "3", "Quý II chưa tổng hợp xong, sẽ báo cáo bổ sung"),
                R2("5", "Tỷ lệ người dân, tổ chức hài lòng", "%", "96", "95"),
                Section("II", "CẢI CÁCH THỂ CHẾ"),
                R2("1", "Số văn bản QPPL do HĐND, UBND xã ban hành", "Văn bản", "1", "2"),
                R2("2", "Số văn bản QPPL đã rà soát", "Văn bản", "4", ""),
                Section("III", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH"),
                R2("1", "Số TTHC cung cấp dịch vụ công trực tuyến toàn trình", "TTHC", "248", "248"),
                Heading("2", "Kết quả giải quyết hồ sơ TTHC"),
                R2("", "Số hồ sơ TTHC đã tiếp nhận", "Hồ sơ", "1.320", "2.610"),
                R2("", "- Trong đó: tiếp nhận trực tuyến", "Hồ sơ", "702", "1.350"),
                R2("", "- Số hồ sơ đã giải quyết", "Hồ sơ", "1.280", "2.540"),
                R2("", "- Số hồ sơ giải quyết đúng hạn", "Hồ sơ", "1.254", "2.489"),
                R2("", "- Tỷ lệ hồ sơ giải quyết đúng hạn", "%", "98", "95"),
                Heading("3", "Chứng thực bản sao, chứng thực chữ ký"),
                R2("", "Tổng số hồ sơ chứng thực", "Hồ sơ", "540", "1.060"),
                R2("", "- Chứng thực trực tuyến", "Hồ sơ", "180", "350"),
                R2("", "- Chứng thực trực tiếp", "Hồ sơ", "360", "690"),
                R2("4", "Số hồ sơ TTHC bị trả lại do không đủ điều kiện", "Hồ sơ", "khoảng 20", "37"),
                R2("5", "Số hồ sơ giải quyết quá hạn đã xin lỗi người dân", "Hồ sơ", "26", "51"),
                R2("6", "Số phản ánh, kiến nghị về TTHC", "Ý kiến", "0", "-1"),
                Section("IV", "CẢI CÁCH TỔ CHỨC BỘ MÁY"),
                R2("1", "Số phòng chuyên môn thuộc UBND xã", "Cơ quan, đơn vị", "3", "3"),
                Section("V", "CẢI CÁCH CHẾ ĐỘ CÔNG VỤ"),
                R2("1", "Tổng số cán bộ, công chức cấp xã có mặt", "Người", "39", "39"),
                R2("2", "Số lượt cán bộ, công chức được đào tạo, bồi dưỡng", "Lượt người", "12", "20"),
                R2("3", "Tỷ lệ cán bộ, công chức hoàn thành tốt nhiệm vụ", "%", "95", "102"),
                Section("VI", "CẢI CÁCH TÀI CHÍNH CÔNG"),
                R2("1", "Tỷ lệ giải ngân vốn đầu tư công", "%", "18,5", "31,5"),
                Section("VII", "XÂY DỰNG CHÍNH QUYỀN SỐ"),
                R2("1", "Số văn bản đi được ký số", "Văn bản", "410", "805"),
                R2("2", "Tỷ lệ văn bản đi được ký số", "%", "98", "97"),
                R2("3", "Số hồ sơ có thanh toán trực tuyến", "Hồ sơ", "356", "690"),
                R2("4", "Tỷ lệ hồ sơ có thanh toán trực tuyến", "Hồ sơ", "27", "26"),
                R2("5", "Số cuộc họp trực tuyến", "Cuộc", "4", "6"),
            ]),
        Signature = CommuneSignature("xã", "Huỳnh Văn Phúc"),
        Excel = new ExcelLayout { SheetName = "PL CCHC quý II", GroupedNumbersAsNumbers = true },
        Expected =
        [
            Expected.Value("Số tin, bài tuyên truyền CCHC đã đăng", Families.Order, Severities.Warning, valueColumn: 1),
            Expected.Value("Số kiến nghị sau kiểm tra đã thực hiện", Families.Missing, Severities.Info, valueColumn: 0),
            Expected.Value("Số văn bản QPPL đã rà soát", Families.Missing, Severities.Warning, valueColumn: 1),
            Expected.Value("- Tỷ lệ hồ sơ giải quyết đúng hạn", Families.Ratio, Severities.Warning, valueColumn: 1),
            Expected.Value("Tổng số hồ sơ chứng thực", Families.Total, Severities.Warning, valueColumn: 1),
            Expected.Value("Số hồ sơ TTHC bị trả lại", Families.Type, Severities.Error, valueColumn: 0),
            Expected.Value("Số phản ánh, kiến nghị về TTHC", Families.Type, Severities.Error, valueColumn: 1),
            Expected.Value("Tỷ lệ cán bộ, công chức hoàn thành tốt nhiệm vụ", Families.Type, Severities.Error, valueColumn: 1),
            Expected.Unit("Tỷ lệ hồ sơ có thanh toán trực tuyến", Families.Unit, Severities.Warning),
        ],
        Clean =
        [
            new("Số văn bản chỉ đạo, điều hành về CCHC"),
            new("Số cuộc kiểm tra CCHC tại các ấp"),
            new("Số văn bản QPPL do HĐND, UBND xã ban hành"),
            new("Số TTHC cung cấp dịch vụ công trực tuyến toàn trình"),
            new("Số hồ sơ giải quyết quá hạn đã xin lỗi"),
            new("Tổng số cán bộ, công chức cấp xã có mặt"),
            new("Số lượt cán bộ, công chức được đào tạo"),
            new("Tỷ lệ giải ngân vốn đầu tư công"),
            new("Số văn bản đi được ký số"),
            new("Số hồ sơ có thanh toán trực tuyến"),
            new("Số cuộc họp trực tuyến"),
            new("- Chứng thực trực tuyến"),
            new("- Chứng thực trực tiếp"),
            // Right in one column, wrong in the other: no error in either (the wrong one is an inferred warning).
            new("Tổng số hồ sơ chứng thực"),
            new("- Tỷ lệ hồ sơ giải quyết đúng hạn"),
            // A rate since January may be below this quarter's: rates do not accumulate.
            new Clean("Tỷ lệ người dân, tổ chức hài lòng") { SilentFamilies = [Families.Order] },
            new Clean("Tỷ lệ văn bản đi được ký số") { SilentFamilies = [Families.Order] },
            Clean.Trap("Số hồ sơ TTHC đã tiếp nhận"),
            Clean.Trap("- Trong đó: tiếp nhận trực tuyến"),
            Clean.Trap("- Số hồ sơ đã giải quyết"),
            Clean.Trap("- Số hồ sơ giải quyết đúng hạn"),
        ],
        Relations =
        [
            Relation.NotBelow(true, At("Số văn bản chỉ đạo, điều hành về CCHC", 1), At("Số văn bản chỉ đạo, điều hành về CCHC", 0)),
            Relation.NotBelow(true, At("Số cuộc kiểm tra CCHC tại các ấp", 1), At("Số cuộc kiểm tra CCHC tại các ấp", 0)),
            Relation.NotBelow(false, At("Số tin, bài tuyên truyền CCHC đã đăng", 1), At("Số tin, bài tuyên truyền CCHC đã đăng", 0)),
            Relation.NotBelow(true, At("Số hồ sơ TTHC đã tiếp nhận", 1), At("Số hồ sơ TTHC đã tiếp nhận", 0)),
            Relation.Nested(At("Số hồ sơ TTHC đã tiếp nhận", 0), At("- Trong đó: tiếp nhận trực tuyến", 0), At("- Số hồ sơ đã giải quyết", 0), At("- Số hồ sơ giải quyết đúng hạn", 0)),
            Relation.Nested(At("Số hồ sơ TTHC đã tiếp nhận", 1), At("- Trong đó: tiếp nhận trực tuyến", 1), At("- Số hồ sơ đã giải quyết", 1), At("- Số hồ sơ giải quyết đúng hạn", 1)),
            Relation.Ratio(true, At("- Tỷ lệ hồ sơ giải quyết đúng hạn", 0), At("- Số hồ sơ giải quyết đúng hạn", 0), At("- Số hồ sơ đã giải quyết", 0)),
            Relation.Ratio(false, At("- Tỷ lệ hồ sơ giải quyết đúng hạn", 1), At("- Số hồ sơ giải quyết đúng hạn", 1), At("- Số hồ sơ đã giải quyết", 1)),
            Relation.Sum(true, At("Tổng số hồ sơ chứng thực", 0), At("- Chứng thực trực tuyến", 0), At("- Chứng thực trực tiếp", 0)),
            Relation.Sum(false, At("Tổng số hồ sơ chứng thực", 1), At("- Chứng thực trực tuyến", 1), At("- Chứng thực trực tiếp", 1)),
            Relation.NotBelow(true, At("Số văn bản đi được ký số", 1), At("Số văn bản đi được ký số", 0)),
            Relation.NotBelow(true, At("Số hồ sơ có thanh toán trực tuyến", 1), At("Số hồ sơ có thanh toán trực tuyến", 0)),
        ],
    };
}
