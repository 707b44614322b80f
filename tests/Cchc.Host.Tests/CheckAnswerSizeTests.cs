using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Cchc.Host.Api;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Cchc.Host.Tests;

/// <summary>What the pane receives: only the rows it needs, compressed, and every type's JSON generated with the host.</summary>
public sealed class CheckAnswerSizeTests : IClassFixture<HostFactory>
{
    /// <summary>The answer budget of docs/performance.md for the pane's check of the 211-row fixture.</summary>
    private const int PaneBudgetBytes = 15 * 1024;

    private readonly HostFactory _factory;

    public CheckAnswerSizeTests(HostFactory factory) => _factory = factory;

    [Fact]
    public async Task Check_RowsFindings_EchoesTheRowsFindingsPointAtAndTheSectionHeadingsOnly()
    {
        using var client = _factory.CreateClient();

        var all = await BodyAsync(client, "/api/check");
        var some = await BodyAsync(client, "/api/check?rows=findings");

        var findingRows = some.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("row").GetInt32()).Where(r => r > 0).ToHashSet();
        var echoed = some.GetProperty("rows").EnumerateArray().ToList();
        Assert.True(echoed.Count < all.GetProperty("rows").GetArrayLength() / 2);
        Assert.All(findingRows, row => Assert.Contains(echoed, r => r.GetProperty("row").GetInt32() == row));
        Assert.All(echoed, r => Assert.True(findingRows.Contains(r.GetProperty("row").GetInt32()) || r.GetProperty("no").GetString() is "I" or "II" or "III" or "IV" or "V" or "VI" or "VII"));
        // The findings themselves are the same, pointer for pointer.
        Assert.Equal(all.GetProperty("findings").GetRawText(), some.GetProperty("findings").GetRawText());
    }

    [Fact]
    public async Task Check_RowsFalse_EchoesNoRowsAndTheSameFindings()
    {
        using var client = _factory.CreateClient();

        var all = await BodyAsync(client, "/api/check");
        var none = await BodyAsync(client, "/api/check?rows=false");

        Assert.Equal(0, none.GetProperty("rows").GetArrayLength());
        Assert.Equal(all.GetProperty("findings").GetRawText(), none.GetProperty("findings").GetRawText());
    }

    [Fact]
    public async Task Check_RowsNotAWordItKnows_IsInvalidRequestNamingTheField()
    {
        using var client = _factory.CreateClient();

        using var response = await client.PostAsJsonAsync("/api/check?rows=some", Fixtures.Q3Request());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("rows", problem.GetProperty("field").GetString());
    }

    [Theory]
    [InlineData("br")]
    [InlineData("gzip")]
    public async Task Check_PaneAsksForFindingsAndAcceptsCompression_AnswerFitsTheBudget(string encoding)
    {
        using var client = _factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/check?rows=findings") { Content = JsonContent.Create(Fixtures.Q3Request()) };
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(encoding));

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(encoding, Assert.Single(response.Content.Headers.ContentEncoding));
        var wire = await response.Content.ReadAsByteArrayAsync();
        Assert.True(wire.Length <= PaneBudgetBytes, $"{wire.Length} bytes on the wire");
    }

    [Fact]
    public async Task Check_NoAcceptEncoding_AnswersPlainJson()
    {
        using var client = _factory.CreateClient();

        using var response = await client.PostAsJsonAsync("/api/check?rows=false", Fixtures.Q3Request());

        Assert.Empty(response.Content.Headers.ContentEncoding);
        JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    /// <summary>Every type an endpoint reads or writes as JSON is resolved by the generated context, never by reflection.</summary>
    [Fact]
    public void ApiJson_EveryEndpointType_HasAGeneratedContract()
    {
        using var scope = _factory.Services.CreateScope();
        var options = scope.ServiceProvider.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var endpoints = scope.ServiceProvider.GetRequiredService<EndpointDataSource>().Endpoints;
        var types = endpoints
            .SelectMany(e => e.Metadata.OfType<Microsoft.AspNetCore.Http.Metadata.IProducesResponseTypeMetadata>().Select(m => m.Type)
                .Concat(e.Metadata.OfType<Microsoft.AspNetCore.Http.Metadata.IAcceptsMetadata>().Select(m => m.RequestType)))
            .OfType<Type>()
            .Where(t => t.Namespace?.StartsWith("Cchc", StringComparison.Ordinal) == true)
            .Distinct()
            .ToList();

        Assert.Contains(typeof(CheckRequest), types);
        Assert.Contains(typeof(CheckResponse), types);
        var chain = options.TypeInfoResolverChain.ToList();
        var generatedAt = chain.IndexOf(ApiJsonContext.Default);
        var reflectionAt = chain.FindIndex(r => r is DefaultJsonTypeInfoResolver);
        Assert.True(generatedAt >= 0 && (reflectionAt < 0 || generatedAt < reflectionAt), "the generated contracts come before reflection");
        foreach (var type in types)
        {
            Assert.True(ApiJsonContext.Default.GetTypeInfo(type) is not null, $"{type.Name} has no generated JSON contract");
        }
    }

    private static async Task<JsonElement> BodyAsync(HttpClient client, string path)
    {
        using var response = await client.PostAsJsonAsync(path, Fixtures.Q3Request());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }
}
