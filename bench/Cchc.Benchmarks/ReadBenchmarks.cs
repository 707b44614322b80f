using System.IO.Compression;
using System.Xml;
using BenchmarkDotNet.Attributes;
using Cchc.Appendix.Checking;
using Cchc.Appendix.Table;
using Cchc.OpenXml;
using DocumentFormat.OpenXml.Packaging;

namespace Cchc.Benchmarks;

/// <summary>
/// Reading the real Q3 appendix from memory, against the physical limit: a bare pass that inflates the parts
/// holding the table and walks them with <see cref="XmlReader"/>, building nothing. Same bytes, same process,
/// same class, so the Ratio column is the cost of everything we do beyond touching every byte once.
/// </summary>
[MemoryDiagnoser]
public class ReadBenchmarks
{
    private static readonly XmlReaderSettings BareSettings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreWhitespace = false,
    };

    private byte[] _bytes = null!;
    private string _name = null!;

    [Params("docx", "xlsx")]
    public string Format { get; set; } = "docx";

    [GlobalSetup]
    public void Setup()
    {
        _name = Format == "docx" ? Fixtures.Q3Docx : Fixtures.Q3Xlsx;
        _bytes = Fixtures.Bytes(_name);
    }

    /// <summary>
    /// The floor: unzip and walk the parts that hold the appendix's text. For .docx that is the main part;
    /// for .xlsx the main part (workbook.xml) holds no cells, so the worksheets and the shared strings are walked.
    /// </summary>
    [Benchmark(Baseline = true, Description = "bare unzip + XmlReader walk")]
    public long BareXmlPass()
    {
        using var zip = new ZipArchive(new MemoryStream(_bytes, writable: false), ZipArchiveMode.Read);
        long characters = 0;
        foreach (var entry in zip.Entries)
        {
            if (!IsTablePart(entry.FullName))
            {
                continue;
            }

            using var reader = XmlReader.Create(entry.Open(), BareSettings);
            while (reader.Read())
            {
                if (reader.NodeType is XmlNodeType.Text or XmlNodeType.SignificantWhitespace)
                {
                    characters += reader.Value.Length;
                }
            }
        }

        return characters;
    }

    /// <summary>
    /// What the OpenXml SDK costs before a byte of the table is read: opening the package (content types, every
    /// relationship, a part object per part) and resolving the parts that hold the table, with nothing inflated
    /// beyond the package's own description. Kept as a measure of the alternative the readers no longer take.
    /// </summary>
    [Benchmark(Description = "open package (OpenXml SDK), no part read")]
    public int OpenPackageWithSdk()
    {
        using var memory = new MemoryStream(_bytes, writable: false);
        if (Format == "docx")
        {
            using var word = WordprocessingDocument.Open(memory, false);
            return word.MainDocumentPart is null ? 0 : 1;
        }

        using var excel = SpreadsheetDocument.Open(memory, false);
        var workbook = excel.WorkbookPart;
        return workbook is null ? 0 : workbook.WorksheetParts.Count() + (workbook.SharedStringTablePart is null ? 0 : 1);
    }

    /// <summary>The same parts resolved straight from the zip: the central directory and the package's relationships, nothing else.</summary>
    [Benchmark(Description = "open zip + read relationships, no part read")]
    public int OpenZipAndRelationships()
    {
        using var zip = new ZipArchive(new MemoryStream(_bytes, writable: false), ZipArchiveMode.Read);
        var found = 0;
        foreach (var entry in zip.Entries)
        {
            if (!entry.FullName.EndsWith(".rels", StringComparison.Ordinal))
            {
                continue;
            }

            using var reader = XmlReader.Create(entry.Open(), BareSettings);
            while (reader.Read())
            {
                found += reader.NodeType == XmlNodeType.Element && reader.LocalName == "Relationship" ? 1 : 0;
            }
        }

        return found;
    }

    /// <summary>The adapter's share: the package inspected and parsed into blocks, before the appendix is found.</summary>
    [Benchmark(Description = "read blocks (OpenXml SDK)")]
    public int ReadBlocks()
    {
        using var stream = new MemoryStream(_bytes, writable: false);
        return AppendixDocument.ReadBlocks(stream, _name).Count;
    }

    [Benchmark(Description = "read")]
    public TableSnapshot Read()
    {
        using var stream = new MemoryStream(_bytes, writable: false);
        return AppendixDocument.Read(stream, _name);
    }

    [Benchmark(Description = "read + check")]
    public CheckReport ReadAndCheck()
    {
        using var stream = new MemoryStream(_bytes, writable: false);
        return AppendixChecker.Default.Check(AppendixDocument.Read(stream, _name));
    }

    private bool IsTablePart(string entry) => Format == "docx"
        ? entry == "word/document.xml"
        : entry == "xl/sharedStrings.xml" || (entry.StartsWith("xl/worksheets/", StringComparison.Ordinal) && entry.EndsWith(".xml", StringComparison.Ordinal));
}
