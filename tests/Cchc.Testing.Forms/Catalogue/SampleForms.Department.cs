using static Cchc.Testing.Forms.ColumnRole;

namespace Cchc.Testing.Forms;

public static partial class SampleForms
{
    /// <summary>
    /// Form D: a provincial department's year report with three value columns, annual plan, result and the
    /// completion rate result / plan × 100, which exceeds 100 whenever the plan is overdone: a percent column
    /// that a 0–100 rule must leave alone. Numbered "(1)…(7)". In Excel the table starts in column B under the
    /// report body, and the rate column holds fractions with a percent format.
    /// </summary>
    public static FormDocument DepartmentPlanAndResult() => new()
    {
        Name = "d-so-tu-phap-can-tho-2025",
        Description = "Sở, ba cột giá trị: TT | Tên chỉ tiêu | Đơn vị tính | Kế hoạch năm | Thực hiện | Tỷ lệ (%) | Ghi chú.",
        Body =
        [
            Letterhead("UBND THÀNH PHỐ CẦN THƠ\nSỞ TƯ PHÁP", "Số: 412/BC-STP", "Cần Thơ, ngày 12 tháng 12 năm 2025"),
            new BodyParagraph("BÁO CÁO", Bold: true, Centered: true),
            new BodyParagraph("Kết quả công tác cải cách hành chính năm 2025", Bold: true, Centered: true),
            new BodyParagraph("Thực hiện Kế hoạch số 08/KH-STP ngày 10/01/2025 về cải cách hành chính năm 2025, Sở Tư pháp báo cáo kết quả thực hiện các chỉ tiêu theo Phụ lục kèm theo."),
        ],
        TitleLines =
        [
            "Phụ lục",
            "KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CẢI CÁCH HÀNH CHÍNH NĂM 2025 CỦA SỞ TƯ PHÁP",
            "(Kèm theo Báo cáo số 412/BC-STP ngày 12/12/2025 của Sở Tư pháp thành phố Cần Thơ)",
        ],
        Appendix = new AppendixTable(
            [No, Label, Unit, Value, Value, Value, Note],
            [HeaderRow("TT", "Tên chỉ tiêu", "Đơn vị tính", "Kế hoạch năm", "Thực hiện", "Tỷ lệ (%)", "Ghi chú")],
            ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)"],
            [
                Section("I", "Công tác chỉ đạo, điều hành CCHC"),
                R3("1", "Số nhiệm vụ trong Kế hoạch CCHC năm 2025 của Sở", "Nhiệm vụ", "32", "29", "90,6", "Kế hoạch số 08/KH-STP ngày 10/01/2025"),
                R3("2", "Số cuộc kiểm tra CCHC tại các phòng, đơn vị thuộc Sở", "Cuộc", "6", "6", "100"),
                R3("3", "Số tin, bài tuyên truyền CCHC trên Cổng thông tin điện tử của Sở", "Tin, bài", "40", "48", "120"),
                R3("4", "Có ban hành Kế hoạch CCHC năm 2025", YesNo, "1", "1", "100"),
                Section("II", "Cải cách thể chế"),
                R3("1", "Số văn bản QPPL do Sở chủ trì tham mưu ban hành", "Văn bản", "12", "9", "80"),
                R3("2", "Số văn bản QPPL được kiểm tra theo thẩm quyền", "Văn bản", "150", "162", "108"),
                R3("3", "Số văn bản QPPL trái pháp luật đã được xử lý", "Văn bản", "5", "4", "80"),
                Section("III", "Cải cách thủ tục hành chính"),
                R3("1", "Số TTHC thuộc thẩm quyền giải quyết của Sở", "TTHC", "148", "148", "100"),
                R3("2", "Số TTHC được rà soát, đề xuất đơn giản hóa", "TTHC", "20", "khoảng 15", "75"),
                R3("3", "Số TTHC cung cấp dịch vụ công trực tuyến toàn trình", "TTHC", "120", "126", "105"),
                Heading("4", "Kết quả giải quyết hồ sơ TTHC"),
                R3("", "Số hồ sơ TTHC đã tiếp nhận", "Hồ sơ", "18.000", "19.450", "108,1"),
                R3("", "- Trong đó: tiếp nhận trực tuyến", "Hồ sơ", "14.400", "16.210", "112,6"),
                R3("", "- Số hồ sơ đã giải quyết", "Hồ sơ", "18.000", "19.120", "106,2"),
                R3("", "- Số hồ sơ giải quyết đúng hạn", "Hồ sơ", "18.000", "19.050", "105,8"),
                R3("", "- Tỷ lệ hồ sơ giải quyết đúng hạn", "%", "100", "99,6", "99,6"),
                R3("5", "Tỷ lệ hồ sơ quá hạn được xin lỗi người dân", "%", "100", "102", "102"),
                R3("6", "Số hồ sơ trả kết quả qua dịch vụ bưu chính công ích", "Hồ sơ", "3.000", "2.874", "95,8"),
                Section("IV", "Cải cách tổ chức bộ máy"),
                R3("1", "Số phòng chuyên môn, nghiệp vụ thuộc Sở", "Cơ quan, đơn vị", "5", "5", "100"),
                R3("2", "Số đơn vị sự nghiệp công lập trực thuộc Sở", "Đơn vị", "3", "3", "100"),
                Section("V", "Cải cách chế độ công vụ"),
                R3("1", "Số công chức có mặt so với biên chế được giao", "Người", "52", "49", "94,2"),
                R3("2", "Số người làm việc trong đơn vị sự nghiệp công lập", "Người", "46", "44", "95,7"),
                R3("3", "Số lượt công chức, viên chức được đào tạo, bồi dưỡng", "Lượt người", "60", "71", "118,3"),
                R3("4", "Số công chức được tuyển dụng", "Người", "4", "", ""),
                Section("VI", "Cải cách tài chính công"),
                R3("1", "Tỷ lệ giải ngân vốn đầu tư công", "%", "100", "96,5", "96,5"),
                R3("2", "Số đơn vị sự nghiệp công lập tự bảo đảm chi thường xuyên", "Đơn vị", "1", "1", "100"),
                Section("VII", "Xây dựng và phát triển chính quyền số"),
                R3("1", "Tỷ lệ văn bản đi được ký số", "%", "100", "99", "99"),
                R3("2", "Số hệ thống thông tin được kết nối với nền tảng LGSP", "%", "3", "3", "100"),
                R3("3", "Số dịch vụ công trực tuyến có phát sinh hồ sơ", "TTHC", "110", "97", "88,2"),
                R3("4", "Tỷ lệ hồ sơ được số hóa kết quả giải quyết", "%", "100", "85", "85"),
            ]),
        Signature = new(
            ["Nơi nhận:", "- Sở Nội vụ;", "- UBND thành phố (để báo cáo);", "- Giám đốc, các PGĐ Sở;", "- Lưu: VT, VP."],
            ["GIÁM ĐỐC", string.Empty, string.Empty, "Võ Thành Nhân"]),
        Excel = new ExcelLayout { SheetName = "Biểu 01-CCHC", FirstColumn = 1, PercentAsFraction = true, PercentValueColumns = [2] },
        Expected =
        [
            Expected.Value("Số văn bản QPPL do Sở chủ trì tham mưu ban hành", Families.Ratio, Severities.Warning, valueColumn: 2),
            Expected.Value("Số TTHC được rà soát, đề xuất đơn giản hóa", Families.Type, Severities.Error, valueColumn: 1),
            Expected.Value("Tỷ lệ hồ sơ quá hạn được xin lỗi", Families.Type, Severities.Error, valueColumn: 1),
            Expected.Value("Số công chức được tuyển dụng", Families.Missing, Severities.Warning, valueColumn: 1),
            Expected.Unit("Số hệ thống thông tin được kết nối", Families.Unit, Severities.Warning),
        ],
        Clean =
        [
            // Plan overdone: a completion rate over 100 is right, in a column whose header says "%".
            new("Số tin, bài tuyên truyền CCHC trên Cổng"),
            new("Số văn bản QPPL được kiểm tra theo thẩm quyền"),
            new("Số TTHC cung cấp dịch vụ công trực tuyến toàn trình"),
            new("Số lượt công chức, viên chức được đào tạo"),
            new("Số nhiệm vụ trong Kế hoạch CCHC năm 2025"),
            new("Số cuộc kiểm tra CCHC tại các phòng"),
            new("Có ban hành Kế hoạch CCHC năm 2025"),
            new("Số văn bản QPPL trái pháp luật đã được xử lý"),
            new("Số TTHC thuộc thẩm quyền giải quyết của Sở"),
            new("Số hồ sơ trả kết quả qua dịch vụ bưu chính"),
            new("Số phòng chuyên môn, nghiệp vụ thuộc Sở"),
            new("Số đơn vị sự nghiệp công lập trực thuộc Sở"),
            new("Số công chức có mặt so với biên chế"),
            new("Số người làm việc trong đơn vị sự nghiệp"),
            new("Tỷ lệ giải ngân vốn đầu tư công"),
            new("Số đơn vị sự nghiệp công lập tự bảo đảm"),
            new("Tỷ lệ văn bản đi được ký số"),
            new("Số dịch vụ công trực tuyến có phát sinh hồ sơ"),
            new("Tỷ lệ hồ sơ được số hóa kết quả"),
            // The trap in every column; the rate column of a part may exceed its whole's.
            Clean.Trap("Số hồ sơ TTHC đã tiếp nhận"),
            Clean.Trap("- Trong đó: tiếp nhận trực tuyến"),
            Clean.Trap("- Số hồ sơ đã giải quyết"),
            Clean.Trap("- Số hồ sơ giải quyết đúng hạn"),
            Clean.Trap("- Tỷ lệ hồ sơ giải quyết đúng hạn"),
        ],
        Relations =
        [
            .. PlanRates(true,
                "Số nhiệm vụ trong Kế hoạch CCHC năm 2025", "Số cuộc kiểm tra CCHC tại các phòng", "Số tin, bài tuyên truyền CCHC trên Cổng",
                "Có ban hành Kế hoạch CCHC năm 2025", "Số văn bản QPPL được kiểm tra theo thẩm quyền", "Số văn bản QPPL trái pháp luật đã được xử lý",
                "Số TTHC thuộc thẩm quyền giải quyết của Sở", "Số TTHC cung cấp dịch vụ công trực tuyến toàn trình", "Số hồ sơ TTHC đã tiếp nhận",
                "- Trong đó: tiếp nhận trực tuyến", "- Số hồ sơ đã giải quyết", "- Số hồ sơ giải quyết đúng hạn", "- Tỷ lệ hồ sơ giải quyết đúng hạn",
                "Số hồ sơ trả kết quả qua dịch vụ bưu chính", "Số phòng chuyên môn, nghiệp vụ thuộc Sở", "Số đơn vị sự nghiệp công lập trực thuộc Sở",
                "Số công chức có mặt so với biên chế", "Số người làm việc trong đơn vị sự nghiệp", "Số lượt công chức, viên chức được đào tạo",
                "Tỷ lệ giải ngân vốn đầu tư công", "Số đơn vị sự nghiệp công lập tự bảo đảm", "Tỷ lệ văn bản đi được ký số",
                "Số dịch vụ công trực tuyến có phát sinh hồ sơ", "Tỷ lệ hồ sơ được số hóa kết quả"),
            .. PlanRates(false, "Số văn bản QPPL do Sở chủ trì tham mưu ban hành"),
            Relation.Nested(At("Số hồ sơ TTHC đã tiếp nhận", 0), At("- Trong đó: tiếp nhận trực tuyến", 0), At("- Số hồ sơ đã giải quyết", 0), At("- Số hồ sơ giải quyết đúng hạn", 0)),
            Relation.Nested(At("Số hồ sơ TTHC đã tiếp nhận", 1), At("- Trong đó: tiếp nhận trực tuyến", 1), At("- Số hồ sơ đã giải quyết", 1), At("- Số hồ sơ giải quyết đúng hạn", 1)),
            Relation.Ratio(true, At("- Tỷ lệ hồ sơ giải quyết đúng hạn", 1), At("- Số hồ sơ giải quyết đúng hạn", 1), At("- Số hồ sơ đã giải quyết", 1)),
        ],
    };

    /// <summary>Rate = result / plan × 100 in each named row: value column 2 from columns 1 and 0.</summary>
    private static IEnumerable<Relation> PlanRates(bool holds, params string[] labels) =>
        labels.Select(label => Relation.Ratio(holds, At(label, 2), At(label, 1), At(label, 0)));
}
