using System.Diagnostics;
using System.Globalization;
using Cchc.Appendix.Checking;
using Cchc.Appendix.Table;

namespace Cchc.Benchmarks;

/// <summary>
/// CPU time of the whole process (garbage collection included) and bytes allocated per check, for one case of the
/// engine's benchmarks: on cores shared with other work, wall times swing several times over while CPU time moves
/// little, so a before and an after run alternately, one case per process, can be compared by ratio. Run with
/// <c>DOTNET_TieredCompilation=0</c> so that both run fully optimised code from the first call.
/// Prints: case, µs CPU per check, µs wall per check, KB allocated per check, µs CPU per row, KB per row.
/// </summary>
public static class CpuTime
{
    public static int Run(string name, TextWriter output)
    {
        var q3 = Fixtures.Snapshot(Fixtures.Q3Docx);
        var q2 = Fixtures.Snapshot(Fixtures.Q2Docx);
        var noRules = new CheckOptions(OnlyCodes: new HashSet<string>());
        (int Rows, int Iterations, Func<CheckReport> Check)? chosen = name switch
        {
            "fixture" => (211, 4000, () => AppendixChecker.Default.Check(q3)),
            "match+parse" => (211, 4000, () => AppendixChecker.Default.Check(q3, options: noRules)),
            "previous" => (211, 2000, () => AppendixChecker.Default.Check(q3, q2)),
            "unknown generic" => (211, 2000, () => UnknownForm.Checker.Check(q3)),
            "unknown learned" => (211, 2000, () => UnknownForm.Checker.Check(q3, q2)),
            "unknown 1000" => Synthetic(1_000, 200, (s, _) => UnknownForm.Checker.Check(s)),
            "unknown 10000" => Synthetic(10_000, 20, (s, _) => UnknownForm.Checker.Check(s)),
            "unknown learned 1000" => Synthetic(1_000, 80, (s, p) => UnknownForm.Checker.Check(s, p)),
            "unknown learned 10000" => Synthetic(10_000, 6, (s, p) => UnknownForm.Checker.Check(s, p)),
            "engine 1000" => Synthetic(1_000, 200, (s, _) => AppendixChecker.Default.Check(s)),
            "engine 10000" => Synthetic(10_000, 20, (s, _) => AppendixChecker.Default.Check(s)),
            "engine 100000" => Synthetic(100_000, 3, (s, _) => AppendixChecker.Default.Check(s)),
            _ => null,
        };
        if (chosen is not { } run)
        {
            output.WriteLine($"No case {name}.");
            return 2;
        }

        for (var i = 0; i < Math.Max(3, run.Iterations / 10); i++)
        {
            run.Check();
        }

        GC.Collect();
        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var bytes = GC.GetAllocatedBytesForCurrentThread();
        var wall = Stopwatch.StartNew();
        for (var i = 0; i < run.Iterations; i++)
        {
            run.Check();
        }

        wall.Stop();
        process.Refresh();
        var cpuMicroseconds = (process.TotalProcessorTime - cpu).TotalMicroseconds / run.Iterations;
        var kilobytes = (GC.GetAllocatedBytesForCurrentThread() - bytes) / 1024.0 / run.Iterations;
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{name}\t{cpuMicroseconds:F1}\t{wall.Elapsed.TotalMicroseconds / run.Iterations:F1}\t{kilobytes:F1}\t{cpuMicroseconds / run.Rows:F2}\t{kilobytes / run.Rows:F3}"));
        return 0;

        // The synthetic appendix and its previous quarter are built once, outside the timed checks.
        (int, int, Func<CheckReport>) Synthetic(int rows, int iterations, Func<TableSnapshot, TableSnapshot, CheckReport> check)
        {
            var snapshot = SyntheticAppendix.Build(q3, rows);
            var before = SyntheticAppendix.Build(q2, rows);
            return (rows, iterations, () => check(snapshot, before));
        }
    }
}
