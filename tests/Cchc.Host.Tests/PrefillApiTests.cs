using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cchc.Appendix.Header;

namespace Cchc.Host.Tests;

public sealed class PrefillApiTests : IClassFixture<HostFactory>
{
    private readonly HostFactory _factory;

    public PrefillApiTests(HostFactory factory) => _factory = factory;

    [Fact]
    public async Task Prefill_InlinePrevious_ProposesItsValueAndNamesItsPeriod()
    {
        using var client = _factory.CreateClient();
        var previous = JsonSerializer.SerializeToNode(Fixtures.Q3Request())!;
        previous["titleLines"]![2] = "QUÝ II NĂM 2022 CỦA UBND THỊ XÃ NGÃ NĂM";
        previous["tables"]![0]!["rows"]![186]!["cells"]![3]!["text"] = "97";
        var request = JsonSerializer.SerializeToNode(Fixtures.Q3Request())!;
        request["previous"] = new JsonObject { ["titleLines"] = previous["titleLines"]!.DeepClone(), ["tables"] = previous["tables"]!.DeepClone() };

        using var response = await client.PostAsJsonAsync("/api/prefill", request);

        var body = await ReadOkAsync(response);
        Assert.Equal("inline", body.GetProperty("previous").GetProperty("source").GetString());
        Assert.Equal(2, body.GetProperty("previous").GetProperty("period").GetProperty("number").GetInt32());
        var mail = body.GetProperty("proposals").EnumerateArray().Single(p => p.GetProperty("row").GetInt32() == 186);
        Assert.Equal("97", mail.GetProperty("proposed").GetString());
        Assert.Equal("previous-period", mail.GetProperty("source").GetString());
    }

    [Fact]
    public async Task Prefill_NothingArchived_ReturnsNoPreviousWithReason()
    {
        using var client = _factory.CreateClient();

        using var response = await client.PostAsJsonAsync("/api/prefill?previous=archive", Fixtures.Q3Request());

        var body = await ReadOkAsync(response);
        Assert.Equal(JsonValueKind.Null, body.GetProperty("previous").ValueKind);
        Assert.Equal("no-previous-report", body.GetProperty("reason").GetString());
        Assert.Equal(0, body.GetProperty("proposals").GetArrayLength());
    }

    [Fact]
    public async Task Prefill_NoArchiveRegistered_ReturnsReasonArchiveNotConfigured()
    {
        using var factory = new HostFactory { Archive = null };
        using var client = factory.CreateClient();

        using var response = await client.PostAsJsonAsync("/api/prefill?previous=archive", Fixtures.Q3Request());

        var body = await ReadOkAsync(response);
        Assert.Equal("archive-not-configured", body.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Prefill_TitleWithoutPeriod_ReturnsReasonHeaderIncomplete()
    {
        var archive = new InMemoryReportArchive();
        archive.Add("UBND THỊ XÃ NGÃ NĂM", ReportPeriod.Quarter(2, 2022), "ngan-nam-2022-q2.docx", Fixtures.Bytes("ngan-nam-2022-q2.docx"));
        using var factory = new HostFactory { Archive = archive };
        using var client = factory.CreateClient();
        var request = JsonSerializer.SerializeToNode(Fixtures.Q3Request())!;
        request["titleLines"] = new JsonArray("Phụ lục", "THỐNG KÊ SỐ LIỆU BÁO CÁO CẢI CÁCH HÀNH CHÍNH ĐỊNH KỲ");

        using var response = await client.PostAsJsonAsync("/api/prefill?previous=archive", request);

        var body = await ReadOkAsync(response);
        Assert.Equal(JsonValueKind.Null, body.GetProperty("previous").ValueKind);
        Assert.Equal("header-incomplete", body.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Prefill_NeitherInlineNorArchive_Returns400NamingPrevious()
    {
        using var client = _factory.CreateClient();

        using var response = await client.PostAsJsonAsync("/api/prefill", Fixtures.Q3Request());

        var problem = await ProblemAssert.IsProblemAsync(response, 400, "invalid-request");
        Assert.Equal("previous", problem.GetProperty("field").GetString());
    }

    [Theory]
    [InlineData("/api/prefill?previous=sharepoint", "previous")]
    [InlineData("/api/prefill?previous=archive&lang=fr", "lang")]
    public async Task Prefill_BadQuery_Returns400NamingTheField(string url, string field)
    {
        using var client = _factory.CreateClient();

        using var response = await client.PostAsJsonAsync(url, Fixtures.Q3Request());

        var problem = await ProblemAssert.IsProblemAsync(response, 400, "invalid-request");
        Assert.Equal(field, problem.GetProperty("field").GetString());
    }

    [Fact]
    public async Task Prefill_UnknownHost_Returns400()
    {
        using var client = _factory.CreateClient();

        using var response = await client.PostAsJsonAsync("/api/prefill?previous=archive", Fixtures.Q3Request("powerpoint"));

        var problem = await ProblemAssert.IsProblemAsync(response, 400, "invalid-request");
        Assert.Equal("host", problem.GetProperty("field").GetString());
    }

    [Fact]
    public async Task Prefill_NoAppendixTable_Returns422()
    {
        using var client = _factory.CreateClient();
        var request = new { host = "word", titleLines = new[] { "Báo cáo" }, tables = new[] { new { rows = new[] { new { cells = new[] { new { text = "Họ tên" } } } } } } };

        using var response = await client.PostAsJsonAsync("/api/prefill?previous=archive", request);

        await ProblemAssert.IsProblemAsync(response, 422, "no-appendix");
    }

    [Fact]
    public async Task Prefill_InlinePreviousWithoutAppendix_Returns422NamingPrevious()
    {
        using var client = _factory.CreateClient();
        var request = JsonSerializer.SerializeToNode(Fixtures.Q3Request())!;
        request["previous"] = new JsonObject { ["titleLines"] = new JsonArray("Báo cáo"), ["tables"] = new JsonArray() };

        using var response = await client.PostAsJsonAsync("/api/prefill", request);

        var problem = await ProblemAssert.IsProblemAsync(response, 422, "no-appendix");
        Assert.Equal("previous", problem.GetProperty("field").GetString());
    }

    [Fact]
    public async Task Prefill_MalformedJson_Returns400()
    {
        using var client = _factory.CreateClient();

        using var response = await client.PostAsync("/api/prefill?previous=archive", new StringContent("{\"host\":", System.Text.Encoding.UTF8, "application/json"));

        await ProblemAssert.IsProblemAsync(response, 400, "malformed-json");
    }

    private static async Task<JsonElement> ReadOkAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"Expected 200, got {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement;
    }
}
