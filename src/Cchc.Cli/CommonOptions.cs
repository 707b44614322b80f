using System.CommandLine;

namespace Cchc.Cli;

/// <summary>Options several commands share, each created anew per command (an option belongs to one parent).</summary>
internal static class CommonOptions
{
    public static Argument<FileInfo> File() => new("file")
    {
        Description = "Tệp báo cáo .docx hoặc .xlsx chứa phụ lục.",
    };

    public static Option<FileInfo?> Previous() => new("--previous")
    {
        Description = "Tệp báo cáo kỳ trước của cùng đơn vị, để kiểm tra số lũy kế và số liệu tồn.",
    };

    public static Option<string> Language()
    {
        var option = new Option<string>("--lang")
        {
            Description = "Ngôn ngữ thông báo: vi (mặc định) hoặc en.",
            DefaultValueFactory = _ => "vi",
        };
        option.AcceptOnlyFromAmong("vi", "en");
        return option;
    }

    public static Option<DirectoryInfo?> TemplateDirectory() => new("--templates")
    {
        Description = "Thư mục chứa mẫu phụ lục (*.json) của tỉnh, dùng thêm cho các mẫu có sẵn.",
    };

    public static Option<FileInfo?> Output() => new("--out")
    {
        Description = "Tệp kết quả (.docx/.xlsx); được ghi qua một tệp tạm rồi đổi tên, không bao giờ dở dang.",
    };

    public static Option<bool> InPlace() => new("--in-place")
    {
        Description = "Cho phép ghi đè lên chính tệp đầu vào.",
    };

    public static Option<DirectoryInfo> ArchiveDirectory() => new("--archive")
    {
        Description = "Thư mục kho lưu trữ báo cáo, sắp xếp {đơn vị}/{năm}/{kỳ}/ (mặc định: biến môi trường CCHC_ARCHIVE, nếu không có thì thư mục archive).",
        DefaultValueFactory = _ => new DirectoryInfo(Environment.GetEnvironmentVariable("CCHC_ARCHIVE") is { Length: > 0 } root ? root : "archive"),
    };
}
