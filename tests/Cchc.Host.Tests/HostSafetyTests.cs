using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;

namespace Cchc.Host.Tests;

public sealed class HostSafetyTests : IClassFixture<HostFactory>
{
    private readonly HostFactory _factory;

    public HostSafetyTests(HostFactory factory) => _factory = factory;

    [Theory]
    [InlineData("/api/does-not-exist")]
    [InlineData("/health")]
    [InlineData("/")]
    public async Task LocalMode_AnyResponse_CarriesLocalModeHeader(string path)
    {
        using var client = _factory.CreateClient();

        using var response = await client.GetAsync(path);

        Assert.Equal("true", response.Headers.GetValues("X-Cchc-Local-Mode").Single());
    }

    [Fact]
    public async Task Api_Response_MayNotBeFramed()
    {
        using var client = _factory.CreateClient();

        using var response = await client.GetAsync("/api/does-not-exist");

        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task PanePage_Response_MayBeFramedByOfficeOnly()
    {
        using var client = _factory.CreateClient();

        using var response = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        var ancestors = csp.Split(';').Select(d => d.Trim()).Single(d => d.StartsWith("frame-ancestors", StringComparison.Ordinal));
        Assert.Equal("frame-ancestors 'self' https://*.officeapps.live.com https://*.office.com https://*.microsoft365.com https://*.cloud.microsoft", ancestors);
        Assert.Contains("script-src 'self' https://appsforoffice.microsoft.com;", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Host:SharePointTenant", "soctrang")]
    [InlineData("Archive:SharePoint:SiteUrl", "https://soctrang.sharepoint.com/sites/cchc")]
    public async Task PanePage_TenantKnown_MayBeFramedByThatTenantsSharePointOnly(string key, string value)
    {
        using var factory = new HostFactory().With(key, value);
        if (key.StartsWith("Archive", StringComparison.Ordinal))
        {
            // The SharePoint archive needs sign-in; only its address matters here, read as configuration.
            factory.With("Archive:Kind", "Folder");
        }

        using var client = factory.CreateClient();

        using var response = await client.GetAsync("/");

        var ancestors = response.Headers.GetValues("Content-Security-Policy").Single().Split(';').Select(d => d.Trim()).Single(d => d.StartsWith("frame-ancestors", StringComparison.Ordinal));
        Assert.EndsWith("https://soctrang.sharepoint.com https://soctrang-my.sharepoint.com", ancestors, StringComparison.Ordinal);
        Assert.DoesNotContain("*.sharepoint.com", ancestors, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("*")]
    [InlineData("evil.com/x")]
    [InlineData("a.b")]
    public void Start_SharePointTenantThatIsNotOneName_Refuses(string tenant)
    {
        using var factory = new HostFactory().With("Host:SharePointTenant", tenant);

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains("Host:SharePointTenant", (error.InnerException ?? error).Message + error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pane_IndexAndHashedAsset_AreCachedAccordingly()
    {
        using var client = _factory.CreateClient();

        using var index = await client.GetAsync("/some/client/route");
        using var asset = await client.GetAsync("/assets/index-Bx3kPq9Z.js");

        Assert.Equal(HttpStatusCode.OK, index.StatusCode);
        Assert.Contains("<div id=\"root\">", await index.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("no-cache", index.Headers.CacheControl!.ToString());
        Assert.Equal(HttpStatusCode.OK, asset.StatusCode);
        Assert.Contains("immutable", asset.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromDays(365), asset.Headers.CacheControl!.MaxAge);
    }

    [Fact]
    public async Task Cors_PreflightFromOtherOrigin_IsNotAllowed()
    {
        using var client = _factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Options, "/api/check");
        request.Headers.Add("Origin", "https://evil.example");
        request.Headers.Add("Access-Control-Request-Method", "POST");

        using var response = await client.SendAsync(request);

        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Health_Ready_ReportsArchiveKind()
    {
        using var client = _factory.CreateClient();

        using var response = await client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Healthy", body.GetProperty("status").GetString());
        Assert.Equal("memory", body.GetProperty("checks")[0].GetProperty("data").GetProperty("kind").GetString());
    }

    [Fact]
    public async Task OpenApi_Document_DescribesTheApi()
    {
        using var client = _factory.CreateClient();

        using var response = await client.GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var paths = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/check", out _));
        Assert.True(paths.TryGetProperty("/api/files/check", out _));
        Assert.True(paths.TryGetProperty("/api/archive/previous", out _));
        foreach (var bodyOfACheck in new[] { "/api/check", "/api/prefill" })
        {
            // CheckBody reads these bodies; the document still shows their contract.
            var schema = paths.GetProperty(bodyOfACheck).GetProperty("post").GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema");
            Assert.EndsWith("/CheckRequest", schema.GetProperty("$ref").GetString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task RateLimit_OverPermitsPerMinute_Returns429WithRetryAfter()
    {
        using var factory = new HostFactory().With("Limits:RequestsPerMinute", "2");
        using var client = factory.CreateClient();

        for (var i = 0; i < 2; i++)
        {
            using var allowed = await client.GetAsync("/api/archive/previous?unit=UBND%20X&period=2022-q3");
            Assert.NotEqual(HttpStatusCode.TooManyRequests, allowed.StatusCode);
        }

        using var response = await client.GetAsync("/api/archive/previous?unit=UBND%20X&period=2022-q3");

        await ProblemAssert.IsProblemAsync(response, 429, "rate-limited");
        var retryAfter = int.Parse(response.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 60);
    }

    [Fact]
    public void Start_ProductionWithoutRegistration_RefusesWithOneSentence()
    {
        using var factory = new HostFactory { Environment = "Production" }.Without("Host:LocalMode");

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        var refusal = error is InvalidOperationException ? error : error.InnerException;
        Assert.Contains("AzureAd:ClientId", refusal!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_Snapshot_DoesNotLogDocumentContent()
    {
        var logs = new LogCollector();
        using var factory = new HostFactory();
        factory.WithServices(services => services.AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider>(logs));
        using var client = factory.CreateClient();

        using var response = await client.PostAsJsonAsync("/api/check", Fixtures.Q3Request());

        Assert.DoesNotContain(logs.Messages, message => message.Contains("Số nhiệm vụ", StringComparison.Ordinal) || message.Contains("NGÃ NĂM", StringComparison.Ordinal));
    }
}

/// <summary>Every log line the host writes, to check what it leaves out.</summary>
public sealed class LogCollector : Microsoft.Extensions.Logging.ILoggerProvider
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _messages = new();

    public IEnumerable<string> Messages => _messages;

    public Microsoft.Extensions.Logging.ILogger CreateLogger(string categoryName) => new Logger(_messages);

    public void Dispose()
    {
    }

    private sealed class Logger(System.Collections.Concurrent.ConcurrentQueue<string> messages) : Microsoft.Extensions.Logging.ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(Microsoft.Extensions.Logging.LogLevel logLevel) => true;

        public void Log<TState>(Microsoft.Extensions.Logging.LogLevel logLevel, Microsoft.Extensions.Logging.EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            messages.Enqueue(formatter(state, exception) + " " + exception);
    }
}
