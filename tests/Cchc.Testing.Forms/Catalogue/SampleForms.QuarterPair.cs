namespace Cchc.Testing.Forms;

public static partial class SampleForms
{
    /// <summary>
    /// Form F, quarter I: one commune's clean report in form A's layout, the "form" a check of quarter II learns
    /// from. Every total equals its parts exactly and every rate the ratio of its two counts, so each relation
    /// can be learned; some rows are cumulative ("lũy kế từ đầu năm"). A check of it must give no error.
    /// </summary>
    public static FormDocument CommuneQuarterOne() => PhongDien(1);

    /// <summary>
    /// Form F, quarter II of the same commune, with <see cref="FormDocument.Previous"/> set to quarter I and the
    /// period faults planted against it: a cumulative row that falls, a unit changed since quarter I, a total that
    /// equalled its parts in quarter I and no longer does, a rate off its learned ratio, a row added, a row gone.
    /// Its <see cref="FormDocument.Expected"/> are what a check against quarter I must produce.
    /// </summary>
    public static FormDocument CommuneQuarterTwo() => PhongDien(2) with { Previous = PhongDien(1) };

    private static FormDocument PhongDien(int quarter)
    {
        // One table for both quarters: Q(quarter I, quarter II); a row only one quarter has is dropped from the other.
        string Q(string first, string second) => quarter == 1 ? first : second;
        DataRow? Only(int inQuarter, DataRow row) => quarter == inQuarter ? row : null;
        DataRow?[] rows =
        [
            Section("I", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH"),
            Heading("1", "Kế hoạch cải cách hành chính năm 2026", "Kế hoạch số 10/KH-UBND ngày 14/01/2026 của UBND xã Phong Điền"),
            R("", "- Số nhiệm vụ đề ra trong Kế hoạch CCHC năm", "Nhiệm vụ", "20"),
            R("", "- Số nhiệm vụ đã hoàn thành (lũy kế từ đầu năm)", "Nhiệm vụ", Q("8", "13")),
            R("", "- Tỷ lệ hoàn thành Kế hoạch CCHC năm", "%", Q("40", "65")),
            R("2", "Số văn bản chỉ đạo, điều hành về CCHC đã ban hành (lũy kế từ đầu năm)", "Văn bản", Q("3", "6")),
            R("3", "Số tin, bài tuyên truyền CCHC đã đăng (lũy kế từ đầu năm)", "Tin, bài", Q("10", "7")),
            R("4", "Có tổ chức đối thoại với người dân, doanh nghiệp", YesNo, "1"),

            Section("II", "CẢI CÁCH THỂ CHẾ"),
            R("1", "Số văn bản quy phạm pháp luật đã rà soát", "Văn bản", Q("2", "3")),

            Section("III", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH"),
            R("1", "Số TTHC cung cấp dịch vụ công trực tuyến toàn trình", Q("TTHC", "Hồ sơ"), Q("240", "246")),
            R("2", "Số TTHC cung cấp dịch vụ công trực tuyến một phần", "TTHC", Q("118", "112")),
            Heading("3", "Kết quả giải quyết hồ sơ TTHC"),
            R("", "Số hồ sơ TTHC đã tiếp nhận", "Hồ sơ", Q("600", "700")),
            R("", "- Hồ sơ lĩnh vực hộ tịch", "Hồ sơ", Q("250", "300")),
            R("", "- Hồ sơ lĩnh vực đất đai", "Hồ sơ", Q("200", "210")),
            R("", "- Hồ sơ các lĩnh vực khác", "Hồ sơ", "150"),
            R("", "Số hồ sơ đã giải quyết", "Hồ sơ", Q("580", "680")),
            R("", "- Trong đó: giải quyết đúng hạn", "Hồ sơ", Q("574", "671")),
            R("", "Tỷ lệ hồ sơ giải quyết đúng hạn", "%", Q("99", "98,7")),
            R("", "Số hồ sơ được số hóa", "Hồ sơ", Q("480", "560")),
            R("", "Tỷ lệ số hóa hồ sơ TTHC", "%", Q("80", "85")),
            Only(2, R("4", "Số hồ sơ TTHC tiếp nhận qua dịch vụ bưu chính công ích", "Hồ sơ", "35")),

            Section("IV", "CẢI CÁCH TỔ CHỨC BỘ MÁY HÀNH CHÍNH NHÀ NƯỚC"),
            R("1", "Số phòng chuyên môn thuộc UBND xã", "Cơ quan, đơn vị", "3"),

            Section("V", "CẢI CÁCH CHẾ ĐỘ CÔNG VỤ"),
            R("1", "Tổng số cán bộ, công chức cấp xã có mặt", "Người", Q("42", "43")),
            R("", "- Cán bộ", "Người", "14"),
            R("", "- Công chức", "Người", Q("28", "29")),
            R("2", "Số lượt cán bộ, công chức được đào tạo, bồi dưỡng (lũy kế từ đầu năm)", "Lượt người", Q("6", "15")),
            Only(1, R("3", "Số người hoạt động không chuyên trách ở ấp", "Người", "35")),

            Section("VI", "CẢI CÁCH TÀI CHÍNH CÔNG"),
            R("1", "Có công khai dự toán ngân sách xã", YesNo, "1"),

            Section("VII", "XÂY DỰNG VÀ PHÁT TRIỂN CHÍNH QUYỀN SỐ"),
            R("1", "Tỷ lệ văn bản đi được ký số", "%", Q("97", "98")),
            R("2", "Số hồ sơ có thanh toán trực tuyến (lũy kế từ đầu năm)", "Hồ sơ", Q("210", "455")),
        ];

        return new FormDocument
        {
            Name = $"f-xa-phong-dien-2026-q{quarter}",
            Description = quarter == 1
                ? "Xã, mẫu A, quý I: sạch, mọi tổng bằng tổng thành phần, mọi tỷ lệ đúng bằng thương hai dòng (để học)."
                : "Xã, mẫu A, quý II: lỗi so với quý I (lũy kế giảm, đổi đơn vị, tổng và tỷ lệ lệch quan hệ đã học, thêm và bớt dòng).",
            TitleLines =
            [
                "Phụ lục",
                "THỐNG KÊ SỐ LIỆU BÁO CÁO CẢI CÁCH HÀNH CHÍNH",
                $"QUÝ {Q("I", "II")} NĂM 2026 CỦA UBND XÃ PHONG ĐIỀN",
                $"(Kèm theo Báo cáo số {Q("28", "71")}/BC-UBND ngày {Q("13/3", "12/6")}/2026 của UBND xã Phong Điền)",
            ],
            Appendix = new AppendixTable(
                FiveColumns,
                [HeaderRow("STT", "Nội dung chỉ tiêu", "Đơn vị tính", "Kết quả", "Ghi chú")],
                null,
                [.. rows.OfType<DataRow>()]),
            Signature = CommuneSignature("xã", "Phan Thanh Tùng"),
            Excel = new ExcelLayout { SheetName = $"Quy {Q("I", "II")}", PercentAsFraction = true },
            Expected = quarter == 1 ? [] :
            [
                Expected.Value("Số tin, bài tuyên truyền CCHC đã đăng (lũy kế", Families.Period, Severities.Warning),
                Expected.Unit("Số TTHC cung cấp dịch vụ công trực tuyến toàn trình", Families.Unit, Severities.Warning),
                Expected.Value("Số hồ sơ TTHC đã tiếp nhận", Families.Total, Severities.Warning),
                Expected.Value("Tỷ lệ số hóa hồ sơ TTHC", Families.Ratio, Severities.Warning),
                Expected.Label("qua dịch vụ bưu chính công ích", Severities.Info),
                Expected.Label("Số người hoạt động không chuyên trách ở ấp", Severities.Info) with { OnlyInPrevious = true },
            ],
            Clean =
            [
                new("Số nhiệm vụ đề ra trong Kế hoạch"),
                new("Số nhiệm vụ đã hoàn thành (lũy kế"),
                new("Tỷ lệ hoàn thành Kế hoạch CCHC năm"),
                new("Số văn bản chỉ đạo, điều hành về CCHC đã ban hành (lũy kế"),
                new("Có tổ chức đối thoại với người dân"),
                new("Số TTHC cung cấp dịch vụ công trực tuyến một phần"),
                new("Số hồ sơ đã giải quyết"),
                new("- Trong đó: giải quyết đúng hạn"),
                new("Tỷ lệ hồ sơ giải quyết đúng hạn"),
                new("Số hồ sơ được số hóa"),
                new("Tổng số cán bộ, công chức cấp xã có mặt"),
                new("- Cán bộ"),
                new("- Công chức"),
                new("Số lượt cán bộ, công chức được đào tạo, bồi dưỡng (lũy kế"),
                new("Tỷ lệ văn bản đi được ký số"),
                new("Số hồ sơ có thanh toán trực tuyến (lũy kế"),
                .. quarter == 1
                    ?
                    [
                        new("Số tin, bài tuyên truyền CCHC đã đăng"),
                        new("Số TTHC cung cấp dịch vụ công trực tuyến toàn trình"),
                        new("Số hồ sơ TTHC đã tiếp nhận"),
                        new("- Hồ sơ lĩnh vực hộ tịch"),
                        new("- Hồ sơ lĩnh vực đất đai"),
                        new("- Hồ sơ các lĩnh vực khác"),
                        new("Tỷ lệ số hóa hồ sơ TTHC"),
                        new Clean("Số người hoạt động không chuyên trách ở ấp"),
                    ]
                    : Array.Empty<Clean>(),
            ],
            Relations =
            [
                Relation.Ratio(true, At("Tỷ lệ hoàn thành Kế hoạch CCHC năm"), At("Số nhiệm vụ đã hoàn thành (lũy kế"), At("Số nhiệm vụ đề ra trong Kế hoạch")),
                Relation.Sum(quarter == 1, At("Số hồ sơ TTHC đã tiếp nhận"), At("- Hồ sơ lĩnh vực hộ tịch"), At("- Hồ sơ lĩnh vực đất đai"), At("- Hồ sơ các lĩnh vực khác")),
                Relation.NotBelow(true, At("Số hồ sơ đã giải quyết"), At("- Trong đó: giải quyết đúng hạn")),
                Relation.Ratio(true, At("Tỷ lệ hồ sơ giải quyết đúng hạn"), At("- Trong đó: giải quyết đúng hạn"), At("Số hồ sơ đã giải quyết")),
                Relation.Ratio(quarter == 1, At("Tỷ lệ số hóa hồ sơ TTHC"), At("Số hồ sơ được số hóa"), At("Số hồ sơ TTHC đã tiếp nhận")),
                Relation.Sum(true, At("Tổng số cán bộ, công chức cấp xã có mặt"), At("- Cán bộ"), At("- Công chức")),
                .. quarter == 1 ? Array.Empty<Relation>() :
                [
                    Relation.NotBelow(true, At("Số nhiệm vụ đã hoàn thành (lũy kế"), Before("Số nhiệm vụ đã hoàn thành (lũy kế")),
                    Relation.NotBelow(true, At("Số văn bản chỉ đạo, điều hành về CCHC đã ban hành (lũy kế"), Before("Số văn bản chỉ đạo, điều hành về CCHC đã ban hành (lũy kế")),
                    Relation.NotBelow(false, At("Số tin, bài tuyên truyền CCHC đã đăng (lũy kế"), Before("Số tin, bài tuyên truyền CCHC đã đăng (lũy kế")),
                    Relation.NotBelow(true, At("Số lượt cán bộ, công chức được đào tạo, bồi dưỡng (lũy kế"), Before("Số lượt cán bộ, công chức được đào tạo, bồi dưỡng (lũy kế")),
                    Relation.NotBelow(true, At("Số hồ sơ có thanh toán trực tuyến (lũy kế"), Before("Số hồ sơ có thanh toán trực tuyến (lũy kế")),
                ],
            ],
        };
    }
}
