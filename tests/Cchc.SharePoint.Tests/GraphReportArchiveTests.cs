using System.Diagnostics;
using System.Net;
using Cchc.Appendix.Header;
using Microsoft.Identity.Client;
using Microsoft.Identity.Web;
using Moq;

namespace Cchc.SharePoint.Tests;

/// <summary>What only the SharePoint archive does: the exact Graph calls, tokens, throttling, consent and the open document's neighbours.</summary>
public sealed class GraphReportArchiveTests : IAsyncLifetime
{
    private static readonly ReportPeriod Q2 = ReportPeriod.Quarter(2, 2022);
    private static readonly ReportPeriod Q3 = ReportPeriod.Quarter(3, 2022);

    private GraphArchiveHarness _harness = null!;

    private GraphStandIn StandIn => _harness.StandIn;

    public async Task InitializeAsync() => _harness = await GraphArchiveHarness.StartAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task FindAsync_ReportInTheLibrary_CallsSiteDrivesChildrenWithTheReadToken()
    {
        StandIn.Store(_harness.InLibrary($"{Fixture.UnitSlug}/2022/q2/ngan-nam-2022-q2.docx"), Fixture.Bytes("ngan-nam-2022-q2.docx"));

        var found = await _harness.Archive.FindAsync(new ArchiveLookup(Fixture.Unit, Q2));

        Assert.NotNull(found);
        Assert.Equal("ngan-nam-2022-q2.docx", found.FileName);
        Assert.StartsWith($"{GraphStandIn.DriveId}/", found.Location, StringComparison.Ordinal);
        var requests = StandIn.Requests.ToList();
        Assert.Equal(
            [
                $"GET /v1.0/sites/{GraphStandIn.Host}:{GraphStandIn.SitePath}",
                $"GET /v1.0/sites/{GraphStandIn.SiteId}/drives",
                $"GET /v1.0/drives/{GraphStandIn.DriveId}/root:/Kho báo cáo/{Fixture.UnitSlug}/2022/q2:/children",
            ],
            requests.Select(request => $"{request.Method} {request.Path}"));
        Assert.All(requests, request => Assert.Equal("Bearer read-token", request.Authorization));
    }

    [Fact]
    public async Task FindAsync_SiteIdConfigured_SkipsTheSiteLookup()
    {
        await using var harness = await GraphArchiveHarness.StartAsync(options =>
        {
            options.SharePoint.SiteUrl = null;
            options.SharePoint.SiteId = GraphStandIn.SiteId;
        });

        Assert.Null(await harness.Archive.FindAsync(new ArchiveLookup(Fixture.Unit, Q2)));

        Assert.DoesNotContain(harness.StandIn.Requests, request => request.Path.EndsWith(GraphStandIn.SitePath, StringComparison.Ordinal));
        Assert.Single(harness.StandIn.RequestsTo("/drives"), request => request.Path.EndsWith("/drives", StringComparison.Ordinal));
    }

    [Fact]
    public async Task FindAsync_OpenDocumentInAnotherLibrary_FindsTheSiblingPeriodFolderFirst()
    {
        // The open Q3 report lives in the team's shared library; Q2 sits beside it, and a different Q2 in the configured archive.
        StandIn.Store($"Ngã Năm/{Fixture.UnitSlug}/2022/q3/bao-cao-q3.docx", Fixture.Bytes("ngan-nam-2022-q3.docx"), driveId: GraphStandIn.OtherDriveId);
        var siblingId = StandIn.Store($"Ngã Năm/{Fixture.UnitSlug}/2022/q2/bao-cao-q2.docx", Fixture.Bytes("ngan-nam-2022-q2.docx"), driveId: GraphStandIn.OtherDriveId);
        StandIn.Store(_harness.InLibrary($"{Fixture.UnitSlug}/2022/q2/luu-tru.docx"), Fixture.Bytes("ngan-nam-2022-q2.docx"));
        var documentUrl = $"https://{GraphStandIn.Host}{GraphStandIn.SitePath}/Shared%20Documents/Ng%C3%A3%20N%C4%83m/{Fixture.UnitSlug}/2022/q3/bao-cao-q3.docx?web=1";

        var found = await _harness.Archive.FindPreviousAsync(Fixture.Unit, Q3, documentUrl);

        Assert.Equal($"{GraphStandIn.OtherDriveId}/{siblingId}", found?.Location);
        Assert.Equal("bao-cao-q2.docx", found?.FileName);
        Assert.Single(StandIn.RequestsTo("/shares/u!"));
        Assert.Single(StandIn.RequestsTo($"/drives/{GraphStandIn.OtherDriveId}/root:/Ngã Năm/{Fixture.UnitSlug}/2022/q2:/children"));
        Assert.Empty(StandIn.RequestsTo($"/drives/{GraphStandIn.DriveId}/"));
    }

