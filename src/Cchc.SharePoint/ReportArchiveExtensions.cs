using Cchc.Appendix.Header;
using Cchc.Appendix.Table;
using Cchc.OpenXml;

namespace Cchc.SharePoint;

public static class ReportArchiveExtensions
{
    /// <summary>
    /// The report of the period before <paramref name="period"/> for the unit, as the engine's calendar defines it
    /// (<see cref="ReportPeriod.Previous"/>: quý I looks at quý IV of the year before), or null when there is none.
    /// </summary>
    public static Task<ArchivedReport?> FindPreviousAsync(this IReportArchive archive, string unit, ReportPeriod period, string? documentUrl = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(archive);
        ArgumentNullException.ThrowIfNull(period);
        return archive.FindAsync(new ArchiveLookup(unit, period.Previous(), documentUrl), cancellationToken);
    }

    /// <summary>
    /// Downloads <paramref name="report"/> and reads its appendix with the OpenXml adapter; null when there is no
    /// report, so <c>ReadReportAsync(await FindPreviousAsync(…))</c> reads as the pre-fill does.
    /// </summary>
    /// <exception cref="ArchiveException"><see cref="ArchiveError.UnreadableReport"/> with the reader's own sentence when
    /// the stored file is not a readable appendix (corrupt, encrypted, legacy format, no appendix table).</exception>
    public static async Task<TableSnapshot?> ReadReportAsync(this IReportArchive archive, ArchivedReport? report, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(archive);
        if (report is null)
        {
            return null;
        }

        var stream = await archive.OpenAsync(report, cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            try
            {
                return AppendixDocument.Read(stream, report.FileName, cancellationToken: cancellationToken);
            }
            catch (DocumentReadException exception)
            {
                throw ArchiveErrors.Unreadable(report.FileName, exception.Message, exception.MessageEn, exception);
            }
        }
    }
}
