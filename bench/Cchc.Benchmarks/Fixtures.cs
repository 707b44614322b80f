using Cchc.Appendix.Table;
using Cchc.OpenXml;

namespace Cchc.Benchmarks;

/// <summary>The real appendices of samples/, as bytes and as snapshots, found wherever the benchmark runs from.</summary>
public static class Fixtures
{
    public const string Q3Docx = "ngan-nam-2022-q3.docx";
    public const string Q3Xlsx = "ngan-nam-2022-q3.xlsx";
    public const string Q2Docx = "ngan-nam-2022-q2.docx";

    public static byte[] Bytes(string name) => File.ReadAllBytes(Locate(name));

    public static TableSnapshot Snapshot(string name)
    {
        using var stream = new MemoryStream(Bytes(name), writable: false);
        return AppendixDocument.Read(stream, name);
    }

    /// <summary>
    /// The copy beside the assembly (linked into the build output), else samples/ in a parent folder:
    /// BenchmarkDotNet runs each benchmark from a generated project in a folder of its own.
    /// </summary>
    public static string Locate(string name)
    {
        var beside = Path.Combine(AppContext.BaseDirectory, "Fixtures", name);
        if (File.Exists(beside))
        {
            return beside;
        }

        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "samples", name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"The fixture {name} is neither beside the benchmark nor in a samples/ folder above it.", name);
    }
}
