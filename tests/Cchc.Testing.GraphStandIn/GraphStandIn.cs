using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Cchc.Testing;

/// <summary>A request the stand-in received, as the test asserts on it.</summary>
public sealed record RecordedRequest(string Method, string Path, string Query, string? Authorization, string? IfMatch, string? RetryAttempt, long BodyLength);

/// <summary>
/// A local stand-in for the few Microsoft Graph endpoints the SharePoint archive calls, on 127.0.0.1 with a random
/// port: site by URL, the site's drives, children by path, content by id, PUT content by path, upload sessions and
/// /shares. It holds one site with two libraries in memory and records every request. Faults are queued per path.
/// </summary>
public sealed class GraphStandIn : IAsyncDisposable
{
    public const string Host = "contoso.sharepoint.com";

    /// <summary>Graph's alias for a drive's top folder.</summary>
    private const string RootItem = "root";
    public const string SitePath = "/sites/cchc";
    public const string SiteId = "contoso.sharepoint.com,1b2c3d4e-0000-0000-0000-000000000001,1b2c3d4e-0000-0000-0000-000000000002";
    public const string DriveId = "b!reports";
    public const string OtherDriveId = "b!other";
    public const string LibraryName = "Báo cáo CCHC";
    public const string LibraryUrlName = "BaoCaoCCHC";
    public const string OtherLibraryName = "Tài liệu dùng chung";

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, StoredFile> _files = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, UploadSession> _sessions = new();
    private readonly ConcurrentQueue<Fault> _faults = new();
    private readonly object _gate = new();
    private int _nextId;
    private DateTimeOffset _clock = new(2022, 10, 1, 8, 0, 0, TimeSpan.FromHours(7));

    private GraphStandIn(WebApplication app) => _app = app;

    public string BaseUrl { get; private set; } = string.Empty;

    public string Origin { get; private set; } = string.Empty;

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public static async Task<GraphStandIn> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var standIn = new GraphStandIn(app);
        app.Run(standIn.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        standIn.Origin = address.TrimEnd('/');
        standIn.BaseUrl = standIn.Origin + "/v1.0";
        return standIn;
    }

    /// <summary>Puts a file into a library at a path inside it, with a modification time.</summary>
    public string Store(string path, byte[] content, DateTimeOffset? modified = null, string driveId = DriveId, long? reportedSize = null)
    {
        lock (_gate)
        {
            var id = $"item{++_nextId:D4}";
            _files[Key(driveId, path)] = new StoredFile(id, driveId, path, content, 1, modified ?? Tick(), reportedSize);
            return id;
        }
    }

    /// <summary>Replaces a file's content as a user editing it in the library would: same item, next version, new eTag.</summary>
    public void Replace(string path, byte[] content, string driveId = DriveId)
    {
        var existing = _files[Key(driveId, path)];
        Save(driveId, path, content, existing);
    }

    public byte[]? Content(string path, string driveId = DriveId) => _files.TryGetValue(Key(driveId, path), out var file) ? file.Content : null;

    public string? ETagOf(string path, string driveId = DriveId) => _files.TryGetValue(Key(driveId, path), out var file) ? file.ETag : null;

    /// <summary>The next <paramref name="times"/> requests whose path contains <paramref name="pathContains"/> get this answer.</summary>
    public void Fail(string pathContains, HttpStatusCode status, int times = 1, string? retryAfter = null, string? wwwAuthenticate = null)
    {
        for (var i = 0; i < times; i++)
        {
            _faults.Enqueue(new Fault(pathContains, status, retryAfter, wwwAuthenticate));
        }
    }

