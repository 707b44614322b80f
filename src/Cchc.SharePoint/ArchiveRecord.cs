using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cchc.SharePoint;

/// <summary>
/// What the archive writes beside a report it saved, as <c>{file}.cchc.json</c>: who saved which version, and when.
/// A report counts as saved through the product only while its current version is the one its record names, so a
/// file dropped into the folder or edited in the library afterwards is a loose file again. The record is advice, not
/// a signature: whoever may write the folder may write it too, so the folder's own permissions still decide who can
/// plant files there.
/// </summary>
internal sealed record ArchiveRecord(
    [property: JsonPropertyName("file")] string File,
    [property: JsonPropertyName("eTag")] string? ETag,
    [property: JsonPropertyName("savedById")] string SavedById,
    [property: JsonPropertyName("savedByName")] string SavedByName,
    [property: JsonPropertyName("savedAt")] DateTimeOffset SavedAt)
{
    public const string Suffix = ".cchc.json";

    /// <summary>A record is a few hundred bytes; anything larger under the name is not one of ours.</summary>
    public const int MaxBytes = 16 * 1024;

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string NameFor(string reportFileName) => reportFileName + Suffix;

    public static bool IsRecordName(string name) => name.EndsWith(Suffix, StringComparison.OrdinalIgnoreCase);

    public static ArchiveRecord For(string fileName, string? eTag, ReportSaver? savedBy, DateTimeOffset now)
    {
        var saver = savedBy ?? ReportSaver.Unknown;
        return new ArchiveRecord(fileName, eTag, saver.Id, saver.Name, now);
    }

    public byte[] ToBytes() => JsonSerializer.SerializeToUtf8Bytes(this, Json);

    /// <summary>The record in <paramref name="content"/>, or null when it is not one (too large, not JSON, another file's).</summary>
    public static ArchiveRecord? Parse(ReadOnlySpan<byte> content, string reportFileName)
    {
        if (content.Length > MaxBytes)
        {
            return null;
        }

        try
        {
            var record = JsonSerializer.Deserialize<ArchiveRecord>(content, Json);
            return record is not null && string.Equals(record.File, reportFileName, StringComparison.Ordinal) ? record : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Who saved <paramref name="currentETag"/>, or null when the record names another version.</summary>
    public ReportSaver? SaverOf(string? currentETag) =>
        ArchiveNames.SameETag(ETag, currentETag) ? new ReportSaver(SavedById ?? string.Empty, SavedByName ?? string.Empty) : null;
}
