using System.Security.Claims;
using Cchc.Appendix.Header;
using Cchc.Host.Hosting;
using Cchc.Host.Security;
using Cchc.SharePoint;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using P = Cchc.Host.Problems.Problems;

namespace Cchc.Host.Api;

/// <summary>
/// An archived report as the API shows it; where it is stored stays inside the host. <c>SavedBy</c> names who saved it
/// through the add-in, null for a file put into the archive any other way.
/// </summary>
public sealed record ArchivedReportDto(string Unit, PeriodDto Period, string FileName, string? ETag, DateTimeOffset? Modified, long? Size, string? SavedBy)
{
    public static ArchivedReportDto From(ArchivedReport report) =>
        new(report.Unit, CheckMapping.ToPeriod(report.Period)!, report.FileName, report.ETag, report.Modified, report.Size, report.SavedBy?.Name);
}

/// <summary><c>/api/archive</c>: find the previous period's report, save this period's.</summary>
public static class ArchiveApi
{
    public static IEndpointRouteBuilder MapArchiveApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapApiGroup("/archive", "Archive");
        group.MapGet("/previous", FindPreviousAsync)
            .WithName("FindPreviousReport")
            .WithSummary("Tìm báo cáo kỳ trước / Find the report of the period before `period`")
            .WithDescription("`period` is the current report's period (`2022-q3`, `2022-6-thang`, `2022-9-thang`, `2022-nam`); the answer is the archived report of the period before it. Only members of `unit`, and the province's readers, may ask (403 `unit-forbidden`).")
            .ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapPost("/", SaveAsync)
            .WithName("SaveReport")
            .WithSummary("Lưu báo cáo kỳ này vào kho / Save this period's report")
            .WithDescription("Multipart field `file`; unit and period come from the document's title, and only members of that unit may save (403 `unit-forbidden`); `etag` replaces only that version. The archive records who saved it.")
            .WithBodyLimit(BodyKind.Document)
            .RequireRateLimiting(ApiGroups.DocumentRatePolicy)
            .ReadsDocuments()
            // Bearer tokens, not cookies, authenticate these posts, so there is no cross-site form to forge.
            .DisableAntiforgery();
        return endpoints;
    }

    internal static async Task<Results<Ok<ArchivedReportDto>, ProblemHttpResult>> FindPreviousAsync(
        string? unit,
        string? period,
        ClaimsPrincipal user,
        [FromServices] IReportArchive? archive,
        [FromServices] UnitAccess access,
        CancellationToken cancellationToken)
    {
        if (archive is null)
        {
            return NotConfigured();
        }

        if (string.IsNullOrWhiteSpace(unit))
        {
            return P.Result(P.InvalidRequest, "Thiếu tham số unit (tên đơn vị như tiêu đề phụ lục ghi).", "The unit parameter is missing (the unit as the appendix title names it).", extensions: new Dictionary<string, object?> { ["field"] = "unit" });
        }

        if (!ReportPeriod.TryParseYearSlug(period, out var current))
        {
            return P.Result(P.InvalidRequest, "Tham số period phải có dạng 2022-q3, 2022-6-thang, 2022-9-thang hoặc 2022-nam.", "The period parameter must look like 2022-q3, 2022-6-thang, 2022-9-thang or 2022-nam.", extensions: new Dictionary<string, object?> { ["field"] = "period" });
        }

        access.Demand(user, unit.Trim(), UnitRight.Read);
        var wanted = current.Previous();
        var found = await archive.FindAsync(new ArchiveLookup(unit.Trim(), wanted), cancellationToken);
        return found is null
            ? P.Result(P.NoPreviousReport, $"Kho chưa có báo cáo {wanted} của {unit.Trim()}.", $"The archive holds no report of {unit.Trim()} for {wanted.KindName} {wanted.Year}.")
            : TypedResults.Ok(ArchivedReportDto.From(found));
    }

    internal static async Task<Results<Created<ArchivedReportDto>, ProblemHttpResult>> SaveAsync(
        IFormFile? file,
        [FromForm] string? etag,
        ClaimsPrincipal user,
        [FromServices] UnitAccess access,
        [FromServices] IReportArchive? archive,
        [FromServices] IAppendixReader reader,
        [FromServices] IOptions<LimitsOptions> limits,
        CancellationToken cancellationToken)
    {
        if (archive is null)
        {
            return NotConfigured();
        }

        if (FilesApi.Validate(file, "file", limits.Value) is { } invalid)
        {
            return invalid;
        }

        // The title decides where the report goes, so the archive never files a report under a name the user typed.
        var snapshot = await FilesApi.ReadAsync(reader, file!, cancellationToken);
        var header = HeaderParser.Parse(snapshot.TitleLines);
        if (header.Unit is null || header.Period is null)
        {
            return P.Result(P.HeaderIncomplete, "Tiêu đề phụ lục phải ghi kỳ báo cáo và đơn vị, ví dụ: QUÝ III NĂM 2022 CỦA UBND THỊ XÃ NGÃ NĂM.", "The appendix title must name the period and the unit, e.g. QUÝ III NĂM 2022 CỦA UBND THỊ XÃ NGÃ NĂM.");
        }

        // The title names the unit, so only a member of that unit may file it: nobody plants a report for another unit.
        access.Demand(user, header.Unit, UnitRight.Write);
        await using var content = file!.OpenReadStream();
        var saved = await archive.SaveAsync(header.Unit, header.Period, FilesApi.SafeName(file.FileName), content, string.IsNullOrWhiteSpace(etag) ? null : etag, access.SaverOf(user), cancellationToken);
        return TypedResults.Created((string?)null, ArchivedReportDto.From(saved));
    }

    private static ProblemHttpResult NotConfigured() => P.Result(
        P.ArchiveNotConfigured,
        "Máy chủ chưa được cấu hình kho báo cáo (mục Archive); hãy liên hệ bộ phận CNTT.",
        "The host has no report archive configured (the Archive section); contact IT.");
}
