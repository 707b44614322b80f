using System.Net;
using Cchc.Appendix.Header;

namespace Cchc.Host.Tests;

/// <summary>
/// Local mode (no sign-in) is reached only by asking for it, in Development, on loopback: whatever the environment or
/// launchSettings.json say, anything else refuses the start with a sentence naming the setting.
/// </summary>
public sealed class LocalModeTests
{
    private static string StartRefusal(HostFactory factory)
    {
        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());
        return (error is InvalidOperationException ? error : error.InnerException ?? error).Message;
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    public void Start_LocalModeOutsideDevelopment_Refuses(string environment)
    {
        using var factory = new HostFactory { Environment = environment };

        var message = StartRefusal(factory);

        Assert.Contains("Host:LocalMode=true", message, StringComparison.Ordinal);
        Assert.Contains("Development", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_DevelopmentWithoutLocalModeOrRegistration_RefusesNamingBoth()
    {
        using var factory = new HostFactory().Without("Host:LocalMode");

        var message = StartRefusal(factory);

        Assert.Contains("AzureAd:ClientId", message, StringComparison.Ordinal);
        Assert.Contains("Host:LocalMode=true", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("urls", "http://0.0.0.0:5190")]
    [InlineData("urls", "https://localhost:7190;http://*:5190")]
    [InlineData("urls", "http://192.168.1.20:5190")]
    [InlineData("http_ports", "8080")]
    [InlineData("Kestrel:Endpoints:Web:Url", "http://[::]:5190")]
    public void Start_LocalModeOnAnAddressOtherMachinesReach_Refuses(string key, string value)
    {
        using var factory = new HostFactory().With(key, value);

        var message = StartRefusal(factory);

        Assert.Contains("localhost", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_LocalModeOnLoopbackAddresses_Starts()
    {
        using var factory = new HostFactory().With("urls", "https://localhost:7190;http://127.0.0.1:5190;http://[::1]:5191");
        using var client = factory.CreateClient();

        using var response = await client.GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public void Start_LocalModeAndARegistration_RefusesTheMix()
    {
        using var factory = new HostFactory().With("AzureAd:ClientId", SignedInHostFactory.ClientId);

        Assert.Contains("AzureAd:ClientId", StartRefusal(factory), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Request_HostHeaderNotLocalhost_IsRefused()
    {
        // DNS rebinding: a page on another site whose name now points at 127.0.0.1 sends its own Host header.
        using var factory = new HostFactory();
        using var client = factory.CreateClient(new() { BaseAddress = new Uri("http://attacker.example:7190/") });

        using var response = await client.GetAsync("/api/archive/previous?unit=UBND%20X&period=2022-q3");

        await ProblemAssert.IsProblemAsync(response, 403, "local-mode-only");
    }

    [Fact]
    public async Task Post_FromAnotherSite_IsRefusedAndNothingIsStored()
    {
        var archive = new InMemoryReportArchive();
        using var factory = new HostFactory { Archive = archive };
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/archive") { Content = Fixtures.Form(("file", "ngan-nam-2022-q3.docx", Fixtures.Bytes("ngan-nam-2022-q3.docx"))) };
        request.Headers.Add("Origin", "https://evil.example");

        using var response = await client.SendAsync(request);

        await ProblemAssert.IsProblemAsync(response, 403, "cross-site-request");
        Assert.Null(await archive.FindAsync(new Cchc.SharePoint.ArchiveLookup("UBND THỊ XÃ NGÃ NĂM", ReportPeriod.Quarter(3, 2022))));
    }

    [Theory]
    [InlineData("https://localhost:7190")]
    [InlineData("https://localhost:5173")]
    public async Task Post_FromThePaneOnThisMachine_IsAccepted(string origin)
    {
        var archive = new InMemoryReportArchive();
        using var factory = new HostFactory { Archive = archive };
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/archive") { Content = Fixtures.Form(("file", "ngan-nam-2022-q3.docx", Fixtures.Bytes("ngan-nam-2022-q3.docx"))) };
        request.Headers.Add("Origin", origin);

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }
}
