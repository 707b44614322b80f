using System.Globalization;
using System.Net;
using System.Text;
using Cchc.Appendix.Header;
using Microsoft.Graph;
using Microsoft.Graph.Drives.Item.Items.Item.CreateUploadSession;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Serialization;

namespace Cchc.SharePoint;

/// <summary>
/// The archive in a SharePoint document library through Microsoft Graph, with the same
/// <c>{root}/{unit-slug}/{year}/{period}/{file}</c> layout as the folder archive, acting as the signed-in user.
/// </summary>
/// <remarks>
/// <see cref="ArchivedReport.Location"/> is <c>{driveId}/{itemId}</c>: a report found beside the open document may
/// live in another library than the configured one. Site and library ids are looked up once per instance (one
/// request scope).
/// </remarks>
public sealed class GraphReportArchive : IReportArchive, IArchiveUnits, IDisposable
{
    /// <summary>Graph's limit for a simple PUT upload; above it the file goes through an upload session.</summary>
    internal const long SimpleUploadLimit = 4L * 1024 * 1024;

    /// <summary>Upload session slices must be multiples of 320 KiB.</summary>
    private const int SliceSize = 10 * 320 * 1024;

    private static readonly string[] ItemFields = ["id", "name", "eTag", "lastModifiedDateTime", "size", "file", "folder", "parentReference"];

    private readonly GraphServiceClient _client;
    private readonly SharePointArchiveOptions _options;
    private readonly long _maxFileBytes;
    private readonly TimeProvider _time;
    private string? _driveId;

    public GraphReportArchive(GraphServiceClient client, ArchiveOptions options, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        _client = client;
        _options = options.SharePoint;
        _maxFileBytes = options.MaxFileBytes;
        _time = time ?? TimeProvider.System;
    }

    public string Kind => "sharepoint";

