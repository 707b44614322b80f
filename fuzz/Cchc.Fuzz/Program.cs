using Cchc.Appendix.Checking;
using Cchc.OpenXml;
using SharpFuzz;

// The fuzz target: any bytes through the reader and the engine, exactly as cchc check and the host take a
// file. A DocumentReadException is the reader doing its job; anything else escaping is a finding.
//   afl       Cchc.Fuzz           (stdin, out-of-process, for afl-fuzz)
//   libFuzzer Cchc.Fuzz libfuzzer (for libfuzzer-dotnet)
//   replay    Cchc.Fuzz replay FILE|DIR…  (no instrumentation: re-run saved inputs, print what each gives)
//   seeds     Cchc.Fuzz seeds DIR    (writes a small .docx and .xlsx appendix to start a corpus from)
switch (args)
{
    case ["seeds", var directory]:
        Seeds.Write(directory);
        return 0;
    case ["libfuzzer"]:
        Fuzzer.LibFuzzer.Run(span => Target.Run(span.ToArray()));
        return 0;
    case ["replay", .. var paths]:
        return Target.Replay(paths, Console.Out);
    default:
        Fuzzer.OutOfProcess.Run(stream =>
        {
            using var memory = new MemoryStream();
            stream.CopyTo(memory);
            Target.Run(memory.ToArray());
        });
        return 0;
}

internal static class Target
{
    /// <summary>Small enough that a fuzzer's inputs never reach them by size alone, so limits are tested, not hit.</summary>
    private static readonly ReadLimits Limits = new(MaxFileBytes: 1024 * 1024, MaxUncompressedBytes: 16 * 1024 * 1024, MaxRows: 20_000);

    public static void Run(byte[] bytes)
    {
        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            var snapshot = AppendixDocument.Read(stream, "fuzz.docx", Limits);
            AppendixChecker.Default.Check(snapshot);
        }
        catch (DocumentReadException)
        {
            // A clear refusal is the right answer to a broken file.
        }
    }

    public static int Replay(IEnumerable<string> paths, TextWriter output)
    {
        var failed = 0;
        foreach (var file in paths.SelectMany(p => Directory.Exists(p) ? Directory.EnumerateFiles(p) : [p]))
        {
            try
            {
                Run(File.ReadAllBytes(file));
                output.WriteLine($"ok\t{file}");
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                failed++;
                output.WriteLine($"CRASH\t{file}\t{e.GetType().Name}: {e.Message}");
            }
        }

        return failed == 0 ? 0 : 1;
    }
}
