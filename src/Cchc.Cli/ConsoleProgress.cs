using Spectre.Console;
using Spectre.Console.Rendering;

namespace Cchc.Cli;

/// <summary>
/// The progress of a long run on stderr: a Spectre.Console bar with the count, the rate and the time left while a
/// person watches a terminal; one closing line otherwise (a log, a script, a test), so captured output stays readable.
/// </summary>
internal static class ConsoleProgress
{
    public static async Task<T> RunAsync<T>(TextWriter error, bool english, int total, Func<IProgress<int>, Task<T>> work)
    {
        var started = TimeProvider.System.GetTimestamp();
        T result;
        if (ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected)
        {
            var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
            result = await console.Progress()
                .AutoClear(false)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new CountAndRateColumn(english), new RemainingTimeColumn(), new SpinnerColumn())
                .StartAsync(async context =>
                {
                    var task = context.AddTask(english ? "Reading" : "Đang đọc", maxValue: total);
                    var progress = new Progress<int>(done => task.Value = done);
                    var value = await work(progress).ConfigureAwait(false);
                    task.Value = total;
                    return value;
                }).ConfigureAwait(false);
        }
        else
        {
            result = await work(new Progress<int>()).ConfigureAwait(false);
        }

        var seconds = TimeProvider.System.GetElapsedTime(started).TotalSeconds;
        var rate = seconds > 0 ? total / seconds : total;
        error.WriteLine(english
            ? $"Read {total} files in {seconds:0.0} s ({rate:0.0} files/s)."
            : $"Đã đọc {total} tệp trong {seconds.ToString("0.0", Culture)} giây ({rate.ToString("0.0", Culture)} tệp/giây).");
        return result;
    }

    private static readonly System.Globalization.CultureInfo Culture = System.Globalization.CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>"1.234/3.321 tệp · 57,2 tệp/giây": Spectre's own transfer column counts bytes, not documents.</summary>
    private sealed class CountAndRateColumn(bool english) : ProgressColumn
    {
        public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime)
        {
            var culture = english ? System.Globalization.CultureInfo.InvariantCulture : Culture;
            var speed = (task.Speed ?? 0).ToString("0.0", culture);
            return new Text(english
                ? $"{task.Value:#,0}/{task.MaxValue:#,0} files · {speed} files/s"
                : $"{task.Value.ToString("#,0", culture)}/{task.MaxValue.ToString("#,0", culture)} tệp · {speed} tệp/giây");
        }
    }
}
