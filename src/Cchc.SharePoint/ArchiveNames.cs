using System.Text;
using Cchc.Appendix.Header;
using Cchc.Appendix.Text;

namespace Cchc.SharePoint;

/// <summary>
/// Names in the archive layout <c>{unit}/{year}/{period}/{file}</c>, shared by the folder and the SharePoint
/// archives so one library can be copied to the other.
/// </summary>
/// <remarks>
/// Units become ASCII slugs ("UBND THỊ XÃ NGÃ NĂM" → <c>ubnd-thi-xa-nga-nam</c>) rather than keeping diacritics:
/// titles spell the same unit in upper or lower case and in either Unicode form, and a slug gives all of them one
/// folder; it is also safe in SharePoint URLs, on case-insensitive disks and on every OS. File names are kept as
/// written (people recognise their own files) but refused when they could leave the folder or break SharePoint.
/// </remarks>
public static class ArchiveNames
{
    private const int MaxSlugLength = 80;
    private const int MaxFileNameLength = 200;

    private static readonly string[] ReportExtensions = [".docx", ".xlsx"];

    /// <summary>Characters SharePoint and Windows refuse in a name, plus the path separators.</summary>
    private static readonly System.Buffers.SearchValues<char> ForbiddenFileNameChars = System.Buffers.SearchValues.Create("\"*:<>?/\\|");

