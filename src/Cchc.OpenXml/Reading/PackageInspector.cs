using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using System.Xml;

namespace Cchc.OpenXml.Reading;

/// <summary>
/// Decides what a file is from its bytes before any Office parser sees it: OLE compound files (legacy or
/// encrypted), OpenDocument, zip bombs and truncated archives are told apart here, each with its own message.
/// </summary>
internal static class PackageInspector
{
    private static readonly byte[] OleSignature = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    private static readonly byte[] ZipSignature = [0x50, 0x4B];

    /// <summary>Reads <paramref name="stream"/> to memory, refusing more than the limit without reading it all.</summary>
    public static byte[] Buffer(Stream stream, string name, ReadLimits limits)
    {
        // A stream that knows its length (a file, an upload held in memory) is refused past the limit before it is read,
        // and read once into an array of that size: copying through a buffer into a growing MemoryStream allocated three
        // times the file. A file cut short while it is read gives what it had, as the copy below would.
        if (stream.CanSeek)
        {
            var length = stream.Length - stream.Position;
            if (length > limits.MaxFileBytes)
            {
                throw ReadFailures.TooLarge(name, limits.MaxFileBytes);
            }

            if (length > 0)
            {
                var bytes = new byte[length];
                var got = stream.ReadAtLeast(bytes, bytes.Length, throwOnEndOfStream: false);
                return got == bytes.Length ? bytes : got > 0 ? bytes[..got] : throw ReadFailures.Empty(name);
            }
        }

        using var memory = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            if (memory.Length + read > limits.MaxFileBytes)
            {
                throw ReadFailures.TooLarge(name, limits.MaxFileBytes);
            }

            memory.Write(buffer, 0, read);
        }

        if (memory.Length == 0)
        {
            throw ReadFailures.Empty(name);
        }

