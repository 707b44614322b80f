using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Cchc.Host.Tests;

/// <summary>
/// Last quarter from the archive as the pane sees it, whichever archive the host runs: the same requests and the
/// same assertions over the folder archive in local mode and over SharePoint (a Graph stand-in) with sign-in.
/// </summary>
public sealed class ArchiveFlowTests
{
    public static TheoryData<string> Archives => new() { ArchiveHost.Folder, ArchiveHost.SharePoint };

    [Theory]
    [MemberData(nameof(Archives))]
    public async Task Prefill_Q2InTheArchive_ProposesQ2ValuesForBlankCells(string archive)
    {
        await using var host = await ArchiveHost.StartAsync(archive);
        await host.ArchiveQ2Async();

        using var response = await host.Client.PostAsJsonAsync("/api/prefill?previous=archive", Fixtures.Q3Snapshot());

        var body = await ReadOkAsync(response);
        Assert.Equal("UBND THỊ XÃ NGÃ NĂM", body.GetProperty("unit").GetString());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("reason").ValueKind);
        var previous = body.GetProperty("previous");
        Assert.Equal("archive", previous.GetProperty("source").GetString());
        Assert.Equal("2022-q2", previous.GetProperty("period").GetProperty("slug").GetString());
        Assert.Equal("ngan-nam-2022-q2.docx", previous.GetProperty("fileName").GetString());

        var proposals = body.GetProperty("proposals").EnumerateArray().ToList();
        Assert.True(proposals.Count > 150, $"one proposal per value cell, got {proposals.Count}");

        // Official e-mail accounts: blank in Q3, 95 in Q2, a stock value carried over and ticked.
        var mail = proposals.Single(p => p.GetProperty("row").GetInt32() == 186 && p.GetProperty("column").GetString() == "value");
        Assert.StartsWith("Số lượng công chức, viên chức có tài khoản thư điện tử", mail.GetProperty("label").GetString(), StringComparison.Ordinal);
        Assert.Equal("stock", mail.GetProperty("kind").GetString());
        Assert.Equal(string.Empty, mail.GetProperty("current").GetString());
        Assert.Equal("95", mail.GetProperty("previous").GetString());
        Assert.Equal("95", mail.GetProperty("proposed").GetString());
        Assert.Equal("previous-period", mail.GetProperty("source").GetString());
        Assert.True(mail.GetProperty("preselected").GetBoolean());
        Assert.Equal(0, mail.GetProperty("table").GetInt32());
        Assert.Equal(186, mail.GetProperty("tableRow").GetInt32());
        Assert.Equal(3, mail.GetProperty("cell").GetInt32());

