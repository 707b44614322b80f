using System.Text.Json.Serialization;
using Cchc.Appendix.Checking;
using Cchc.Appendix.Consolidation;
using Cchc.Appendix.Header;
using Cchc.Appendix.Reporting;
using Cchc.Host.Hosting;
using Cchc.Host.Security;
using Cchc.OpenXml.Consolidation;
using Cchc.SharePoint;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using P = Cchc.Host.Problems.Problems;

namespace Cchc.Host.Api;

/// <summary>
/// The JSON of <c>POST /api/consolidate</c>: exactly <see cref="ConsolidationContract"/>'s fields, plus
/// <see cref="Trends"/> only when <c>include=trends</c> asks for it.
/// </summary>
public sealed record ConsolidationResponse(
    string? Period,
    IReadOnlyList<UnitContract> Units,
    IReadOnlyList<IndicatorContract> Indicators,
    IReadOnlyList<ExclusionContract> Excluded)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<TrendDto>? Trends { get; init; }

    public static ConsolidationResponse From(ConsolidationContract contract) => new(contract.Period, contract.Units, contract.Indicators, contract.Excluded);
}

/// <summary>An indicator over the periods, oldest first; the last point is the period consolidated.</summary>
public sealed record TrendDto(string Id, string Label, string Unit, string Type, bool Median, IReadOnlyList<TrendPointDto> Points)
{
    public static IReadOnlyList<TrendDto> From(IReadOnlyList<TrendSeries> series) => series
        .Select(s => new TrendDto(
            s.Id,
            s.Label,
            s.Unit,
            ConsolidationContract.TypeName(s.Type),
            s.Method == FigureMethod.Spread,
            s.Points.Select(p => new TrendPointDto(p.Period.YearSlug, p.Period.ToString(), p.Value, p.Reported, p.Of)).ToList()))
        .ToList();
}

/// <summary>One period of a trend: its slug (<c>2026-q2</c>), how a title names it, the figure and how many units gave it.</summary>
public sealed record TrendPointDto(string Period, string Name, decimal? Value, int Reported, int Of);

/// <summary>The answer of <c>GET /api/consolidate/trend</c>: one unit's chosen indicators over its last periods in the archive.</summary>
public sealed record UnitTrendResponse(string Unit, string? Period, IReadOnlyList<TrendDto> Series);

/// <summary>
/// <c>POST /api/consolidate</c>: every unit's appendix of a period, uploaded in one multipart request or read from the
/// archive (<c>?source=archive</c>), consolidated for the province; JSON by default, the workbook or the Word table
/// when <c>Accept</c> asks for it. <c>GET /api/consolidate/trend</c>: one unit's figures over its last periods.
/// </summary>
public static class ConsolidateApi
{
    public const string TimeoutPolicy = "consolidation";

    private static readonly ProblemKindRef ProvinceOnly = new("province-only", 403, "Chỉ cán bộ của tỉnh được tổng hợp báo cáo của các đơn vị", "Only the province's staff may consolidate units' reports");
    private static readonly ProblemKindRef NothingReadable = new("nothing-readable", 422, "Không đọc được tệp nào", "No file could be read");

