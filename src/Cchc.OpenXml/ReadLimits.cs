namespace Cchc.OpenXml;

/// <summary>What kind of document a file holds, judged by its content, not its name.</summary>
public enum DocumentKind
{
    Docx,
    Xlsx,
}

/// <summary>
/// Bounds on the work one file may cause. Files come from users and from the archive, so a hostile or
/// broken one must fail fast with a clear message instead of filling memory or the CPU.
/// </summary>
/// <param name="MaxFileBytes">The file as uploaded; 20 MB is far above any real appendix with its report.</param>
/// <param name="MaxUncompressedBytes">All parts together once inflated; what a zip bomb tries to exceed.</param>
/// <param name="MaxRows">Table rows (Word) or worksheet rows (Excel) read in all; an appendix has about 220.</param>
/// <param name="MaxCellCharacters">Characters in one cell; Excel's own limit, so more means a crafted file.</param>
/// <param name="MaxColumns">Worksheet columns kept; an appendix has five, a stray value far right is ignored beyond this.</param>
/// <param name="MaxCompressionRatio">Inflated size over compressed size for one large part; XML rarely passes 100.</param>
public sealed record ReadLimits(
    long MaxFileBytes = 20 * 1024 * 1024,
    long MaxUncompressedBytes = 200 * 1024 * 1024,
    int MaxRows = 200_000,
    int MaxCellCharacters = 32_767,
    int MaxColumns = 64,
    double MaxCompressionRatio = 250)
{
    public static ReadLimits Default { get; } = new();

    /// <summary>Parts smaller than this are never judged by their ratio: a tiny part of blanks compresses well and is harmless.</summary>
    internal const long RatioFloorBytes = 4 * 1024 * 1024;

    /// <summary>More zip entries than any real document has; each costs memory before anything is inflated.</summary>
    internal const int MaxEntries = 10_000;
}
