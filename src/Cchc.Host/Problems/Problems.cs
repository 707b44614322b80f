using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Cchc.Host.Problems;

/// <summary>A kind of error the API answers with: a stable code, its status, and a title in both languages.</summary>
public sealed record ProblemKind(string Code, int Status, string Title, string TitleEn)
{
    public string Type => Problems.TypeBase + Code;
}

/// <summary>
/// Every Problem Details the host sends, by code. The code is the last segment of <c>type</c> and is also
/// sent as <c>code</c>, so the pane switches on it without parsing URLs.
/// </summary>
public static class Problems
{
    public const string TypeBase = "https://cchc.vn/problems/";

    public static readonly ProblemKind InvalidRequest = new("invalid-request", 400, "Yêu cầu không hợp lệ", "Invalid request");
    public static readonly ProblemKind MalformedJson = new("malformed-json", 400, "Nội dung JSON không đúng định dạng", "Malformed JSON");
    public static readonly ProblemKind MissingFile = new("missing-file", 400, "Chưa chọn tệp", "No file");
    public static readonly ProblemKind Unauthorized = new("unauthorized", 401, "Chưa đăng nhập hoặc phiên đăng nhập không hợp lệ", "Not signed in or the sign-in is not valid");
    public static readonly ProblemKind Forbidden = new("forbidden", 403, "Không có quyền dùng chức năng này", "Not allowed");
    public static readonly ProblemKind UnitForbidden = new("unit-forbidden", 403, "Không thuộc đơn vị này", "Not a member of this unit");
    public static readonly ProblemKind LocalOnly = new("local-mode-only", 403, "Chế độ cục bộ chỉ phục vụ máy này", "Local mode serves this machine only");
    public static readonly ProblemKind CrossSite = new("cross-site-request", 403, "Yêu cầu từ trang web khác", "Cross-site request");
    public static readonly ProblemKind ConsentRequired = new("consent-required", 403, "Cần đăng nhập lại hoặc đồng ý cấp quyền", "Sign-in again or consent required");
    public static readonly ProblemKind NotFound = new("not-found", 404, "Không có địa chỉ này", "No such address");
    public static readonly ProblemKind MethodNotAllowed = new("method-not-allowed", 405, "Phương thức không được hỗ trợ", "Method not allowed");
    public static readonly ProblemKind NoPreviousReport = new("no-previous-report", 404, "Không tìm thấy báo cáo kỳ trước", "No previous report");
    public static readonly ProblemKind ArchiveConflict = new("archive-conflict", 409, "Báo cáo đã thay đổi hoặc đã có trong kho", "The report changed or already exists");
    public static readonly ProblemKind TooLarge = new("too-large", 413, "Nội dung gửi lên quá lớn", "Request too large");
    public static readonly ProblemKind UnsupportedMediaType = new("unsupported-media-type", 415, "Kiểu nội dung không được hỗ trợ", "Unsupported media type");
    public static readonly ProblemKind NoAppendix = new("no-appendix", 422, "Không tìm thấy bảng phụ lục", "No appendix table found");
    public static readonly ProblemKind HeaderIncomplete = new("header-incomplete", 422, "Tiêu đề phụ lục thiếu đơn vị hoặc kỳ báo cáo", "The appendix title lacks the unit or the period");
    public static readonly ProblemKind RateLimited = new("rate-limited", 429, "Gửi quá nhiều yêu cầu", "Too many requests");
    public static readonly ProblemKind InternalError = new("internal-error", 500, "Lỗi hệ thống", "Internal error");
    public static readonly ProblemKind ArchiveNotConfigured = new("archive-not-configured", 503, "Chưa cấu hình kho báo cáo", "No report archive configured");
    public static readonly ProblemKind PublicUrlMissing = new("public-url-not-configured", 503, "Chưa cấu hình địa chỉ công khai", "No public address configured");
    public static readonly ProblemKind ServerBusy = new("server-busy", 503, "Máy chủ đang bận", "The server is busy");
    public static readonly ProblemKind SharedStateUnavailable = new("shared-state-unavailable", 503, "Máy chủ tạm thời không dùng được bộ nhớ dùng chung", "The host's shared state is unavailable");
    public static readonly ProblemKind ArchiveUnavailable = new("archive-unavailable", 503, "Không kết nối được kho báo cáo", "The report archive is unavailable");
    public static readonly ProblemKind Timeout = new("timeout", 504, "Xử lý quá thời gian cho phép", "Processing timed out");