    /// <summary>Options, access and the longer time limit a consolidation needs.</summary>
    public static IServiceCollection AddConsolidation(this IServiceCollection services)
    {
        services.BindSection<ConsolidateOptions>(ConsolidateOptions.SectionName).ValidateDataAnnotations();
        services.AddSingleton<IProvinceAccess, UnitMembershipAccess>();
        services.AddOptions<RequestTimeoutOptions>().Configure<IOptions<ConsolidateOptions>>((timeouts, options) =>
            timeouts.AddPolicy(TimeoutPolicy, new RequestTimeoutPolicy
            {
                Timeout = TimeSpan.FromSeconds(options.Value.TimeoutSeconds),
                TimeoutStatusCode = StatusCodes.Status504GatewayTimeout,
                WriteTimeoutResponse = context => context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context,
                    ProblemDetails = P.Details(P.Timeout, "Tổng hợp quá thời gian cho phép; hãy tổng hợp ít đơn vị hơn mỗi lần.", "The consolidation took too long; consolidate fewer units at a time."),
                }).AsTask(),
            }));
        return services;
    }

    public static IEndpointRouteBuilder MapConsolidateApi(this IEndpointRouteBuilder endpoints)
    {
        var limits = endpoints.ServiceProvider.GetRequiredService<IOptions<LimitsOptions>>().Value;
        var options = endpoints.ServiceProvider.GetRequiredService<IOptions<ConsolidateOptions>>().Value;
        var group = endpoints.MapApiGroup("/consolidate", "Consolidation");
        group.MapPost("/", ConsolidateAsync)
            .WithName("Consolidate")
            .WithSummary("Tổng hợp phụ lục các đơn vị / Consolidate every unit's appendix of a period")
            .WithDescription("Multipart field `files` (any number of .docx/.xlsx), optional field `units` (the units expected, one a line); or `?source=archive`. Query: `period` (2026-q2, \"quý II 2026\"), `countErrors`, `trend` (ids), `include=trends`, `lang`. `Accept` of the .xlsx or .docx type returns the workbook or the Word table.")
            .Produces(StatusCodes.Status200OK, contentType: FilesApi.XlsxContentType)
            .Produces(StatusCodes.Status200OK, contentType: FilesApi.DocxContentType)
            .WithBodyLimit(BodyKind.Documents)
            .WithRequestTimeout(TimeoutPolicy)
            .RequireRateLimiting(ApiGroups.DocumentRatePolicy)
            // Bearer tokens, not cookies, authenticate these posts, so there is no cross-site form to forge.
            .DisableAntiforgery()
            // Every unit's file in one form: the host-wide form limits are sized for one document and its previous period.
            .WithFormOptions(multipartBodyLengthLimit: limits.MaxConsolidationBytes, valueCountLimit: options.MaxFiles + 16)
            .ReadsDocuments();
        group.MapGet("/trend", UnitTrendAsync)
            .WithName("UnitTrend")
            .WithSummary("Xu hướng của một đơn vị / One unit's indicators over its last periods in the archive")
            .WithDescription("`unit` as the title names it; optional `period` (the last one shown, else the latest archived), `ids` (comma-separated indicator ids).")
            .WithRequestTimeout(TimeoutPolicy)
            .ReadsDocuments();
        return endpoints;
    }

    internal static async Task<Results<Ok<ConsolidationResponse>, FileContentHttpResult, ProblemHttpResult>> ConsolidateAsync(
        HttpContext context,
        [FromQuery] string? source,
        [FromQuery] string? period,
        [FromQuery] bool? countErrors,
        [FromQuery] string? trend,
        [FromQuery] string? include,
        [FromQuery] string? lang,
        [FromServices] IProvinceAccess access,
        [FromServices] IOptions<LimitsOptions> limits,
        [FromServices] IOptions<ConsolidateOptions> options,
        [FromServices] IServiceProvider services,
        CancellationToken cancellationToken)
    {
        if (CheckApi.ValidateQuery(null, lang) is { } invalidQuery)
        {
            return invalidQuery;
        }

        if (!access.MayReadAll(context.User))
        {
            return ProvinceOnly.Result(
                "Tổng hợp đọc báo cáo của mọi đơn vị nên chỉ dành cho cán bộ có vai trò của tỉnh (Sở Nội vụ, mục UnitAccess:Province); hãy đề nghị quản trị cấp vai trò này.",
                "Consolidation reads every unit's reports, so it is for the province's staff (Department of Home Affairs, UnitAccess:Province) only; ask the administrator for that role.");
        }

        ReportPeriod? wanted = null;
        if (period is not null && !PeriodText.TryParse(period, out wanted))
        {
            return P.Result(P.InvalidRequest, "Tham số period phải có dạng 2026-q2 hoặc \"quý II 2026\".", "The period parameter must look like 2026-q2 or \"quý II 2026\".", extensions: Field("period"));
        }

        // Earlier periods are read only for a trend: the JSON answer without one needs the period alone.
        var wantsTrends = string.Equals(include, "trends", StringComparison.OrdinalIgnoreCase);
        var accept = context.Request.Headers.Accept.ToString();
        var wantsWorkbook = accept.Contains(FilesApi.XlsxContentType, StringComparison.OrdinalIgnoreCase);
        ArchiveSelection selection;
        IReadOnlyList<string>? expected = null;
        var fromArchive = string.Equals(source, "archive", StringComparison.OrdinalIgnoreCase);
        if (fromArchive)
        {
            if (services.GetService<IReportArchive>() is not { } archive)
            {
                return P.Result(P.ArchiveNotConfigured, "Máy chủ chưa được cấu hình kho báo cáo (mục Archive); hãy liên hệ bộ phận CNTT.", "The host has no report archive configured (the Archive section); contact IT.");
            }

            selection = await ArchiveConsolidation.SelectAsync(archive, wanted, wantsTrends || wantsWorkbook ? Trends.DefaultPeriods : 1, cancellationToken);
        }
        else if (source is null || string.Equals(source, "upload", StringComparison.OrdinalIgnoreCase))
        {
            if (!context.Request.HasFormContentType)
            {
                return P.Result(P.UnsupportedMediaType, "Hãy gửi các tệp phụ lục qua multipart/form-data (trường files), hoặc dùng ?source=archive.", "Send the appendix files as multipart/form-data (the files field), or use ?source=archive.");
            }

            var form = await context.Request.ReadFormAsync(cancellationToken);
            if (form.Files.Count == 0)
            {
                return P.Result(P.MissingFile, "Hãy gửi ít nhất một tệp .docx hoặc .xlsx trong trường files của multipart/form-data.", "Send at least one .docx or .xlsx file in the files field of multipart/form-data.", extensions: Field("files"));
            }

            if (form.Files.Count > options.Value.MaxFiles)
            {
                return P.Result(P.TooLarge, $"Một lần tổng hợp nhận tối đa {options.Value.MaxFiles} tệp.", $"One consolidation takes at most {options.Value.MaxFiles} files.", extensions: Field("files"));
            }

            expected = form.TryGetValue("units", out var units) ? UnitList(units.ToString()) : null;
            selection = new ArchiveSelection(wanted, form.Files.Select(Upload).ToList(), []);
        }
        else
        {
            return P.Result(P.InvalidRequest, "Tham số source chỉ nhận archive (kho báo cáo) hoặc upload (tệp gửi lên).", "The source parameter accepts only archive or upload.", extensions: Field("source"));
        }

        if (selection.Sources.Count == 0)
        {
            return NothingReadable.Result("Kho báo cáo chưa có báo cáo nào của kỳ này.", "The archive holds no report for this period.");
        }

        var reading = await UnitReader.ReadAsync(selection.Sources, AppendixChecker.Default, limits.Value.ReadLimits, options.Value.Workers, cancellationToken: cancellationToken);
        if (reading.Reports.Count == 0)
        {
            return NothingReadable.Result(
                "Không tệp nào đọc được thành phụ lục nên không có gì để tổng hợp.",
                "No file could be read as an appendix, so there is nothing to consolidate.",
                new Dictionary<string, object?> { ["files"] = reading.Unreadable.Select(f => new ExclusionContract(f.File, CheckApi.IsEnglish(lang) ? f.ReasonEn : f.Reason)).ToList() });
        }

        var consolidation = new ConsolidationOptions
        {
            Period = selection.Period,
            Units = expected ?? (fromArchive ? UnitNames.AsReportsWriteThem(selection.Units, reading.Reports) : null),
            CountFiguresWithErrors = countErrors == true,
        };
        var report = Consolidator.Consolidate(reading.Reports.Where(r => selection.Counts(r.File)), reading.Unreadable.Where(f => selection.Counts(f.File)), consolidation);
        var series = wantsTrends || wantsWorkbook ? Trends.For(report, reading.Reports, consolidation, Ids(trend)) : [];

        var name = $"tong-hop-{(report.Period is null ? "phu-luc" : report.Period.YearSlug)}";
        if (wantsWorkbook)
        {
            using var workbook = new MemoryStream();
            ConsolidationWorkbook.Write(report, series, workbook);
            return TypedResults.File(workbook.ToArray(), FilesApi.XlsxContentType, name + ".xlsx");
        }

        if (accept.Contains(FilesApi.DocxContentType, StringComparison.OrdinalIgnoreCase))
        {
            using var document = new MemoryStream();
            ConsolidationDocument.Write(report, document);
            return TypedResults.File(document.ToArray(), FilesApi.DocxContentType, name + ".docx");
        }

        var response = ConsolidationResponse.From(ConsolidationContract.From(report, CheckApi.IsEnglish(lang)));
        return TypedResults.Ok(wantsTrends ? response with { Trends = TrendDto.From(series) } : response);
    }

    internal static async Task<Results<Ok<UnitTrendResponse>, ProblemHttpResult>> UnitTrendAsync(
        HttpContext context,
        [FromQuery] string? unit,
        [FromQuery] string? period,
        [FromQuery] string? ids,
        [FromServices] IProvinceAccess access,
        [FromServices] IOptions<LimitsOptions> limits,
        [FromServices] IOptions<ConsolidateOptions> options,
        [FromServices] IServiceProvider services,
        CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(unit))
        {
            return P.Result(P.InvalidRequest, "Thiếu tham số unit (tên đơn vị như tiêu đề phụ lục ghi).", "The unit parameter is missing (the unit as the appendix title names it).", extensions: Field("unit"));
        }

        ReportPeriod? wanted = null;
        if (period is not null && !PeriodText.TryParse(period, out wanted))
        {
            return P.Result(P.InvalidRequest, "Tham số period phải có dạng 2026-q2 hoặc \"quý II 2026\".", "The period parameter must look like 2026-q2 or \"quý II 2026\".", extensions: Field("period"));
        }

        if (!access.MayRead(context.User, unit))
        {
            return ProvinceOnly.Result($"Bạn không được đọc báo cáo của {unit.Trim()} trong kho.", $"You may not read the reports of {unit.Trim()} in the archive.");
        }

        if (services.GetService<IReportArchive>() is not { } archive)
        {
            return P.Result(P.ArchiveNotConfigured, "Máy chủ chưa được cấu hình kho báo cáo (mục Archive); hãy liên hệ bộ phận CNTT.", "The host has no report archive configured (the Archive section); contact IT.");
        }

        var selection = await ArchiveConsolidation.SelectUnitAsync(archive, unit.Trim(), wanted, cancellationToken: cancellationToken);
        if (selection.Period is null)
        {
            return TypedResults.Ok(new UnitTrendResponse(unit.Trim(), null, []));
        }

        var reading = await UnitReader.ReadAsync(selection.Sources, AppendixChecker.Default, limits.Value.ReadLimits, options.Value.Workers, cancellationToken: cancellationToken);
        var byPeriod = Trends.ConsolidateEach(reading.Reports, Trends.PeriodsUpTo(selection.Period, reading.Reports));
        var chosen = Ids(ids) ?? Trends.DefaultIds(byPeriod[^1]);
        return TypedResults.Ok(new UnitTrendResponse(unit.Trim(), selection.Period.ToString(), TrendDto.From(Trends.Of(byPeriod, chosen))));
    }

    private static string[]? Ids(string? list) => list?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    private static UnitSource Upload(IFormFile file) =>
        new(FilesApi.SafeName(file.FileName), _ => ValueTask.FromResult(file.OpenReadStream()));

    /// <summary>The units of the form's <c>units</c> field: one a line, blank lines and "#" comments skipped.</summary>
    private static List<string>? UnitList(string text)
    {
        var units = text.Split('\n').Select(line => line.Trim().TrimEnd('\r')).Where(line => line.Length > 0 && !line.StartsWith('#')).ToList();
        return units.Count > 0 ? units : null;
    }

    private static Dictionary<string, object?> Field(string name) => new() { ["field"] = name };

    /// <summary>A problem kind of this API, with its result in one call.</summary>
    private sealed record ProblemKindRef(string Code, int Status, string Title, string TitleEn)
    {
        public ProblemHttpResult Result(string detail, string detailEn, IDictionary<string, object?>? extensions = null) =>
            P.Result(new Problems.ProblemKind(Code, Status, Title, TitleEn), detail, detailEn, extensions: extensions);
    }
}
