using System.Security.Claims;
using Cchc.Appendix.Header;
using Cchc.Appendix.Table;
using Cchc.Host.Security;
using Cchc.SharePoint;

namespace Cchc.Host.Api;

/// <summary>The seam between the host and the OpenXml adapter: a .docx or .xlsx in, the appendix snapshot out.</summary>
public interface IAppendixReader
{
    /// <exception cref="Cchc.OpenXml.DocumentReadException">The file is not a readable appendix.</exception>
    /// <exception cref="OperationCanceledException">The request timed out or went away; checked while the file is parsed.</exception>
    TableSnapshot Read(Stream content, string fileName, CancellationToken cancellationToken);
}

/// <summary>The previous period's snapshot, or why there is none (<c>no-previous-report</c>, <c>header-incomplete</c>, <c>archive-not-configured</c>).</summary>
public sealed record PreviousResult(TableSnapshot? Snapshot, PreviousDto? Info, string? Reason)
{
    public static readonly PreviousResult None = new(null, null, null);

    public static PreviousResult Missing(string reason) => new(null, null, reason);
}

/// <summary>Finds the previous period's report in the archive, when one is configured and the caller may read the unit's reports.</summary>
public sealed class PreviousReports(IServiceProvider services, IAppendixReader reader, UnitAccess access, IHttpContextAccessor http)
{
    public IReportArchive? Archive { get; } = services.GetService<IReportArchive>();

    /// <exception cref="UnitForbiddenException">The caller does not belong to the unit the title names.</exception>
    public async Task<PreviousResult> FromArchiveAsync(TableSnapshot current, string? documentUrl, CancellationToken cancellationToken)
    {
        if (Archive is null)
        {
            return PreviousResult.Missing(Problems.Problems.ArchiveNotConfigured.Code);
        }

        var header = HeaderParser.Parse(current.TitleLines);
        if (header.Unit is null || header.Period is null)
        {
            return PreviousResult.Missing(Problems.Problems.HeaderIncomplete.Code);
        }

        access.Demand(http.HttpContext?.User ?? new ClaimsPrincipal(), header.Unit, UnitRight.Read);
        var found = await Archive.FindAsync(new ArchiveLookup(header.Unit, header.Period.Previous(), documentUrl), cancellationToken);
        if (found is null)
        {
            return PreviousResult.Missing(Problems.Problems.NoPreviousReport.Code);
        }

        var snapshot = await ReadAsync(found, cancellationToken);
        return new PreviousResult(snapshot, new PreviousDto("archive", CheckMapping.ToPeriod(found.Period), found.FileName), null);
    }

    private async Task<TableSnapshot> ReadAsync(ArchivedReport report, CancellationToken cancellationToken)
    {
        // The reader needs a seekable stream and the archive may hand out a network stream.
        using var buffer = new MemoryStream();
        await using (var content = await Archive!.OpenAsync(report, cancellationToken))
        {
            await content.CopyToAsync(buffer, cancellationToken);
        }

        buffer.Position = 0;
        try
        {
            return reader.Read(buffer, report.FileName, cancellationToken);
        }
        catch (Cchc.OpenXml.DocumentReadException read)
        {
            throw new ArchiveException(
                ArchiveError.UnreadableReport,
                $"Báo cáo kỳ trước trong kho ({report.FileName}) không đọc được: {read.Message}",
                $"The previous report in the archive ({report.FileName}) cannot be read: {read.MessageEn}",
                read);
        }
    }
}
