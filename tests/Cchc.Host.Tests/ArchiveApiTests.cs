using System.Net;
using System.Text.Json;
using Cchc.Appendix.Header;

namespace Cchc.Host.Tests;

public sealed class ArchiveApiTests
{
    [Fact]
    public async Task FindPrevious_ReportInArchive_ReturnsItsMetadata()
    {
        var archive = new InMemoryReportArchive();
        archive.Add("UBND THỊ XÃ NGÃ NĂM", ReportPeriod.Quarter(2, 2022), "ngan-nam-2022-q2.docx", Fixtures.Bytes("ngan-nam-2022-q2.docx"));
        using var factory = new HostFactory { Archive = archive };
        using var client = factory.CreateClient();

        using var response = await client.GetAsync("/api/archive/previous?unit=UBND%20TH%E1%BB%8A%20X%C3%83%20NG%C3%83%20N%C4%82M&period=2022-q3");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("ngan-nam-2022-q2.docx", body.GetProperty("fileName").GetString());
        Assert.Equal("2022-q2", body.GetProperty("period").GetProperty("slug").GetString());
        Assert.False(body.TryGetProperty("location", out _));
    }

    [Fact]
    public async Task FindPrevious_NothingArchived_Returns404NoPreviousReport()
    {
        using var factory = new HostFactory();
        using var client = factory.CreateClient();

        using var response = await client.GetAsync("/api/archive/previous?unit=UBND%20X&period=2022-q1");

        await ProblemAssert.IsProblemAsync(response, 404, "no-previous-report");
    }

    [Theory]
    [InlineData("/api/archive/previous?unit=UBND%20X&period=2022-q5", "period")]
    [InlineData("/api/archive/previous?unit=UBND%20X&period=quy3", "period")]
    [InlineData("/api/archive/previous?period=2022-q3", "unit")]
    public async Task FindPrevious_BadParameters_Returns400(string url, string field)
    {
        using var factory = new HostFactory();
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(url);

        var problem = await ProblemAssert.IsProblemAsync(response, 400, "invalid-request");
        Assert.Equal(field, problem.GetProperty("field").GetString());
    }

    [Fact]
    public async Task FindPrevious_NoArchiveRegistered_Returns503NotConfigured()
    {
        using var factory = new HostFactory { Archive = null };
        using var client = factory.CreateClient();

        using var response = await client.GetAsync("/api/archive/previous?unit=UBND%20X&period=2022-q3");

        await ProblemAssert.IsProblemAsync(response, 503, "archive-not-configured");
    }

    [Fact]
    public async Task Save_Q3Fixture_FilesItUnderTheUnitAndPeriodOfItsTitle()
    {
        var archive = new InMemoryReportArchive();
        using var factory = new HostFactory { Archive = archive };
        using var client = factory.CreateClient();
        using var form = Fixtures.Form(("file", "ngan-nam-2022-q3.docx", Fixtures.Bytes("ngan-nam-2022-q3.docx")));

        using var response = await client.PostAsync("/api/archive", form);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var saved = await archive.FindAsync(new Cchc.SharePoint.ArchiveLookup("UBND THỊ XÃ NGÃ NĂM", ReportPeriod.Quarter(3, 2022)));
        Assert.NotNull(saved);
        Assert.Equal("ngan-nam-2022-q3.docx", saved.FileName);
    }

    [Fact]
    public async Task Save_SecondTimeWithoutETag_Returns409()
    {
        var archive = new InMemoryReportArchive();
        archive.Add("UBND THỊ XÃ NGÃ NĂM", ReportPeriod.Quarter(3, 2022), "ngan-nam-2022-q3.docx", [1]);
        using var factory = new HostFactory { Archive = archive };
        using var client = factory.CreateClient();
        using var form = Fixtures.Form(("file", "ngan-nam-2022-q3.docx", Fixtures.Bytes("ngan-nam-2022-q3.docx")));

        using var response = await client.PostAsync("/api/archive", form);

        await ProblemAssert.IsProblemAsync(response, 409, "archive-conflict");
    }

    [Fact]
    public async Task Save_NoArchiveRegistered_Returns503NotConfigured()
    {
        using var factory = new HostFactory { Archive = null };
        using var client = factory.CreateClient();
        using var form = Fixtures.Form(("file", "ngan-nam-2022-q3.docx", Fixtures.Bytes("ngan-nam-2022-q3.docx")));

        using var response = await client.PostAsync("/api/archive", form);

        await ProblemAssert.IsProblemAsync(response, 503, "archive-not-configured");
    }
}