        // A value the officer typed is shown beside last quarter's but never proposed for overwriting.
        Assert.All(
            proposals.Where(p => p.GetProperty("current").GetString() != string.Empty),
            p =>
            {
                Assert.False(p.GetProperty("preselected").GetBoolean());
                Assert.Equal(JsonValueKind.Null, p.GetProperty("proposed").ValueKind);
            });
        Assert.Contains(proposals, p => p.GetProperty("current").GetString() != string.Empty && p.GetProperty("previous").ValueKind == JsonValueKind.String);
        host.AssertGraphTokenStayedInTheHost();
    }

    [Theory]
    [MemberData(nameof(Archives))]
    public async Task Check_Q2InTheArchive_NamesItAndProposesItsFigureForABlankCell(string archive)
    {
        await using var host = await ArchiveHost.StartAsync(archive);
        await host.ArchiveQ2Async();

        using var aloneResponse = await host.Client.PostAsJsonAsync("/api/check", Fixtures.Q3Snapshot());
        using var response = await host.Client.PostAsJsonAsync("/api/check?previous=archive", Fixtures.Q3Snapshot());

        var body = await ReadOkAsync(response);
        var previous = body.GetProperty("previous");
        Assert.Equal("archive", previous.GetProperty("source").GetString());
        Assert.Equal("2022-q2", previous.GetProperty("period").GetProperty("slug").GetString());
        Assert.Equal("ngan-nam-2022-q2.docx", previous.GetProperty("fileName").GetString());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("previousReason").ValueKind);

        // The blank e-mail accounts row: with Q2 beside it the finding proposes last quarter's 95; checked alone,
        // nothing can, because only the previous period knows the figure.
        var withQ2 = MailAccountsFinding(body);
        Assert.Equal("VALUE_MISSING", withQ2.GetProperty("code").GetString());
        var proposal = withQ2.GetProperty("proposal");
        Assert.Equal("95", proposal.GetProperty("value").GetString());
        Assert.Equal("previous-period", proposal.GetProperty("source").GetString());
        Assert.Equal("95", proposal.GetProperty("previousValue").GetString());
        var alone = MailAccountsFinding(await ReadOkAsync(aloneResponse));
        Assert.Equal("VALUE_MISSING", alone.GetProperty("code").GetString());
        Assert.Equal(JsonValueKind.Null, alone.GetProperty("proposal").ValueKind);
        host.AssertGraphTokenStayedInTheHost();
    }

    [Theory]
    [MemberData(nameof(Archives))]
    public async Task Prefill_NoReportInTheArchive_ReturnsNoPreviousWithReason(string archive)
    {
        await using var host = await ArchiveHost.StartAsync(archive);

        using var response = await host.Client.PostAsJsonAsync("/api/prefill?previous=archive", Fixtures.Q3Snapshot());

        var body = await ReadOkAsync(response);
        Assert.Equal(JsonValueKind.Null, body.GetProperty("previous").ValueKind);
        Assert.Equal("no-previous-report", body.GetProperty("reason").GetString());
        Assert.Equal(0, body.GetProperty("proposals").GetArrayLength());
        host.AssertGraphTokenStayedInTheHost();
    }

    [Theory]
    [MemberData(nameof(Archives))]
    public async Task HealthReady_ConfiguredArchive_NamesItsKind(string archive)
    {
        await using var host = await ArchiveHost.StartAsync(archive);
        host.Client.DefaultRequestHeaders.Authorization = null;

        using var response = await host.Client.GetAsync("/health/ready");

        var body = await ReadOkAsync(response);
        Assert.Equal("Healthy", body.GetProperty("status").GetString());
        var check = body.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "archive");
        Assert.Equal(archive, check.GetProperty("data").GetProperty("kind").GetString());
    }

    [Fact]
    public async Task Prefill_GraphForbidsTheLibrary_ReturnsConsentRequired()
    {
        await using var host = await ArchiveHost.StartAsync(ArchiveHost.SharePoint);
        await host.ArchiveQ2Async();
        host.StandIn!.Fail("/drives", HttpStatusCode.Forbidden);

        using var response = await host.Client.PostAsJsonAsync("/api/prefill?previous=archive", Fixtures.Q3Snapshot());

        var problem = await ProblemAssert.IsProblemAsync(response, 403, "consent-required");
        Assert.Contains("SharePoint", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("SharePoint", problem.GetProperty("detailEn").GetString(), StringComparison.Ordinal);
        host.AssertGraphTokenStayedInTheHost();
    }

    [Fact]
    public async Task Prefill_GraphThrottlesBeyondTheBound_ReturnsArchiveThrottled()
    {
        await using var host = await ArchiveHost.StartAsync(ArchiveHost.SharePoint);
        await host.ArchiveQ2Async();
        // Retry-After far beyond Archive:SharePoint:MaxRetryTime: the retry handler gives up instead of waiting.
        host.StandIn!.Fail("/children", HttpStatusCode.TooManyRequests, retryAfter: "120");

        using var response = await host.Client.PostAsJsonAsync("/api/prefill?previous=archive", Fixtures.Q3Snapshot());

        var problem = await ProblemAssert.IsProblemAsync(response, 503, "archive-throttled");
        Assert.Contains("thử lại", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("try again", problem.GetProperty("detailEn").GetString(), StringComparison.Ordinal);
        Assert.Single(host.StandIn.RequestsTo("/children"));
        host.AssertGraphTokenStayedInTheHost();
    }

    [Fact]
    public void Start_SharePointInLocalMode_RefusesNamingTheRegistration()
    {
        // SharePoint acts for a signed-in user, and local mode has none: better no start than a 500 on every pre-fill.
        using var factory = new HostFactory { UseConfiguredArchive = true }
            .With("Archive:Kind", "SharePoint")
            .With("Archive:SharePoint:SiteUrl", $"https://{Cchc.Testing.GraphStandIn.Host}{Cchc.Testing.GraphStandIn.SitePath}");

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        var refusal = error is Microsoft.Extensions.Options.OptionsValidationException ? error : error.InnerException;
        Assert.IsType<Microsoft.Extensions.Options.OptionsValidationException>(refusal);
        Assert.Contains("AzureAd:ClientId", refusal!.Message, StringComparison.Ordinal);
        Assert.Contains("Archive:Kind", refusal.Message, StringComparison.Ordinal);
    }

    /// <summary>The finding on row 186's value cell, "Số lượng công chức, viên chức có tài khoản thư điện tử chính thức".</summary>
    private static JsonElement MailAccountsFinding(JsonElement check) =>
        check.GetProperty("findings").EnumerateArray()
            .Single(finding => finding.GetProperty("tableRow").GetInt32() == 186 && finding.GetProperty("column").GetString() == "value");

    private static async Task<JsonElement> ReadOkAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"Expected 200, got {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement;
    }
}
