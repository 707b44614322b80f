using System.ComponentModel.DataAnnotations;
using Cchc.OpenXml;

namespace Cchc.Host.Hosting;

/// <summary>The <c>Host</c> section: how the outside world reaches this host.</summary>
public sealed class HostOptions
{
    public const string SectionName = "Host";

    /// <summary>
    /// The https origin Office loads the pane from, e.g. <c>https://cchc.soctrang.gov.vn</c>; written into
    /// the served manifest. Empty: the origin of the request that asks for the manifest.
    /// </summary>
    public string? PublicUrl { get; set; }

    /// <summary>Origins allowed to frame the pane's pages, besides the host itself; empty means the Office clients and the tenant's SharePoint.</summary>
    public IList<string> FrameAncestors { get; set; } = [];

    /// <summary>
    /// The tenant's SharePoint name (<c>contoso</c> for contoso.sharepoint.com), whose pages frame the pane when a
    /// document is opened from SharePoint or OneDrive. Empty: taken from <c>Archive:SharePoint:SiteUrl</c> when that is
    /// on sharepoint.com, else no SharePoint origin may frame the pane. Never every tenant's <c>*.sharepoint.com</c>.
    /// </summary>
    public string? SharePointTenant { get; set; }

    /// <summary>
    /// Development only: no sign-in, for the person at this machine (loopback addresses only). Never turned on by the
    /// environment alone; see <see cref="Security.LocalMode"/>.
    /// </summary>
    public bool LocalMode { get; set; }

    /// <summary>The Office origins that frame a task pane, used when <see cref="FrameAncestors"/> is empty.</summary>
    public static IReadOnlyList<string> OfficeFrameAncestors { get; } =
    [
        "https://*.officeapps.live.com",
        "https://*.office.com",
        "https://*.microsoft365.com",
        "https://*.cloud.microsoft",
    ];

    /// <summary>Office loads add-ins over https only, so anything else is a configuration mistake.</summary>
    public bool HasValidPublicUrl => string.IsNullOrWhiteSpace(PublicUrl)
        || (Uri.TryCreate(PublicUrl, UriKind.Absolute, out var url) && url.Scheme == Uri.UriSchemeHttps);

    /// <summary>A tenant name is one DNS label: a wildcard or another domain slipped in here would widen frame-ancestors.</summary>
    public bool HasValidSharePointTenant => string.IsNullOrWhiteSpace(SharePointTenant)
        || (SharePointTenant.Length <= 63 && SharePointTenant.All(c => char.IsAsciiLetterOrDigit(c) || c == '-') && !SharePointTenant.StartsWith('-'));

    /// <summary>
    /// The configured ancestors, or the Office clients plus the tenant's two SharePoint origins (sites and OneDrive),
    /// the tenant given or read from <paramref name="archiveSiteUrl"/>.
    /// </summary>
    public IReadOnlyList<string> EffectiveFrameAncestors(string? archiveSiteUrl)
    {
        if (FrameAncestors.Count > 0)
        {
            return [.. FrameAncestors];
        }

        var tenant = !string.IsNullOrWhiteSpace(SharePointTenant) ? SharePointTenant.Trim().ToLowerInvariant() : TenantOf(archiveSiteUrl);
        return tenant is null ? OfficeFrameAncestors : [.. OfficeFrameAncestors, $"https://{tenant}.sharepoint.com", $"https://{tenant}-my.sharepoint.com"];
    }

