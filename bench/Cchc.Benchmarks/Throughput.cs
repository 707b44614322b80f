using System.Diagnostics;
using System.Globalization;
using Cchc.Appendix.Checking;
using Cchc.OpenXml;

namespace Cchc.Benchmarks;

/// <summary>
/// Documents per second, measured the way bench/peers measures mammoth, ExcelJS and SheetJS: the file read
/// into memory once, a warm-up, then N rounds of read + check timed with a stopwatch. One tab-separated line
/// per file: tool, file, iterations, seconds, docs/s.
/// </summary>
public static class Throughput
{
    public static int Run(int iterations, IReadOnlyList<string> files, TextWriter output)
    {
        foreach (var file in files)
        {
            var path = File.Exists(file) ? file : Fixtures.Locate(file);
            var bytes = File.ReadAllBytes(path);
            var name = Path.GetFileName(path);

            var warmUp = Math.Max(5, iterations / 10);
            var sink = 0;
            for (var i = 0; i < warmUp; i++)
            {
                sink += Once(bytes, name);
            }

            var stopwatch = Stopwatch.StartNew();
            for (var i = 0; i < iterations; i++)
            {
                sink += Once(bytes, name);
            }

            stopwatch.Stop();
            var seconds = stopwatch.Elapsed.TotalSeconds;
            output.WriteLine(string.Join(
                '\t',
                "cchc read+check (.NET)",
                name,
                iterations.ToString(CultureInfo.InvariantCulture),
                seconds.ToString("F3", CultureInfo.InvariantCulture),
                (iterations / seconds).ToString("F1", CultureInfo.InvariantCulture),
                $"findings={sink / (warmUp + iterations)}"));
        }

        return 0;
    }

    private static int Once(byte[] bytes, string name)
    {
        using var stream = new MemoryStream(bytes, writable: false);
        return AppendixChecker.Default.Check(AppendixDocument.Read(stream, name)).Findings.Count;
    }
}