    [Fact]
    public async Task FindAsync_OpenDocumentLooseInAYearFolder_FindsTheReportNamedForThePeriod()
    {
        StandIn.Store("2022/ngan-nam-2022-q3.docx", Fixture.Bytes("ngan-nam-2022-q3.docx"), driveId: GraphStandIn.OtherDriveId);
        StandIn.Store("2022/ngan-nam-2022-q2.docx", Fixture.Bytes("ngan-nam-2022-q2.docx"), driveId: GraphStandIn.OtherDriveId);
        var documentUrl = $"https://{GraphStandIn.Host}{GraphStandIn.SitePath}/Shared%20Documents/2022/ngan-nam-2022-q3.docx";

        var found = await _harness.Archive.FindPreviousAsync(Fixture.Unit, Q3, documentUrl);

        Assert.Equal("ngan-nam-2022-q2.docx", found?.FileName);
    }

    [Fact]
    public async Task FindAsync_OpenDocumentNotInSharePoint_UsesTheConfiguredLayout()
    {
        StandIn.Store(_harness.InLibrary($"{Fixture.UnitSlug}/2022/q2/ngan-nam-2022-q2.docx"), Fixture.Bytes("ngan-nam-2022-q2.docx"));

        var found = await _harness.Archive.FindPreviousAsync(Fixture.Unit, Q3, "https://example.org/files/ngan-nam-2022-q3.docx");

        Assert.Equal("ngan-nam-2022-q2.docx", found?.FileName);
        Assert.Empty(StandIn.RequestsTo("/shares/"));
    }

    [Fact]
    public async Task FindAsync_ThrottledOnceWithRetryAfter_RetriesAndFinds()
    {
        StandIn.Store(_harness.InLibrary($"{Fixture.UnitSlug}/2022/q2/ngan-nam-2022-q2.docx"), Fixture.Bytes("ngan-nam-2022-q2.docx"));
        StandIn.Fail("/children", HttpStatusCode.TooManyRequests, retryAfter: "1");

        var found = await _harness.Archive.FindAsync(new ArchiveLookup(Fixture.Unit, Q2));

        Assert.NotNull(found);
        var attempts = StandIn.RequestsTo("/children");
        Assert.Equal(2, attempts.Count);
        Assert.Equal("1", attempts[1].RetryAttempt);
    }

