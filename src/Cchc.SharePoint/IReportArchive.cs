using Cchc.Appendix.Header;

namespace Cchc.SharePoint;

/// <summary>A report stored in the archive.</summary>
/// <param name="Location">Where it lives: a relative path in the folder archive, a drive item id in SharePoint.</param>
/// <param name="ETag">The version the caller read, for a later save with If-Match.</param>
public sealed record ArchivedReport(string Unit, ReportPeriod Period, string FileName, string Location, string? ETag, DateTimeOffset? Modified, long? Size)
{
    /// <summary>
    /// Who saved this version through the product, from the record the archive keeps beside it; null for a file put
    /// there any other way (copied into the folder, uploaded in SharePoint) or changed since it was saved.
    /// </summary>
    public ReportSaver? SavedBy { get; init; }
}

/// <summary>Who saved a report: the signed-in user's object id and display name as the token carries them.</summary>
public sealed record ReportSaver(string Id, string Name)
{
    /// <summary>Saved through the archive by a caller that named nobody (the command line, a test).</summary>
    public static ReportSaver Unknown { get; } = new(string.Empty, string.Empty);
}

/// <summary>What to look for: a unit's report for a period, and where the open document lives if the pane knows.</summary>
public sealed record ArchiveLookup(string Unit, ReportPeriod Period, string? DocumentUrl = null);

/// <summary>
/// The report archive, laid out as {root}/{unit}/{year}/{period}/{file} with a record {file}.cchc.json beside each
/// report saved through it: find, read, save and list a unit's reports. Not found is an answer (null), not an error; everything else that goes wrong is an
/// <see cref="ArchiveException"/>.
/// </summary>
public interface IReportArchive
{
    /// <summary>"folder" or "sharepoint", for health checks and logs.</summary>
    string Kind { get; }

    Task<ArchivedReport?> FindAsync(ArchiveLookup lookup, CancellationToken cancellationToken = default);

    /// <summary>The report's bytes; the caller disposes the stream.</summary>
    Task<Stream> OpenAsync(ArchivedReport report, CancellationToken cancellationToken = default);

    /// <summary>
    /// Saves this period's report. With <paramref name="ifMatchETag"/> it replaces only the version the
    /// caller read; without it, it creates and fails if a report is already there. A record beside the report names
    /// <paramref name="savedBy"/> and the version saved, so finding prefers reports saved this way over loose files.
    /// </summary>
    Task<ArchivedReport> SaveAsync(string unit, ReportPeriod period, string fileName, Stream content, string? ifMatchETag, ReportSaver? savedBy = null, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<ArchivedReport>> ListAsync(string unit, CancellationToken cancellationToken = default);
}

/// <summary>Why an archive operation failed, as a stable code with Vietnamese and English sentences.</summary>
public enum ArchiveError
{
    /// <summary>Someone changed the report since it was read (412 on If-Match) or one already exists on create.</summary>
    Conflict,

    /// <summary>The user must sign in again or consent (Graph 401/403, claims challenge).</summary>
    ConsentRequired,

    /// <summary>Graph kept answering 429/503 beyond the bounded retry time.</summary>
    Throttled,

    /// <summary>A unit or file name that would leave the archive root, or is otherwise unusable.</summary>
    InvalidName,

    /// <summary>The stored file is too large or not a readable report.</summary>
    UnreadableReport,

    /// <summary>The archive could not be reached.</summary>
    Unavailable,
}

public sealed class ArchiveException(ArchiveError error, string message, string messageEn, Exception? inner = null)
    : Exception(message, inner)
{
    public ArchiveError Error { get; } = error;

    public string MessageEn { get; } = messageEn;

    /// <summary>A claims challenge from Graph to pass back to the pane, when there is one.</summary>
    public string? Claims { get; init; }
}