    public async Task<ArchivedReport?> FindAsync(ArchiveLookup lookup, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lookup);
        var folder = ArchiveNames.PeriodFolder(lookup.Unit, lookup.Period);
        return await Guard(async () =>
        {
            if (IsInSharePoint(lookup.DocumentUrl, out var documentUrl))
            {
                var beside = await FindBesideAsync(lookup, documentUrl, cancellationToken).ConfigureAwait(false);
                if (beside is not null)
                {
                    return beside;
                }
            }

            var driveId = await DriveIdAsync(cancellationToken).ConfigureAwait(false);
            var items = await ChildrenAsync(driveId, InLibrary(folder), cancellationToken).ConfigureAwait(false);
            return (await ReportsAsync(lookup, driveId, items, _ => true, cancellationToken).ConfigureAwait(false)).FirstOrDefault();
        }).ConfigureAwait(false);
    }

    public async Task<Stream> OpenAsync(ArchivedReport report, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        var (driveId, itemId) = await ParseLocationAsync(report.Location, cancellationToken).ConfigureAwait(false);
        if (report.Size > _maxFileBytes)
        {
            throw ArchiveErrors.TooLarge(_maxFileBytes);
        }

        return await Guard<Stream>(async () =>
        {
            Stream? content;
            try
            {
                content = await _client.Drives[driveId].Items[itemId].Content.GetAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            }
            catch (ApiException exception) when (exception.ResponseStatusCode == (int)HttpStatusCode.NotFound)
            {
                throw ArchiveErrors.Gone(report.FileName);
            }

            if (content is null)
            {
                throw ArchiveErrors.Gone(report.FileName);
            }

            await using (content.ConfigureAwait(false))
            {
                return await BufferAsync(content, cancellationToken).ConfigureAwait(false);
            }
        }).ConfigureAwait(false);
    }

    public async Task<ArchivedReport> SaveAsync(string unit, ReportPeriod period, string fileName, Stream content, string? ifMatchETag, ReportSaver? savedBy = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(content);
        var name = ArchiveNames.SafeFileName(fileName);
        var path = InLibrary($"{ArchiveNames.PeriodFolder(unit, period)}/{name}");
        // Buffered: the size picks the upload path, and a throttled request can only be replayed from a buffer.
        var buffer = await BufferAsync(content, cancellationToken).ConfigureAwait(false);
        if (buffer.Length == 0)
        {
            throw ArchiveErrors.InvalidFileName(name, "tệp trống, không có nội dung để lưu", "the file is empty, there is nothing to store");
        }

        return await Guard(async () =>
        {
            var driveId = await DriveIdAsync(cancellationToken).ConfigureAwait(false);
            DriveItem? saved;
            try
            {
                saved = buffer.Length <= SimpleUploadLimit
                    ? await PutAsync(driveId, path, buffer, ifMatchETag, createOnly: ifMatchETag is null, cancellationToken).ConfigureAwait(false)
                    : await UploadInSessionAsync(driveId, path, buffer, ifMatchETag, cancellationToken).ConfigureAwait(false);
            }
            catch (ApiException exception) when (exception.ResponseStatusCode == (int)HttpStatusCode.Conflict && ifMatchETag is null)
            {
                throw ArchiveErrors.AlreadyExists(name, exception);
            }
            catch (ApiException exception) when (exception.ResponseStatusCode is (int)HttpStatusCode.PreconditionFailed
                or (int)HttpStatusCode.Conflict or (int)HttpStatusCode.NotFound)
            {
                // Replacing: the version read is gone or changed; never overwrite it.
                throw ArchiveErrors.Conflict(exception);
            }

            if (saved?.Id is null)
            {
                throw ArchiveErrors.Unavailable();
            }

            // The record names the version just saved; a later edit in the library gives the file another eTag.
            var record = ArchiveRecord.For(saved.Name ?? name, saved.ETag, savedBy, _time.GetUtcNow());
            using (var recordContent = new MemoryStream(record.ToBytes()))
            {
                await PutAsync(driveId, $"{path}{ArchiveRecord.Suffix}", recordContent, ifMatchETag: null, createOnly: false, cancellationToken).ConfigureAwait(false);
            }

            return new ArchivedReport(unit, period, saved.Name ?? name, $"{driveId}/{saved.Id}", saved.ETag, saved.LastModifiedDateTime, saved.Size ?? buffer.Length) { SavedBy = savedBy ?? ReportSaver.Unknown };
        }).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<ArchivedReport>> ListAsync(string unit, CancellationToken cancellationToken = default)
    {
        var unitFolder = InLibrary(ArchiveNames.UnitSlug(unit));
        return await Guard<IReadOnlyList<ArchivedReport>>(async () =>
        {
            var driveId = await DriveIdAsync(cancellationToken).ConfigureAwait(false);
            var reports = new List<ArchivedReport>();
            foreach (var year in await ChildrenAsync(driveId, unitFolder, cancellationToken).ConfigureAwait(false))
            {
                if (year.Folder is null || year.Name is not { Length: 4 } yearName
                    || !int.TryParse(yearName, NumberStyles.None, CultureInfo.InvariantCulture, out var yearNumber))
                {
                    continue;
                }

                foreach (var periodFolder in await ChildrenAsync(driveId, $"{unitFolder}/{yearName}", cancellationToken).ConfigureAwait(false))
                {
                    if (periodFolder.Folder is null || periodFolder.Name is null || !ReportPeriod.TryParseSlug(periodFolder.Name, yearNumber, out var period))
                    {
                        continue;
                    }

                    var files = await ChildrenAsync(driveId, $"{unitFolder}/{yearName}/{periodFolder.Name}", cancellationToken).ConfigureAwait(false);
                    reports.AddRange(await ReportsAsync(new ArchiveLookup(unit, period!), driveId, files, _ => true, cancellationToken).ConfigureAwait(false));
                }
            }

            return ArchiveNames.InCalendarOrder(reports);
        }).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<string>> ListUnitsAsync(CancellationToken cancellationToken = default) =>
        await Guard<IReadOnlyList<string>>(async () =>
        {
            var driveId = await DriveIdAsync(cancellationToken).ConfigureAwait(false);
            var items = await ChildrenAsync(driveId, InLibrary(string.Empty), cancellationToken).ConfigureAwait(false);
            return [.. items.Where(i => i.Folder is not null && i.Name is { } name && FolderReportArchive.IsUnitFolder(name)).Select(i => i.Name!).Order(StringComparer.Ordinal)];
        }).ConfigureAwait(false);

    public void Dispose() => _client.Dispose();

    /// <summary>
    /// Looks beside the open document: the sibling period folder (<c>../{period}/</c>), the period folder of another
    /// year (<c>../../{year}/{period}/</c>) and reports lying loose in the year folder, in that order.
    /// </summary>
    private async Task<ArchivedReport?> FindBesideAsync(ArchiveLookup lookup, Uri documentUrl, CancellationToken cancellationToken)
    {
        DriveItem? document;
        try
        {
            document = await _client.Shares[ShareId(documentUrl)].DriveItem
                .GetAsync(request => request.QueryParameters.Select = ["id", "name", "parentReference"], cancellationToken)
                .ConfigureAwait(false);
        }
        catch (ApiException exception) when (exception.ResponseStatusCode is (int)HttpStatusCode.NotFound or (int)HttpStatusCode.BadRequest)
        {
            return null;
        }

        if (document?.ParentReference is not { DriveId: { } driveId, Path: { } parentPath })
        {
            return null;
        }

        var folders = PathInDrive(parentPath);
        var year = ArchiveNames.YearFolder(lookup.Period);
        string? unitFolder = null;
        if (folders.Length >= 2 && IsPeriodFolder(folders[^1]) && IsYearFolder(folders[^2]))
        {
            unitFolder = string.Join('/', folders[..^2]);
        }
        else if (folders.Length >= 1 && IsYearFolder(folders[^1]))
        {
            unitFolder = string.Join('/', folders[..^1]);
        }

        var searches = new List<(string Folder, Func<DriveItem, bool> Filter)>();
        if (unitFolder is not null)
        {
            var yearFolder = Join(unitFolder, year);
            searches.Add((Join(yearFolder, lookup.Period.Slug), _ => true));
            searches.Add((yearFolder, item => ArchiveNames.NameMentionsPeriod(item.Name!, lookup.Period, requireYear: false)));
        }
        else
        {
            searches.Add((string.Join('/', folders), item => ArchiveNames.NameMentionsPeriod(item.Name!, lookup.Period, requireYear: true)));
        }

        foreach (var (folder, filter) in searches)
        {
            var items = await ChildrenAsync(driveId, folder, cancellationToken).ConfigureAwait(false);
            var found = (await ReportsAsync(lookup, driveId, items, filter, cancellationToken).ConfigureAwait(false)).FirstOrDefault();
            if (found is not null)
            {
                return found;
            }
        }

        return null;
    }

    /// <summary>
    /// The reports among a folder's <paramref name="items"/>, best first: each with who saved it when its record (a
    /// sibling <c>{file}.cchc.json</c>) names its current eTag, so a report saved through the product ranks before
    /// loose files (<see cref="ArchiveNames.BestFirst(IEnumerable{ArchivedReport})"/>).
    /// </summary>
    private async Task<List<ArchivedReport>> ReportsAsync(ArchiveLookup lookup, string driveId, IReadOnlyList<DriveItem> items, Func<DriveItem, bool> filter, CancellationToken cancellationToken)
    {
        var records = items
            .Where(item => item.File is not null && item.Id is not null && item.Name is not null && ArchiveRecord.IsRecordName(item.Name))
            .GroupBy(item => item.Name!, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(group => group.Key, group => group.First(), StringComparer.OrdinalIgnoreCase);
        var reports = new List<ArchivedReport>();
        foreach (var item in items.Where(item => item.File is not null && item.Id is not null && item.Name is not null && ArchiveNames.IsReportFileName(item.Name) && filter(item)))
        {
            ReportSaver? savedBy = null;
            if (records.TryGetValue(ArchiveRecord.NameFor(item.Name!), out var recordItem) && recordItem.Size is null or <= ArchiveRecord.MaxBytes)
            {
                var record = await ReadRecordAsync(driveId, recordItem.Id!, item.Name!, cancellationToken).ConfigureAwait(false);
                savedBy = record?.SaverOf(item.ETag);
            }

            reports.Add(new ArchivedReport(lookup.Unit, lookup.Period, item.Name!, $"{driveId}/{item.Id}", item.ETag, item.LastModifiedDateTime, item.Size) { SavedBy = savedBy });
        }

        return [.. ArchiveNames.BestFirst(reports)];
    }

    /// <summary>A report's record, or null when it is gone, too large or not one of ours.</summary>
    private async Task<ArchiveRecord?> ReadRecordAsync(string driveId, string itemId, string reportFileName, CancellationToken cancellationToken)
    {
        Stream? content;
        try
        {
            content = await _client.Drives[driveId].Items[itemId].Content.GetAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (ApiException exception) when (exception.ResponseStatusCode == (int)HttpStatusCode.NotFound)
        {
            return null;
        }

        if (content is null)
        {
            return null;
        }

        await using (content.ConfigureAwait(false))
        {
            var buffer = new byte[ArchiveRecord.MaxBytes + 1];
            var length = 0;
            int read;
            while (length < buffer.Length && (read = await content.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false)) > 0)
            {
                length += read;
            }

            return ArchiveRecord.Parse(buffer.AsSpan(0, length), reportFileName);
        }
    }

    /// <summary>The children of a folder given by its path in the library, or none when the folder does not exist.</summary>
    private async Task<IReadOnlyList<DriveItem>> ChildrenAsync(string driveId, string folder, CancellationToken cancellationToken)
    {
        var items = new List<DriveItem>();
        try
        {
            var builder = folder.Length == 0 ? _client.Drives[driveId].Items["root"].Children : _client.Drives[driveId].Root.ItemWithPath(folder).Children;
            var page = await builder.GetAsync(
                request =>
                {
                    request.QueryParameters.Select = ItemFields;
                    request.QueryParameters.Top = 200;
                },
                cancellationToken).ConfigureAwait(false);
            while (page is not null)
            {
                items.AddRange(page.Value ?? []);
                if (page.OdataNextLink is not { Length: > 0 } next)
                {
                    break;
                }

                page = await builder.WithUrl(next).GetAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            }
        }
        catch (ApiException exception) when (exception.ResponseStatusCode == (int)HttpStatusCode.NotFound)
        {
            return [];
        }

        return items;
    }

    private async Task<DriveItem?> PutAsync(string driveId, string path, MemoryStream buffer, string? ifMatchETag, bool createOnly, CancellationToken cancellationToken)
    {
        var request = _client.Drives[driveId].Root.ItemWithPath(path).Content.ToPutRequestInformation(buffer, configuration =>
        {
            configuration.Options.Add(ArchiveWriteAccess.Instance);
            if (ifMatchETag is not null)
            {
                configuration.Headers.Add("If-Match", ifMatchETag);
            }
        });
        if (createOnly)
        {
            // Creating must never replace a report someone else stored meanwhile.
            request.URI = new Uri(request.URI + "?@microsoft.graph.conflictBehavior=fail");
        }

        return await _client.RequestAdapter.SendAsync(request, DriveItem.CreateFromDiscriminatorValue, ErrorMapping, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DriveItem?> UploadInSessionAsync(string driveId, string path, MemoryStream buffer, string? ifMatchETag, CancellationToken cancellationToken)
    {
        var body = new CreateUploadSessionPostRequestBody
        {
            Item = new DriveItemUploadableProperties
            {
                AdditionalData = new Dictionary<string, object>
                {
                    ["@microsoft.graph.conflictBehavior"] = ifMatchETag is null ? "fail" : "replace",
                },
            },
        };
        var session = await _client.Drives[driveId].Root.ItemWithPath(path).CreateUploadSession.PostAsync(
            body,
            configuration =>
            {
                configuration.Options.Add(ArchiveWriteAccess.Instance);
                if (ifMatchETag is not null)
                {
                    configuration.Headers.Add("If-Match", ifMatchETag);
                }
            },
            cancellationToken).ConfigureAwait(false);
        if (session?.UploadUrl is null)
        {
            throw ArchiveErrors.Unavailable();
        }

        var upload = new LargeFileUploadTask<DriveItem>(session, buffer, SliceSize, _client.RequestAdapter);
        var result = await upload.UploadAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        return result.UploadSucceeded ? result.ItemResponse : throw ArchiveErrors.Unavailable();
    }

    private async Task<string> DriveIdAsync(CancellationToken cancellationToken)
    {
        if (_driveId is not null)
        {
            return _driveId;
        }

        string? siteId = _options.SiteId;
        if (string.IsNullOrWhiteSpace(siteId))
        {
            var site = await SiteByUrlAsync(new Uri(_options.SiteUrl!), cancellationToken).ConfigureAwait(false);
            siteId = site?.Id ?? throw ArchiveErrors.SiteNotFound(_options.SiteUrl!);
        }

        DriveCollectionResponse? drives;
        try
        {
            drives = await _client.Sites[siteId].Drives
                .GetAsync(request => request.QueryParameters.Select = ["id", "name", "webUrl"], cancellationToken)
                .ConfigureAwait(false);
        }
        catch (ApiException exception) when (exception.ResponseStatusCode == (int)HttpStatusCode.NotFound)
        {
            throw ArchiveErrors.SiteNotFound(_options.SiteUrl ?? siteId, exception);
        }

        var library = _options.Library.Normalize(NormalizationForm.FormC);
        var drive = drives?.Value?.FirstOrDefault(drive => string.Equals(drive.Name?.Normalize(NormalizationForm.FormC), library, StringComparison.OrdinalIgnoreCase))
            ?? drives?.Value?.FirstOrDefault(drive => string.Equals(LastUrlSegment(drive.WebUrl), library, StringComparison.OrdinalIgnoreCase));
        _driveId = drive?.Id ?? throw ArchiveErrors.LibraryNotFound(_options.Library);
        return _driveId;
    }

    /// <summary>GET /sites/{hostname}:/{server-relative-path}: the SDK has no typed builder for the colon form.</summary>
    private async Task<Site?> SiteByUrlAsync(Uri siteUrl, CancellationToken cancellationToken)
    {
        var path = string.Join('/', siteUrl.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(segment => Uri.EscapeDataString(Uri.UnescapeDataString(segment))));
        var raw = $"{_client.RequestAdapter.BaseUrl?.TrimEnd('/')}/sites/{siteUrl.Host}:/{path}?$select=id";
        try
        {
            return await new Microsoft.Graph.Sites.Item.SiteItemRequestBuilder(raw, _client.RequestAdapter).GetAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (ApiException exception) when (exception.ResponseStatusCode == (int)HttpStatusCode.NotFound)
        {
            throw ArchiveErrors.SiteNotFound(siteUrl.ToString(), exception);
        }
    }

    private async Task<(string DriveId, string ItemId)> ParseLocationAsync(string location, CancellationToken cancellationToken)
    {
        var parts = location.Split('/');
        if (parts.Length == 2 && parts.All(IsGraphId))
        {
            return (parts[0], parts[1]);
        }

        if (parts.Length == 1 && IsGraphId(parts[0]))
        {
            return (await Guard(() => DriveIdAsync(cancellationToken)).ConfigureAwait(false), parts[0]);
        }

        throw ArchiveErrors.InvalidLocation();
    }

    /// <summary>Drive and item ids are opaque but never carry separators or URL syntax; refuse anything that does.</summary>
    private static bool IsGraphId(string id) =>
        id.Length is > 0 and <= 200 && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '!' or '-' or '_' or '.' or ',') && id is not "." and not "..";

    private bool IsInSharePoint(string? documentUrl, out Uri url)
    {
        url = null!;
        if (documentUrl is null || !Uri.TryCreate(documentUrl, UriKind.Absolute, out var parsed) || parsed.Scheme != Uri.UriSchemeHttps)
        {
            return false;
        }

        var siteHost = !string.IsNullOrWhiteSpace(_options.SiteUrl) ? new Uri(_options.SiteUrl).Host : _options.SiteId?.Split(',')[0];
        url = parsed;
        return string.Equals(parsed.Host, siteHost, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The sharing id Graph's /shares accepts for a URL: "u!" and the URL in unpadded base64url.</summary>
    internal static string ShareId(Uri documentUrl)
    {
        var url = documentUrl.GetLeftPart(UriPartial.Path);
        return "u!" + Convert.ToBase64String(Encoding.UTF8.GetBytes(url)).TrimEnd('=').Replace('/', '_').Replace('+', '-');
    }

    /// <summary>"/drives/{id}/root:/Báo cáo/ubnd/2022/q3" → ["Báo cáo", "ubnd", "2022", "q3"].</summary>
    private static string[] PathInDrive(string parentPath)
    {
        var colon = parentPath.IndexOf("root:", StringComparison.Ordinal);
        var path = colon < 0 ? string.Empty : parentPath[(colon + "root:".Length)..];
        return path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString).ToArray();
    }

    private static bool IsYearFolder(string name) => name.Length == 4 && name.All(char.IsAsciiDigit);

    private static bool IsPeriodFolder(string name) => ReportPeriod.TryParseSlug(name, 2000, out _);

    private string InLibrary(string relative) => Join(_options.RootFolder.Trim('/', '\\').Replace('\\', '/'), relative);

    private static string Join(string left, string right) => left.Length == 0 ? right : right.Length == 0 ? left : $"{left}/{right}";

    private static string? LastUrlSegment(string? url) =>
        url is not null && Uri.TryCreate(url, UriKind.Absolute, out var parsed) ? Uri.UnescapeDataString(parsed.Segments[^1].TrimEnd('/')) : null;

    private async Task<MemoryStream> BufferAsync(Stream content, CancellationToken cancellationToken)
    {
        var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > _maxFileBytes)
            {
                await buffer.DisposeAsync().ConfigureAwait(false);
                throw ArchiveErrors.TooLarge(_maxFileBytes);
            }

            buffer.Write(chunk, 0, read);
        }

        buffer.Position = 0;
        return buffer;
    }

    private static readonly Dictionary<string, ParsableFactory<IParsable>> ErrorMapping = new()
    {
        ["XXX"] = ODataError.CreateFromDiscriminatorValue,
    };

    /// <summary>Graph, token and network failures as the archive's errors; cancellation and the archive's own errors pass through.</summary>
    private static async Task<T> Guard<T>(Func<Task<T>> action)
    {
        try
        {
            return await action().ConfigureAwait(false);
        }
        catch (ArchiveException)
        {
            throw;
        }
        catch (OperationCanceledException exception) when (exception.InnerException is not TimeoutException)
        {
            throw;
        }
        catch (Exception exception)
        {
            throw GraphErrors.Translate(exception);
        }
    }
}
