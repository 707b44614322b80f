using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Identity.Client;
using Microsoft.Identity.Web.TokenCacheProviders;

namespace Cchc.Host.Tests;

/// <summary>
/// Two host instances over one real Redis: what one instance stores (an on-behalf-of token, a Data Protection key, a
/// caller's count of requests) the other sees. Each test uses its own key prefix, so tests do not see each other's state.
/// </summary>
public sealed class SharedStateTests(RedisServer redis) : IClassFixture<RedisServer>
{
    private HostFactory Instance(string prefix, HostFactory? factory = null) =>
        (factory ?? new HostFactory())
            .With("Redis:ConnectionString", redis.ConnectionString)
            .With("Redis:KeyPrefix", prefix);

    private static string Prefix() => $"test-{Guid.NewGuid():N}:";

    [Fact]
    public async Task RateLimit_OneCallerAcrossTwoInstances_IsCountedOnce()
    {
        var prefix = Prefix();
        using var a = Instance(prefix).With("Limits:RequestsPerMinute", "4");
        using var b = Instance(prefix).With("Limits:RequestsPerMinute", "4");
        using var clientA = a.CreateClient();
        using var clientB = b.CreateClient();

        // Four allowed between them, whichever instance the balancer picks; the fifth is refused by either.
        var statuses = new List<HttpStatusCode>();
        foreach (var client in new[] { clientA, clientB, clientA, clientB, clientB })
        {
            using var response = await client.GetAsync("/api/templates");
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        using var refused = await clientA.GetAsync("/api/templates");
        await ProblemAssert.IsProblemAsync(refused, 429, "rate-limited");
        Assert.InRange(int.Parse(refused.Headers.RetryAfter!.ToString(), System.Globalization.CultureInfo.InvariantCulture), 1, 60);
    }

    [Fact]
    public async Task TokenCache_OnBehalfOfTokenAcquiredByOneInstance_IsServedFromCacheByTheOther()
    {
        var prefix = Prefix();
        using var a = Instance(prefix, new SignedInHostFactory());
        using var b = Instance(prefix, new SignedInHostFactory());
        var entra = new TokenEndpointStandIn();

        // The same confidential client as the host's, its user token cache kept by each instance's Identity.Web cache.
        var first = await OnBehalfOfAsync(a.Services, entra, SignedInHostFactory.Token());
        var second = await OnBehalfOfAsync(b.Services, entra, SignedInHostFactory.Token(), assertion: first.Assertion);

        Assert.Equal(TokenSource.IdentityProvider, first.Result.AuthenticationResultMetadata.TokenSource);
        Assert.Equal(TokenSource.Cache, second.Result.AuthenticationResultMetadata.TokenSource);
        Assert.Equal(first.Result.AccessToken, second.Result.AccessToken);
        Assert.Equal(1, entra.TokenRequests);
    }

    [Fact]
    public async Task DataProtection_ProtectedByOneInstance_UnprotectsOnTheOther()
    {
        var prefix = Prefix();
        using var a = Instance(prefix);
        using var b = Instance(prefix);

        var secret = a.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("cchc-test").Protect("Ngã Năm");

        Assert.Equal("Ngã Năm", b.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("cchc-test").Unprotect(secret));
        // The key ring is Redis's, not a folder both test instances happen to share on this machine.
        using var direct = await StackExchange.Redis.ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
        Assert.True(await direct.GetDatabase().ListLengthAsync(prefix + "data-protection-keys") >= 1);
    }

    [Fact]
    public async Task Readiness_WithRedis_ReportsItHealthyWithItsEndpoint()
    {
        using var host = Instance(Prefix());
        using var client = host.CreateClient();

        using var response = await client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var check = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("checks").EnumerateArray()
            .Single(c => c.GetProperty("name").GetString() == "redis");
        Assert.Equal("Healthy", check.GetProperty("status").GetString());
        Assert.Equal($"127.0.0.1:{redis.Port}", check.GetProperty("data").GetProperty("endpoints").GetString());
    }

    [Fact]
    public void Start_ConfiguredForRedisWithNoRedisThere_RefusesSayingWhere()
    {
        var closed = new RedisServer().Port;
        using var host = new HostFactory().With("Redis:ConnectionString", $"127.0.0.1:{closed},connectTimeout=1000");

        var refusal = Assert.ThrowsAny<Exception>(() => host.CreateClient());

        var messages = string.Join(" | ", Flatten(refusal).Select(e => e.Message));
        Assert.Contains($"127.0.0.1:{closed}", messages, StringComparison.Ordinal);
        Assert.Contains("does not start", messages, StringComparison.Ordinal);
        Assert.Contains("không khởi động", messages, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_WithoutRedis_KeepsStateInThisProcess()
    {
        using var host = new HostFactory();

        Assert.Null(host.Services.GetService<StackExchange.Redis.IConnectionMultiplexer>());
        Assert.Same(Cchc.Host.Hosting.CallerRateLimits.InMemory, host.Services.GetRequiredService<Cchc.Host.Hosting.CallerRateLimits>());
    }

    private static IEnumerable<Exception> Flatten(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            yield return e;
            if (e is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions.SelectMany(Flatten))
                {
                    yield return inner;
                }
            }
        }
    }

    private static async Task<(AuthenticationResult Result, string Assertion)> OnBehalfOfAsync(IServiceProvider host, TokenEndpointStandIn entra, string token, string? assertion = null)
    {
        var application = ConfidentialClientApplicationBuilder.Create(SignedInHostFactory.ClientId)
            .WithClientSecret("test-secret")
            .WithAuthority($"https://login.microsoftonline.com/{SignedInHostFactory.TenantId}")
            .WithInstanceDiscovery(false)
            .WithHttpClientFactory(entra)
            .Build();
        host.GetRequiredService<IMsalTokenCacheProvider>().Initialize(application.UserTokenCache);
        var user = assertion ?? token;
        var result = await application.AcquireTokenOnBehalfOf(["https://graph.microsoft.com/Sites.Read.All"], new UserAssertion(user)).ExecuteAsync();
        return (result, user);
    }

    /// <summary>
    /// Entra ID's token endpoint as MSAL calls it for on-behalf-of: a POST with grant_type jwt-bearer answered with a
    /// bearer token, counted, so that a token served from the cache shows as no call at all.
    /// </summary>
    private sealed class TokenEndpointStandIn : HttpMessageHandler, IMsalHttpClientFactory
    {
        private int _tokenRequests;

        public int TokenRequests => _tokenRequests;

        public HttpClient GetHttpClient() => new(this, disposeHandler: false);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var form = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken);
            if (request.Method != HttpMethod.Post || !request.RequestUri!.AbsolutePath.EndsWith("/oauth2/v2.0/token", StringComparison.Ordinal)
                || !form.Contains("grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer", StringComparison.Ordinal)
                || !form.Contains("requested_token_use=on_behalf_of", StringComparison.Ordinal))
            {
                return new HttpResponseMessage(HttpStatusCode.BadRequest) { Content = new StringContent("{\"error\":\"invalid_request\"}", Encoding.UTF8, "application/json") };
            }

            var n = Interlocked.Increment(ref _tokenRequests);
            return new HttpResponseMessage(HttpStatusCode.OK)
            {
                Content = JsonContent.Create(new Dictionary<string, object>
                {
                    ["token_type"] = "Bearer",
                    ["scope"] = "https://graph.microsoft.com/Sites.Read.All",
                    ["expires_in"] = 3600,
                    ["ext_expires_in"] = 3600,
                    ["access_token"] = $"graph-obo-token-{n}",
                }),
            };
        }
    }
}

