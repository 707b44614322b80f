namespace Cchc.SharePoint;

/// <summary>Which archive the host and the CLI use.</summary>
public enum ArchiveKind
{
    /// <summary>A local folder laid out like the SharePoint library: runs on one machine with no tenant.</summary>
    Folder,

    /// <summary>A SharePoint document library through Microsoft Graph, on behalf of the signed-in user.</summary>
    SharePoint,
}

/// <summary>The <c>Archive</c> configuration section.</summary>
public sealed class ArchiveOptions
{
    public const string SectionName = "Archive";

    /// <summary>20 MB: a real appendix is well under 1 MB; anything this large is not a report.</summary>
    public const long DefaultMaxFileBytes = 20L * 1024 * 1024;

    public ArchiveKind Kind { get; set; } = ArchiveKind.Folder;

    /// <summary>Largest file the archive reads or stores, in bytes.</summary>
    public long MaxFileBytes { get; set; } = DefaultMaxFileBytes;

    public FolderArchiveOptions Folder { get; set; } = new();

    public SharePointArchiveOptions SharePoint { get; set; } = new();
}

/// <summary>The <c>Archive:Folder</c> section.</summary>
public sealed class FolderArchiveOptions
{
    /// <summary>
    /// The archive's root folder. Relative paths are taken from the host's content root (the current
    /// directory for the CLI); unset means a folder named <c>archive</c> there.
    /// </summary>
    public string? Root { get; set; }
}

/// <summary>The <c>Archive:SharePoint</c> section.</summary>
public sealed class SharePointArchiveOptions
{
    public const string DefaultGraphBaseUrl = "https://graph.microsoft.com/v1.0";

    /// <summary>The site's address, e.g. <c>https://contoso.sharepoint.com/sites/cchc</c>. Either this or <see cref="SiteId"/>.</summary>
    public string? SiteUrl { get; set; }

    /// <summary>The Graph site id (<c>host,siteCollectionId,webId</c>). Either this or <see cref="SiteUrl"/>.</summary>
    public string? SiteId { get; set; }

    /// <summary>The document library's name as SharePoint shows it ("Documents", "Báo cáo CCHC").</summary>
    public string Library { get; set; } = "Documents";

    /// <summary>The folder inside the library that holds the unit folders; empty for the library's root.</summary>
    public string RootFolder { get; set; } = string.Empty;

    /// <summary>
    /// Total time the Graph retry handler may spend waiting on 429/503 Retry-After for one request before the
    /// archive reports <see cref="ArchiveError.Throttled"/>.
    /// </summary>
    public TimeSpan MaxRetryTime { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The Graph endpoint; another value only for national clouds or a local stand-in.</summary>
    public string GraphBaseUrl { get; set; } = DefaultGraphBaseUrl;

    // Unset by default, not pre-filled: the configuration binder appends to a list it finds, so a configured
    // "Files.ReadWrite.All" would otherwise ask for both.

    /// <summary>Delegated scopes for finding and reading reports; unset means <c>Sites.Read.All</c> (least privilege: read only).</summary>
    public IList<string>? ReadScopes { get; set; }

    /// <summary>Delegated scopes asked for only when saving a report; unset means <c>Sites.ReadWrite.All</c>.</summary>
    public IList<string>? WriteScopes { get; set; }

    internal IReadOnlyList<string> EffectiveReadScopes => ReadScopes is { Count: > 0 } scopes ? [.. scopes] : ["Sites.Read.All"];

    internal IReadOnlyList<string> EffectiveWriteScopes => WriteScopes is { Count: > 0 } scopes ? [.. scopes] : ["Sites.ReadWrite.All"];
}
