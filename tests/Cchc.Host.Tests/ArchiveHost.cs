using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using Cchc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Identity.Web;
using Moq;

namespace Cchc.Host.Tests;

/// <summary>
/// The real host over one of its two archives, with a client that calls it the way the pane does:
/// <list type="bullet">
/// <item><c>folder</c>: local mode (Development, no app registration) and the folder archive in a fresh directory;</item>
/// <item><c>sharepoint</c>: an app registration, the pane's token signed by the test, <c>Archive:Kind=SharePoint</c>
/// pointed at a <see cref="GraphStandIn"/> on loopback, and token acquisition handing out <see cref="GraphToken"/>
/// as the user's Graph token.</item>
/// </list>
/// Every response the client receives is kept, so a test can prove the Graph token never reached it.
/// </summary>
public sealed class ArchiveHost : IAsyncDisposable
{
    public const string Folder = "folder";
    public const string SharePoint = "sharepoint";

    /// <summary>What on-behalf-of would return; distinctive, so finding it anywhere is never a coincidence.</summary>
    public const string GraphToken = "graph-obo-token-for-nga-nam-8c1f0e";

    /// <summary>The library folder that holds the unit folders, with a diacritic and a space as real ones have.</summary>
    public const string RootFolder = "Phụ lục";

    private const string UnitSlug = "ubnd-thi-xa-nga-nam";

    private readonly HostFactory _factory;
    private readonly string? _folderRoot;
    private readonly ResponseRecorder _responses = new();

    private ArchiveHost(string kind, HostFactory factory, string? folderRoot, GraphStandIn? standIn)
    {
        Kind = kind;
        _factory = factory;
        _folderRoot = folderRoot;
        StandIn = standIn;
        Client = standIn is null
            ? factory.CreateDefaultClient(new Uri("http://localhost/"), _responses)
            : factory.CreateDefaultClient(new Uri("https://cchc.example.vn/"), _responses);
        if (standIn is not null)
        {
            Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", SignedInHostFactory.Token());
        }
    }

    public string Kind { get; }

    public HttpClient Client { get; }

    /// <summary>The Graph stand-in; null for the folder archive.</summary>
    public GraphStandIn? StandIn { get; }

    public static async Task<ArchiveHost> StartAsync(string kind)
    {
        if (kind == Folder)
        {
            var root = Path.Combine(Path.GetTempPath(), "cchc-archive-flow-" + Guid.NewGuid().ToString("N"));
            var folderHost = new HostFactory { UseConfiguredArchive = true }.With("Archive:Folder:Root", root);
            return new ArchiveHost(kind, folderHost, root, null);
        }

        Assert.Equal(SharePoint, kind);
        var standIn = await GraphStandIn.StartAsync();
        var tokens = new Mock<ITokenAcquisition>(MockBehavior.Strict);
        tokens
            .Setup(t => t.GetAccessTokenForUserAsync(It.IsAny<IEnumerable<string>>(), It.IsAny<string?>(), It.IsAny<string?>(), It.IsAny<string?>(), It.IsAny<ClaimsPrincipal?>(), It.IsAny<TokenAcquisitionOptions?>()))
            .ReturnsAsync(GraphToken);
        var signedIn = new SignedInHostFactory { UseConfiguredArchive = true };
        signedIn
            .With("Archive:Kind", "SharePoint")
            // A tenant of one unit: every signed-in user belongs to Ngã Năm.
            .With("UnitAccess:SingleUnit", "UBND thị xã Ngã Năm")
            .With("Archive:SharePoint:SiteUrl", $"https://{GraphStandIn.Host}{GraphStandIn.SitePath}")
            .With("Archive:SharePoint:Library", GraphStandIn.LibraryName)
            .With("Archive:SharePoint:RootFolder", RootFolder)
            .With("Archive:SharePoint:GraphBaseUrl", standIn.BaseUrl)
            .With("Archive:SharePoint:MaxRetryTime", "00:00:05")
            .WithServices(services =>
            {
                // Microsoft.Identity.Web's own acquisition would call Entra ID; the Graph token is the one thing faked.
                services.RemoveAll<ITokenAcquisition>();
                services.AddSingleton(tokens.Object);
            });
        return new ArchiveHost(kind, signedIn, null, standIn);
    }

    /// <summary>
    /// Puts the Q2 fixture where the archive looks for the Q3 report's previous period. The folder archive is filled
    /// the way a user fills it, through <c>POST /api/archive</c>; the library already holds it, at
    /// <c>{root}/{unit}/{year}/{period}/</c> as docs/sharepoint.md lays it out.
    /// </summary>
    public async Task ArchiveQ2Async()
    {
        const string FileName = "ngan-nam-2022-q2.docx";
        if (StandIn is null)
        {
            using var saved = await Client.PostAsync("/api/archive", Fixtures.Form(("file", FileName, Fixtures.Bytes(FileName))));
            Assert.Equal(HttpStatusCode.Created, saved.StatusCode);
            return;
        }

        StandIn.Store($"{RootFolder}/{UnitSlug}/2022/q2/{FileName}", Fixtures.Bytes(FileName));
    }

    /// <summary>
    /// For SharePoint: Graph was called, every call carried the user's Graph token, and no response the client got,
    /// headers or body, holds it.
    /// </summary>
    public void AssertGraphTokenStayedInTheHost()
    {
        if (StandIn is null)
        {
            return;
        }

        var graphCalls = StandIn.Requests.Where(request => request.Path.StartsWith("/v1.0/", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(graphCalls);
        Assert.All(graphCalls, request => Assert.Equal($"Bearer {GraphToken}", request.Authorization));
        Assert.NotEmpty(_responses.Texts);
        Assert.All(_responses.Texts, text => Assert.DoesNotContain(GraphToken, text, StringComparison.Ordinal));
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _factory.DisposeAsync();
        if (StandIn is not null)
        {
            await StandIn.DisposeAsync();
        }

        if (_folderRoot is not null && Directory.Exists(_folderRoot))
        {
            Directory.Delete(_folderRoot, recursive: true);
        }
    }

    /// <summary>Keeps each response's status line, headers and body as text.</summary>
    private sealed class ResponseRecorder : DelegatingHandler
    {
        public ConcurrentQueue<string> Texts { get; } = new();

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            await response.Content.LoadIntoBufferAsync(cancellationToken);
            Texts.Enqueue($"{(int)response.StatusCode}\n{response.Headers}\n{response.Content.Headers}\n{await response.Content.ReadAsStringAsync(cancellationToken)}");
            return response;
        }
    }
}
