using System.CommandLine;
using Cchc.Appendix.Checking;

namespace Cchc.Cli;

/// <summary><c>cchc check FILE [--previous FILE] [--json] [--lang vi|en] [--templates DIR]</c></summary>
internal static class CheckCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var file = CommonOptions.File();
        var previous = CommonOptions.Previous();
        var language = CommonOptions.Language();
        var templates = CommonOptions.TemplateDirectory();
        var json = new Option<bool>("--json") { Description = "In kết quả dạng JSON (cho chương trình khác đọc)." };
        var fromArchive = new Option<bool>("--previous-from-archive") { Description = "Lấy báo cáo kỳ trước của cùng đơn vị từ kho lưu trữ (thư mục --archive)." };
        var archive = CommonOptions.ArchiveDirectory();
        var command = new Command("check", "Kiểm tra phụ lục: đơn vị tính, kiểu số liệu, tổng, thứ tự, tỷ lệ, kỳ báo cáo, đánh số, tiêu đề.")
        {
            file, previous, fromArchive, archive, json, language, templates,
        };

        command.SetAction(parsed =>
        {
            var english = parsed.GetValue(language) == "en";
            var inputs = new InputFiles(english, error);
            var catalog = inputs.Templates(parsed.GetValue(templates));
            var current = catalog is null ? null : inputs.ReadAppendix(parsed.GetValue(file)!);
            if (current is null)
            {
                return CliApp.Unusable;
            }

            var previousFile = parsed.GetValue(previous);
            if (previousFile is not null && parsed.GetValue(fromArchive))
            {
                error.WriteLine(english ? "Use either --previous or --previous-from-archive, not both." : "Chỉ dùng một trong hai: --previous hoặc --previous-from-archive.");
                return CliApp.Unusable;
            }

            var previousSnapshot = previousFile is null ? null : inputs.ReadAppendix(previousFile);
            if (previousFile is not null && previousSnapshot is null)
            {
                return CliApp.Unusable;
            }

            if (parsed.GetValue(fromArchive))
            {
                var lookup = ArchiveLookups.Previous(current, parsed.GetValue(archive)!, english, error);
                if (!lookup.Usable)
                {
                    return CliApp.Unusable;
                }

                previousSnapshot = lookup.Snapshot;
            }

            var report = new AppendixChecker(catalog!).Check(current, previousSnapshot);
            var fileName = parsed.GetValue(file)!.Name;
            if (parsed.GetValue(json))
            {
                JsonReport.Write(output, fileName, current, report, english);
            }
            else
            {
                HumanReport.Write(output, fileName, current, report, english, Colours.For(output));
            }

            return report.Summary.Errors > 0 ? CliApp.ErrorsFound : CliApp.Clean;
        });

        return command;
    }
}
