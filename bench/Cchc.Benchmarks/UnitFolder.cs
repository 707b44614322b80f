using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace Cchc.Benchmarks;

/// <summary>
/// A country's worth of units for the consolidation benchmark (bench/consolidate.sh): the real quarter III appendix
/// (211 rows, a district form with its real faults), Word and Excel in turn, each filed under a unit of its own by
/// rewriting the unit in its title. Every document is as costly to read and check as the real one.
/// </summary>
internal static class UnitFolder
{
    private const string Unit = "THỊ XÃ NGÃ NĂM";

    public static int Write(int count, string folder)
    {
        Directory.CreateDirectory(folder);
        var docx = Fixtures.Bytes(Fixtures.Q3Docx);
        var xlsx = Fixtures.Bytes(Fixtures.Q3Xlsx);
        for (var i = 1; i <= count; i++)
        {
            var name = $"XÃ THỬ NGHIỆM {i.ToString("D4", CultureInfo.InvariantCulture)}";
            var word = i % 2 == 1;
            var bytes = Renamed(word ? docx : xlsx, word ? "word/document.xml" : "xl/sharedStrings.xml", name);
            File.WriteAllBytes(Path.Combine(folder, $"xa-thu-nghiem-{i.ToString("D4", CultureInfo.InvariantCulture)}.{(word ? "docx" : "xlsx")}"), bytes);
        }

        return count;
    }

    /// <summary>The package with the unit in the part's text replaced; the title line holds it in one run in both files.</summary>
    private static byte[] Renamed(byte[] package, string part, string unit)
    {
        using var memory = new MemoryStream();
        memory.Write(package);
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Update, leaveOpen: true))
        {
            var entry = zip.GetEntry(part) ?? throw new InvalidOperationException($"{part} is missing from the fixture.");
            string xml;
            using (var reader = new StreamReader(entry.Open(), Encoding.UTF8))
            {
                xml = reader.ReadToEnd();
            }

            if (!xml.Contains(Unit, StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"The fixture's {part} no longer names {Unit} in one run.");
            }

            entry.Delete();
            using var writer = new StreamWriter(zip.CreateEntry(part, CompressionLevel.Optimal).Open(), new UTF8Encoding(false));
            writer.Write(xml.Replace(Unit, unit, StringComparison.Ordinal));
        }

        return memory.ToArray();
    }
}
