using Cchc.Appendix.Table;
using Cchc.Appendix.Templates;
using Cchc.OpenXml;

namespace Cchc.Cli;

/// <summary>
/// Reads what the user named on the command line, turning every way it can fail into one sentence in the
/// user's language instead of a stack trace.
/// </summary>
internal sealed class InputFiles(bool english, TextWriter error)
{
    public bool English { get; } = english;

    public TableSnapshot? ReadAppendix(FileInfo file, CancellationToken cancellationToken = default)
    {
        try
        {
            if (!file.Exists)
            {
                return Fail(
                    Directory.Exists(file.FullName)
                        ? $"“{file.Name}” là một thư mục, không phải tệp báo cáo. Hãy chỉ ra tệp .docx hoặc .xlsx."
                        : $"Không tìm thấy tệp “{file.Name}”. Hãy kiểm tra lại tên và đường dẫn.",
                    Directory.Exists(file.FullName)
                        ? $"“{file.Name}” is a folder, not a report. Name a .docx or .xlsx file."
                        : $"The file “{file.Name}” does not exist. Check the name and path.");
            }

            return AppendixDocument.ReadFile(file.FullName, cancellationToken: cancellationToken);
        }
        catch (DocumentReadException ex)
        {
            return Fail($"{file.Name}: {ex.Message}", $"{file.Name}: {ex.MessageEn}");
        }
        catch (UnauthorizedAccessException)
        {
            return Fail($"Không có quyền đọc tệp “{file.Name}”.", $"No permission to read “{file.Name}”.");
        }
        catch (IOException ex)
        {
            return Fail($"Không đọc được tệp “{file.Name}”: {ex.Message}", $"Could not read “{file.Name}”: {ex.Message}");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A reader fault is still one sentence and exit 2, never a stack trace: the user can do nothing with one.
            return Fail(
                $"{file.Name}: Tệp có cấu trúc bất thường nên không đọc được; hãy mở bằng Word hoặc Excel, lưu lại rồi thử lại.",
                $"{file.Name}: The file has an unusual structure and cannot be read; open it in Word or Excel, save it again and retry.");
        }
    }

    public TemplateCatalog? Templates(DirectoryInfo? directory)
    {
        if (directory is null)
        {
            return TemplateCatalog.Embedded;
        }

        if (!directory.Exists)
        {
            Fail($"Không tìm thấy thư mục mẫu “{directory.Name}”.", $"The template folder “{directory.Name}” does not exist.");
            return null;
        }

        try
        {
            return TemplateCatalog.Embedded.WithDirectory(directory.FullName);
        }
        catch (TemplateException ex)
        {
            Fail(ex.Message, ex.MessageEn);
            return null;
        }
        catch (IOException ex)
        {
            Fail($"Không đọc được thư mục mẫu: {ex.Message}", $"Could not read the template folder: {ex.Message}");
            return null;
        }
    }

    private TableSnapshot? Fail(string vi, string en)
    {
        error.WriteLine(English ? en : vi);
        return null;
    }
}
