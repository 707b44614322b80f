using System.Text.Json;
using Cchc.OpenXml;
using Cchc.SharePoint;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Identity.Client;
using Microsoft.Identity.Web;

using Cchc.Host.Security;

namespace Cchc.Host.Problems;

/// <summary>
/// Turns every exception that reaches the top of the pipeline into Problem Details. Known failures (an
/// unreadable file, a consent to give, a body the framework could not bind) keep their own precise
/// sentence; anything else becomes a bare 500 without its message, which may carry internals.
/// </summary>
internal sealed class ProblemExceptionHandler(IProblemDetailsService problemDetails, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is OperationCanceledException && httpContext.RequestAborted.IsCancellationRequested)
        {
            // The caller went away; there is nobody to answer. 499 is what proxies log for it.
            httpContext.Response.StatusCode = 499;
            return true;
        }

        var problem = ToProblem(exception);
        if (problem is null)
        {
            // Only the type: exception messages can quote document content, which must stay out of logs.
            logger.LogError("Unhandled {ExceptionType} on {Path}", exception.GetType().FullName, httpContext.Request.Path);
            problem = Problems.Details(Problems.InternalError, "Máy chủ gặp lỗi khi xử lý yêu cầu; hãy thử lại sau.", "The server failed to process the request; try again later.");
        }

        httpContext.Response.StatusCode = problem.Status ?? 500;
        if (exception is StackExchange.Redis.RedisException)
        {
            // Redis restarts or fails over in seconds; the multiplexer reconnects by itself.
            logger.LogWarning("Redis unavailable on {Path}: {ExceptionType}", httpContext.Request.Path, exception.GetType().Name);
            httpContext.Response.Headers.RetryAfter = "5";
        }

        if (problem.Extensions.TryGetValue("claims", out var claims) && claims is string claimsText && problem.Status == 401)
        {
            httpContext.Response.Headers.WWWAuthenticate = $"Bearer error=\"insufficient_claims\", claims=\"{Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(claimsText))}\"";
        }

        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    internal static ProblemDetails? ToProblem(Exception exception) => exception switch
    {
        DocumentReadException read => FromRead(read),
        ArchiveException archive => FromArchive(archive),
        UnitForbiddenException forbidden => Problems.Details(Problems.UnitForbidden, forbidden.Decision.Detail, forbidden.Decision.DetailEn),
        MicrosoftIdentityWebChallengeUserException challenge => ConsentRequired(challenge.MsalUiRequiredException.Claims, challenge.Scopes),
        MsalUiRequiredException uiRequired => ConsentRequired(uiRequired.Claims, null),
        BadHttpRequestException bad => FromBadRequest(bad),
        StackExchange.Redis.RedisException => Problems.Details(Problems.SharedStateUnavailable, "Máy chủ không kết nối được Redis (bộ nhớ dùng chung giữa các phiên bản); hãy thử lại sau ít giây.", "The host cannot reach Redis, the state its instances share; try again in a few seconds."),
        _ => null,
    };

    private static ProblemDetails FromBadRequest(BadHttpRequestException bad)
    {
        if (bad.InnerException is JsonException json)
        {
            // The path and position help the pane's developer; the exception text could echo content, so it stays out.
            var where = json.Path is { Length: > 0 } path ? $" tại {path}" : string.Empty;
            var whereEn = json.Path is { Length: > 0 } pathEn ? $" at {pathEn}" : string.Empty;
            return Problems.Details(Problems.MalformedJson, $"Nội dung gửi lên không phải JSON hợp lệ hoặc sai kiểu dữ liệu{where}.", $"The body is not valid JSON or has a value of the wrong type{whereEn}.");
        }

        return bad.StatusCode switch
        {
            413 => Problems.Details(Problems.TooLarge, "Nội dung gửi lên vượt quá giới hạn cho phép.", "The request body exceeds the allowed size."),
            415 => Problems.Details(Problems.UnsupportedMediaType, "Hãy gửi JSON (application/json) hoặc tệp qua multipart/form-data.", "Send JSON (application/json) or a file as multipart/form-data."),
            _ when bad.InnerException is InvalidDataException => Problems.Details(Problems.InvalidRequest, "Dữ liệu multipart/form-data gửi lên bị hỏng hoặc không đầy đủ.", "The multipart/form-data body is damaged or incomplete."),
            _ when bad.Message.Contains("was not provided", StringComparison.Ordinal) => Problems.Details(Problems.InvalidRequest, "Thiếu nội dung yêu cầu: hãy gửi bảng phụ lục dạng JSON.", "The request has no body: send the appendix table as JSON."),
            _ => Problems.Details(Problems.InvalidRequest, "Yêu cầu thiếu hoặc sai một tham số; xem docs/api.md.", "A parameter of the request is missing or wrong; see docs/api.md."),
        };
    }

    private static ProblemDetails FromRead(DocumentReadException read)
    {
        var (status, title, titleEn) = read.Error switch
        {
            ReadError.Empty => (400, "Tệp rỗng", "Empty file"),
            ReadError.TooLarge => (413, "Tệp quá lớn", "File too large"),
            ReadError.ZipBomb => (413, "Tệp nén bất thường", "Abnormal compressed file"),
            ReadError.NotOfficeDocument => (415, "Không phải tệp Word hoặc Excel", "Not a Word or Excel file"),
            ReadError.LegacyWord => (415, "Định dạng Word cũ (.doc)", "Legacy Word format (.doc)"),
            ReadError.LegacyExcel => (415, "Định dạng Excel cũ (.xls)", "Legacy Excel format (.xls)"),
            ReadError.OpenDocument => (415, "Định dạng OpenDocument", "OpenDocument format"),
            ReadError.Unsupported => (415, "Định dạng tệp không được hỗ trợ", "Unsupported file format"),
            ReadError.Encrypted => (422, "Tệp được đặt mật khẩu", "Password-protected file"),
            ReadError.NoAppendix => (Problems.NoAppendix.Status, Problems.NoAppendix.Title, Problems.NoAppendix.TitleEn),
            _ => (422, "Tệp bị hỏng", "Damaged file"),
        };
        return Problems.Details(new ProblemKind(read.Code, status, title, titleEn), read.Message, read.MessageEn);
    }

    private static ProblemDetails FromArchive(ArchiveException archive) => archive.Error switch
    {
        ArchiveError.ConsentRequired => ConsentRequired(archive.Claims, null, archive.Message, archive.MessageEn),
        ArchiveError.Conflict => Problems.Details(Problems.ArchiveConflict, archive.Message, archive.MessageEn),
        ArchiveError.Throttled => Problems.Details(new ProblemKind("archive-throttled", 503, "Kho báo cáo đang quá tải", "The report archive is throttling requests"), archive.Message, archive.MessageEn),
        ArchiveError.InvalidName => Problems.Details(new ProblemKind("archive-invalid-name", 400, "Tên đơn vị hoặc tệp không hợp lệ", "Invalid unit or file name"), archive.Message, archive.MessageEn),
        ArchiveError.UnreadableReport => Problems.Details(new ProblemKind("archive-unreadable-report", 422, "Không đọc được báo cáo trong kho", "The archived report cannot be read"), archive.Message, archive.MessageEn),
        _ => Problems.Details(Problems.ArchiveUnavailable, archive.Message, archive.MessageEn),
    };

    /// <summary>
    /// A claims challenge (Conditional Access, MFA) needs a new token: 401 with the claims for
    /// <c>getAccessToken({ authChallenge })</c>. Without claims the user must consent: 403.
    /// </summary>
    private static ProblemDetails ConsentRequired(string? claims, IEnumerable<string>? scopes, string? detail = null, string? detailEn = null)
    {
        var extensions = new Dictionary<string, object?> { ["claims"] = string.IsNullOrEmpty(claims) ? null : claims };
        if (scopes is not null)
        {
            extensions["scopes"] = scopes.ToArray();
        }

        return Problems.Details(
            Problems.ConsentRequired,
            detail ?? "Cần đăng nhập lại hoặc đồng ý cho tiện ích truy cập kho báo cáo thay mặt bạn.",
            detailEn ?? "Sign in again or consent to the add-in reaching the report archive on your behalf.",
            string.IsNullOrEmpty(claims) ? 403 : 401,
            extensions);
    }
}
