using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Security.Cryptography;
using Cchc.Appendix.Header;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Identity.Client;
using Microsoft.Identity.Web;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;
using Moq;

namespace Cchc.Host.Tests;

/// <summary>A host with an app registration, whose tokens the test signs with a key of its own.</summary>
public class SignedInHostFactory : HostFactory
{
    public const string ClientId = "3f0c2a7e-8d41-4b6a-9c55-1e2f3a4b5c6d";
    public const string TenantId = "7a1b2c3d-4e5f-4061-8a9b-0c1d2e3f4a5b";
    public static readonly string Issuer = $"https://login.microsoftonline.com/{TenantId}/v2.0";

    public SignedInHostFactory()
    {
        Environment = "Production";
        Without("Host:LocalMode");
        With("UnitAccess:Units:0:Unit", "UBND X");
        With("UnitAccess:Units:0:Roles:0", UnitXRole);
        With("AzureAd:Instance", "https://login.microsoftonline.com/");
        With("AzureAd:TenantId", TenantId);
        With("AzureAd:ClientId", ClientId);
        With("AzureAd:Audience", "api://" + ClientId);
        WithServices(services =>
        {
            // Microsoft.Identity.Web's issuer validator reads the tenant's issuer from Entra's metadata with the named
            // client below; the stand-in answers as Entra does, so the real validator runs and nothing leaves the machine.
            services.Configure<AadIssuerValidatorOptions>(options => options.HttpClientName = EntraMetadataStandIn.ClientName);
            services.AddHttpClient(EntraMetadataStandIn.ClientName).ConfigurePrimaryHttpMessageHandler(() => new EntraMetadataStandIn(SigningKey));
        });
        WithServices(services => services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, options =>
        {
            // The validation Microsoft.Identity.Web sets up, its own issuer validator included, with the metadata Entra
            // would publish for this tenant served from memory (this test's key, the tenant's issuer), so no network.
            var configuration = new OpenIdConnectConfiguration { Issuer = Issuer };
            configuration.SigningKeys.Add(SigningKey);
            options.Configuration = configuration;
            options.ConfigurationManager = new StaticConfigurationManager<OpenIdConnectConfiguration>(configuration);
            options.TokenValidationParameters.IssuerSigningKey = SigningKey;
        }));
    }

    /// <summary>The app role that makes a user a member of "UBND X" in this host's <c>UnitAccess</c> section.</summary>
    public const string UnitXRole = "Unit.X";

    public const string OtherTenantId = "00000000-1111-2222-3333-444444444444";

    public static RsaSecurityKey SigningKey { get; } = new(RSA.Create(2048)) { KeyId = "test-key" };

    public static string Token(
        string? audience = null,
        string? issuer = null,
        string scope = "access_as_user",
        DateTime? expires = null,
        SecurityKey? key = null,
        string tenant = TenantId,
        IEnumerable<string>? roles = null,
        IEnumerable<string>? groups = null,
        string objectId = "0b6f5a3e-1111-4c2d-9e8f-aaaaaaaaaaaa",
        string name = "Cán bộ Ngã Năm",
        IEnumerable<Claim>? extraClaims = null)
    {
        var now = DateTime.UtcNow;
        var claims = new List<Claim>
        {
            new("scp", scope),
            new("oid", objectId),
            new("tid", tenant),
            new("name", name),
        };
        claims.AddRange((roles ?? [UnitXRole]).Select(role => new Claim("roles", role)));
        claims.AddRange((groups ?? []).Select(group => new Claim("groups", group)));
        claims.AddRange(extraClaims ?? []);
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer ?? $"https://login.microsoftonline.com/{tenant}/v2.0",
            Audience = audience ?? "api://" + ClientId,
            IssuedAt = (expires ?? now.AddHours(1)).AddHours(-2),
            NotBefore = (expires ?? now.AddHours(1)).AddHours(-2),
            Expires = expires ?? now.AddHours(1),
            Subject = new ClaimsIdentity(claims),
            SigningCredentials = new SigningCredentials(key ?? SigningKey, SecurityAlgorithms.RsaSha256),
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }
}

/// <summary>
/// Entra ID's OpenID metadata and signing keys for any tenant, as login.microsoftonline.com serves them: the issuer
/// names the tenant asked for, so a token of another tenant fails the issuer check exactly as it would in production.
/// </summary>
public sealed class EntraMetadataStandIn(RsaSecurityKey key) : HttpMessageHandler
{
    public const string ClientName = "entra-metadata";

    private static readonly string[] SigningAlgorithms = ["RS256"];

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var url = request.RequestUri!;
        var tenant = url.Segments.Length > 1 ? url.Segments[1].TrimEnd('/') : string.Empty;
        string body;
        if (url.Host == "login.microsoftonline.com" && url.AbsolutePath.EndsWith("/.well-known/openid-configuration", StringComparison.Ordinal))
        {
            var v2 = url.AbsolutePath.Contains("/v2.0/", StringComparison.Ordinal);
            body = System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, object>
            {
                ["issuer"] = v2 ? $"https://login.microsoftonline.com/{tenant}/v2.0" : $"https://sts.windows.net/{tenant}/",
                ["jwks_uri"] = $"https://login.microsoftonline.com/{tenant}/discovery/{(v2 ? "v2.0/" : string.Empty)}keys",
                ["authorization_endpoint"] = $"https://login.microsoftonline.com/{tenant}/oauth2/v2.0/authorize",
                ["token_endpoint"] = $"https://login.microsoftonline.com/{tenant}/oauth2/v2.0/token",
                ["id_token_signing_alg_values_supported"] = SigningAlgorithms,
            });
        }
        else if (url.Host == "login.microsoftonline.com" && url.AbsolutePath.EndsWith("/keys", StringComparison.Ordinal))
        {
            var parameters = key.Rsa.ExportParameters(includePrivateParameters: false);
            body = System.Text.Json.JsonSerializer.Serialize(new
            {
                keys = new[] { new { kty = "RSA", use = "sig", kid = key.KeyId, n = Base64UrlEncoder.Encode(parameters.Modulus), e = Base64UrlEncoder.Encode(parameters.Exponent) } },
            });
        }
        else
        {
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.NotFound));
        }

        return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") });
    }
}