    [Fact]
    public async Task FindAsync_RetryAfterBeyondTheBound_ThrowsThrottledWithoutWaiting()
    {
        StandIn.Fail("/children", HttpStatusCode.TooManyRequests, retryAfter: "120");
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<ArchiveException>(() => _harness.Archive.FindAsync(new ArchiveLookup(Fixture.Unit, Q2)));

        Assert.Equal(ArchiveError.Throttled, error.Error);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"waited {clock.Elapsed}");
        Assert.Single(StandIn.RequestsTo("/children"));
    }

    [Fact]
    public async Task FindAsync_ServiceUnavailableOnEveryRetry_ThrowsThrottledAfterTheBound()
    {
        await using var harness = await GraphArchiveHarness.StartAsync(options => options.SharePoint.MaxRetryTime = TimeSpan.FromSeconds(2));
        harness.StandIn.Fail("/children", HttpStatusCode.ServiceUnavailable, times: 5, retryAfter: "1");

        var error = await Assert.ThrowsAsync<ArchiveException>(() => harness.Archive.FindAsync(new ArchiveLookup(Fixture.Unit, Q2)));

        Assert.Equal(ArchiveError.Throttled, error.Error);
        Assert.Equal(3, harness.StandIn.RequestsTo("/children").Count);
    }

    [Fact]
    public async Task FindAsync_Unauthorized_ThrowsConsentRequiredWithTheClaimsChallenge()
    {
        const string Claims = "{\"access_token\":{\"nbf\":{\"essential\":true,\"value\":\"1700000000\"}}}";
        var challenge = $"Bearer realm=\"\", error=\"insufficient_claims\", claims=\"{Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(Claims))}\"";
        StandIn.Fail("/sites/", HttpStatusCode.Unauthorized, times: 2, wwwAuthenticate: challenge);

        var error = await Assert.ThrowsAsync<ArchiveException>(() => _harness.Archive.FindAsync(new ArchiveLookup(Fixture.Unit, Q2)));

        Assert.Equal(ArchiveError.ConsentRequired, error.Error);
        Assert.Equal(Claims, error.Claims);
    }

    [Fact]
    public async Task FindAsync_Forbidden_ThrowsConsentRequired()
    {
        StandIn.Fail("/drives", HttpStatusCode.Forbidden);

        var error = await Assert.ThrowsAsync<ArchiveException>(() => _harness.Archive.FindAsync(new ArchiveLookup(Fixture.Unit, Q2)));

        Assert.Equal(ArchiveError.ConsentRequired, error.Error);
        Assert.Contains("SharePoint", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FindAsync_TokenNeedsUserInteraction_ThrowsConsentRequiredWithClaims()
    {
        var uiRequired = new MsalUiRequiredException("consent_required", "AADSTS65001: consent required", null, UiRequiredExceptionClassification.ConsentRequired);
        _harness.Tokens.Reset();
        _harness.Tokens
            .Setup(t => t.GetAccessTokenForUserAsync(It.IsAny<IEnumerable<string>>(), It.IsAny<string?>(), It.IsAny<string?>(), It.IsAny<string?>(), It.IsAny<System.Security.Claims.ClaimsPrincipal?>(), It.IsAny<TokenAcquisitionOptions?>()))
            .ThrowsAsync(new MicrosoftIdentityWebChallengeUserException(uiRequired, ["https://graph.microsoft.com/Sites.Read.All"]));

        var error = await Assert.ThrowsAsync<ArchiveException>(() => _harness.Archive.FindAsync(new ArchiveLookup(Fixture.Unit, Q2)));

        Assert.Equal(ArchiveError.ConsentRequired, error.Error);
        Assert.Empty(StandIn.Requests);
    }

    [Fact]
    public async Task SaveAsync_Create_PutsWithConflictBehaviorFailAndTheWriteToken()
    {
        await _harness.Archive.SaveAsync(Fixture.Unit, Q3, "ngan-nam-2022-q3.docx", Fixture.Open("ngan-nam-2022-q3.docx"), null);

        var puts = StandIn.Requests.Where(request => request.Method == "PUT").ToList();
        Assert.Equal(2, puts.Count);
        var put = puts[0];
        Assert.Equal($"/v1.0/drives/{GraphStandIn.DriveId}/root:/Kho báo cáo/{Fixture.UnitSlug}/2022/q3/ngan-nam-2022-q3.docx:/content", put.Path);
        Assert.Contains("@microsoft.graph.conflictBehavior=fail", put.Query, StringComparison.Ordinal);
        Assert.Null(put.IfMatch);
        Assert.Equal("Bearer write-token", put.Authorization);
        Assert.Equal(Fixture.Bytes("ngan-nam-2022-q3.docx"), StandIn.Content(_harness.InLibrary($"{Fixture.UnitSlug}/2022/q3/ngan-nam-2022-q3.docx")));

        // Then its record, which replaces an older one of the same report.
        var record = puts[1];
        Assert.Equal($"/v1.0/drives/{GraphStandIn.DriveId}/root:/Kho báo cáo/{Fixture.UnitSlug}/2022/q3/ngan-nam-2022-q3.docx.cchc.json:/content", record.Path);
        Assert.DoesNotContain("conflictBehavior", record.Query, StringComparison.Ordinal);
        Assert.Equal("Bearer write-token", record.Authorization);
    }

    [Fact]
    public async Task SaveAsync_ReplaceWhenSomeoneElseSaved_GetsPreconditionFailedAndKeepsTheirVersion()
    {
        var path = _harness.InLibrary($"{Fixture.UnitSlug}/2022/q3/ngan-nam-2022-q3.docx");
        StandIn.Store(path, Fixture.Bytes("ngan-nam-2022-q3.docx"));
        var read = await _harness.Archive.FindAsync(new ArchiveLookup(Fixture.Unit, Q3));
        StandIn.Store(path, Fixture.Bytes("ngan-nam-2022-q3.xlsx"));

        var error = await Assert.ThrowsAsync<ArchiveException>(() => _harness.Archive.SaveAsync(Fixture.Unit, Q3, "ngan-nam-2022-q3.docx", Fixture.Open("ngan-nam-2022-q2.docx"), read!.ETag));

        Assert.Equal(ArchiveError.Conflict, error.Error);
        var put = Assert.Single(StandIn.Requests, request => request.Method == "PUT");
        Assert.Equal(read!.ETag, put.IfMatch);
        Assert.DoesNotContain("conflictBehavior", put.Query, StringComparison.Ordinal);
        Assert.Equal(Fixture.Bytes("ngan-nam-2022-q3.xlsx"), StandIn.Content(path));
    }

    [Fact]
    public async Task SaveAsync_AboveFourMegabytes_UploadsInASessionWithoutTheTokenOnTheUploadUrl()
    {
        var content = new byte[(5 * 1024 * 1024) + 123];
        new Random(7).NextBytes(content);

        var saved = await _harness.Archive.SaveAsync(Fixture.Unit, Q3, "lon.docx", new MemoryStream(content), null);

        var session = Assert.Single(StandIn.RequestsTo("/createUploadSession"));
        Assert.Equal("Bearer write-token", session.Authorization);
        var slices = StandIn.RequestsTo("/upload/");
        Assert.True(slices.Count >= 2, $"{slices.Count} slices");
        Assert.All(slices, slice => Assert.Null(slice.Authorization));
        Assert.Equal(content.Length, slices.Sum(slice => slice.BodyLength));
        Assert.Equal(content, StandIn.Content(_harness.InLibrary($"{Fixture.UnitSlug}/2022/q3/lon.docx")));
        Assert.Equal(content.Length, saved.Size);
    }

    [Fact]
    public async Task SaveAsync_AboveFourMegabytesOverAChangedFile_ThrowsConflict()
    {
        var path = _harness.InLibrary($"{Fixture.UnitSlug}/2022/q3/lon.docx");
        StandIn.Store(path, [1, 2, 3]);
        var read = await _harness.Archive.FindAsync(new ArchiveLookup(Fixture.Unit, Q3));
        StandIn.Store(path, [4, 5, 6]);

        var error = await Assert.ThrowsAsync<ArchiveException>(() => _harness.Archive.SaveAsync(Fixture.Unit, Q3, "lon.docx", new MemoryStream(new byte[5 * 1024 * 1024]), read!.ETag));

        Assert.Equal(ArchiveError.Conflict, error.Error);
        Assert.Empty(StandIn.RequestsTo("/upload/"));
    }

    [Fact]
    public async Task OpenAsync_FileLargerThanTheLimitInTheLibrary_ThrowsWithoutDownloading()
    {
        StandIn.Store(_harness.InLibrary($"{Fixture.UnitSlug}/2022/q2/khong-lo.docx"), [1, 2, 3], reportedSize: 300L * 1024 * 1024);
        var found = await _harness.Archive.FindAsync(new ArchiveLookup(Fixture.Unit, Q2));

        var error = await Assert.ThrowsAsync<ArchiveException>(() => _harness.Archive.OpenAsync(found!));

        Assert.Equal(ArchiveError.UnreadableReport, error.Error);
        Assert.Empty(StandIn.RequestsTo("/content"));
    }

    [Fact]
    public async Task OpenAsync_DownloadsByDriveAndItemId()
    {
        var id = StandIn.Store(_harness.InLibrary($"{Fixture.UnitSlug}/2022/q2/ngan-nam-2022-q2.xlsx"), Fixture.Bytes("ngan-nam-2022-q2.xlsx"));
        var found = await _harness.Archive.FindAsync(new ArchiveLookup(Fixture.Unit, Q2));

        await using var stream = await _harness.Archive.OpenAsync(found!);

        Assert.Single(StandIn.RequestsTo($"/v1.0/drives/{GraphStandIn.DriveId}/items/{id}/content"));
        Assert.Equal(Fixture.Bytes("ngan-nam-2022-q2.xlsx").Length, stream.Length);
    }

    [Theory]
    [InlineData("../../secret")]
    [InlineData("b!reports/../../me")]
    [InlineData("https://evil.example/x")]
    public async Task OpenAsync_LocationThatIsNotADriveItem_ThrowsInvalidName(string location)
    {
        var report = new ArchivedReport(Fixture.Unit, Q2, "x.docx", location, null, null, null);

        var error = await Assert.ThrowsAsync<ArchiveException>(() => _harness.Archive.OpenAsync(report));

        Assert.Equal(ArchiveError.InvalidName, error.Error);
        Assert.Empty(StandIn.Requests);
    }

    [Fact]
    public async Task FindAsync_LibraryMissingFromTheSite_ThrowsUnavailableNamingIt()
    {
        await using var harness = await GraphArchiveHarness.StartAsync(options => options.SharePoint.Library = "Không có");

        var error = await Assert.ThrowsAsync<ArchiveException>(() => harness.Archive.FindAsync(new ArchiveLookup(Fixture.Unit, Q2)));

        Assert.Equal(ArchiveError.Unavailable, error.Error);
        Assert.Contains("Không có", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FindAsync_LibraryNamedByItsUrl_IsFound()
    {
        await using var harness = await GraphArchiveHarness.StartAsync(options => options.SharePoint.Library = GraphStandIn.LibraryUrlName);
        harness.StandIn.Store(harness.InLibrary($"{Fixture.UnitSlug}/2022/q2/a.docx"), [1]);

        Assert.NotNull(await harness.Archive.FindAsync(new ArchiveLookup(Fixture.Unit, Q2)));
    }
}
