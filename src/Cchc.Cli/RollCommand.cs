using System.CommandLine;
using Cchc.Appendix.Checking;
using Cchc.Appendix.Filling;
using Cchc.OpenXml.Writing;

namespace Cchc.Cli;

/// <summary><c>cchc roll FILE --out OUT [--in-place]</c></summary>
internal static class RollCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var file = CommonOptions.File();
        var language = CommonOptions.Language();
        var templates = CommonOptions.TemplateDirectory();
        var target = CommonOptions.Output();
        var inPlace = CommonOptions.InPlace();
        var command = new Command("roll", "Tạo phụ lục kỳ sau từ kỳ này: đổi kỳ ở tiêu đề, để trống số và ngày báo cáo, giữ số tồn, xóa số phát sinh, ghi số lũy kế vào ghi chú.")
        {
            file, target, inPlace, language, templates,
        };

        command.SetAction(parsed =>
        {
            var english = parsed.GetValue(language) == "en";
            var inputs = new InputFiles(english, error);
            var catalog = inputs.Templates(parsed.GetValue(templates));
            var rewrite = new DocumentRewrite(inputs, output, error);
            var input = parsed.GetValue(file)!;
            var destination = catalog is null ? null : rewrite.Target(input, parsed.GetValue(target), parsed.GetValue(inPlace));
            var current = destination is null ? null : inputs.ReadAppendix(input);
            if (current is null)
            {
                return CliApp.Unusable;
            }

            var checker = new AppendixChecker(catalog!);

            // Next period's document starts clean: its changes are the new report, not revisions for a reviewer of this one.
            return rewrite.Write(input, destination!, new RollForward(checker).Plan(current), [], new WriteOptions(Track: false), checker);
        });

        return command;
    }
}
