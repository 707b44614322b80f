using Microsoft.Extensions.Options;

namespace Cchc.SharePoint;

/// <summary>
/// Refuses a configuration that cannot work at start-up, with sentences an administrator can act on
/// (Vietnamese, then English), rather than at the first user's request.
/// </summary>
internal sealed class ArchiveOptionsValidator : IValidateOptions<ArchiveOptions>
{
    public ValidateOptionsResult Validate(string? name, ArchiveOptions options)
    {
        var failures = new List<string>();
        if (!Enum.IsDefined(options.Kind))
        {
            failures.Add("Archive:Kind phải là Folder hoặc SharePoint. / Archive:Kind must be Folder or SharePoint.");
        }

        if (options.MaxFileBytes <= 0)
        {
            failures.Add("Archive:MaxFileBytes phải lớn hơn 0. / Archive:MaxFileBytes must be greater than 0.");
        }

        if (options.Kind == ArchiveKind.SharePoint)
        {
            ValidateSharePoint(options.SharePoint, failures);
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidateSharePoint(SharePointArchiveOptions sharePoint, List<string> failures)
    {
        var hasUrl = !string.IsNullOrWhiteSpace(sharePoint.SiteUrl);
        var hasId = !string.IsNullOrWhiteSpace(sharePoint.SiteId);
        if (!hasUrl && !hasId)
        {
            failures.Add("Cần Archive:SharePoint:SiteUrl hoặc Archive:SharePoint:SiteId. / Archive:SharePoint:SiteUrl or Archive:SharePoint:SiteId is required.");
        }

        if (hasUrl && (!Uri.TryCreate(sharePoint.SiteUrl, UriKind.Absolute, out var site) || site.Scheme != Uri.UriSchemeHttps))
        {
            failures.Add("Archive:SharePoint:SiteUrl phải là địa chỉ https đầy đủ của site, ví dụ https://contoso.sharepoint.com/sites/cchc. / Archive:SharePoint:SiteUrl must be the site's full https address.");
        }

        if (string.IsNullOrWhiteSpace(sharePoint.Library))
        {
            failures.Add("Cần Archive:SharePoint:Library (tên thư viện tài liệu). / Archive:SharePoint:Library (the document library's name) is required.");
        }

        if (sharePoint.RootFolder.Split('/', '\\').Any(segment => segment is "." or ".."))
        {
            failures.Add("Archive:SharePoint:RootFolder không được chứa \".\" hoặc \"..\". / Archive:SharePoint:RootFolder must not contain \".\" or \"..\".");
        }

        if (sharePoint.MaxRetryTime <= TimeSpan.Zero || sharePoint.MaxRetryTime > TimeSpan.FromMinutes(10))
        {
            failures.Add("Archive:SharePoint:MaxRetryTime phải trong khoảng 0 đến 10 phút. / Archive:SharePoint:MaxRetryTime must be between 0 and 10 minutes.");
        }

        if (!Uri.TryCreate(sharePoint.GraphBaseUrl, UriKind.Absolute, out var graph) || (graph.Scheme != Uri.UriSchemeHttps && !graph.IsLoopback))
        {
            failures.Add("Archive:SharePoint:GraphBaseUrl phải là địa chỉ https (chỉ địa chỉ loopback được dùng http). / Archive:SharePoint:GraphBaseUrl must be https (http only on loopback).");
        }
    }
}
