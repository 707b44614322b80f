namespace Cchc.SharePoint;

/// <summary>The archive's failures, each with one Vietnamese sentence saying what happened and what to do, and its English twin.</summary>
internal static class ArchiveErrors
{
    public static ArchiveException Conflict(Exception? inner = null) => new(
        ArchiveError.Conflict,
        "Báo cáo này đã được người khác sửa từ khi bạn mở; hãy mở lại bản mới nhất.",
        "Someone changed this report since you opened it; open the latest version again.",
        inner);

    public static ArchiveException AlreadyExists(string fileName, Exception? inner = null) => new(
        ArchiveError.Conflict,
        $"Kho lưu trữ đã có tệp \"{fileName}\" cho kỳ này; hãy mở bản đó để thay thế, không ghi đè khi chưa xem.",
        $"The archive already holds \"{fileName}\" for this period; open it to replace it rather than overwrite it unseen.",
        inner);

    public static ArchiveException ConsentRequired(string? claims, Exception? inner = null) => new(
        ArchiveError.ConsentRequired,
        "Cần đăng nhập lại hoặc cấp quyền truy cập SharePoint cho ứng dụng để dùng kho lưu trữ báo cáo.",
        "Sign in again or grant the add-in access to SharePoint to use the report archive.",
        inner)
    { Claims = claims };

    public static ArchiveException AccessDenied(Exception? inner = null) => new(
        ArchiveError.ConsentRequired,
        "Tài khoản của bạn không có quyền với thư viện báo cáo trên SharePoint; hãy xin quyền từ quản trị site hoặc cấp quyền cho ứng dụng.",
        "Your account has no access to the report library in SharePoint; ask the site owner for access or grant the add-in consent.",
        inner);

    public static ArchiveException Throttled(Exception? inner = null) => new(
        ArchiveError.Throttled,
        "SharePoint đang quá tải và yêu cầu chờ; hãy thử lại sau ít phút.",
        "SharePoint is busy and asked us to wait; try again in a few minutes.",
        inner);

    public static ArchiveException InvalidUnit(string unit) => new(
        ArchiveError.InvalidName,
        $"Tên đơn vị \"{Shorten(unit)}\" không dùng được làm thư mục lưu trữ: cần có ít nhất một chữ cái hoặc chữ số.",
        $"The unit name \"{Shorten(unit)}\" cannot name an archive folder: it needs at least one letter or digit.");

    public static ArchiveException InvalidFileName(string fileName, string reasonVi, string reasonEn) => new(
        ArchiveError.InvalidName,
        $"Tên tệp \"{Shorten(fileName)}\" không hợp lệ: {reasonVi}.",
        $"The file name \"{Shorten(fileName)}\" is not valid: {reasonEn}.");

    public static ArchiveException InvalidLocation() => new(
        ArchiveError.InvalidName,
        "Vị trí báo cáo không thuộc kho lưu trữ; hãy tìm lại báo cáo trong kho.",
        "The report's location is outside the archive; look the report up again.");

    public static ArchiveException TooLarge(long maxBytes) => new(
        ArchiveError.UnreadableReport,
        $"Tệp báo cáo lớn hơn giới hạn {maxBytes / (1024 * 1024)} MB của kho lưu trữ; một phụ lục thật chỉ vài trăm KB — hãy kiểm tra lại tệp.",
        $"The report file is larger than the archive's {maxBytes / (1024 * 1024)} MB limit; a real appendix is a few hundred KB — check the file.");

    public static ArchiveException Unreadable(string fileName, string reasonVi, string reasonEn, Exception? inner = null) => new(
        ArchiveError.UnreadableReport,
        $"Không đọc được báo cáo \"{fileName}\" trong kho lưu trữ: {reasonVi}",
        $"The archived report \"{fileName}\" cannot be read: {reasonEn}",
        inner);

    public static ArchiveException Gone(string fileName) => new(
        ArchiveError.Unavailable,
        $"Báo cáo \"{fileName}\" không còn trong kho lưu trữ; có thể ai đó đã xoá hoặc chuyển nó. Hãy tìm lại.",
        $"The report \"{fileName}\" is no longer in the archive; someone may have deleted or moved it. Look it up again.");

    public static ArchiveException Unavailable(Exception? inner = null) => new(
        ArchiveError.Unavailable,
        "Không truy cập được kho lưu trữ báo cáo; hãy thử lại sau hoặc báo quản trị hệ thống.",
        "The report archive cannot be reached; try again later or tell the administrator.",
        inner);

    public static ArchiveException SiteNotFound(string site, Exception? inner = null) => new(
        ArchiveError.Unavailable,
        $"Không tìm thấy site SharePoint \"{site}\" của kho lưu trữ, hoặc tài khoản của bạn không thấy site này; hãy báo quản trị kiểm tra cấu hình Archive:SharePoint.",
        $"The archive's SharePoint site \"{site}\" was not found, or your account cannot see it; ask the administrator to check the Archive:SharePoint settings.",
        inner);

    public static ArchiveException LibraryNotFound(string library) => new(
        ArchiveError.Unavailable,
        $"Site SharePoint không có thư viện tài liệu \"{library}\"; hãy báo quản trị kiểm tra Archive:SharePoint:Library.",
        $"The SharePoint site has no document library \"{library}\"; ask the administrator to check Archive:SharePoint:Library.");

    private static string Shorten(string text) => text.Length <= 80 ? text.Replace('\0', '?') : string.Concat(text.AsSpan(0, 77), "…").Replace('\0', '?');
}
