using Cchc.Appendix.Table;

namespace Cchc.Appendix.Tests.Checking;

/// <summary>
/// A commune appendix written in a test as a reader sees it — title lines, then one line per table row with cells
/// separated by " | " — and read through the real <see cref="SnapshotBuilder"/>, header recognition included.
/// </summary>
internal static class CommuneText
{
    public static TableSnapshot Read(string text)
    {
        var blocks = new List<DocumentBlock>();
        var rows = new List<RawRow>();
        foreach (var line in text.Split('\n').Select(l => l.TrimEnd('\r')))
        {
            if (line.Contains(" | ", StringComparison.Ordinal) || line.StartsWith('|'))
            {
                rows.Add(new RawRow([.. line.Split('|').Select(c => new RawCell(c.Trim()))]));
            }
            else if (line.Trim().Length > 0)
            {
                blocks.Add(new ParagraphBlock(line.Trim()));
            }
        }

        blocks.Add(new TableBlock(rows));
        return SnapshotBuilder.TryBuild(blocks, SourceKind.Word) ?? throw new InvalidOperationException("No appendix in the test text.");
    }

    /// <summary>The first quarter of 2026 of a commune, consistent throughout: totals equal their parts, rates their counts.</summary>
    public const string QuarterOne = """
        Phụ lục
        THỐNG KÊ SỐ LIỆU BÁO CÁO CẢI CÁCH HÀNH CHÍNH
        QUÝ I NĂM 2026 CỦA UBND XÃ AN BÌNH
        STT | Nội dung chỉ tiêu | Đơn vị tính | Kết quả | Ghi chú
        I | Công tác chỉ đạo, điều hành | | |
        1 | Số văn bản chỉ đạo, điều hành cải cách hành chính đã ban hành | Văn bản | 3 |
        2 | Số nhiệm vụ cải cách hành chính được giao trong năm | Nhiệm vụ | 20 | Kế hoạch số 12/KH-UBND
        | Số nhiệm vụ đã hoàn thành (lũy kế từ đầu năm) | Nhiệm vụ | 5 |
        3 | Có tổ chức đối thoại với người dân | Có = 1 Không = 0 | 1 |
        II | Cải cách thủ tục hành chính | | |
        1 | Tổng số thủ tục hành chính đang có hiệu lực | TTHC | 300 |
        | - Thủ tục hành chính cấp tỉnh thực hiện tại xã | TTHC | 120 |
        | - Thủ tục hành chính cấp xã | TTHC | 180 |
        2 | Kết quả giải quyết hồ sơ | | |
        | Số hồ sơ đã tiếp nhận | Hồ sơ | 250 |
        | - Trong đó: tiếp nhận trực tuyến | Hồ sơ | 120 |
        | - Số hồ sơ đã giải quyết | Hồ sơ | 240 |
        | - Số hồ sơ giải quyết đúng hạn | Hồ sơ | 230 |
        | Tỷ lệ hồ sơ giải quyết đúng hạn | % | 95,8 |
        3 | Số dịch vụ công trực tuyến | Dịch vụ | 40 |
        | Dịch vụ công trực tuyến toàn trình | Dịch vụ | 25 |
        | Dịch vụ công trực tuyến một phần | Dịch vụ | 15 |
        4 | Số ý kiến phản ánh, kiến nghị đã tiếp nhận | Ý kiến | 10 |
        | Số ý kiến đã xử lý xong | Ý kiến | 8 |
        | Số ý kiến đang xử lý | Ý kiến | 2 |
        5 | Tỷ lệ thanh toán trực tuyến | % | 40 |
        | Số hồ sơ có nghĩa vụ tài chính | Hồ sơ | 50 |
        | Số hồ sơ đã thanh toán trực tuyến | Hồ sơ | 20 |
        III | Cải cách chế độ công vụ | | |
        1 | Số cán bộ, công chức cấp xã hiện có | Người | 22 |
        2 | Số lượt công chức được đào tạo, bồi dưỡng | Lượt | 6 |
        """;

    /// <summary>Quarter II of the same commune, with period faults planted against quarter I.</summary>
    public const string QuarterTwo = """
        Phụ lục
        THỐNG KÊ SỐ LIỆU BÁO CÁO CẢI CÁCH HÀNH CHÍNH
        QUÝ II NĂM 2026 CỦA UBND XÃ AN BÌNH
        STT | Nội dung chỉ tiêu | Đơn vị tính | Kết quả | Ghi chú
        I | Công tác chỉ đạo, điều hành | | |
        1 | Số văn bản chỉ đạo, điều hành cải cách hành chính đã ban hành | Văn bản | 2 |
        2 | Số nhiệm vụ cải cách hành chính được giao trong năm | Nhiệm vụ | 20 | Kế hoạch số 12/KH-UBND
        | Số nhiệm vụ đã hoàn thành (lũy kế từ đầu năm) | Nhiệm vụ | 4 |
        3 | Có tổ chức đối thoại với người dân | Có = 1 Không = 0 | 1 |
        II | Cải cách thủ tục hành chính | | |
        1 | Tổng số thủ tục hành chính đang có hiệu lực | TTHC | 305 |
        | - Thủ tục hành chính cấp tỉnh thực hiện tại xã | TTHC | 120 |
        | - Thủ tục hành chính cấp xã | TTHC | 180 |
        2 | Kết quả giải quyết hồ sơ | | |
        | Số hồ sơ đã tiếp nhận | Hồ sơ | 260 |
        | - Trong đó: tiếp nhận trực tuyến | Hồ sơ | 130 |
        | - Số hồ sơ đã giải quyết | Hồ sơ | 255 |
        | - Số hồ sơ giải quyết đúng hạn | Hồ sơ | 250 |
        | Tỷ lệ hồ sơ giải quyết đúng hạn | % | 90 |
        3 | Số dịch vụ công trực tuyến | Dịch vụ | 40 |
        | Dịch vụ công trực tuyến toàn trình | Dịch vụ | 26 |
        | Dịch vụ công trực tuyến một phần | Dịch vụ | 15 |
        4 | Số ý kiến phản ánh, kiến nghị đã tiếp nhận | Ý kiến | 12 |
        | Số ý kiến đã xử lý xong | Ý kiến | 9 |
        | Số ý kiến đang xử lý | Ý kiến | 2 |
        5 | Tỷ lệ thanh toán trực tuyến | % | 50 |
        | Số hồ sơ có nghĩa vụ tài chính | Hồ sơ | 60 |
        | Số hồ sơ đã thanh toán trực tuyến | Hồ sơ | 24 |
        III | Cải cách chế độ công vụ | | |
        1 | Số cán bộ, công chức cấp xã hiện có | Cuộc | 22 |
        2 | Số buổi sinh hoạt chuyên đề về cải cách hành chính | Buổi | 1 |
        """;
}
