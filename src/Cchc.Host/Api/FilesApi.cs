using Cchc.Appendix.Checking;
using Cchc.Appendix.Header;
using Cchc.Appendix.Table;
using Cchc.Host.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using P = Cchc.Host.Problems.Problems;

namespace Cchc.Host.Api;

/// <summary><c>POST /api/files/check</c>: a .docx or .xlsx upload, for the browser page and batch clients.</summary>
public static class FilesApi
{
    public static IEndpointRouteBuilder MapFilesApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapApiGroup("/files", "Files")
            .WithBodyLimit(BodyKind.Document)
            .RequireRateLimiting(ApiGroups.DocumentRatePolicy)
            // Bearer tokens, not cookies, authenticate these posts, so there is no cross-site form to forge.
            .DisableAntiforgery();

        group.MapPost("/check", CheckFileAsync)
            .WithName("CheckFile")
            .WithSummary("Kiểm tra tệp phụ lục / Check an uploaded .docx or .xlsx")
            .WithDescription("Multipart field `file`, optional `previous` (the previous period's file).");
        return endpoints;
    }

    internal static async Task<Results<Ok<CheckResponse>, ProblemHttpResult>> CheckFileAsync(
        IFormFile? file,
        IFormFile? previous,
        [FromQuery] string? lang,
        [FromServices] IAppendixReader reader,
        [FromServices] IOptions<LimitsOptions> limits,
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

        var current = await ReadAsync(reader, file!, cancellationToken);
        PreviousDto? previousInfo = null;
        TableSnapshot? previousSnapshot = null;
        if (previous is not null)
        {
            previousSnapshot = await ReadAsync(reader, previous, cancellationToken);
            previousInfo = new PreviousDto("file", CheckMapping.ToPeriod(HeaderParser.Parse(previousSnapshot.TitleLines).Period), SafeName(previous.FileName));
        }

        cancellationToken.ThrowIfCancellationRequested();
        var report = AppendixChecker.Default.Check(current, previousSnapshot);
        return TypedResults.Ok(CheckMapping.ToResponse(current, report, CheckApi.IsEnglish(lang), previousInfo, null) with { File = SafeName(file!.FileName) });
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
        return reader.Read(content, SafeName(file.FileName));
    }

    /// <summary>The file's own name without any directory a client may have sent along.</summary>
    internal static string SafeName(string? fileName)
    {
        var name = Path.GetFileName((fileName ?? string.Empty).Replace('\\', '/'));
        return string.IsNullOrWhiteSpace(name) ? "tai-lieu" : name;
    }
}
