using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Cchc.Appendix.Header;

namespace Cchc.Host.Tests;

public sealed class CheckApiTests : IClassFixture<HostFactory>
{
    private readonly HostFactory _factory;

    public CheckApiTests(HostFactory factory) => _factory = factory;

    [Fact]
    public async Task Check_Q3Fixture_ReturnsHeaderFindingsAndSummary()
    {
        using var client = _factory.CreateClient();

        using var response = await client.PostAsJsonAsync("/api/check", Fixtures.Q3Request());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("UBND THỊ XÃ NGÃ NĂM", body.GetProperty("unit").GetString());
        Assert.Equal("quarter", body.GetProperty("period").GetProperty("kind").GetString());
        Assert.Equal(3, body.GetProperty("period").GetProperty("number").GetInt32());
        Assert.Equal(2022, body.GetProperty("period").GetProperty("year").GetInt32());
        Assert.True(body.GetProperty("rows").GetArrayLength() > 150);
        var findings = body.GetProperty("findings").EnumerateArray().ToList();
        Assert.NotEmpty(findings);
        var summary = body.GetProperty("summary");
        Assert.True(summary.GetProperty("errors").GetInt32() > 0);
        Assert.False(summary.GetProperty("readyToSign").GetBoolean());

        // "Số nhiệm vụ đề ra trong kế hoạch" is a count marked % in the fixture: the finding must point at that cell.
        var unitFinding = findings.First(f => f.GetProperty("label").GetString()!.StartsWith("Số nhiệm vụ đề ra", StringComparison.Ordinal) && f.GetProperty("column").GetString() == "unit");
        Assert.Equal(0, unitFinding.GetProperty("table").GetInt32());
        Assert.Equal(3, unitFinding.GetProperty("tableRow").GetInt32());
        Assert.Equal(2, unitFinding.GetProperty("cell").GetInt32());
        Assert.Equal("error", unitFinding.GetProperty("severity").GetString());
    }

