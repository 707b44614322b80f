using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cchc.Appendix.Header;
using Cchc.SharePoint;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Cchc.Host.Tests;

/// <summary>
/// The real host over TestServer. Local mode by default (Development, Host:LocalMode, no registration); settings and
/// services are changed per test through <see cref="With"/>.
/// </summary>
public class HostFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings = new()
    {
        ["Spa:RootPath"] = PaneFolder.Path,
        ["Host:LocalMode"] = "true",
    };

    private readonly List<Action<IServiceCollection>> _services = [];

    public string Environment { get; set; } = "Development";

    public InMemoryReportArchive? Archive { get; set; } = new();

    /// <summary>Keeps the archive the configuration chooses (the folder under <c>Archive:Folder:Root</c>) instead of <see cref="Archive"/>.</summary>
    public bool UseConfiguredArchive { get; set; }

    public HostFactory With(string key, string? value)
    {
        _settings[key] = value;
        return this;
    }

    /// <summary>Leaves <paramref name="key"/> unset, as a configuration that never names it.</summary>
    public HostFactory Without(string key)
    {
        _settings.Remove(key);
        return this;
    }

    public HostFactory WithServices(Action<IServiceCollection> configure)
    {
        _services.Add(configure);
        return this;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environment);
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            // The real archive (a folder under the content root) is replaced: tests own what the archive holds.
            if (!UseConfiguredArchive)
            {
                services.RemoveAll<IReportArchive>();
                if (Archive is not null)
                {
                    services.AddSingleton<IReportArchive>(Archive);
                }
            }

            foreach (var configure in _services)
            {
                configure(services);
            }
        });
    }

    public HttpClient CreateHttpsClient() => CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://cchc.example.vn/") });
}

/// <summary>A built pane the host serves in tests: index.html and one hashed asset, as Vite lays them out.</summary>
public static class PaneFolder
{
    public static string Path { get; } = Create();

    private static string Create()
    {
        var root = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "cchc-host-tests-pane-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(System.IO.Path.Combine(root, "assets"));
        File.WriteAllText(System.IO.Path.Combine(root, "index.html"), "<!doctype html><html lang=\"vi\"><head><script type=\"module\" src=\"/assets/index-Bx3kPq9Z.js\"></script></head><body><div id=\"root\"></div></body></html>");
        File.WriteAllText(System.IO.Path.Combine(root, "assets", "index-Bx3kPq9Z.js"), "console.log('pane');");
        return root;
    }
}

/// <summary>An archive held in memory, keyed like the real ones by unit and period.</summary>
public sealed class InMemoryReportArchive : IReportArchive
{
    private readonly Dictionary<(string Unit, ReportPeriod Period), (ArchivedReport Report, byte[] Content)> _reports = [];

    public string Kind => "memory";

    public Func<ArchiveLookup, Task>? OnFind { get; set; }

    /// <summary>Stores a report; without <paramref name="savedBy"/> it is a loose file, as one copied into the folder.</summary>
    public void Add(string unit, ReportPeriod period, string fileName, byte[] content, ReportSaver? savedBy = null) =>
        _reports[(unit.ToUpperInvariant(), period)] = (new ArchivedReport(unit, period, fileName, $"{unit}/{period.Year}/{period.Slug}/{fileName}", "\"1\"", DateTimeOffset.UnixEpoch, content.Length) { SavedBy = savedBy }, content);

    public async Task<ArchivedReport?> FindAsync(ArchiveLookup lookup, CancellationToken cancellationToken = default)
    {
        if (OnFind is not null)
        {
            await OnFind(lookup);
        }

        return _reports.TryGetValue((lookup.Unit.ToUpperInvariant(), lookup.Period), out var found) ? found.Report : null;
    }

    public Task<Stream> OpenAsync(ArchivedReport report, CancellationToken cancellationToken = default) =>
        Task.FromResult<Stream>(new MemoryStream(_reports[(report.Unit.ToUpperInvariant(), report.Period)].Content, writable: false));

    public async Task<ArchivedReport> SaveAsync(string unit, ReportPeriod period, string fileName, Stream content, string? ifMatchETag, ReportSaver? savedBy = null, CancellationToken cancellationToken = default)
    {
        if (_reports.ContainsKey((unit.ToUpperInvariant(), period)) && ifMatchETag is null)
        {
            throw new ArchiveException(ArchiveError.Conflict, "Kho đã có báo cáo kỳ này.", "The archive already holds this period's report.");
        }

        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, cancellationToken);
        Add(unit, period, fileName, buffer.ToArray(), savedBy ?? ReportSaver.Unknown);
        return _reports[(unit.ToUpperInvariant(), period)].Report;
    }

    public Task<IReadOnlyList<ArchivedReport>> ListAsync(string unit, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<ArchivedReport>>(_reports.Values.Where(r => string.Equals(r.Report.Unit, unit, StringComparison.OrdinalIgnoreCase)).Select(r => r.Report).ToList());
}

/// <summary>Fixture documents and the pane's JSON read of them.</summary>
public static class Fixtures
{
    public static string PathOf(string name) => System.IO.Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    public static byte[] Bytes(string name) => File.ReadAllBytes(PathOf(name));

    /// <summary><c>samples/q3-snapshot.json</c>: the Q3 appendix as the pane posts it from Word, and as docs/api.md does.</summary>
    public static JsonNode Q3Snapshot() => JsonNode.Parse(File.ReadAllText(PathOf("q3-snapshot.json")))!;

    /// <summary>
    /// The Q3 appendix as the pane would post it from Word: the title lines above the table, then every
    /// table row with its cells (the text fixture holds them tab-separated).
    /// </summary>
    public static object Q3Request(string host = "word")
    {
        var titleLines = new List<string>();
        var rows = new List<object>();
        foreach (var line in File.ReadAllLines(PathOf("ngan-nam-2022-q3.txt")))
        {
            if (line.Contains('\t', StringComparison.Ordinal) || rows.Count > 0)
            {
                if (line.Length > 0)
                {
                    rows.Add(new { cells = line.Split('\t').Select(text => new { text }).ToArray() });
                }
            }
            else if (!string.IsNullOrWhiteSpace(line))
            {
                titleLines.Add(line.Replace("**", string.Empty, StringComparison.Ordinal).Trim());
            }
        }

        return new { host, titleLines, tables = new[] { new { sheet = (string?)null, rows } } };
    }

    public static MultipartFormDataContent Form(params (string Field, string FileName, byte[] Content)[] files)
    {
        var form = new MultipartFormDataContent();
        foreach (var (field, fileName, content) in files)
        {
            var part = new ByteArrayContent(content);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(part, field, fileName);
        }

        return form;
    }
}

public static class ProblemAssert
{
    /// <summary>Asserts a Problem Details answer of <paramref name="code"/> and returns it for further checks.</summary>
    public static async Task<JsonElement> IsProblemAsync(HttpResponseMessage response, int status, string code)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == status, $"Expected {status} {code}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal(code, problem.GetProperty("code").GetString());
        Assert.Equal("https://cchc.vn/problems/" + code, problem.GetProperty("type").GetString());
        Assert.Equal(status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("titleEn").GetString()));
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
        return problem;
    }

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string url, object body) => client.PostAsJsonAsync(url, body);
}