/// <summary>Redis taken away under a running host and brought back: a clear 503 meanwhile, and the host recovers by itself.</summary>
public sealed class SharedStateOutageTests(RedisServer redis) : IClassFixture<RedisServer>
{
    [Fact]
    public async Task Check_RedisKilledMidRun_Answers503ProblemDetailsThenRecoversWhenItReturns()
    {
        using var host = new HostFactory().With("Redis:ConnectionString", redis.ConnectionString).With("Redis:KeyPrefix", $"outage-{Guid.NewGuid():N}:");
        using var client = host.CreateClient();
        using (var before = await client.PostAsJsonAsync("/api/check?rows=false", Fixtures.Q3Request()))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        redis.Kill();
        using (var during = await client.PostAsJsonAsync("/api/check?rows=false", Fixtures.Q3Request()))
        {
            await ProblemAssert.IsProblemAsync(during, 503, "shared-state-unavailable");
            Assert.NotNull(during.Headers.RetryAfter);
        }

        using (var ready = await client.GetAsync("/health/ready"))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        }

        await redis.StartAsync();
        var recovered = HttpStatusCode.ServiceUnavailable;
        for (var attempt = 0; attempt < 60 && recovered != HttpStatusCode.OK; attempt++)
        {
            await Task.Delay(500);
            using var after = await client.PostAsJsonAsync("/api/check?rows=false", Fixtures.Q3Request());
            recovered = after.StatusCode;
            Assert.True(recovered is HttpStatusCode.OK or HttpStatusCode.ServiceUnavailable, $"answered {(int)recovered} while Redis came back");
        }

        Assert.Equal(HttpStatusCode.OK, recovered);
    }
}
