using Cchc.Appendix.Checking;
using Cchc.Appendix.Consolidation;

namespace Cchc.OpenXml.Consolidation;

/// <summary>A unit's file to read: its name, how to open it (a path, an upload, an archive download), when it was last written.</summary>
public sealed record UnitSource(string Name, Func<CancellationToken, ValueTask<Stream>> Open, DateTimeOffset? Modified = null)
{
    public static UnitSource FromFile(string path)
    {
        var info = new FileInfo(path);
        return new UnitSource(info.Name, _ => ValueTask.FromResult<Stream>(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read)), info.Exists ? info.LastWriteTimeUtc : null);
    }
}

/// <summary>Thrown by a <see cref="UnitSource.Open"/> that cannot hand the file over: the file is listed as unreadable with this reason.</summary>
public sealed class UnitSourceException(string message, string messageEn, Exception? inner = null) : Exception(message, inner)
{
    public string MessageEn { get; } = messageEn;
}

/// <summary>What reading many units' files gave: the checked reports and the files that could not be read, each in input order.</summary>
public sealed record UnitReading(IReadOnlyList<UnitReport> Reports, IReadOnlyList<UnreadableFile> Unreadable);

/// <summary>
/// Reads and checks many units' files, a few at a time: each worker holds one document while it reads and checks it
/// and keeps only the small <see cref="UnitReport"/>, so memory stays flat however many units there are, and the
/// workers keep every core busy.
/// </summary>
public static class UnitReader
{
    public static async Task<UnitReading> ReadAsync(
        IReadOnlyList<UnitSource> sources,
        AppendixChecker checker,
        ReadLimits? limits = null,
        int? workers = null,
        IProgress<int>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(checker);
        var reports = new UnitReport?[sources.Count];
        var failures = new UnreadableFile?[sources.Count];
        var done = 0;
        var strings = new StringPool();
        var options = new ParallelOptions
        {
            MaxDegreeOfParallelism = Math.Max(1, workers ?? Environment.ProcessorCount),
            CancellationToken = cancellationToken,
        };

        await Parallel.ForEachAsync(Enumerable.Range(0, sources.Count), options, async (index, token) =>
        {
            var source = sources[index];
            try
            {
                var stream = await source.Open(token).ConfigureAwait(false);
                await using (stream.ConfigureAwait(false))
                {
                    var snapshot = AppendixDocument.Read(stream, source.Name, limits, token);
                    reports[index] = UnitReport.Check(source.Name, snapshot, checker, source.Modified, strings);
                }
            }
            catch (DocumentReadException read)
            {
                failures[index] = new UnreadableFile(source.Name, read.Message, read.MessageEn);
            }
            catch (UnitSourceException unavailable)
            {
                failures[index] = new UnreadableFile(source.Name, unavailable.Message, unavailable.MessageEn);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                failures[index] = new UnreadableFile(source.Name, $"không mở được tệp: {e.Message}", $"the file cannot be opened: {e.Message}");
            }

            progress?.Report(Interlocked.Increment(ref done));
        }).ConfigureAwait(false);

        return new UnitReading(reports.OfType<UnitReport>().ToList(), failures.OfType<UnreadableFile>().ToList());
    }
}
