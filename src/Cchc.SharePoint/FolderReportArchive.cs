using System.Globalization;
using System.Security.Cryptography;
using Cchc.Appendix.Header;

namespace Cchc.SharePoint;

/// <summary>
/// The archive in a local folder laid out like the SharePoint library, <c>{root}/{unit-slug}/{year}/{period}/{file}</c>,
/// so everything runs on one machine and a folder can be uploaded to SharePoint as it is.
/// </summary>
/// <remarks>
/// eTags are a hash of the content, not the last-write time, so a replace within the clock's resolution is still
/// seen. Writes go to a temporary file in the same folder, flushed to disk, and are renamed into place, so a reader
/// never sees half a report, not even after a power cut. Each save writes its record (<c>{file}.cchc.json</c>) the
/// same way. Saves are serialised within the process; two processes sharing one folder rely on the rename: a create
/// never overwrites, but two concurrent replaces of the same eTag can both succeed.
/// The open document's URL is ignored: a local file has no library around it to search.
/// </remarks>
public sealed class FolderReportArchive : IReportArchive, IArchiveUnits, IDisposable
{
    private const string TempPrefix = ".upload-";

    private readonly string _root;
    private readonly long _maxFileBytes;
    private readonly SemaphoreSlim _saveLock = new(1, 1);
    private readonly TimeProvider _time;

