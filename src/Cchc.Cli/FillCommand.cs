using System.CommandLine;
using Cchc.Appendix.Checking;
using Cchc.Appendix.Filling;
using Cchc.OpenXml.Writing;

namespace Cchc.Cli;

/// <summary><c>cchc fill FILE --previous FILE --out OUT [--no-track] [--in-place]</c></summary>
internal static class FillCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var file = CommonOptions.File();
        var previous = CommonOptions.Previous();
        previous.Required = true;
        var language = CommonOptions.Language();
        var templates = CommonOptions.TemplateDirectory();
        var target = CommonOptions.Output();
        var inPlace = CommonOptions.InPlace();
        var noTrack = new Option<bool>("--no-track") { Description = "Ghi thẳng, không dùng theo dõi thay đổi (Track Changes) của Word." };
        var command = new Command("fill", "Điền sẵn các ô còn trống từ báo cáo kỳ trước (số tồn, căn cứ, lũy kế, tổng và tỷ lệ tính được); không ghi đè số đã nhập.")
        {
            file, previous, target, noTrack, inPlace, language, templates,
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
            var last = current is null ? null : inputs.ReadAppendix(parsed.GetValue(previous)!);
            if (current is null || last is null)
            {
                return CliApp.Unusable;
            }

            var checker = new AppendixChecker(catalog!);
            var plan = new PrefillPlanner(checker).Plan(current, last);
            return rewrite.Write(input, destination!, plan.Edits(), [], new WriteOptions(Track: !parsed.GetValue(noTrack)), checker);
        });

        return command;
    }
}