    public IReadOnlyList<RecordedRequest> RequestsTo(string pathContains) => Requests.Where(request => request.Path.Contains(pathContains, StringComparison.Ordinal)).ToList();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body);
        var rawPath = context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget.Split('?')[0];
        var path = Uri.UnescapeDataString(rawPath);
        Requests.Enqueue(new RecordedRequest(
            request.Method,
            path,
            Uri.UnescapeDataString(request.QueryString.Value ?? string.Empty),
            request.Headers.Authorization.FirstOrDefault(),
            request.Headers.IfMatch.FirstOrDefault(),
            request.Headers["Retry-Attempt"].FirstOrDefault(),
            body.Length));

        if (TakeFault(path) is { } fault)
        {
            if (fault.RetryAfter is not null)
            {
                context.Response.Headers.RetryAfter = fault.RetryAfter;
            }

            if (fault.WwwAuthenticate is not null)
            {
                context.Response.Headers.WWWAuthenticate = fault.WwwAuthenticate;
            }

            await ErrorAsync(context, fault.Status, "fault");
            return;
        }

        await RouteAsync(context, request.Method, path, request.Query, body.ToArray());
    }

    private async Task RouteAsync(HttpContext context, string method, string path, IQueryCollection query, byte[] body)
    {
        const string Graph = "/v1.0";
        if (path.StartsWith("/upload/", StringComparison.Ordinal) && method == "PUT")
        {
            await UploadSliceAsync(context, path["/upload/".Length..], body);
            return;
        }

        if (!path.StartsWith(Graph + "/", StringComparison.Ordinal))
        {
            await ErrorAsync(context, HttpStatusCode.NotFound, "itemNotFound");
            return;
        }

        var route = path[Graph.Length..];
        if (method == "GET" && route == $"/sites/{Host}:{SitePath}")
        {
            await JsonAsync(context, HttpStatusCode.OK, new JsonObject { ["id"] = SiteId });
            return;
        }

        if (method == "GET" && route == $"/sites/{SiteId}/drives")
        {
            await JsonAsync(context, HttpStatusCode.OK, new JsonObject
            {
                ["value"] = new JsonArray(
                    new JsonObject { ["id"] = OtherDriveId, ["name"] = OtherLibraryName, ["webUrl"] = $"https://{Host}{SitePath}/Shared%20Documents" },
                    new JsonObject { ["id"] = DriveId, ["name"] = LibraryName, ["webUrl"] = $"https://{Host}{SitePath}/{LibraryUrlName}" }),
            });
            return;
        }

        if (method == "GET" && route.StartsWith("/shares/", StringComparison.Ordinal) && route.EndsWith("/driveItem", StringComparison.Ordinal))
        {
            await ShareAsync(context, route["/shares/".Length..^"/driveItem".Length]);
            return;
        }

        if (route.StartsWith("/drives/", StringComparison.Ordinal))
        {
            var rest = route["/drives/".Length..];
            var slash = rest.IndexOf('/', StringComparison.Ordinal);
            var driveId = rest[..slash];
            var tail = rest[slash..];
            if (method == "GET" && tail == $"/items/{RootItem}/children")
            {
                await ChildrenAsync(context, driveId, string.Empty);
                return;
            }

            if (tail.StartsWith("/root:/", StringComparison.Ordinal))
            {
                var end = tail.LastIndexOf(':');
                var itemPath = tail["/root:/".Length..end];
                var action = tail[(end + 1)..];
                switch (method, action)
                {
                    case ("GET", "/children"):
                        await ChildrenAsync(context, driveId, itemPath);
                        return;
                    case ("PUT", "/content"):
                        await PutAsync(context, driveId, itemPath, body, query["@microsoft.graph.conflictBehavior"].FirstOrDefault(), context.Request.Headers.IfMatch.FirstOrDefault());
                        return;
                    case ("POST", "/createUploadSession"):
                        await CreateSessionAsync(context, driveId, itemPath, body, context.Request.Headers.IfMatch.FirstOrDefault());
                        return;
                }
            }

            if (method == "GET" && tail.StartsWith("/items/", StringComparison.Ordinal) && tail.EndsWith("/content", StringComparison.Ordinal))
            {
                var id = tail["/items/".Length..^"/content".Length];
                var file = _files.Values.FirstOrDefault(candidate => candidate.DriveId == driveId && candidate.Id == id);
                if (file is null)
                {
                    await ErrorAsync(context, HttpStatusCode.NotFound, "itemNotFound");
                    return;
                }

                context.Response.ContentType = "application/octet-stream";
                await context.Response.Body.WriteAsync(file.Content);
                return;
            }
        }

        await ErrorAsync(context, HttpStatusCode.BadRequest, "invalidRequest");
    }

    private async Task ChildrenAsync(HttpContext context, string driveId, string folder)
    {
        var prefix = folder.Length == 0 ? string.Empty : folder + "/";
        var inDrive = _files.Values.Where(file => file.DriveId == driveId && file.Path.StartsWith(prefix, StringComparison.Ordinal)).ToList();
        if (inDrive.Count == 0)
        {
            await ErrorAsync(context, HttpStatusCode.NotFound, "itemNotFound");
            return;
        }

        var children = new JsonArray();
        foreach (var group in inDrive.GroupBy(file => file.Path[prefix.Length..].Split('/')[0]))
        {
            var direct = group.FirstOrDefault(file => file.Path == prefix + group.Key);
            children.Add(direct is not null
                ? ItemJson(direct)
                : new JsonObject { ["id"] = "folder-" + group.Key, ["name"] = group.Key, ["folder"] = new JsonObject { ["childCount"] = group.Count() } });
        }

        await JsonAsync(context, HttpStatusCode.OK, new JsonObject { ["value"] = children });
    }

    private async Task PutAsync(HttpContext context, string driveId, string path, byte[] body, string? conflictBehavior, string? ifMatch)
    {
        var key = Key(driveId, path);
        _files.TryGetValue(key, out var existing);
        if (ifMatch is not null && (existing is null || existing.ETag != ifMatch))
        {
            await ErrorAsync(context, HttpStatusCode.PreconditionFailed, "resourceModified");
            return;
        }

        if (existing is not null && conflictBehavior == "fail")
        {
            await ErrorAsync(context, HttpStatusCode.Conflict, "nameAlreadyExists");
            return;
        }

        var saved = Save(driveId, path, body, existing);
        await JsonAsync(context, existing is null ? HttpStatusCode.Created : HttpStatusCode.OK, ItemJson(saved));
    }

    private async Task CreateSessionAsync(HttpContext context, string driveId, string path, byte[] body, string? ifMatch)
    {
        _files.TryGetValue(Key(driveId, path), out var existing);
        var behavior = JsonNode.Parse(body)?["item"]?["@microsoft.graph.conflictBehavior"]?.GetValue<string>();
        if (ifMatch is not null && (existing is null || existing.ETag != ifMatch))
        {
            await ErrorAsync(context, HttpStatusCode.PreconditionFailed, "resourceModified");
            return;
        }

        if (existing is not null && behavior == "fail")
        {
            await ErrorAsync(context, HttpStatusCode.Conflict, "nameAlreadyExists");
            return;
        }

        var sessionId = Guid.NewGuid().ToString("N");
        _sessions[sessionId] = new UploadSession(driveId, path, new MemoryStream());
        await JsonAsync(context, HttpStatusCode.OK, new JsonObject
        {
            ["uploadUrl"] = $"{Origin}/upload/{sessionId}",
            ["expirationDateTime"] = _clock.AddHours(1).ToString("O", CultureInfo.InvariantCulture),
            ["nextExpectedRanges"] = new JsonArray("0-"),
        });
    }

    private async Task UploadSliceAsync(HttpContext context, string sessionId, byte[] body)
    {
        if (!_sessions.TryGetValue(sessionId, out var session))
        {
            await ErrorAsync(context, HttpStatusCode.NotFound, "itemNotFound");
            return;
        }

        // Content-Range: bytes {from}-{to}/{total}
        var range = context.Request.Headers.ContentRange.ToString();
        var total = long.Parse(range[(range.IndexOf('/', StringComparison.Ordinal) + 1)..], CultureInfo.InvariantCulture);
        session.Buffer.Write(body);
        if (session.Buffer.Length < total)
        {
            await JsonAsync(context, HttpStatusCode.Accepted, new JsonObject
            {
                ["expirationDateTime"] = _clock.AddHours(1).ToString("O", CultureInfo.InvariantCulture),
                ["nextExpectedRanges"] = new JsonArray($"{session.Buffer.Length}-"),
            });
            return;
        }

        _files.TryGetValue(Key(session.DriveId, session.Path), out var existing);
        var saved = Save(session.DriveId, session.Path, session.Buffer.ToArray(), existing);
        _sessions.TryRemove(sessionId, out _);
        await JsonAsync(context, existing is null ? HttpStatusCode.Created : HttpStatusCode.OK, ItemJson(saved));
    }

    private async Task ShareAsync(HttpContext context, string shareId)
    {
        // "u!" + unpadded base64url of the document's URL.
        var encoded = shareId[2..].Replace('-', '+').Replace('_', '/');
        encoded = encoded.PadRight(encoded.Length + ((4 - (encoded.Length % 4)) % 4), '=');
        var url = new Uri(Encoding.UTF8.GetString(Convert.FromBase64String(encoded)));
        var libraryPrefix = $"{SitePath}/{LibraryUrlName}/";
        var otherPrefix = $"{SitePath}/Shared Documents/";
        var absolute = Uri.UnescapeDataString(url.AbsolutePath);
        var (driveId, path) = absolute.StartsWith(libraryPrefix, StringComparison.Ordinal) ? (DriveId, absolute[libraryPrefix.Length..])
            : absolute.StartsWith(otherPrefix, StringComparison.Ordinal) ? (OtherDriveId, absolute[otherPrefix.Length..])
            : (null, null);
        if (driveId is null || !_files.TryGetValue(Key(driveId, path!), out var file))
        {
            await ErrorAsync(context, HttpStatusCode.NotFound, "itemNotFound");
            return;
        }

        await JsonAsync(context, HttpStatusCode.OK, ItemJson(file));
    }

    private StoredFile Save(string driveId, string path, byte[] content, StoredFile? existing)
    {
        lock (_gate)
        {
            var saved = existing is null
                ? new StoredFile($"item{++_nextId:D4}", driveId, path, content, 1, Tick(), null)
                : existing with { Content = content, Version = existing.Version + 1, Modified = Tick(), ReportedSize = null };
            _files[Key(driveId, path)] = saved;
            return saved;
        }
    }

    private DateTimeOffset Tick()
    {
        lock (_gate)
        {
            _clock = _clock.AddMinutes(1);
            return _clock;
        }
    }

    private Fault? TakeFault(string path)
    {
        lock (_gate)
        {
            if (_faults.TryPeek(out var fault) && path.Contains(fault.PathContains, StringComparison.Ordinal))
            {
                _faults.TryDequeue(out _);
                return fault;
            }

            return null;
        }
    }

    private static JsonObject ItemJson(StoredFile file)
    {
        var folder = file.Path.Contains('/', StringComparison.Ordinal) ? "/" + file.Path[..file.Path.LastIndexOf('/')] : string.Empty;
        return new JsonObject
        {
            ["id"] = file.Id,
            ["name"] = file.Path.Split('/')[^1],
            ["eTag"] = file.ETag,
            ["lastModifiedDateTime"] = file.Modified.ToString("O", CultureInfo.InvariantCulture),
            ["size"] = file.ReportedSize ?? file.Content.Length,
            ["file"] = new JsonObject { ["mimeType"] = "application/octet-stream" },
            ["parentReference"] = new JsonObject { ["driveId"] = file.DriveId, ["path"] = $"/drives/{file.DriveId}/root:{folder}" },
        };
    }

    private static Task ErrorAsync(HttpContext context, HttpStatusCode status, string code) =>
        JsonAsync(context, status, new JsonObject { ["error"] = new JsonObject { ["code"] = code, ["message"] = code } });

    private static async Task JsonAsync(HttpContext context, HttpStatusCode status, JsonNode body)
    {
        context.Response.StatusCode = (int)status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body.ToJsonString(new JsonSerializerOptions { WriteIndented = false }));
    }

    private static string Key(string driveId, string path) => $"{driveId}|{path}";

    private sealed record StoredFile(string Id, string DriveId, string Path, byte[] Content, int Version, DateTimeOffset Modified, long? ReportedSize)
    {
        public string ETag => $"\"{{{Id}}},{Version}\"";
    }

    private sealed record UploadSession(string DriveId, string Path, MemoryStream Buffer);

    private sealed record Fault(string PathContains, HttpStatusCode Status, string? RetryAfter, string? WwwAuthenticate);
}