    public FolderReportArchive(string root, long maxFileBytes = ArchiveOptions.DefaultMaxFileBytes, TimeProvider? time = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxFileBytes);
        _root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
        _maxFileBytes = maxFileBytes;
        _time = time ?? TimeProvider.System;
    }

    public string Kind => "folder";

    /// <summary>The full path of the archive's root folder.</summary>
    public string Root => _root;

    public async Task<ArchivedReport?> FindAsync(ArchiveLookup lookup, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lookup);
        var folder = ArchiveNames.PeriodFolder(lookup.Unit, lookup.Period);
        var directory = new DirectoryInfo(FullPathOf(folder));
        return await Guard(async () =>
        {
            if (!directory.Exists)
            {
                return null;
            }

            var reports = new List<ArchivedReport>();
            foreach (var file in ReportFiles(directory))
            {
                reports.Add(await DescribeAsync(lookup.Unit, lookup.Period, folder, file, cancellationToken).ConfigureAwait(false));
            }

            return ArchiveNames.BestFirst(reports).FirstOrDefault();
        }).ConfigureAwait(false);
    }

    public Task<Stream> OpenAsync(ArchivedReport report, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        var path = FullPathOf(report.Location);
        return Guard<Stream>(() =>
        {
            if (!ArchiveNames.IsReportFileName(Path.GetFileName(path)))
            {
                throw ArchiveErrors.InvalidLocation();
            }

            var file = new FileInfo(path);
            if (!file.Exists)
            {
                throw ArchiveErrors.Gone(report.FileName);
            }

            if (file.Length > _maxFileBytes)
            {
                throw ArchiveErrors.TooLarge(_maxFileBytes);
            }

            // FileShare.Delete lets a concurrent save rename a new version over this one on Windows too.
            Stream stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 81920, useAsync: true);
            return Task.FromResult(stream);
        });
    }

    public async Task<ArchivedReport> SaveAsync(string unit, ReportPeriod period, string fileName, Stream content, string? ifMatchETag, ReportSaver? savedBy = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(content);
        var name = ArchiveNames.SafeFileName(fileName);
        var folder = ArchiveNames.PeriodFolder(unit, period);
        var directory = FullPathOf(folder);
        var target = FullPathOf($"{folder}/{name}");

        return await Guard(async () =>
        {
            Directory.CreateDirectory(directory);
            var temp = Path.Combine(directory, $"{TempPrefix}{Guid.NewGuid():N}.tmp");
            try
            {
                var eTag = await CopyToTempAsync(content, temp, cancellationToken).ConfigureAwait(false);
                await _saveLock.WaitAsync(cancellationToken).ConfigureAwait(false);
                try
                {
                    if (ifMatchETag is null)
                    {
                        if (File.Exists(target))
                        {
                            throw ArchiveErrors.AlreadyExists(name);
                        }

                        // Without overwrite the move fails if another process created the file meanwhile.
                        MoveNoOverwrite(temp, target, name);
                    }
                    else
                    {
                        if (!File.Exists(target) || !ArchiveNames.SameETag(await HashFileAsync(target, cancellationToken).ConfigureAwait(false), ifMatchETag))
                        {
                            throw ArchiveErrors.Conflict();
                        }

                        File.Move(temp, target, overwrite: true);
                    }

                    await WriteRecordAsync(directory, ArchiveRecord.For(name, eTag, savedBy, _time.GetUtcNow()), cancellationToken).ConfigureAwait(false);
                }
                finally
                {
                    _saveLock.Release();
                }

                var saved = new FileInfo(target);
                return new ArchivedReport(unit, period, name, $"{folder}/{name}", eTag, saved.LastWriteTimeUtc, saved.Length) { SavedBy = savedBy ?? ReportSaver.Unknown };
            }
            finally
            {
                File.Delete(temp);
            }
        }).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<ArchivedReport>> ListAsync(string unit, CancellationToken cancellationToken = default)
    {
        var unitSlug = ArchiveNames.UnitSlug(unit);
        var unitDirectory = new DirectoryInfo(FullPathOf(unitSlug));
        return await Guard<IReadOnlyList<ArchivedReport>>(async () =>
        {
            var reports = new List<ArchivedReport>();
            if (!unitDirectory.Exists)
            {
                return reports;
            }

            foreach (var yearDirectory in unitDirectory.EnumerateDirectories())
            {
                if (yearDirectory.Name.Length != 4 || !int.TryParse(yearDirectory.Name, NumberStyles.None, CultureInfo.InvariantCulture, out var year))
                {
                    continue;
                }

                foreach (var periodDirectory in yearDirectory.EnumerateDirectories())
                {
                    if (!ReportPeriod.TryParseSlug(periodDirectory.Name, year, out var period))
                    {
                        continue;
                    }

                    var folder = $"{unitSlug}/{yearDirectory.Name}/{periodDirectory.Name}";
                    var inPeriod = new List<ArchivedReport>();
                    foreach (var file in ReportFiles(periodDirectory))
                    {
                        inPeriod.Add(await DescribeAsync(unit, period!, folder, file, cancellationToken).ConfigureAwait(false));
                    }

                    reports.AddRange(ArchiveNames.BestFirst(inPeriod));
                }
            }

            return ArchiveNames.InCalendarOrder(reports);
        }).ConfigureAwait(false);
    }

    public Task<IReadOnlyList<string>> ListUnitsAsync(CancellationToken cancellationToken = default) =>
        Guard<IReadOnlyList<string>>(() =>
        {
            var root = new DirectoryInfo(_root);
            IReadOnlyList<string> units = root.Exists
                ? [.. root.EnumerateDirectories().Select(d => d.Name).Where(IsUnitFolder).Order(StringComparer.Ordinal)]
                : [];
            return Task.FromResult(units);
        });

    public void Dispose() => _saveLock.Dispose();

    /// <summary>A folder the archive itself would have made for a unit: a slug, never a hidden or temporary folder.</summary>
    internal static bool IsUnitFolder(string name) => name.Length > 0 && ArchiveNames.Slugify(name) == name;

    /// <summary>
    /// The full path of a location relative to the root, refused unless every segment is a plain name and the
    /// result stays under the root: the location may have travelled through a client and back.
    /// </summary>
    internal string FullPathOf(string location)
    {
        if (string.IsNullOrEmpty(location) || location.Contains('\0', StringComparison.Ordinal) || Path.IsPathRooted(location))
        {
            throw ArchiveErrors.InvalidLocation();
        }

        var segments = location.Split('/');
        if (segments.Any(segment => segment.Length == 0 || segment is "." or ".." || segment.Contains('\\', StringComparison.Ordinal)))
        {
            throw ArchiveErrors.InvalidLocation();
        }

        var full = Path.GetFullPath(Path.Combine([_root, .. segments]));
        if (!full.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw ArchiveErrors.InvalidLocation();
        }

        return full;
    }

    private static IEnumerable<FileInfo> ReportFiles(DirectoryInfo directory) =>
        directory.EnumerateFiles().Where(file => ArchiveNames.IsReportFileName(file.Name) && !file.Name.StartsWith('.'));

    private static async Task<ArchivedReport> DescribeAsync(string unit, ReportPeriod period, string folder, FileInfo file, CancellationToken cancellationToken)
    {
        var eTag = await HashFileAsync(file.FullName, cancellationToken).ConfigureAwait(false);
        var record = await ReadRecordAsync(file, cancellationToken).ConfigureAwait(false);
        return new ArchivedReport(unit, period, file.Name, $"{folder}/{file.Name}", eTag, file.LastWriteTimeUtc, file.Length) { SavedBy = record?.SaverOf(eTag) };
    }

    /// <summary>The record beside <paramref name="report"/>, or null when there is none or it is not one of ours.</summary>
    private static async Task<ArchiveRecord?> ReadRecordAsync(FileInfo report, CancellationToken cancellationToken)
    {
        var path = Path.Combine(report.DirectoryName!, ArchiveRecord.NameFor(report.Name));
        var record = new FileInfo(path);
        if (!record.Exists || record.Length > ArchiveRecord.MaxBytes)
        {
            return null;
        }

        return ArchiveRecord.Parse(await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false), report.Name);
    }

    /// <summary>Writes a record as a report is written: a flushed temporary file renamed over the old record.</summary>
    private static async Task WriteRecordAsync(string directory, ArchiveRecord record, CancellationToken cancellationToken)
    {
        var temp = Path.Combine(directory, $"{TempPrefix}{Guid.NewGuid():N}.tmp");
        try
        {
            await using (var output = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, useAsync: true))
            {
                await output.WriteAsync(record.ToBytes(), cancellationToken).ConfigureAwait(false);
                output.Flush(flushToDisk: true);
            }

            File.Move(temp, Path.Combine(directory, ArchiveRecord.NameFor(record.File)), overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    private async Task<string> CopyToTempAsync(Stream content, string temp, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        await using var output = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true);
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = await content.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
        {
            total += read;
            if (total > _maxFileBytes)
            {
                throw ArchiveErrors.TooLarge(_maxFileBytes);
            }

            hash.AppendData(buffer, 0, read);
            await output.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
        }

        if (total == 0)
        {
            throw ArchiveErrors.InvalidFileName(Path.GetFileName(temp), "tệp trống, không có nội dung để lưu", "the file is empty, there is nothing to store");
        }

        // On disk before the rename, or a power cut could leave the new name on an empty file.
        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
        output.Flush(flushToDisk: true);
        return FormatETag(hash.GetHashAndReset());
    }

    private static void MoveNoOverwrite(string temp, string target, string name)
    {
        try
        {
            File.Move(temp, target, overwrite: false);
        }
        catch (IOException exception) when (File.Exists(target))
        {
            throw ArchiveErrors.AlreadyExists(name, exception);
        }
    }

    private static async Task<string> HashFileAsync(string path, CancellationToken cancellationToken)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 81920, useAsync: true);
        return FormatETag(await SHA256.HashDataAsync(stream, cancellationToken).ConfigureAwait(false));
    }

    private static string FormatETag(byte[] hash) => $"\"{Convert.ToHexStringLower(hash.AsSpan(0, 16))}\"";

    /// <summary>File system failures become <see cref="ArchiveError.Unavailable"/>; the archive's own errors pass through.</summary>
    private static async Task<T> Guard<T>(Func<Task<T>> action)
    {
        try
        {
            return await action().ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw ArchiveErrors.Unavailable(exception);
        }
    }
}