public sealed class AuthenticationTests : IClassFixture<SignedInHostFactory>
{
    private const string Route = "/api/archive/previous?unit=UBND%20X&period=2022-q3";
    private readonly SignedInHostFactory _factory;

    public AuthenticationTests(SignedInHostFactory factory)
    {
        _factory = factory;
        _factory.Archive!.Add("UBND X", ReportPeriod.Quarter(2, 2022), "x-2022-q2.docx", [1, 2, 3]);
    }

    public static TheoryData<string, string?, int> Matrix => new()
    {
        { "valid", SignedInHostFactory.Token(), 200 },
        { "expired", SignedInHostFactory.Token(expires: DateTime.UtcNow.AddHours(-1)), 401 },
        { "wrong audience", SignedInHostFactory.Token(audience: "api://another-app"), 401 },
        { "wrong issuer", SignedInHostFactory.Token(issuer: $"https://login.microsoftonline.com/{SignedInHostFactory.OtherTenantId}/v2.0"), 401 },
        { "another tenant", SignedInHostFactory.Token(tenant: SignedInHostFactory.OtherTenantId), 401 },
        { "bad signature", SignedInHostFactory.Token(key: new RsaSecurityKey(RSA.Create(2048)) { KeyId = "test-key" }), 401 },
        { "missing scope", SignedInHostFactory.Token(scope: "User.Read"), 403 },
        { "no token", null, 401 },
    };

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task ApiRoute_Token_AnswersByTokenValidity(string scenario, string? token, int expected)
    {
        using var client = _factory.CreateHttpsClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, Route);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await client.SendAsync(request);

        Assert.True(expected == (int)response.StatusCode, $"{scenario}: expected {expected}, got {(int)response.StatusCode}");
        if (expected != 200)
        {
            await ProblemAssert.IsProblemAsync(response, expected, expected == 401 ? "unauthorized" : "forbidden");
        }

        Assert.False(response.Headers.Contains("X-Cchc-Local-Mode"));
    }

    [Fact]
    public async Task Health_NoToken_IsAnonymous()
    {
        using var client = _factory.CreateHttpsClient();

        using var response = await client.GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Hsts_OutsideDevelopment_IsSent()
    {
        using var client = _factory.CreateHttpsClient();

        using var response = await client.GetAsync("/health/live");

        Assert.Contains("max-age=", response.Headers.GetValues("Strict-Transport-Security").Single(), StringComparison.Ordinal);
    }
}

public sealed class ConsentTests
{
    [Theory]
    [InlineData("{\"access_token\":{\"capolids\":{\"essential\":true,\"values\":[\"c1\"]}}}", 401)]
    [InlineData(null, 403)]
    public async Task ArchiveLookup_TokenAcquisitionNeedsUser_ReturnsConsentRequiredWithClaims(string? claims, int status)
    {
        // The archive asks for a Graph token on behalf of the user, as the SharePoint archive does; MSAL says
        // the user must act (consent, MFA, Conditional Access).
        var tokens = new Mock<ITokenAcquisition>();
        tokens.Setup(t => t.GetAccessTokenForUserAsync(It.IsAny<IEnumerable<string>>(), It.IsAny<string?>(), It.IsAny<string?>(), It.IsAny<ClaimsPrincipal?>(), It.IsAny<TokenAcquisitionOptions?>()))
            .ThrowsAsync(UiRequired(claims));
        using var factory = new SignedInHostFactory();
        factory.WithServices(services => services.AddSingleton(tokens.Object));
        factory.Archive!.OnFind = async _ => await tokens.Object.GetAccessTokenForUserAsync(["Sites.Read.All"], null, null, null, null);
        using var client = factory.CreateHttpsClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/archive/previous?unit=UBND%20X&period=2022-q3");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", SignedInHostFactory.Token());

        using var response = await client.SendAsync(request);

        var problem = await ProblemAssert.IsProblemAsync(response, status, "consent-required");
        if (claims is not null)
        {
            Assert.Equal(claims, problem.GetProperty("claims").GetString());
            Assert.Contains("insufficient_claims", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        }

        Assert.DoesNotContain("AADSTS", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>MSAL fills Claims from the token endpoint's answer; its setter is internal, so the test sets it the same way.</summary>
    private static MsalUiRequiredException UiRequired(string? claims)
    {
        var exception = new MsalUiRequiredException("invalid_grant", "AADSTS50076: multi-factor authentication required");
        typeof(MsalServiceException).GetProperty(nameof(MsalServiceException.Claims))!.SetValue(exception, claims);
        return exception;
    }
}
