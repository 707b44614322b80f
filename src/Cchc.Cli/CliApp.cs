using System.CommandLine;

namespace Cchc.Cli;

/// <summary>
/// The command tree of <c>cchc</c>. Exit codes: 0 no error found, 1 errors found, 2 the input (or the
/// command line) could not be used — so scripts can tell a bad report from a bad call; 130 stopped by Ctrl+C.
/// </summary>
internal static class CliApp
{
    public const int Clean = 0;
    public const int ErrorsFound = 1;
    public const int Unusable = 2;

    /// <summary>Stopped by Ctrl+C or SIGTERM, as shells report a SIGINT: nothing was written.</summary>
    public const int Interrupted = 130;

    public static int Run(string[] args, TextWriter output, TextWriter error) => RunAsync(args, output, error).GetAwaiter().GetResult();

    /// <summary>
    /// Runs the command; Ctrl+C and SIGTERM cancel the commands that write, which then remove their temporary file and
    /// leave the output as it was.
    /// </summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        var root = new RootCommand("Kiểm tra và điền phụ lục thống kê báo cáo cải cách hành chính (CCHC) trong tệp .docx/.xlsx.")
        {
            CheckCommand.Create(output, error),
            FixCommand.Create(output, error),
            FillCommand.Create(output, error),
            RollCommand.Create(output, error),
            TemplateCommand.Create(output, error),
        };

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var parseError in parsed.Errors)
            {
                error.WriteLine($"Lệnh không hợp lệ: {parseError.Message} Gõ “cchc --help” để xem cách dùng.");
            }

            return Unusable;
        }

        return await parsed.InvokeAsync(new InvocationConfiguration { Output = output, Error = error }).ConfigureAwait(false);
    }
}