    private static string? TenantOf(string? siteUrl)
    {
        const string Suffix = ".sharepoint.com";
        if (!Uri.TryCreate(siteUrl, UriKind.Absolute, out var url) || !url.Host.EndsWith(Suffix, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var tenant = url.Host[..^Suffix.Length].ToLowerInvariant();
        tenant = tenant.EndsWith("-my", StringComparison.Ordinal) ? tenant[..^3] : tenant;
        return tenant.Length > 0 && !tenant.Contains('.', StringComparison.Ordinal) ? tenant : null;
    }
}

/// <summary>The <c>Limits</c> section: how much one request may ask of the host.</summary>
public sealed class LimitsOptions
{
    public const string SectionName = "Limits";

    /// <summary>20 MB: a real appendix is well under 1 MB, so anything larger is a mistake or an attack.</summary>
    [Range(1024, 200L * 1024 * 1024)]
    public long MaxDocumentBytes { get; set; } = 20L * 1024 * 1024;

    /// <summary>
    /// 256 MB: one consolidation upload carries every unit's appendix of a province (a hundred-odd files of well under
    /// 1 MB each), each file still held to <see cref="MaxDocumentBytes"/>.
    /// </summary>
    [Range(1024, 4L * 1024 * 1024 * 1024)]
    public long MaxConsolidationBytes { get; set; } = 256L * 1024 * 1024;

    /// <summary>
    /// 2 MB of JSON: the pane's snapshot of a 220-row appendix is about 60 KB, with the previous period
    /// inline about twice that; Office on the web refuses requests over 5 MB anyway.
    /// </summary>
    [Range(1024, 50L * 1024 * 1024)]
    public long MaxSnapshotBytes { get; set; } = 2L * 1024 * 1024;

    /// <summary>Time one request may spend reading and checking documents before it answers 504.</summary>
    [Range(1, 600)]
    public int ProcessingTimeoutSeconds { get; set; } = 30;

    /// <summary>Requests per minute per signed-in user (or per IP address in local mode).</summary>
    [Range(1, 1_000_000)]
    public int RequestsPerMinute { get; set; } = 120;

    /// <summary>Document uploads per minute per user or IP: reading a file costs far more than a JSON check.</summary>
    [Range(1, 1_000_000)]
    public int DocumentRequestsPerMinute { get; set; } = 20;

    /// <summary>The largest multipart request: a document and its previous period, plus form overhead.</summary>
    public long MaxMultipartBytes => (2 * MaxDocumentBytes) + (64 * 1024);

    // What one document may cost once opened; defaults and reasons are those of Cchc.OpenXml.ReadLimits.

    /// <summary>All parts of one document together once inflated, pictures included.</summary>
    [Range(1024 * 1024, 1024L * 1024 * 1024)]
    public long MaxInflatedBytes { get; set; } = ReadLimits.Default.MaxUncompressedBytes;

    /// <summary>One XML part once inflated (the whole appendix of a real report is one part of about 0.6 MB).</summary>
    [Range(64 * 1024, 1024L * 1024 * 1024)]
    public long MaxPartBytes { get; set; } = ReadLimits.Default.MaxPartBytes;

    /// <summary>The XML of one document when /api/files/fix loads it as a tree, which costs 12 to 25 times its bytes.</summary>
    [Range(64 * 1024, 1024L * 1024 * 1024)]
    public long MaxTreeBytes { get; set; } = ReadLimits.Default.MaxTreeBytes;

    [Range(100, 10_000_000)]
    public int MaxSharedStrings { get; set; } = ReadLimits.Default.MaxSharedStrings;

    [Range(10_000, 1024L * 1024 * 1024)]
    public long MaxSharedStringCharacters { get; set; } = ReadLimits.Default.MaxSharedStringCharacters;

    [Range(1_000, 10_000_000)]
    public int MaxCells { get; set; } = ReadLimits.Default.MaxCells;

    [Range(100, 1_000_000)]
    public int MaxRows { get; set; } = ReadLimits.Default.MaxRows;

    [Range(10_000, 1024L * 1024 * 1024)]
    public long MaxTextCharacters { get; set; } = ReadLimits.Default.MaxTextCharacters;

    [Range(16, 100_000)]
    public int MaxZipEntries { get; set; } = ReadLimits.Default.MaxZipEntries;

    /// <summary>
    /// Requests that read documents at the same time, host-wide. Reading is CPU work, so more than a few per core
    /// only adds memory; the rest wait in <see cref="DocumentQueueLength"/>.
    /// </summary>
    [Range(1, 256)]
    public int MaxConcurrentDocuments { get; set; } = 4;

    /// <summary>Requests that may wait for a free slot; beyond it the host answers 503 with <c>Retry-After</c>.</summary>
    [Range(0, 10_000)]
    public int DocumentQueueLength { get; set; } = 16;

    /// <summary>The reader's limits as this section sets them.</summary>
    public ReadLimits ReadLimits => ReadLimits.Default with
    {
        MaxFileBytes = MaxDocumentBytes,
        MaxUncompressedBytes = MaxInflatedBytes,
        MaxPartBytes = MaxPartBytes,
        MaxTreeBytes = MaxTreeBytes,
        MaxSharedStrings = MaxSharedStrings,
        MaxSharedStringCharacters = MaxSharedStringCharacters,
        MaxCells = MaxCells,
        MaxRows = MaxRows,
        MaxTextCharacters = MaxTextCharacters,
        MaxZipEntries = MaxZipEntries,
    };
}

/// <summary>The <c>Spa</c> section: where the task pane comes from.</summary>
public sealed class SpaOptions
{
    public const string SectionName = "Spa";

    /// <summary>
    /// The Vite dev server (<c>https://localhost:5173</c>) to proxy to in Development; empty serves the
    /// built pane.
    /// </summary>
    public string? DevServerUrl { get; set; }

    /// <summary>
    /// The pane's build output. Empty: <c>pane/</c> next to a published host, else <c>web/dist</c> of the
    /// repository.
    /// </summary>
    public string? RootPath { get; set; }
}
