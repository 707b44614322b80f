using Cchc.Appendix.Consolidation;
using Cchc.Appendix.Header;
using Cchc.OpenXml.Consolidation;

namespace Cchc.SharePoint;

/// <summary>What the archive holds for a consolidation: the files to read and the units it knows.</summary>
/// <param name="Period">The period asked for, else the latest any unit reported.</param>
/// <param name="Sources">The reports of that period and of the same kind of period before it (for trends), every file of each period folder.</param>
/// <param name="Units">The units the archive knows, by folder name; <see cref="UnitNames.AsReportsWriteThem"/> spells them as their reports do.</param>
public sealed record ArchiveSelection(ReportPeriod? Period, IReadOnlyList<UnitSource> Sources, IReadOnlyList<string> Units)
{
    /// <summary>The sources filed under earlier periods: read for the trend only, never counted nor listed as left out.</summary>
    public IReadOnlySet<string> TrendOnly { get; init; } = new HashSet<string>();

    /// <summary>True for a file the consolidation of <see cref="Period"/> counts or lists.</summary>
    public bool Counts(string file) => !TrendOnly.Contains(file);
}

/// <summary>
/// Lists what a consolidation over the archive reads: every unit folder, every report of the period in it (a second
/// file of a unit is read too, and consolidation keeps the later report), and the reports of the earlier periods a
/// trend shows. Nothing is downloaded here; each source opens its file when a worker reads it.
/// </summary>
public static class ArchiveConsolidation
{
    public static async Task<ArchiveSelection> SelectAsync(IReportArchive archive, ReportPeriod? period, int trendPeriods = Trends.DefaultPeriods, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(archive);
        if (archive is not IArchiveUnits listing)
        {
            throw new ArchiveException(ArchiveError.Unavailable, "Kho báo cáo này không liệt kê được các đơn vị.", "This archive cannot list its units.");
        }

        var units = await listing.ListUnitsAsync(cancellationToken).ConfigureAwait(false);
        var reports = new List<ArchivedReport>();
        foreach (var unit in units)
        {
            reports.AddRange(await archive.ListAsync(unit, cancellationToken).ConfigureAwait(false));
        }

        return Select(archive, reports, units, period, trendPeriods);
    }

    /// <summary>One unit's reports of <paramref name="period"/> (else its latest) and the periods of the same kind before it: its own trend.</summary>
    public static async Task<ArchiveSelection> SelectUnitAsync(IReportArchive archive, string unit, ReportPeriod? period, int trendPeriods = Trends.DefaultPeriods, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(archive);
        var reports = await archive.ListAsync(unit, cancellationToken).ConfigureAwait(false);
        return Select(archive, reports, [unit], period, trendPeriods);
    }

    private static ArchiveSelection Select(IReportArchive archive, IReadOnlyList<ArchivedReport> reports, IReadOnlyList<string> units, ReportPeriod? period, int trendPeriods)
    {
        period ??= reports.Select(r => r.Period).OrderByDescending(p => p.CalendarKey()).FirstOrDefault();
        if (period is null)
        {
            return new ArchiveSelection(null, [], units);
        }

        var periods = Trends.Window(reports.Select(r => r.Period), period, trendPeriods).ToHashSet();
        var read = reports.Where(r => periods.Contains(r.Period)).ToList();
        var sources = read.Select(r => new UnitSource(NameOf(r), token => OpenAsync(archive, r, token), r.Modified)).ToList();
        return new ArchiveSelection(period, sources, units)
        {
            TrendOnly = read.Where(r => r.Period != period).Select(NameOf).ToHashSet(StringComparer.Ordinal),
        };
    }

    /// <summary>How a report is named in the status table and the list of files left out: its unit folder and file name.</summary>
    private static string NameOf(ArchivedReport report) => $"{ArchiveNames.UnitSlug(report.Unit)}/{report.FileName}";

    /// <summary>
    /// A report's bytes, buffered (the reader needs to seek, a download cannot). A file the archive refuses to hand
    /// over is listed as unreadable; a sign-in the user must renew stops the whole run, since every other file needs it too.
    /// </summary>
    private static async ValueTask<Stream> OpenAsync(IReportArchive archive, ArchivedReport report, CancellationToken cancellationToken)
    {
        try
        {
            var stream = await archive.OpenAsync(report, cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                var buffer = new MemoryStream();
                await stream.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
                buffer.Position = 0;
                return buffer;
            }
        }
        catch (ArchiveException exception) when (exception.Error is not ArchiveError.ConsentRequired)
        {
            throw new UnitSourceException(exception.Message, exception.MessageEn, exception);
        }
    }
}
