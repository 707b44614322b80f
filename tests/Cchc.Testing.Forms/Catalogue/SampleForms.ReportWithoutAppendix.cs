namespace Cchc.Testing.Forms;

public static partial class SampleForms
{
    /// <summary>
    /// Not an appendix: a report body with a letterhead, a staff list (Họ và tên | Chức vụ | Ghi chú) and the
    /// signature block, the tables a document without appendix still has. Checking it must say that no appendix
    /// was found, what was looked for and what was found instead; it has no rows to expect findings on.
    /// </summary>
    public static FormDocument ReportWithoutAppendix() => new()
    {
        Name = "g-quyet-dinh-to-cong-tac-khong-co-phu-luc",
        Description = "Không có phụ lục: thân văn bản với bảng danh sách (Họ và tên | Chức vụ | Ghi chú) và khối chữ ký.",
        Body =
        [
            Letterhead("ỦY BAN NHÂN DÂN\nXÃ MỸ TÚ", "Số: 14/BC-UBND", "Mỹ Tú, ngày 20 tháng 01 năm 2026"),
            new BodyParagraph("BÁO CÁO", Bold: true, Centered: true),
            new BodyParagraph("Về việc kiện toàn Tổ công tác cải cách hành chính xã năm 2026", Bold: true, Centered: true),
            new BodyParagraph("Căn cứ Kế hoạch số 12/KH-UBND ngày 15/01/2026 của UBND xã về cải cách hành chính năm 2026, Ủy ban nhân dân xã báo cáo thành phần Tổ công tác cải cách hành chính như sau:"),
            new BodyTable(
            [
                ["Họ và tên", "Chức vụ", "Ghi chú"],
                ["Nguyễn Văn An", "Phó Chủ tịch UBND xã", "Tổ trưởng"],
                ["Trần Thị Bích", "Công chức Văn phòng - Thống kê", "Tổ phó"],
                ["Lê Minh Chí", "Công chức Tư pháp - Hộ tịch", "Thành viên"],
                ["Phạm Thị Dung", "Viên chức Trung tâm Phục vụ hành chính công xã", "Thành viên, thư ký"],
                ["Võ Thành Đạt", "Công chức Văn hóa - Xã hội", "Thành viên"],
            ]),
            new BodyParagraph("Tổ công tác có trách nhiệm tham mưu UBND xã triển khai, theo dõi, đôn đốc việc thực hiện Kế hoạch cải cách hành chính năm 2026."),
        ],
        Signature = CommuneSignature("xã", "Nguyễn Văn Bình"),
        Excel = new ExcelLayout { SheetName = "Danh sách" },
    };
}