    private static readonly HashSet<string> ReservedDeviceNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "CON", "PRN", "AUX", "NUL",
        "COM0", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
        "LPT0", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
    };

    /// <summary>The unit's folder name: lower-case ASCII letters and digits joined by single hyphens.</summary>
    /// <exception cref="ArchiveException"><see cref="ArchiveError.InvalidName"/> when nothing usable is left.</exception>
    public static string UnitSlug(string unit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        var slug = Slugify(unit);
        if (slug.Length == 0)
        {
            throw ArchiveErrors.InvalidUnit(unit);
        }

        return slug;
    }

    /// <summary>The year's folder name.</summary>
    public static string YearFolder(ReportPeriod period) => period.Year.ToString("D4", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The relative folder of a unit's period: <c>ubnd-thi-xa-nga-nam/2022/q2</c>.</summary>
    public static string PeriodFolder(string unit, ReportPeriod period) => $"{UnitSlug(unit)}/{YearFolder(period)}/{period.Slug}";

    /// <summary>
    /// The file name as given (NFC), or <see cref="ArchiveError.InvalidName"/> when it is not a plain .docx/.xlsx
    /// name: separators, "..", NUL and control characters, characters SharePoint refuses, reserved device names,
    /// trailing dots or spaces, or more than 200 characters.
    /// </summary>
    public static string SafeFileName(string fileName)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        var name = Cchc.Appendix.Text.VietnameseText.Normalize(fileName);
        if (string.IsNullOrWhiteSpace(name))
        {
            throw ArchiveErrors.InvalidFileName(fileName, "tên tệp trống", "the name is empty");
        }

        if (name.Any(char.IsControl))
        {
            throw ArchiveErrors.InvalidFileName(fileName, "tên chứa ký tự điều khiển", "it contains control characters");
        }

        if (name.AsSpan().ContainsAny(ForbiddenFileNameChars))
        {
            throw ArchiveErrors.InvalidFileName(fileName, "tên không được chứa các ký tự \" * : < > ? / \\ |", "it must not contain \" * : < > ? / \\ |");
        }

        if (name.Trim() != name || name.EndsWith('.') || name.StartsWith('.') || name.StartsWith("~$", StringComparison.Ordinal))
        {
            throw ArchiveErrors.InvalidFileName(fileName, "tên không được bắt đầu bằng dấu chấm, \"~$\" hay khoảng trắng, hoặc kết thúc bằng dấu chấm hay khoảng trắng", "it must not start with a dot, \"~$\" or a space, nor end with a dot or a space");
        }

        if (name.Length > MaxFileNameLength)
        {
            throw ArchiveErrors.InvalidFileName(fileName, $"tên dài quá {MaxFileNameLength} ký tự", $"it is longer than {MaxFileNameLength} characters");
        }

        var stem = name.Split('.')[0];
        if (ReservedDeviceNames.Contains(stem.TrimEnd()))
        {
            throw ArchiveErrors.InvalidFileName(fileName, "đây là tên thiết bị dành riêng của Windows", "it is a reserved Windows device name");
        }

        if (!IsReportFileName(name))
        {
            throw ArchiveErrors.InvalidFileName(fileName, "kho lưu trữ chỉ nhận tệp Word (.docx) hoặc Excel (.xlsx)", "the archive takes only Word (.docx) or Excel (.xlsx) files");
        }

        return name;
    }

    /// <summary>True for .docx/.xlsx names that are not Office's "~$" owner files.</summary>
    public static bool IsReportFileName(string name) =>
        !name.StartsWith("~$", StringComparison.Ordinal)
        && ReportExtensions.Any(extension => name.EndsWith(extension, StringComparison.OrdinalIgnoreCase));

    /// <summary>True when a file's name mentions the period (its slug as a whole word) and, if given, the year.</summary>
    public static bool NameMentionsPeriod(string fileName, ReportPeriod period, bool requireYear)
    {
        var words = $"-{Slugify(Path.GetFileNameWithoutExtension(fileName))}-";
        var mentionsPeriod = words.Contains($"-{period.Slug}-", StringComparison.Ordinal)
            || words.Contains($"-{Slugify(period.ToString())}-", StringComparison.Ordinal);
        return mentionsPeriod && (!requireYear || words.Contains($"-{YearFolder(period)}-", StringComparison.Ordinal));
    }

    /// <summary>
    /// Orders the reports of one period folder, best first: one saved through the product (its record names its current
    /// version) before loose files, whatever they are called; then a name that says it is the appendix ("phụ lục",
    /// "PL", "appendix") before the report body or other attachments; then the newest.
    /// </summary>
    public static IEnumerable<ArchivedReport> BestFirst(IEnumerable<ArchivedReport> candidates) =>
        BestFirst(candidates, report => report.FileName, report => report.Modified, report => report.SavedBy is not null);

    /// <inheritdoc cref="BestFirst(IEnumerable{ArchivedReport})"/>
    public static IEnumerable<T> BestFirst<T>(IEnumerable<T> candidates, Func<T, string> name, Func<T, DateTimeOffset?> modified, Func<T, bool>? savedThroughProduct = null) =>
        candidates
            .OrderByDescending(candidate => savedThroughProduct?.Invoke(candidate) ?? false)
            .ThenByDescending(candidate => LooksLikeAppendix(name(candidate)))
            .ThenByDescending(candidate => modified(candidate) ?? DateTimeOffset.MinValue)
            .ThenBy(candidate => name(candidate), StringComparer.Ordinal);

    /// <summary>Compares two eTags as HTTP does for If-Match on a strong validator, ignoring quotes and a weak prefix.</summary>
    public static bool SameETag(string? left, string? right) =>
        left is not null && right is not null && string.Equals(BareETag(left), BareETag(right), StringComparison.Ordinal);

    private static string BareETag(string eTag)
    {
        var bare = eTag.Trim();
        if (bare.StartsWith("W/", StringComparison.Ordinal))
        {
            bare = bare[2..];
        }

        return bare.Trim('"');
    }

    /// <summary>Reports by year, then in the order the periods fall due (quý I, quý II, 6 tháng, quý III, 9 tháng, quý IV, năm); stable within a period.</summary>
    internal static IReadOnlyList<ArchivedReport> InCalendarOrder(IEnumerable<ArchivedReport> reports) =>
        reports.OrderBy(report => report.Period.CalendarKey()).ToList();

    internal static bool LooksLikeAppendix(string fileName)
    {
        var words = $"-{Slugify(Path.GetFileNameWithoutExtension(fileName))}-";
        return words.Contains("-phu-luc-", StringComparison.Ordinal)
            || words.Contains("-pl-", StringComparison.Ordinal)
            || words.Contains("-appendix-", StringComparison.Ordinal);
    }

    internal static string Slugify(string text)
    {
        var folded = VietnameseText.Fold(text);
        var builder = new StringBuilder(Math.Min(folded.Length, MaxSlugLength));
        var pendingHyphen = false;
        foreach (var c in folded)
        {
            if (c is >= 'A' and <= 'Z' or >= '0' and <= '9')
            {
                if (pendingHyphen && builder.Length > 0)
                {
                    builder.Append('-');
                }

                builder.Append(char.ToLowerInvariant(c));
                pendingHyphen = false;
            }
            else
            {
                pendingHyphen = true;
            }

            if (builder.Length >= MaxSlugLength)
            {
                break;
            }
        }

        return builder.ToString().TrimEnd('-');
    }
}
