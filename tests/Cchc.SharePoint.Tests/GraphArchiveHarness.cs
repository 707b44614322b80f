using Microsoft.Graph;
using Microsoft.Identity.Web;
using Moq;

namespace Cchc.SharePoint.Tests;

/// <summary>
/// The real GraphServiceClient and the archive's own middleware and token provider, pointed at a <see cref="GraphStandIn"/>.
/// Token acquisition is the one mocked seam: it hands out "read-token" or "write-token" by the scopes asked.
/// </summary>
public sealed class GraphArchiveHarness : IAsyncDisposable
{
    private readonly GraphArchiveHttpClient _http;

    private GraphArchiveHarness(GraphStandIn standIn, ArchiveOptions options, Mock<ITokenAcquisition> tokens)
    {
        StandIn = standIn;
        Options = options;
        Tokens = tokens;
        _http = new GraphArchiveHttpClient(Microsoft.Extensions.Options.Options.Create(options));
        var client = new GraphServiceClient(_http.Client, new UserTokenAuthenticationProvider(tokens.Object, options.SharePoint), options.SharePoint.GraphBaseUrl);
        Archive = new GraphReportArchive(client, options);
    }

    public GraphStandIn StandIn { get; }

    public ArchiveOptions Options { get; }

    public Mock<ITokenAcquisition> Tokens { get; }

    public GraphReportArchive Archive { get; }

    public static async Task<GraphArchiveHarness> StartAsync(Action<ArchiveOptions>? configure = null)
    {
        var standIn = await GraphStandIn.StartAsync();
        var options = new ArchiveOptions
        {
            Kind = ArchiveKind.SharePoint,
            SharePoint =
            {
                SiteUrl = $"https://{GraphStandIn.Host}{GraphStandIn.SitePath}",
                Library = GraphStandIn.LibraryName,
                RootFolder = "Kho báo cáo",
                GraphBaseUrl = standIn.BaseUrl,
                MaxRetryTime = TimeSpan.FromSeconds(5),
            },
        };
        configure?.Invoke(options);
        var validation = new ArchiveOptionsValidator().Validate(null, options);
        Assert.True(validation.Succeeded, validation.FailureMessage);

        var tokens = new Mock<ITokenAcquisition>(MockBehavior.Strict);
        tokens
            .Setup(t => t.GetAccessTokenForUserAsync(It.IsAny<IEnumerable<string>>(), It.IsAny<string?>(), It.IsAny<string?>(), It.IsAny<string?>(), It.IsAny<System.Security.Claims.ClaimsPrincipal?>(), It.IsAny<TokenAcquisitionOptions?>()))
            .ReturnsAsync((IEnumerable<string> scopes, string? _, string? _, string? _, System.Security.Claims.ClaimsPrincipal? _, TokenAcquisitionOptions? _) =>
                scopes.Any(scope => scope.EndsWith("ReadWrite.All", StringComparison.Ordinal)) ? "write-token" : "read-token");
        return new GraphArchiveHarness(standIn, options, tokens);
    }

    /// <summary>A path inside the configured library, under the root folder.</summary>
    public string InLibrary(string relative) => $"{Options.SharePoint.RootFolder}/{relative}";

    public async ValueTask DisposeAsync()
    {
        Archive.Dispose();
        _http.Dispose();
        await StandIn.DisposeAsync();
    }
}
