using Cchc.Appendix.Header;
using Cchc.Appendix.Table;
using Cchc.SharePoint;

namespace Cchc.Cli;

/// <summary>
/// The previous period's report from the folder archive. The command line reads the folder archive only:
/// SharePoint is reached on behalf of a signed-in user, which is the host's business.
/// </summary>
internal static class ArchiveLookups
{
    /// <summary>Usable with a null snapshot means the archive has no previous report: an answer, not an error.</summary>
    public sealed record Result(bool Usable, TableSnapshot? Snapshot);

    public static Result Previous(TableSnapshot current, DirectoryInfo root, bool english, TextWriter error)
    {
        var header = HeaderParser.Parse(current.TitleLines);
        if (header.Unit is null || header.Period is null)
        {
            error.WriteLine(english
                ? "The title names no reporting unit or period, so the previous report cannot be looked up; use --previous FILE."
                : "Tiêu đề không ghi rõ đơn vị hoặc kỳ báo cáo nên không tìm được báo cáo kỳ trước; hãy dùng --previous TỆP.");
            return new Result(false, null);
        }

        if (!root.Exists)
        {
            error.WriteLine(english ? $"The archive folder “{root.Name}” does not exist." : $"Không tìm thấy thư mục kho lưu trữ “{root.Name}”.");
            return new Result(false, null);
        }

        try
        {
            using var archive = new FolderReportArchive(root.FullName);
            var found = archive.FindPreviousAsync(header.Unit, header.Period).GetAwaiter().GetResult();
            if (found is null)
            {
                var previous = header.Period.Previous();
                error.WriteLine(english
                    ? $"No report of {header.Unit} for {previous.ToEnglishString()} in the archive; checking without the previous period."
                    : $"Kho lưu trữ chưa có báo cáo {previous} của {header.Unit}; kiểm tra không so với kỳ trước.");
                return new Result(true, null);
            }

            return new Result(true, archive.ReadReportAsync(found).GetAwaiter().GetResult());
        }
        catch (ArchiveException ex)
        {
            error.WriteLine(english ? ex.MessageEn : ex.Message);
            return new Result(false, null);
        }
    }
}