        return memory.ToArray();
    }

    /// <summary>The kind of document <paramref name="bytes"/> hold, from the container's own description, inflating nothing else.</summary>
    public static DocumentKind Inspect(byte[] bytes, string name, ReadLimits limits) =>
        Inspect(bytes, name, limits, Inflation.None, declaredLengths: null, CancellationToken.None);

    /// <summary>
    /// The kind of document, for a reader that bounds each part while it parses it (<see cref="PartBudget"/>, through
    /// <see cref="PackageParts"/>, relationship parts included): nothing is inflated here beyond what telling the kind
    /// takes, since each part the reader walks is counted as it inflates; every entry's declared size is handed on.
    /// </summary>
    public static DocumentKind InspectForReading(byte[] bytes, string name, ReadLimits limits, out IReadOnlyDictionary<string, long> declaredLengths, CancellationToken cancellationToken = default)
    {
        var lengths = new Dictionary<string, long>(StringComparer.OrdinalIgnoreCase);
        declaredLengths = lengths;
        return Inspect(bytes, name, limits, Inflation.None, lengths, cancellationToken);
    }

    /// <summary>
    /// The kind of document, for a writer about to load its XML parts as element trees: every part is inflated once
    /// and counted, every XML part is walked with <see cref="XmlReader"/> for its nesting depth, and the XML parts
    /// together must fit <see cref="ReadLimits.MaxTreeBytes"/>. Nothing has been loaded as a tree when this refuses.
    /// </summary>
    public static DocumentKind InspectForWriting(byte[] bytes, string name, ReadLimits limits, CancellationToken cancellationToken = default) =>
        Inspect(bytes, name, limits, Inflation.Everything, declaredLengths: null, cancellationToken);

    private enum Inflation
    {
        None,
        Everything,
    }

    private static bool IsPackageDescription(string entryName) =>
        entryName.EndsWith(".rels", StringComparison.OrdinalIgnoreCase)
        || string.Equals(entryName, "[Content_Types].xml", StringComparison.OrdinalIgnoreCase);

    /// <summary>Parts the SDK would parse as XML; pictures, embedded binaries and fonts are only counted.</summary>
    internal static bool IsXmlPart(string entryName) =>
        entryName.EndsWith(".xml", StringComparison.OrdinalIgnoreCase)
        || entryName.EndsWith(".rels", StringComparison.OrdinalIgnoreCase)
        || entryName.EndsWith(".vml", StringComparison.OrdinalIgnoreCase);

    private static DocumentKind Inspect(byte[] bytes, string name, ReadLimits limits, Inflation inflation, Dictionary<string, long>? declaredLengths, CancellationToken cancellationToken)
    {
        if (bytes.Length == 0)
        {
            throw ReadFailures.Empty(name);
        }

        if (bytes.AsSpan().StartsWith(OleSignature))
        {
            throw CompoundFileFailure(bytes, name);
        }

        if (!bytes.AsSpan().StartsWith(ZipSignature))
        {
            throw ReadFailures.NotOffice(name);
        }

        // The central directory is read whole when the archive opens, so its size is judged from its own end record first.
        if (DeclaredEntryCount(bytes) > limits.MaxZipEntries)
        {
            throw ReadFailures.TooManyEntries(name, limits.MaxZipEntries);
        }

        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
            CheckDeclaredSizes(zip, name, limits);
            var kind = KindOf(zip, name);
            if (inflation == Inflation.Everything)
            {
                CheckInflatedSizes(zip, name, limits, cancellationToken);
            }

            if (declaredLengths is not null)
            {
                foreach (var entry in zip.Entries)
                {
                    // A name twice in one zip is not a package; keep the larger claim rather than fail here.
                    declaredLengths[entry.FullName] = Math.Max(entry.Length, declaredLengths.GetValueOrDefault(entry.FullName));
                }
            }

            return kind;
        }
        catch (Exception e) when (e is InvalidDataException or XmlException or IOException or ArgumentException or NotSupportedException)
        {
            // A damaged central directory or a part that stops short surfaces as any of these.
            throw ReadFailures.Corrupt(name, e);
        }
    }

    /// <summary>
    /// The entry count the zip's end-of-central-directory record declares, or 0 when there is none to read (then the
    /// archive's own parsing decides). A ZIP64 archive writes 0xFFFF here, above the default limit, and is refused as such.
    /// </summary>
    internal static int DeclaredEntryCount(byte[] bytes)
    {
        const int RecordLength = 22;
        var lowest = Math.Max(0, bytes.Length - RecordLength - ushort.MaxValue);
        for (var at = bytes.Length - RecordLength; at >= lowest; at--)
        {
            if (bytes[at] == 0x50 && bytes[at + 1] == 0x4B && bytes[at + 2] == 5 && bytes[at + 3] == 6)
            {
                return BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(at + 10));
            }
        }

        return 0;
    }

    private static void CheckDeclaredSizes(ZipArchive zip, string name, ReadLimits limits)
    {
        if (zip.Entries.Count > limits.MaxZipEntries)
        {
            throw ReadFailures.TooManyEntries(name, limits.MaxZipEntries);
        }

        long total = 0;
        foreach (var entry in zip.Entries)
        {
            total += entry.Length;
            if (total > limits.MaxUncompressedBytes || IsSuspiciousRatio(entry.Length, entry.CompressedLength, limits))
            {
                throw ReadFailures.ZipBomb(name, limits.MaxUncompressedBytes);
            }

            if (entry.Length > MaxPartBytes(entry.FullName, limits))
            {
                throw ReadFailures.PartTooLarge(name, MaxPartBytes(entry.FullName, limits));
            }
        }
    }

    /// <summary>What one entry may inflate to: XML parts are parsed, so they are held to the part limit; pictures only to the total.</summary>
    internal static long MaxPartBytes(string entryName, ReadLimits limits) =>
        !IsXmlPart(entryName) ? limits.MaxUncompressedBytes
        : IsPackageDescription(entryName)
            ? Math.Min(limits.MaxPartBytes, ReadLimits.MaxPackageDescriptionBytes)
            : limits.MaxPartBytes;

    /// <summary>
    /// Inflates every entry once, counting, and stops at the limit: the sizes a zip declares are not evidence.
    /// XML entries are walked with a forward-only reader, so a nesting too deep for a tree is refused here.
    /// </summary>
    private static void CheckInflatedSizes(ZipArchive zip, string name, ReadLimits limits, CancellationToken cancellationToken)
    {
        var buffer = new byte[81920];
        long total = 0;
        long xml = 0;
        foreach (var entry in zip.Entries)
        {
            cancellationToken.ThrowIfCancellationRequested();
            long inEntry = 0;
            var maxEntry = MaxPartBytes(entry.FullName, limits);
            var isXml = IsXmlPart(entry.FullName);
            void Count(int read)
            {
                inEntry += read;
                total += read;
                xml += isXml ? read : 0;
                if (total > limits.MaxUncompressedBytes || IsSuspiciousRatio(inEntry, entry.CompressedLength, limits))
                {
                    throw ReadFailures.ZipBomb(name, limits.MaxUncompressedBytes);
                }

                if (inEntry > maxEntry)
                {
                    throw ReadFailures.PartTooLarge(name, maxEntry);
                }

                if (xml > limits.MaxTreeBytes)
                {
                    throw ReadFailures.TooLargeToWrite(name, limits.MaxTreeBytes);
                }
            }

            using var content = new CountedStream(entry.Open(), Count, cancellationToken);
            if (isXml && entry.Length > 0)
            {
                XmlWalk.CheckDepth(content, name);
            }

            while (content.Read(buffer, 0, buffer.Length) > 0)
            {
            }
        }
    }

    private static bool IsSuspiciousRatio(long inflated, long compressed, ReadLimits limits) =>
        inflated > ReadLimits.RatioFloorBytes && inflated > limits.MaxCompressionRatio * Math.Max(compressed, 1);

    private static DocumentKind KindOf(ZipArchive zip, string name)
    {
        var mimetype = zip.GetEntry("mimetype");
        if (mimetype is not null && mimetype.Length < 256)
        {
            using var reader = new StreamReader(mimetype.Open(), Encoding.ASCII);
            if (reader.ReadToEnd().StartsWith("application/vnd.oasis.opendocument", StringComparison.Ordinal))
            {
                throw ReadFailures.OpenDocument(name);
            }
        }

        var contentTypes = zip.GetEntry("[Content_Types].xml") ?? throw ReadFailures.NotOffice(name);
        var main = MainContentType(contentTypes, MainPartName(zip));
        if (main.Contains("wordprocessingml", StringComparison.Ordinal) || main.Contains("ms-word", StringComparison.Ordinal))
        {
            return DocumentKind.Docx;
        }

        if (main.Contains("spreadsheetml", StringComparison.Ordinal) || main.Contains("ms-excel", StringComparison.Ordinal))
        {
            return DocumentKind.Xlsx;
        }

        throw ReadFailures.Unsupported(name);
    }

    private static XmlReader SafeXml(ZipArchiveEntry entry) => XmlReader.Create(entry.Open(), new XmlReaderSettings
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersInDocument = 4 * 1024 * 1024,
        IgnoreComments = true,
    });

    /// <summary>The main part ("/word/document.xml") as the package relationships name it, or null.</summary>
    private static string? MainPartName(ZipArchive zip)
    {
        var rels = zip.GetEntry("_rels/.rels");
        if (rels is null)
        {
            return null;
        }

        using var reader = SafeXml(rels);
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "Relationship"
                && (reader.GetAttribute("Type") ?? string.Empty).EndsWith("/officeDocument", StringComparison.Ordinal)
                && reader.GetAttribute("TargetMode") is null or "Internal")
            {
                var target = reader.GetAttribute("Target") ?? string.Empty;
                return "/" + target.TrimStart('/');
            }
        }

        return null;
    }

    /// <summary>
    /// The content type of the main part: its Override, else the Default for its extension (System.IO.Packaging
    /// writes the first part of each extension as a Default). Without relationships, any "….main+xml" override.
    /// </summary>
    private static string MainContentType(ZipArchiveEntry contentTypes, string? mainPart)
    {
        var extension = mainPart is null ? null : Path.GetExtension(mainPart).TrimStart('.');
        string? byDefault = null;
        string? anyMain = null;
        using var reader = SafeXml(contentTypes);
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            var type = reader.GetAttribute("ContentType") ?? string.Empty;
            if (reader.LocalName == "Override")
            {
                if (mainPart is not null && string.Equals(reader.GetAttribute("PartName"), mainPart, StringComparison.OrdinalIgnoreCase))
                {
                    return type;
                }

                anyMain ??= type.EndsWith(".main+xml", StringComparison.Ordinal) ? type : null;
            }
            else if (reader.LocalName == "Default" && extension is not null
                && string.Equals(reader.GetAttribute("Extension"), extension, StringComparison.OrdinalIgnoreCase))
            {
                byDefault = type;
            }
        }

        return byDefault ?? anyMain ?? string.Empty;
    }

    /// <summary>
    /// An OLE compound file is either an encrypted OOXML package (it holds "EncryptedPackage") or a legacy
    /// binary document; its directory names the streams, and the file name settles the rest.
    /// </summary>
    private static DocumentReadException CompoundFileFailure(byte[] bytes, string name)
    {
        var streams = CompoundFileStreamNames(bytes);
        if (streams.Contains("EncryptedPackage") || streams.Contains("EncryptionInfo"))
        {
            return ReadFailures.Encrypted(name);
        }

        if (streams.Contains("WordDocument"))
        {
            return ReadFailures.LegacyWord(name);
        }

        if (streams.Contains("Workbook") || streams.Contains("Book"))
        {
            return ReadFailures.LegacyExcel(name);
        }

        var extension = Path.GetExtension(name).ToUpperInvariant();
        return extension switch
        {
            ".DOC" or ".DOT" => ReadFailures.LegacyWord(name),
            ".XLS" or ".XLT" => ReadFailures.LegacyExcel(name),
            _ => ReadFailures.NotOffice(name),
        };
    }

    /// <summary>
    /// Names of the entries in a compound file's directory. Directory entries are 128-byte records in
    /// sectors after the header, so only 128-aligned offsets are read, and an entry counts only when its
    /// name length and object type are consistent; following the sector chains is not needed to name them.
    /// </summary>
    internal static HashSet<string> CompoundFileStreamNames(byte[] bytes)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        if (bytes.Length < 512)
        {
            return names;
        }

        var sectorShift = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(0x1E));
        var sectorSize = sectorShift is 9 or 12 ? 1 << sectorShift : 512;
        for (var offset = sectorSize; offset + 128 <= bytes.Length; offset += 128)
        {
            var entry = bytes.AsSpan(offset, 128);
            var nameBytes = BinaryPrimitives.ReadUInt16LittleEndian(entry[64..]);
            var type = entry[66];
            if (nameBytes is < 4 or > 64 || nameBytes % 2 != 0 || type is not (1 or 2 or 5))
            {
                continue;
            }

            var chars = (nameBytes / 2) - 1;
            if (BinaryPrimitives.ReadUInt16LittleEndian(entry[(chars * 2)..]) != 0)
            {
                continue;
            }

            names.Add(Encoding.Unicode.GetString(entry[..(chars * 2)]));
        }

        return names;
    }
}
