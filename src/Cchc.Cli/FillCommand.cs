using System.CommandLine;
using Cchc.Appendix.Filling;
using Cchc.OpenXml.Writing;

namespace Cchc.Cli;

/// <summary><c>cchc fill FILE --previous FILE --out OUT [--no-track] [--in-place]</c></summary>
internal static class FillCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var arguments = new RewriteArguments();
        var previous = CommonOptions.Previous();
        previous.Required = true;
        var noTrack = new Option<bool>("--no-track") { Description = "Ghi thẳng, không dùng theo dõi thay đổi (Track Changes) của Word." };
        var command = new Command("fill", "Điền sẵn các ô còn trống từ báo cáo kỳ trước (số tồn, căn cứ, lũy kế, tổng và tỷ lệ tính được); không ghi đè số đã nhập.")
        {
            previous, noTrack,
        };
        arguments.AddTo(command);

        command.SetAction((parsed, cancellationToken) =>
        {
            var previousFile = parsed.GetValue(previous)!;
            var job = arguments.Start(parsed, output, error, previousFile, cancellationToken);
            var last = job?.Inputs.ReadAppendix(previousFile, cancellationToken);
            if (job is null || last is null)
            {
                return Task.FromResult(CliApp.Unusable);
            }

            var plan = new PrefillPlanner(job.Checker).Plan(job.Current, last);
            return Task.FromResult(job.Rewrite.Write(job.Input, job.Destination, plan.Edits(), [], new WriteOptions(Track: !parsed.GetValue(noTrack)), job.Checker, cancellationToken));
        });

        return command;
    }
}