    /// <summary>The kind a bare status code stands for, when nothing more precise is known.</summary>
    public static ProblemKind ForStatus(int status) => status switch
    {
        400 => InvalidRequest,
        401 => Unauthorized,
        403 => Forbidden,
        404 => NotFound,
        405 => MethodNotAllowed,
        409 => ArchiveConflict,
        413 => TooLarge,
        415 => UnsupportedMediaType,
        429 => RateLimited,
        504 => Timeout,
        _ => new ProblemKind(status >= 500 ? "internal-error" : "error", status, status >= 500 ? InternalError.Title : "Yêu cầu không thực hiện được", status >= 500 ? InternalError.TitleEn : "Request failed"),
    };

    /// <summary>A Problem Details document of <paramref name="kind"/> with a detail in both languages.</summary>
    public static ProblemDetails Details(ProblemKind kind, string detail, string detailEn, int? status = null, IDictionary<string, object?>? extensions = null)
    {
        var problem = new ProblemDetails
        {
            Type = kind.Type,
            Title = kind.Title,
            Status = status ?? kind.Status,
            Detail = detail,
        };
        problem.Extensions["code"] = kind.Code;
        problem.Extensions["titleEn"] = kind.TitleEn;
        problem.Extensions["detailEn"] = detailEn;
        foreach (var (key, value) in extensions ?? new Dictionary<string, object?>())
        {
            problem.Extensions[key] = value;
        }

        return problem;
    }

    /// <summary>The typed result endpoints return.</summary>
    public static ProblemHttpResult Result(ProblemKind kind, string detail, string detailEn, int? status = null, IDictionary<string, object?>? extensions = null) =>
        TypedResults.Problem(Details(kind, detail, detailEn, status, extensions));

    /// <summary>Fills <c>code</c>, the English twins and a Vietnamese title into a problem the framework wrote from a bare status.</summary>
    internal static void Complete(ProblemDetails problem)
    {
        var status = problem.Status ?? 500;
        if (problem.Extensions.TryGetValue("code", out var code) && code is string)
        {
            return;
        }

        var kind = ForStatus(status);
        problem.Type = kind.Type;
        problem.Title = kind.Title;
        problem.Detail = DefaultDetail(status).Vi;
        problem.Extensions["code"] = kind.Code;
        problem.Extensions["titleEn"] = kind.TitleEn;
        problem.Extensions["detailEn"] = DefaultDetail(status).En;
    }

    private static (string Vi, string En) DefaultDetail(int status) => status switch
    {
        401 => ("Hãy đăng nhập lại bằng tài khoản Microsoft 365 của cơ quan.", "Sign in again with your organisation's Microsoft 365 account."),
        403 => ("Tài khoản chưa được cấp quyền access_as_user cho tiện ích này.", "The account has not been granted access_as_user for this add-in."),
        404 => ("Địa chỉ được yêu cầu không tồn tại; xem docs/api.md.", "The requested address does not exist; see docs/api.md."),
        405 => ("Địa chỉ này không nhận phương thức HTTP đã dùng.", "This address does not accept the HTTP method used."),
        413 => ("Nội dung gửi lên vượt quá giới hạn cho phép.", "The request body exceeds the allowed size."),
        415 => ("Hãy gửi JSON (application/json) hoặc tệp qua multipart/form-data.", "Send JSON (application/json) or a file as multipart/form-data."),
        429 => ("Hãy đợi một lát rồi thử lại.", "Wait a moment and try again."),
        504 => ("Tài liệu xử lý quá lâu; hãy thử lại hoặc gửi tệp nhỏ hơn.", "The document took too long to process; try again or send a smaller file."),
        >= 500 => ("Máy chủ gặp lỗi khi xử lý yêu cầu; hãy thử lại sau.", "The server failed to process the request; try again later."),
        _ => ("Yêu cầu không hợp lệ.", "The request is not valid."),
    };
}
