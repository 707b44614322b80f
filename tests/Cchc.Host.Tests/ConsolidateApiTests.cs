using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text.Json;
using Cchc.Testing.Forms;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using static Cchc.Testing.Forms.ConsolidationSet;

namespace Cchc.Host.Tests;

/// <summary>
/// <c>POST /api/consolidate</c> and <c>GET /api/consolidate/trend</c> against the real host, with the files of
/// <see cref="ConsolidationSet"/> uploaded or laid out in a folder archive; totals worked out here from the figures
/// the files were written with.
/// </summary>
public sealed class ConsolidateApiTests : IDisposable
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private readonly DirectoryInfo _archive = Directory.CreateTempSubdirectory("cchc-consolidate-archive-");

    public void Dispose() => _archive.Delete(recursive: true);

    private static List<UnitFigures> Counted => Files().Where(f => f.Kind == SetFileKind.Report).Select(f => f.Figures!).ToList();

    private static MultipartFormDataContent Upload(IEnumerable<SetFile>? files = null, bool withList = true)
    {
        var form = new MultipartFormDataContent();
        foreach (var file in files ?? Files())
        {
            var content = new ByteArrayContent(file.Content);
            content.Headers.ContentType = new MediaTypeHeaderValue(file.Name.EndsWith(".xlsx", StringComparison.Ordinal) ? Xlsx : Docx);
            form.Add(content, "files", file.Name);
        }

        if (withList)
        {
            form.Add(new StringContent(string.Join('\n', UnitList)), "units");
        }

        return form;
    }

    private void LayOutArchive()
    {
        foreach (var file in Files().Where(f => f.Kind is SetFileKind.Report or SetFileKind.OtherPeriod))
        {
            var slug = "ubnd-" + file.Name[..file.Name.IndexOf("-q", StringComparison.Ordinal)];
            var folder = Path.Combine(_archive.FullName, slug, "2026", file.Kind == SetFileKind.OtherPeriod ? "q1" : "q2");
            Directory.CreateDirectory(folder);
            File.WriteAllBytes(Path.Combine(folder, file.Name), file.Content);
        }
    }

    private HostFactory ArchiveHost() => new HostFactory { UseConfiguredArchive = true }
        .With("Archive:Kind", "Folder")
        .With("Archive:Folder:Root", _archive.FullName);

    [Fact]
    public async Task Consolidate_Upload_TotalsRecomputedRatesStatusesAndExclusions()
    {
        using var factory = new HostFactory();
        using var client = factory.CreateClient();

        using var response = await client.PostAsync("/api/consolidate", Upload());

        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        var root = JsonDocument.Parse(body).RootElement;
        Assert.Equal(["period", "units", "indicators", "excluded"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("quý II năm 2026", root.GetProperty("period").GetString());

        var units = root.GetProperty("units").EnumerateArray().ToList();
        Assert.Equal(UnitList, units.Select(u => u.GetProperty("unit").GetString()));
        Assert.Equal(JsonValueKind.Null, units.Single(u => u.GetProperty("unit").GetString() == MissingUnit).GetProperty("file").ValueKind);
        Assert.False(units.Single(u => u.GetProperty("unit").GetString() == CommuneWithError).GetProperty("readyToSign").GetBoolean());
        Assert.Equal(13, units.Count(u => u.GetProperty("readyToSign").GetBoolean()));

        var indicators = root.GetProperty("indicators").EnumerateArray().ToList();
        JsonElement Indicator(string label) => indicators.Single(i => i.GetProperty("label").GetString()!.TrimStart('-', ' ') == label.TrimStart('-', ' '));
        Assert.Equal(Counted.Sum(u => u[Resolved]!.Value), Indicator(Resolved).GetProperty("value").GetDecimal());
        Assert.Equal("14", Indicator(Resolved).GetProperty("reported").GetRawText());
        Assert.Equal("15", Indicator(Resolved).GetProperty("of").GetRawText());
        var communes = Counted.Where(u => u.Form == "commune").ToList();
        var tasksRate = Math.Round((decimal)communes.Sum(u => u[TasksDone]!.Value) / communes.Sum(u => u[TasksPlanned]!.Value) * 100, 1, MidpointRounding.AwayFromZero);
        Assert.Equal(tasksRate, Indicator(TasksRate).GetProperty("value").GetDecimal());
        Assert.Equal(communes.Count(u => u[Dialogue] == 1), Indicator(Dialogue).GetProperty("value").GetDecimal());

        Assert.Equal(
            [Files().Single(f => f.Kind == SetFileKind.OtherPeriod).Name, Files().Single(f => f.Kind == SetFileKind.Superseded).Name, BrokenFile],
            root.GetProperty("excluded").EnumerateArray().Select(e => e.GetProperty("file").GetString()));
    }

    [Fact]
    public async Task Consolidate_AcceptXlsx_ValidWorkbookWithItsChart()
    {
        using var factory = new HostFactory();
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/consolidate") { Content = Upload() };
        request.Headers.Accept.ParseAdd(Xlsx);

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Xlsx, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("tong-hop-2026-q2.xlsx", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        using var workbook = SpreadsheetDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        Assert.Empty(new OpenXmlValidator().Validate(workbook));
        Assert.Single(workbook.WorkbookPart!.WorksheetParts.SelectMany(s => s.DrawingsPart?.ChartParts ?? []));
    }

    [Fact]
    public async Task Consolidate_AcceptDocx_WordTable()
    {
        using var factory = new HostFactory();
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/consolidate?period=2026-q2") { Content = Upload() };
        request.Headers.Accept.ParseAdd(Docx);

        using var response = await client.SendAsync(request);

        Assert.Equal(Docx, response.Content.Headers.ContentType?.MediaType);
        using var document = WordprocessingDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        Assert.Empty(new OpenXmlValidator().Validate(document));
    }

    [Fact]
    public async Task Consolidate_IncludeTrends_TwoQuartersOfTheRecomputedRate()
    {
        using var factory = new HostFactory();
        using var client = factory.CreateClient();

        using var response = await client.PostAsync("/api/consolidate?include=trends", Upload());

        var root = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var trend = root.GetProperty("trends").EnumerateArray().Single(t => t.GetProperty("label").GetString() == OnTimeRate);
        var points = trend.GetProperty("points").EnumerateArray().ToList();
        Assert.Equal(["2026-q1", "2026-q2"], points.Select(p => p.GetProperty("period").GetString()));
        var quarterOne = Files().Single(f => f.Kind == SetFileKind.OtherPeriod).Figures!;
        Assert.Equal(Percent(quarterOne[OnTime]!.Value, quarterOne[Resolved]!.Value), points[0].GetProperty("value").GetDecimal().ToString("#,0.#", System.Globalization.CultureInfo.GetCultureInfo("vi-VN")));
        Assert.Equal(1, points[0].GetProperty("reported").GetInt32());
    }

    [Fact]
    public async Task Consolidate_FromArchive_EveryUnitFolderOfThePeriod()
    {
        LayOutArchive();
        using var factory = ArchiveHost();
        using var client = factory.CreateClient();

        using var response = await client.PostAsync("/api/consolidate?source=archive&period=quý II 2026", null);

        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        var root = JsonDocument.Parse(body).RootElement;
        Assert.Equal(14, root.GetProperty("units").GetArrayLength());
        Assert.Contains(root.GetProperty("units").EnumerateArray(), u => u.GetProperty("unit").GetString() == "UBND PHƯỜNG NGÃ NĂM");
        var received = root.GetProperty("indicators").EnumerateArray().Single(i => i.GetProperty("label").GetString() == Received);
        Assert.Equal(Counted.Sum(u => u[Received]!.Value), received.GetProperty("value").GetDecimal());
        Assert.Empty(root.GetProperty("excluded").EnumerateArray());
    }

    [Fact]
    public async Task UnitTrend_OneUnitFromTheArchive_ItsQuartersInOrder()
    {
        LayOutArchive();
        using var factory = ArchiveHost();
        using var client = factory.CreateClient();

        using var response = await client.GetAsync("/api/consolidate/trend?unit=UBND%20X%C3%83%20AN%20B%C3%8CNH");

        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        var root = JsonDocument.Parse(body).RootElement;
        Assert.Equal("quý II năm 2026", root.GetProperty("period").GetString());
        var rate = root.GetProperty("series").EnumerateArray().Single(s => s.GetProperty("label").GetString() == OnTimeRate);
        var anBinh = Counted.Single(u => u.Unit == "Xã An Bình");
        var points = rate.GetProperty("points").EnumerateArray().ToList();
        Assert.Equal(2, points.Count);
        Assert.Equal(Percent(anBinh[OnTime]!.Value, anBinh[Resolved]!.Value), points[1].GetProperty("value").GetDecimal().ToString("#,0.#", System.Globalization.CultureInfo.GetCultureInfo("vi-VN")));
    }

    [Fact]
    public async Task Consolidate_NothingReadable_422WithEachFilesReason()
    {
        using var factory = new HostFactory();
        using var client = factory.CreateClient();

        using var response = await client.PostAsync("/api/consolidate", Upload(Files().Where(f => f.Kind == SetFileKind.Unreadable), withList: false));

        var problem = await ProblemAssert.IsProblemAsync(response, 422, "nothing-readable");
        Assert.Equal(BrokenFile, problem.GetProperty("files")[0].GetProperty("file").GetString());
    }

    [Fact]
    public async Task Consolidate_NoFilesOrJson_ClearProblems()
    {
        using var factory = new HostFactory();
        using var client = factory.CreateClient();

        using var empty = await client.PostAsync("/api/consolidate", new MultipartFormDataContent { { new StringContent("x"), "units" } });
        using var json = await client.PostAsync("/api/consolidate", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));
        using var badPeriod = await client.PostAsync("/api/consolidate?period=mùa thu", Upload());

        await ProblemAssert.IsProblemAsync(empty, 400, "missing-file");
        await ProblemAssert.IsProblemAsync(json, 415, "unsupported-media-type");
        await ProblemAssert.IsProblemAsync(badPeriod, 400, "invalid-request");
    }

    [Fact]
    public async Task Consolidate_UploadLargerThanTheSingleDocumentForm_AcceptedUpToItsOwnLimit()
    {
        // The host-wide form limit is one document and its previous period: 2 × 32 KB + 64 KB here. Every unit sent
        // its report four times over is far more, and still one consolidation.
        using var factory = new HostFactory().With("Limits:MaxDocumentBytes", "32768");
        using var client = factory.CreateClient();
        var reports = Files().Where(f => f.Kind == SetFileKind.Report).ToList();
        var copies = Enumerable.Range(1, 4).SelectMany(n => reports.Select(f => f with { Name = $"ban-{n}-{f.Name}" })).ToList();
        Assert.True(copies.Sum(f => f.Content.Length) > (2 * 32768) + (64 * 1024));

        using var response = await client.PostAsync("/api/consolidate", Upload(copies));

        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        var root = JsonDocument.Parse(body).RootElement;
        Assert.Equal(15, root.GetProperty("units").GetArrayLength());
        Assert.Equal(42, root.GetProperty("excluded").GetArrayLength());
    }

    [Fact]
    public async Task Consolidate_SignedInWithoutProvinceRole_Forbidden()
    {
        using var factory = new SignedInHostFactory();
        factory.With("UnitAccess:Province:Roles:0", "SoNoiVu.TongHop");
        using var client = factory.CreateHttpsClient();

        using var unit = new HttpRequestMessage(HttpMethod.Post, "/api/consolidate") { Content = Upload() };
        unit.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token());
        using var refused = await client.SendAsync(unit);
        using var province = new HttpRequestMessage(HttpMethod.Post, "/api/consolidate") { Content = Upload() };
        province.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token("SoNoiVu.TongHop"));
        using var allowed = await client.SendAsync(province);

        await ProblemAssert.IsProblemAsync(refused, 403, "province-only");
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
    }

    /// <summary>A token as Entra ID issues it for the add-in, with the app roles given.</summary>
    private static string Token(params string[] roles)
    {
        var claims = new List<Claim>
        {
            new("scp", "access_as_user"),
            new("oid", "0b6f5a3e-2222-4c2d-9e8f-bbbbbbbbbbbb"),
            new("tid", SignedInHostFactory.TenantId),
            new("name", "Cán bộ Sở Nội vụ"),
        };
        claims.AddRange(roles.Select(r => new Claim("roles", r)));
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = SignedInHostFactory.Issuer,
            Audience = "api://" + SignedInHostFactory.ClientId,
            Expires = DateTime.UtcNow.AddHours(1),
            Subject = new ClaimsIdentity(claims),
            SigningCredentials = new SigningCredentials(SignedInHostFactory.SigningKey, SecurityAlgorithms.RsaSha256),
        });
    }
}
