using System.Globalization;
using Cchc.Appendix.Checking;
using Cchc.Appendix.Editing;
using Cchc.Appendix.Header;
using Cchc.Appendix.Table;
using Cchc.Host.Hosting;
using Cchc.OpenXml;
using Cchc.OpenXml.Writing;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using P = Cchc.Host.Problems.Problems;

namespace Cchc.Host.Api;

/// <summary><c>POST /api/files/check</c> and <c>/api/files/fix</c>: a .docx or .xlsx upload, for the browser page and batch clients.</summary>
public static class FilesApi
{
    public static IEndpointRouteBuilder MapFilesApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapApiGroup("/files", "Files")
            .WithBodyLimit(BodyKind.Document)
            .RequireRateLimiting(ApiGroups.DocumentRatePolicy)
            .ReadsDocuments()
            // Bearer tokens, not cookies, authenticate these posts, so there is no cross-site form to forge.
            .DisableAntiforgery();

        group.MapPost("/check", CheckFileAsync)
            .WithName("CheckFile")
            .WithSummary("Kiểm tra tệp phụ lục / Check an uploaded .docx or .xlsx")
            .WithDescription("Multipart field `file`, optional `previous` (the previous period's file); `?rows=` as for /api/check.");

        group.MapPost("/fix", FixFileAsync)
            .WithName("FixFile")
            .WithSummary("Sửa tệp phụ lục / Write the proposals into an uploaded .docx or .xlsx")
            .WithDescription("Multipart field `file`, optional `previous`, optional `only` (comma-separated rule codes), optional `track` (true by default: Word edits as tracked changes). Returns the corrected document; `X-Cchc-Applied` and `X-Cchc-Skipped` count the edits.")
            .Produces(StatusCodes.Status200OK, contentType: DocxContentType)
            .Produces(StatusCodes.Status200OK, contentType: XlsxContentType);
        return endpoints;
    }

    public const string DocxContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string AppliedHeader = "X-Cchc-Applied";
    public const string SkippedHeader = "X-Cchc-Skipped";

    internal static async Task<Results<Ok<CheckResponse>, ProblemHttpResult>> CheckFileAsync(
        IFormFile? file,
        IFormFile? previous,
        [FromQuery] string? lang,
        [FromQuery] string? rows,
        [FromServices] IAppendixReader reader,
        [FromServices] AppendixChecker checker,
        [FromServices] IOptions<LimitsOptions> limits,
        CancellationToken cancellationToken)
    {
        if (CheckApi.ValidateQuery(null, lang) is { } invalidQuery)
        {
            return invalidQuery;
        }

        if (CheckApi.ParseRows(rows, out var echo) is { } invalidRows)
        {
            return invalidRows;
        }

        if (Validate(file, "file", limits.Value) is { } invalidFile)
        {
            return invalidFile;
        }

        if (previous is not null && Validate(previous, "previous", limits.Value) is { } invalidPrevious)
        {
            return invalidPrevious;
        }

        var current = await ReadAsync(reader, file!, cancellationToken);
        PreviousDto? previousInfo = null;
        TableSnapshot? previousSnapshot = null;
        if (previous is not null)
        {
            previousSnapshot = await ReadAsync(reader, previous, cancellationToken);
            previousInfo = new PreviousDto("file", CheckMapping.ToPeriod(HeaderParser.Parse(previousSnapshot.TitleLines).Period), SafeName(previous.FileName));
        }

        cancellationToken.ThrowIfCancellationRequested();
        var report = checker.Check(current, previousSnapshot);
        return TypedResults.Ok(CheckMapping.ToResponse(current, report, CheckApi.IsEnglish(lang), previousInfo, null, echo) with { File = SafeName(file!.FileName) });
    }

    internal static async Task<Results<FileContentHttpResult, ProblemHttpResult>> FixFileAsync(
        IFormFile? file,
        IFormFile? previous,
        [FromForm] string? only,
        [FromForm] string? track,
        [FromQuery] string? lang,
        HttpContext context,
        [FromServices] IAppendixReader reader,
        [FromServices] AppendixChecker checker,
        [FromServices] IOptions<LimitsOptions> limits,
        [FromServices] TimeProvider time,
        CancellationToken cancellationToken)
    {
        if (CheckApi.ValidateQuery(null, lang) is { } invalidQuery)
        {
            return invalidQuery;
        }

        if (Validate(file, "file", limits.Value) is { } invalidFile)
        {
            return invalidFile;
        }

        if (previous is not null && Validate(previous, "previous", limits.Value) is { } invalidPrevious)
        {
            return invalidPrevious;
        }

        var tracked = true;
        if (track is not null && !bool.TryParse(track.Trim(), out tracked))
        {
            return P.Result(P.InvalidRequest, "Trường track chỉ nhận true hoặc false.", "The track field accepts only true or false.", extensions: new Dictionary<string, object?> { ["field"] = "track" });
        }

        if (ParseCodes(only, out var codes) is { } invalidCodes)
        {
            return invalidCodes;
        }

        var name = SafeName(file!.FileName);
        byte[] original;
        await using (var upload = file.OpenReadStream())
        using (var buffer = new MemoryStream())
        {
            await upload.CopyToAsync(buffer, cancellationToken);
            original = buffer.ToArray();
        }

        var readLimits = limits.Value.ReadLimits;
        var current = reader.Read(new MemoryStream(original, writable: false), name, cancellationToken);
        var previousSnapshot = previous is null ? null : await ReadAsync(reader, previous, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();

        var report = checker.Check(current, previousSnapshot);
        using var output = new MemoryStream();
        var result = AppendixWriter.Apply(
            new MemoryStream(original, writable: false),
            output,
            name,
            Corrections.Edits(report, current, codes),
            Corrections.Marks(report, codes),
            new WriteOptions(Track: tracked, Time: time),
            readLimits,
            cancellationToken);

        var kind = AppendixDocument.Sniff(new MemoryStream(original, writable: false), name, readLimits);
        context.Response.Headers[AppliedHeader] = result.Applied.Count.ToString(CultureInfo.InvariantCulture);
        context.Response.Headers[SkippedHeader] = result.Skipped.Count.ToString(CultureInfo.InvariantCulture);
        // The download name keeps the user's own (often Vietnamese) name; the framework writes it as RFC 5987 filename*.
        return TypedResults.File(
            output.ToArray(),
            kind == DocumentKind.Docx ? DocxContentType : XlsxContentType,
            CorrectedName(name, kind));
    }

    /// <summary>The codes of <c>only</c>, or null for all; a Problem listing the valid codes when one is unknown.</summary>
    internal static ProblemHttpResult? ParseCodes(string? only, out IReadOnlySet<string>? codes)
    {
        codes = null;
        if (only is null)
        {
            return null;
        }

        var asked = only.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(c => c.ToUpperInvariant()).ToHashSet();
        var unknown = asked.Where(c => !AppendixChecker.RuleCodes.Contains(c)).ToList();
        if (asked.Count == 0 || unknown.Count > 0)
        {
            var valid = string.Join(", ", AppendixChecker.RuleCodes);
            return P.Result(
                P.InvalidRequest,
                asked.Count == 0 ? $"Trường only không có mã lỗi nào. Các mã hợp lệ: {valid}." : $"Mã lỗi không có: {string.Join(", ", unknown)}. Các mã hợp lệ: {valid}.",
                asked.Count == 0 ? $"The only field names no rule code. Valid codes: {valid}." : $"Unknown rule code{(unknown.Count == 1 ? string.Empty : "s")}: {string.Join(", ", unknown)}. Valid codes: {valid}.",
                extensions: new Dictionary<string, object?> { ["field"] = "only", ["unknownCodes"] = unknown, ["validCodes"] = AppendixChecker.RuleCodes });
        }

        codes = asked;
        return null;
    }

    /// <summary><c>báo cáo.docx</c> → <c>báo cáo-da-sua.docx</c>, with the extension of what the file really is.</summary>
    internal static string CorrectedName(string name, DocumentKind kind)
    {
        var extension = kind == DocumentKind.Docx ? ".docx" : ".xlsx";
        var stem = Path.GetFileNameWithoutExtension(name);
        return (string.IsNullOrWhiteSpace(stem) ? "tai-lieu" : stem) + "-da-sua" + extension;
    }

    /// <summary>Refuses what needs no reading to refuse: no file, an empty one, one over the size limit.</summary>
    internal static ProblemHttpResult? Validate(IFormFile? file, string field, LimitsOptions limits)
    {
        var extensions = new Dictionary<string, object?> { ["field"] = field };
        if (file is null)
        {
            return P.Result(P.MissingFile, $"Hãy gửi tệp .docx hoặc .xlsx trong trường {field} của multipart/form-data.", $"Send a .docx or .xlsx file in the {field} field of multipart/form-data.", extensions: extensions);
        }

        if (file.Length == 0)
        {
            return P.Result(new("empty-file", 400, "Tệp rỗng", "Empty file"), $"Tệp {SafeName(file.FileName)} không có nội dung (0 byte).", $"The file {SafeName(file.FileName)} is empty (0 bytes).", extensions: extensions);
        }

        if (file.Length > limits.MaxDocumentBytes)
        {
            var mb = limits.MaxDocumentBytes / (1024 * 1024);
            return P.Result(P.TooLarge, $"Tệp {SafeName(file.FileName)} lớn hơn giới hạn {mb} MB; một phụ lục thật thường dưới 1 MB.", $"The file {SafeName(file.FileName)} exceeds the {mb} MB limit; a real appendix is usually under 1 MB.", extensions: extensions);
        }

        return null;
    }

    internal static async Task<TableSnapshot> ReadAsync(IAppendixReader reader, IFormFile file, CancellationToken cancellationToken)
    {
        await using var content = file.OpenReadStream();
        cancellationToken.ThrowIfCancellationRequested();
        return reader.Read(content, SafeName(file.FileName), cancellationToken);
    }

    /// <summary>The file's own name without any directory a client may have sent along.</summary>
    internal static string SafeName(string? fileName)
    {
        var name = Path.GetFileName((fileName ?? string.Empty).Replace('\\', '/'));
        return string.IsNullOrWhiteSpace(name) ? "tai-lieu" : name;
    }
}
