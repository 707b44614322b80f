using System.CommandLine;
using Cchc.Appendix.Filling;
using Cchc.OpenXml.Writing;

namespace Cchc.Cli;

/// <summary><c>cchc roll FILE --out OUT [--in-place]</c></summary>
internal static class RollCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var arguments = new RewriteArguments();
        var command = new Command("roll", "Tạo phụ lục kỳ sau từ kỳ này: đổi kỳ ở tiêu đề, để trống số và ngày báo cáo, giữ số tồn, xóa số phát sinh, ghi số lũy kế vào ghi chú.");
        arguments.AddTo(command);

        command.SetAction((parsed, cancellationToken) =>
        {
            var job = arguments.Start(parsed, output, error, previous: null, cancellationToken);
            if (job is null)
            {
                return Task.FromResult(CliApp.Unusable);
            }

            // Next period's document starts clean: its changes are the new report, not revisions for a reviewer of this one.
            return Task.FromResult(job.Rewrite.Write(job.Input, job.Destination, new RollForward(job.Checker).Plan(job.Current), [], new WriteOptions(Track: false), job.Checker, cancellationToken));
        });

        return command;
    }
}
