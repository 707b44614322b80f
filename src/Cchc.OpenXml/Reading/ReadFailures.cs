using Cchc.Appendix.Table;
using System.Globalization;

namespace Cchc.OpenXml.Reading;

/// <summary>
/// The sentence a user sees for each way a file can fail to read, in Vietnamese and English. Only the
/// file's name goes into a message, never a path of the machine that read it.
/// </summary>
internal static class ReadFailures
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    public static DocumentReadException Empty(string name) => new(
        ReadError.Empty,
        $"Tệp \"{name}\" trống (0 byte); hãy chọn lại đúng tệp báo cáo .docx hoặc .xlsx.",
        $"The file \"{name}\" is empty (0 bytes); choose the report's .docx or .xlsx file again.");

    public static DocumentReadException TooLarge(string name, long max) => new(
        ReadError.TooLarge,
        $"Tệp \"{name}\" lớn hơn giới hạn {Megabytes(max, Vietnamese)} MB; hãy xóa hình ảnh hoặc trang thừa, hoặc tách phụ lục ra tệp riêng rồi thử lại.",
        $"The file \"{name}\" is larger than the {Megabytes(max, CultureInfo.InvariantCulture)} MB limit; remove pictures or extra pages, or save the appendix as a file of its own, and try again.");

    public static DocumentReadException TooManyRows(string name, int max) => new(
        ReadError.TooLarge,
        $"Tệp \"{name}\" có hơn {max.ToString("N0", Vietnamese)} dòng bảng, vượt giới hạn xử lý; hãy xóa các dòng thừa hoặc tách phụ lục ra tệp riêng rồi thử lại.",
        $"The file \"{name}\" has more than {max.ToString("N0", CultureInfo.InvariantCulture)} table rows, over the processing limit; delete the extra rows or save the appendix as a file of its own, and try again.");

    public static DocumentReadException CellTooLong(string name, string where, string whereEn, int max) => new(
        ReadError.TooLarge,
        $"{where} trong tệp \"{name}\" có hơn {max.ToString("N0", Vietnamese)} ký tự, vượt giới hạn của một ô; hãy rút gọn nội dung ô đó rồi thử lại.",
        $"{whereEn} in \"{name}\" holds more than {max.ToString("N0", CultureInfo.InvariantCulture)} characters, over the limit for one cell; shorten that cell and try again.");

    public static DocumentReadException NotOffice(string name) => new(
        ReadError.NotOfficeDocument,
        $"Tệp \"{name}\" không phải tài liệu Word (.docx) hay Excel (.xlsx); hãy mở tệp bằng Word hoặc Excel và lưu lại đúng định dạng.",
        $"The file \"{name}\" is not a Word (.docx) or Excel (.xlsx) document; open it in Word or Excel and save it in that format.");

    public static DocumentReadException Encrypted(string name) => new(
        ReadError.Encrypted,
        $"Tệp \"{name}\" được đặt mật khẩu nên không đọc được; hãy mở bằng Word hoặc Excel, gỡ mật khẩu (Tệp > Thông tin > Bảo vệ), lưu lại rồi gửi lại.",
        $"The file \"{name}\" is password-protected and cannot be read; open it in Word or Excel, remove the password (File > Info > Protect), save it and send it again.");

    public static DocumentReadException LegacyWord(string name) => new(
        ReadError.LegacyWord,
        $"Tệp \"{name}\" là định dạng Word 97–2003 (.doc) cũ; hãy mở bằng Word, chọn Lưu thành > Tài liệu Word (.docx) rồi thử lại.",
        $"The file \"{name}\" is in the old Word 97–2003 (.doc) format; open it in Word, choose Save As > Word Document (.docx) and try again.");

    public static DocumentReadException LegacyExcel(string name) => new(
        ReadError.LegacyExcel,
        $"Tệp \"{name}\" là định dạng Excel 97–2003 (.xls) cũ; hãy mở bằng Excel, chọn Lưu thành > Sổ làm việc Excel (.xlsx) rồi thử lại.",
        $"The file \"{name}\" is in the old Excel 97–2003 (.xls) format; open it in Excel, choose Save As > Excel Workbook (.xlsx) and try again.");

    public static DocumentReadException OpenDocument(string name) => new(
        ReadError.OpenDocument,
        $"Tệp \"{name}\" là định dạng OpenDocument (.odt/.ods); hãy lưu lại dưới dạng .docx hoặc .xlsx (Tệp > Lưu thành) rồi thử lại.",
        $"The file \"{name}\" is an OpenDocument file (.odt/.ods); save it as .docx or .xlsx (File > Save As) and try again.");

    public static DocumentReadException ZipBomb(string name, long max) => new(
        ReadError.ZipBomb,
        $"Tệp \"{name}\" khi giải nén lớn bất thường (hơn {Megabytes(max, Vietnamese)} MB) nên đã bị từ chối để bảo vệ hệ thống; hãy mở tệp bằng Word hoặc Excel, lưu lại rồi gửi lại.",
        $"The file \"{name}\" inflates to an abnormal size (over {Megabytes(max, CultureInfo.InvariantCulture)} MB) and was refused to protect the system; open it in Word or Excel, save it again and resend it.");

    public static DocumentReadException TooManyEntries(string name, int max) => new(
        ReadError.ZipBomb,
        $"Tệp \"{name}\" chứa hơn {max.ToString("N0", Vietnamese)} thành phần nén, nhiều bất thường so với một tài liệu Word hay Excel nên đã bị từ chối; hãy mở tệp bằng Word hoặc Excel, lưu lại rồi gửi lại.",
        $"The file \"{name}\" holds more than {max.ToString("N0", CultureInfo.InvariantCulture)} compressed entries, far more than a Word or Excel document has, and was refused; open it in Word or Excel, save it again and resend it.");

    public static DocumentReadException PartTooLarge(string name, long max) => new(
        ReadError.ZipBomb,
        $"Một phần nội dung của tệp \"{name}\" khi giải nén lớn hơn {Megabytes(max, Vietnamese)} MB, bất thường với một phụ lục, nên đã bị từ chối; hãy tách phụ lục ra tệp riêng hoặc mở bằng Word hoặc Excel, lưu lại rồi gửi lại.",
        $"One part of \"{name}\" inflates to more than {Megabytes(max, CultureInfo.InvariantCulture)} MB, abnormal for an appendix, and was refused; save the appendix as a file of its own, or open it in Word or Excel, save it again and resend it.");

    public static DocumentReadException TooDeep(string name, int max) => new(
        ReadError.Corrupt,
        $"Tệp \"{name}\" có các thành phần lồng nhau sâu hơn {max} tầng, điều tài liệu Word hay Excel thật không có, nên đã bị từ chối; hãy mở tệp bằng Word hoặc Excel, lưu lại rồi gửi lại.",
        $"The file \"{name}\" nests its elements more than {max} levels deep, which no real Word or Excel document does, and was refused; open it in Word or Excel, save it again and resend it.");

    public static DocumentReadException TooManyCells(string name, int max) => new(
        ReadError.TooLarge,
        $"Tệp \"{name}\" có hơn {max.ToString("N0", Vietnamese)} ô có nội dung, vượt giới hạn xử lý; hãy tách phụ lục ra tệp riêng (xóa các trang tính hoặc bảng khác) rồi thử lại.",
        $"The file \"{name}\" has more than {max.ToString("N0", CultureInfo.InvariantCulture)} cells with content, over the processing limit; save the appendix as a file of its own (without the other sheets or tables) and try again.");

    public static DocumentReadException TooMuchText(string name, long max) => new(
        ReadError.TooLarge,
        $"Tệp \"{name}\" có hơn {max.ToString("N0", Vietnamese)} ký tự chữ trong các ô và đoạn văn, vượt giới hạn xử lý; hãy tách phụ lục ra tệp riêng rồi thử lại.",
        $"The file \"{name}\" holds more than {max.ToString("N0", CultureInfo.InvariantCulture)} characters of text in its cells and paragraphs, over the processing limit; save the appendix as a file of its own and try again.");

    public static DocumentReadException TooManySharedStrings(string name, long max, bool characters) => new(
        ReadError.TooLarge,
        characters
            ? $"Bảng chuỗi dùng chung của sổ tính \"{name}\" có hơn {max.ToString("N0", Vietnamese)} ký tự, vượt giới hạn xử lý; hãy chép phụ lục sang một sổ tính mới rồi thử lại."
            : $"Bảng chuỗi dùng chung của sổ tính \"{name}\" có hơn {max.ToString("N0", Vietnamese)} chuỗi, vượt giới hạn xử lý; hãy chép phụ lục sang một sổ tính mới rồi thử lại.",
        characters
            ? $"The shared-string table of the workbook \"{name}\" holds more than {max.ToString("N0", CultureInfo.InvariantCulture)} characters, over the processing limit; copy the appendix into a new workbook and try again."
            : $"The shared-string table of the workbook \"{name}\" holds more than {max.ToString("N0", CultureInfo.InvariantCulture)} strings, over the processing limit; copy the appendix into a new workbook and try again.");

    public static DocumentReadException TooLargeToWrite(string name, long max) => new(
        ReadError.TooLarge,
        $"Nội dung XML của tệp \"{name}\" lớn hơn {Megabytes(max, Vietnamese)} MB nên không thể ghi sửa an toàn; hãy tách phụ lục ra tệp riêng rồi thử lại (kiểm tra vẫn dùng được).",
        $"The XML content of \"{name}\" is larger than {Megabytes(max, CultureInfo.InvariantCulture)} MB, too large to rewrite safely; save the appendix as a file of its own and try again (checking still works).");

    public static DocumentReadException Corrupt(string name, Exception? inner = null) => new(
        ReadError.Corrupt,
        $"Tệp \"{name}\" bị hỏng hoặc không đầy đủ (có thể tải về chưa xong); hãy mở tệp bằng Word hoặc Excel để sửa, lưu lại rồi thử lại.",
        $"The file \"{name}\" is damaged or incomplete (perhaps not fully downloaded); open it in Word or Excel to repair it, save it and try again.",
        inner);

    public static DocumentReadException Unsupported(string name) => new(
        ReadError.Unsupported,
        $"Tệp \"{name}\" là tài liệu Office nhưng không phải Word hay Excel (ví dụ PowerPoint); hãy chọn tệp báo cáo .docx hoặc .xlsx.",
        $"The file \"{name}\" is an Office document but neither Word nor Excel (PowerPoint, for example); choose the report's .docx or .xlsx file.");

    /// <summary>The file holds no appendix: what was looked for, and what each of its tables was instead.</summary>
    public static DocumentReadException NoAppendix(string name, AppendixSearch search) => new(
        ReadError.NoAppendix,
        $"Tệp \"{name}\": {search.Explanation} Hãy kiểm tra đây đúng là báo cáo có phụ lục thống kê CCHC.",
        $"File \"{name}\": {search.ExplanationEn} Check that this is the report with its CCHC statistical appendix.");

    private static string Megabytes(long bytes, CultureInfo culture) =>
        (bytes / (1024.0 * 1024.0)).ToString("0.#", culture);
}
