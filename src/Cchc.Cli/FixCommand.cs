using System.CommandLine;
using Cchc.Appendix.Checking;
using Cchc.Appendix.Editing;
using Cchc.OpenXml.Writing;

namespace Cchc.Cli;

/// <summary><c>cchc fix FILE --out OUT [--previous FILE] [--only CODE,…] [--no-track] [--clear] [--in-place]</c></summary>
internal static class FixCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var arguments = new RewriteArguments();
        var previous = CommonOptions.Previous();
        var only = new Option<string?>("--only") { Description = "Chỉ sửa và đánh dấu các lỗi có mã này (phân cách bằng dấu phẩy), ví dụ UNIT_MISMATCH,VALUE_MISSING." };
        var noTrack = new Option<bool>("--no-track") { Description = "Ghi thẳng, không dùng theo dõi thay đổi (Track Changes) của Word." };
        var clear = new Option<bool>("--clear") { Description = "Chỉ gỡ các nhận xét, ghi chú, tô màu của lần kiểm tra trước; không sửa gì." };
        var command = new Command("fix", "Ghi các đề xuất sửa vào tài liệu (theo dõi thay đổi) và đánh dấu mọi ô có lỗi bằng nhận xét.")
        {
            previous, only, noTrack, clear,
        };
        arguments.AddTo(command);

        command.SetAction((parsed, cancellationToken) =>
        {
            var codes = Codes(parsed.GetValue(only), arguments.English(parsed), error, out var codesValid);
            var previousFile = parsed.GetValue(previous);
            var job = codesValid ? arguments.Start(parsed, output, error, previousFile, cancellationToken) : null;
            if (job is null)
            {
                return Task.FromResult(CliApp.Unusable);
            }

            var previousSnapshot = previousFile is null ? null : job.Inputs.ReadAppendix(previousFile, cancellationToken);
            if (previousFile is not null && previousSnapshot is null)
            {
                return Task.FromResult(CliApp.Unusable);
            }

            var options = new WriteOptions(Track: !parsed.GetValue(noTrack), Clear: parsed.GetValue(clear));
            if (options.Clear)
            {
                return Task.FromResult(job.Rewrite.Write(job.Input, job.Destination, [], [], options, job.Checker, cancellationToken));
            }

            var report = job.Checker.Check(job.Current, previousSnapshot);
            return Task.FromResult(job.Rewrite.Write(job.Input, job.Destination, Corrections.Edits(report, job.Current, codes), Corrections.Marks(report, codes), options, job.Checker, cancellationToken));
        });

        return command;
    }

    /// <summary>The codes of --only, or null for all; <paramref name="valid"/> false (with the known codes printed) when one is unknown.</summary>
    private static HashSet<string>? Codes(string? only, bool english, TextWriter error, out bool valid)
    {
        valid = true;
        if (only is null)
        {
            return null;
        }

        var codes = only.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(c => c.ToUpperInvariant()).ToHashSet();
        var unknown = codes.Where(c => !AppendixChecker.RuleCodes.Contains(c)).ToList();
        if (codes.Count == 0 || unknown.Count > 0)
        {
            valid = false;
            var known = string.Join(", ", AppendixChecker.RuleCodes);
            error.WriteLine(english
                ? $"Unknown rule code{(unknown.Count == 1 ? string.Empty : "s")} in --only: {string.Join(", ", unknown)}. Known codes: {known}."
                : $"Mã lỗi không có trong --only: {string.Join(", ", unknown)}. Các mã hợp lệ: {known}.");
        }

        return codes;
    }
}
