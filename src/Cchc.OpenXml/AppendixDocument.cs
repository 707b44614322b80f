using System.Xml;
using Cchc.Appendix.Table;
using Cchc.OpenXml.Reading;
using DocumentFormat.OpenXml.Packaging;

namespace Cchc.OpenXml;

/// <summary>
/// Reads a .docx or .xlsx into the engine's snapshot. The content decides what the file is, never its name,
/// and every failure is a <see cref="DocumentReadException"/> with a sentence the user can act on.
/// </summary>
public static class AppendixDocument
{
    /// <summary>The appendix of the document in <paramref name="stream"/>; <paramref name="fileName"/> only names it in messages.</summary>
    /// <exception cref="DocumentReadException">The file is not a readable Word or Excel document, or holds no appendix.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled; checked while parts are parsed.</exception>
    public static TableSnapshot Read(Stream stream, string fileName, ReadLimits? limits = null, CancellationToken cancellationToken = default)
    {
        var blocks = ReadBlocks(stream, fileName, limits, cancellationToken);
        var search = SnapshotBuilder.Find(blocks, SourceKind.File);
        return search.Snapshot ?? throw ReadFailures.NoAppendix(DisplayName(fileName), search);
    }

    /// <summary>The appendix of the file at <paramref name="path"/>.</summary>
    /// <exception cref="DocumentReadException">The file is not a readable Word or Excel document, or holds no appendix.</exception>
    public static TableSnapshot ReadFile(string path, ReadLimits? limits = null, CancellationToken cancellationToken = default)
    {
        limits ??= ReadLimits.Default;
        var info = new FileInfo(path);
        if (info.Exists && info.Length > limits.MaxFileBytes)
        {
            throw ReadFailures.TooLarge(info.Name, limits.MaxFileBytes);
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        return Read(stream, info.Name, limits, cancellationToken);
    }

    /// <summary>
    /// The document as paragraphs and tables in reading order (Word), or one table per worksheet (Excel), for
    /// callers that build the snapshot themselves or need the raw cells.
    /// </summary>
    /// <exception cref="DocumentReadException">The file is not a readable Word or Excel document.</exception>
    public static IReadOnlyList<DocumentBlock> ReadBlocks(Stream stream, string fileName, ReadLimits? limits = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        limits ??= ReadLimits.Default;
        var name = DisplayName(fileName);
        var bytes = PackageInspector.Buffer(stream, name, limits);
        var kind = PackageInspector.InspectForReading(bytes, name, limits, out var declaredLengths, cancellationToken);
        return ReadBlocks(bytes, kind, name, limits, new PartBudget(name, limits, declaredLengths, cancellationToken));
    }

    /// <summary>The blocks of a package already buffered, inspected and every part inflated once; writers read the document they are about to change with it.</summary>
    internal static IReadOnlyList<DocumentBlock> ReadBlocks(byte[] bytes, DocumentKind kind, string name, ReadLimits limits, CancellationToken cancellationToken) =>
        ReadBlocks(bytes, kind, name, limits, new PartBudget(name, limits, declaredLengths: null, cancellationToken));

    private static List<DocumentBlock> ReadBlocks(byte[] bytes, DocumentKind kind, string name, ReadLimits limits, PartBudget budget)
    {
        try
        {
            // The parts are resolved from the zip by their relationships: opening the package through the SDK built
            // every relationship and part object first, and cost more than walking the sheets themselves.
            using var package = PackageParts.Open(bytes, name, budget);
            return kind == DocumentKind.Docx
                ? new WordReader(name, limits, budget).Read(package)
                : new ExcelReader(name, limits, budget).Read(package);
        }
        catch (Exception e) when (e is NestingTooDeepException or InsufficientExecutionStackException)
        {
            throw ReadFailures.TooDeep(name, ReadLimits.MaxNestingDepth);
        }
        catch (Exception e) when (IsMalformedDocument(e))
        {
            throw ReadFailures.Corrupt(name, e);
        }
    }

    /// <summary>Characters bound each part as the SDK parses it; bytes were already bounded when inflating.</summary>
    internal static OpenSettings OpenSettingsFor(ReadLimits limits) => new() { MaxCharactersInPart = limits.MaxPartBytes };

    /// <summary>What the content of <paramref name="stream"/> is, without reading the document itself.</summary>
    /// <exception cref="DocumentReadException">The file is not a Word or Excel document; the error says what it is instead.</exception>
    public static DocumentKind Sniff(Stream stream, string fileName, ReadLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        limits ??= ReadLimits.Default;
        var name = DisplayName(fileName);
        return PackageInspector.Inspect(PackageInspector.Buffer(stream, name, limits), name, limits);
    }

    /// <summary>
    /// Failures of parsing a package that has passed inspection: broken XML (a DTD is refused here), a
    /// package the SDK cannot make sense of, a part cut short.
    /// </summary>
    internal static bool IsMalformedDocument(Exception e) =>
        e is XmlException or OpenXmlPackageException or InvalidDataException or FileFormatException
            or IOException or InvalidOperationException or FormatException or ArgumentException or NotSupportedException
            or KeyNotFoundException or IndexOutOfRangeException or NullReferenceException
        && e is not DocumentReadException;

    internal static string DisplayName(string? fileName)
    {
        var name = Path.GetFileName(fileName ?? string.Empty);
        return string.IsNullOrWhiteSpace(name) ? "tài liệu" : name;
    }
}