    [Fact]
    public async Task Check_LangEn_ReturnsEnglishMessages()
    {
        using var client = _factory.CreateClient();

        using var response = await client.PostAsJsonAsync("/api/check?lang=en", Fixtures.Q3Request("excel"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var finding = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("findings")[0];
        Assert.Equal(finding.GetProperty("messageEn").GetString(), finding.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Check_PreviousFromArchive_NamesThePreviousPeriod()
    {
        var archive = new InMemoryReportArchive();
        archive.Add("UBND THỊ XÃ NGÃ NĂM", ReportPeriod.Quarter(2, 2022), "ngan-nam-2022-q2.docx", Fixtures.Bytes("ngan-nam-2022-q2.docx"));
        using var factory = new HostFactory { Archive = archive };
        using var client = factory.CreateClient();

        using var response = await client.PostAsJsonAsync("/api/check?previous=archive", Fixtures.Q3Request());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var previous = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("previous");
        Assert.Equal("archive", previous.GetProperty("source").GetString());
        Assert.Equal(2, previous.GetProperty("period").GetProperty("number").GetInt32());
        Assert.Equal("ngan-nam-2022-q2.docx", previous.GetProperty("fileName").GetString());
    }

    [Fact]
    public async Task Check_PreviousFromEmptyArchive_SaysWhyThereIsNone()
    {
        using var client = _factory.CreateClient();

        using var response = await client.PostAsJsonAsync("/api/check?previous=archive", Fixtures.Q3Request());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(JsonValueKind.Null, body.GetProperty("previous").ValueKind);
        Assert.Equal("no-previous-report", body.GetProperty("previousReason").GetString());
    }

    [Fact]
    public async Task Check_NoAppendixTable_Returns422NoAppendix()
    {
        using var client = _factory.CreateClient();
        var request = new { host = "word", titleLines = new[] { "Báo cáo" }, tables = new[] { new { rows = new[] { new { cells = new[] { new { text = "Họ tên" }, new { text = "Chức vụ" } } } } } } };

        using var response = await client.PostAsJsonAsync("/api/check", request);

        await ProblemAssert.IsProblemAsync(response, 422, "no-appendix");
    }

    [Fact]
    public async Task Check_MalformedJson_Returns400InVietnamese()
    {
        using var client = _factory.CreateClient();

        using var response = await client.PostAsync("/api/check", new StringContent("{\"host\": \"word\", \"tables\": [", Encoding.UTF8, "application/json"));

        var problem = await ProblemAssert.IsProblemAsync(response, 400, "malformed-json");
        Assert.Contains("JSON", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("Nội dung JSON không đúng định dạng", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Check_WrongValueType_Returns400MalformedJson()
    {
        using var client = _factory.CreateClient();

        using var response = await client.PostAsync("/api/check", new StringContent("{\"host\": \"word\", \"tables\": 5}", Encoding.UTF8, "application/json"));

        await ProblemAssert.IsProblemAsync(response, 400, "malformed-json");
    }

    [Fact]
    public async Task Check_WrongTypeInACell_NamesItsPath()
    {
        using var client = _factory.CreateClient();

        using var response = await client.PostAsync("/api/check", new StringContent("""{"host":"word","tables":[{"rows":[{"cells":[{"text":"1"},{"text":7}]}]}]}""", Encoding.UTF8, "application/json"));

        var problem = await ProblemAssert.IsProblemAsync(response, 400, "malformed-json");
        Assert.Contains("tại $.tables[0].rows[0].cells[1].text", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_Utf16Body_ReadAsItsCharsetSays()
    {
        using var client = _factory.CreateClient();
        var json = JsonSerializer.Serialize(Fixtures.Q3Request());

        using var response = await client.PostAsync("/api/check", new StringContent(json, Encoding.Unicode, "application/json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("UBND THỊ XÃ NGÃ NĂM", body.GetProperty("unit").GetString());
    }

    [Fact]
    public async Task Check_UnknownCharset_Returns415()
    {
        using var client = _factory.CreateClient();
        using var content = new ByteArrayContent("{}"u8.ToArray());
        content.Headers.TryAddWithoutValidation("Content-Type", "application/json; charset=x-unknown");

        using var response = await client.PostAsync("/api/check", content);

        await ProblemAssert.IsProblemAsync(response, 415, "unsupported-media-type");
    }

    [Fact]
    public async Task Check_EmptyBody_Returns400InvalidRequest()
    {
        using var client = _factory.CreateClient();

        using var response = await client.PostAsync("/api/check", new StringContent(string.Empty, Encoding.UTF8, "application/json"));

        await ProblemAssert.IsProblemAsync(response, 400, "invalid-request");
    }

    [Fact]
    public async Task Check_TextPlainBody_Returns415()
    {
        using var client = _factory.CreateClient();

        using var response = await client.PostAsync("/api/check", new StringContent("THỨ TỰ\tTÊN CHỈ TIÊU", Encoding.UTF8, "text/plain"));

        await ProblemAssert.IsProblemAsync(response, 415, "unsupported-media-type");
    }

    [Theory]
    [InlineData("/api/check?host=word&lang=fr", "lang")]
    [InlineData("/api/check?previous=sharepoint", "previous")]
    public async Task Check_BadQuery_Returns400NamingTheField(string url, string field)
    {
        using var client = _factory.CreateClient();

        using var response = await client.PostAsJsonAsync(url, Fixtures.Q3Request());

        var problem = await ProblemAssert.IsProblemAsync(response, 400, "invalid-request");
        Assert.Equal(field, problem.GetProperty("field").GetString());
    }

    [Fact]
    public async Task Check_UnknownHost_Returns400()
    {
        using var client = _factory.CreateClient();

        using var response = await client.PostAsJsonAsync("/api/check", Fixtures.Q3Request("powerpoint"));

        var problem = await ProblemAssert.IsProblemAsync(response, 400, "invalid-request");
        Assert.Equal("host", problem.GetProperty("field").GetString());
    }

    [Fact]
    public async Task Check_BodyOverSnapshotLimit_Returns413()
    {
        using var factory = new HostFactory().With("Limits:MaxSnapshotBytes", "4096");
        using var client = factory.CreateClient();

        using var response = await client.PostAsJsonAsync("/api/check", Fixtures.Q3Request());

        await ProblemAssert.IsProblemAsync(response, 413, "too-large");
    }

    [Fact]
    public async Task UnknownApiRoute_Returns404Problem()
    {
        using var client = _factory.CreateClient();

        using var response = await client.GetAsync("/api/does-not-exist");

        await ProblemAssert.IsProblemAsync(response, 404, "not-found");
    }

    [Fact]
    public async Task Check_GetInsteadOfPost_Returns405Problem()
    {
        using var client = _factory.CreateClient();

        using var response = await client.GetAsync("/api/check");

        await ProblemAssert.IsProblemAsync(response, 405, "method-not-allowed");
    }
}
