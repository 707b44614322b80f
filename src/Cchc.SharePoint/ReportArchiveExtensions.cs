using Cchc.Appendix.Header;

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
}
