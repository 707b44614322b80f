namespace Cchc.OpenXml;

/// <summary>What kind of document a file holds, judged by its content, not its name.</summary>
public enum DocumentKind
{
    Docx,
    Xlsx,
}

/// <summary>
/// Bounds on the work one file may cause. Files come from users and from the archive, so a hostile or
/// broken one must fail fast with a clear message instead of filling memory or the CPU. The defaults are
/// sized from real appendices: the Ngã Năm report's Word file inflates to 0.6 MB (one part of 578 KB), its
/// workbook to 0.1 MB with 274 shared strings, 1,080 cells and 216 rows; each default leaves 25 to 100 times that.
/// </summary>
/// <param name="MaxFileBytes">The file as uploaded; 20 MB is far above any real appendix with its report.</param>
/// <param name="MaxUncompressedBytes">All parts together once inflated, pictures included; what a zip bomb tries to exceed.</param>
/// <param name="MaxRows">Table rows (Word) or worksheet rows (Excel) read in all; an appendix has about 220.</param>
/// <param name="MaxCellCharacters">Characters in one cell; Excel's own limit, so more means a crafted file.</param>
/// <param name="MaxColumns">Worksheet columns kept; an appendix has five, a stray value far right is ignored beyond this.</param>
/// <param name="MaxCompressionRatio">Inflated size over compressed size for one large part; XML rarely passes 100.</param>
/// <param name="MaxPartBytes">One XML part once inflated: the whole appendix is one part of about 0.6 MB.</param>
/// <param name="MaxTreeBytes">
/// The XML parts of a document together, when a writer loads them as an element tree (fix, fill, roll): a tree
/// costs 12 to 25 times the bytes of its XML, so this bounds what writing a document may hold in memory.
/// </param>
/// <param name="MaxSharedStrings">Entries of a workbook's shared-string table, which is held in memory while its sheets are read.</param>
/// <param name="MaxSharedStringCharacters">Characters of all shared strings together.</param>
/// <param name="MaxCells">Non-empty cells read in all, and the merged-area cells a worksheet's merges cover.</param>
/// <param name="MaxTextCharacters">Characters of all cells and paragraphs read together: one long text repeated by many cells is caught here.</param>
/// <param name="MaxZipEntries">Entries in the package; a real document has a dozen, a report with pictures a few dozen.</param>
public sealed record ReadLimits(
    long MaxFileBytes = 20 * 1024 * 1024,
    long MaxUncompressedBytes = 64 * 1024 * 1024,
    int MaxRows = 10_000,
    int MaxCellCharacters = 32_767,
    int MaxColumns = 64,
    double MaxCompressionRatio = 250,
    long MaxPartBytes = 16 * 1024 * 1024,
    long MaxTreeBytes = 8 * 1024 * 1024,
    int MaxSharedStrings = 50_000,
    long MaxSharedStringCharacters = 4 * 1024 * 1024,
    int MaxCells = 100_000,
    long MaxTextCharacters = 8 * 1024 * 1024,
    int MaxZipEntries = 1_000)
{
    public static ReadLimits Default { get; } = new();

    /// <summary>
    /// How deep elements may nest in any XML part. Not configurable: real parts nest under 30 deep (a table in a
    /// text box in a drawing), and the readers, the writers and the SDK's tree all recurse on depth, where a
    /// stack overflow would end the process instead of failing the one file.
    /// </summary>
    public const int MaxNestingDepth = 256;

    /// <summary>Parts smaller than this are never judged by their ratio: a tiny part of blanks compresses well and is harmless.</summary>
    internal const long RatioFloorBytes = 4 * 1024 * 1024;

    /// <summary>
    /// Relationships and content types, which the SDK parses whole when it opens a package: a few kilobytes in a
    /// real document, one relationship per hyperlink or picture.
    /// </summary>
    internal const long MaxPackageDescriptionBytes = 2 * 1024 * 1024;
}
