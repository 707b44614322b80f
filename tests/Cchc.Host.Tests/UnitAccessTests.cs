using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Cchc.Appendix.Header;
using Cchc.SharePoint;

namespace Cchc.Host.Tests;

/// <summary>
/// Who may save and read which unit's reports, through the real sign-in pipeline: the Q3 fixture's title names
/// "UBND THỊ XÃ NGÃ NĂM"; the host maps app role <c>Unit.NgaNam</c> and group <see cref="NgaNamGroup"/> to it,
/// <see cref="SignedInHostFactory.UnitXRole"/> to "UBND X", and <c>Province.Read</c> to reading every unit.
/// </summary>
public sealed class UnitAccessTests
{
    private const string NgaNamRole = "Unit.NgaNam";
    private const string NgaNamGroup = "5d0c7a1e-2b3f-4c5d-8e9f-0a1b2c3d4e5f";
    private const string ProvinceRole = "Province.Read";
    private static readonly ReportPeriod Q2 = ReportPeriod.Quarter(2, 2022);
    private static readonly ReportPeriod Q3 = ReportPeriod.Quarter(3, 2022);

    private static SignedInHostFactory Host(InMemoryReportArchive archive) => (SignedInHostFactory)new SignedInHostFactory { Archive = archive }
        .With("UnitAccess:Units:1:Unit", "UBND thị xã Ngã Năm")
        .With("UnitAccess:Units:1:Roles:0", NgaNamRole)
        .With("UnitAccess:Units:1:Groups:0", NgaNamGroup)
        .With("UnitAccess:Province:Roles:0", ProvinceRole);

    private static HttpClient Client(HostFactory factory, string token)
    {
        var client = factory.CreateHttpsClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static MultipartFormDataContent Q3Form() => Fixtures.Form(("file", "ngan-nam-2022-q3.docx", Fixtures.Bytes("ngan-nam-2022-q3.docx")));

    [Fact]
    public async Task Save_MemberOfAnotherUnit_Returns403AndStoresNothing()
    {
        var archive = new InMemoryReportArchive();
        using var factory = Host(archive);
        using var client = Client(factory, SignedInHostFactory.Token(roles: [SignedInHostFactory.UnitXRole]));

        using var response = await client.PostAsync("/api/archive", Q3Form());

        var problem = await ProblemAssert.IsProblemAsync(response, 403, "unit-forbidden");
        Assert.Contains("UBND THỊ XÃ NGÃ NĂM", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Null(await archive.FindAsync(new ArchiveLookup("UBND THỊ XÃ NGÃ NĂM", Q3)));
    }

    [Theory]
    [InlineData("role")]
    [InlineData("group")]
    public async Task Save_MemberOfTheTitlesUnit_SavesAndRecordsWhoSaved(string membership)
    {
        var archive = new InMemoryReportArchive();
        using var factory = Host(archive);
        var token = membership == "role"
            ? SignedInHostFactory.Token(roles: [NgaNamRole])
            : SignedInHostFactory.Token(roles: [], groups: [NgaNamGroup]);
        using var client = Client(factory, token);

        using var response = await client.PostAsync("/api/archive", Q3Form());

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("Cán bộ Ngã Năm", JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("savedBy").GetString());
        var saved = await archive.FindAsync(new ArchiveLookup("UBND THỊ XÃ NGÃ NĂM", Q3));
        Assert.Equal(new ReportSaver("0b6f5a3e-1111-4c2d-9e8f-aaaaaaaaaaaa", "Cán bộ Ngã Năm"), saved?.SavedBy);
    }

    [Fact]
    public async Task Save_ProvinceReader_MayReadButNotWrite()
    {
        var archive = new InMemoryReportArchive();
        archive.Add("UBND THỊ XÃ NGÃ NĂM", Q2, "ngan-nam-2022-q2.docx", Fixtures.Bytes("ngan-nam-2022-q2.docx"));
        using var factory = Host(archive);
        using var client = Client(factory, SignedInHostFactory.Token(roles: [ProvinceRole]));

        using var read = await client.GetAsync("/api/archive/previous?unit=UBND%20th%E1%BB%8B%20x%C3%A3%20Ng%C3%A3%20N%C4%83m&period=2022-q3");
        using var write = await client.PostAsync("/api/archive", Q3Form());

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        await ProblemAssert.IsProblemAsync(write, 403, "unit-forbidden");
    }

    [Fact]
    public async Task FindPrevious_AnotherUnitsReport_Returns403()
    {
        var archive = new InMemoryReportArchive();
        archive.Add("UBND THỊ XÃ NGÃ NĂM", Q2, "ngan-nam-2022-q2.docx", Fixtures.Bytes("ngan-nam-2022-q2.docx"));
        using var factory = Host(archive);
        using var client = Client(factory, SignedInHostFactory.Token(roles: [SignedInHostFactory.UnitXRole]));

        using var response = await client.GetAsync("/api/archive/previous?unit=UBND%20TH%E1%BB%8A%20X%C3%83%20NG%C3%83%20N%C4%82M&period=2022-q3");

        await ProblemAssert.IsProblemAsync(response, 403, "unit-forbidden");
    }

    [Theory]
    [InlineData("/api/check?previous=archive")]
    [InlineData("/api/prefill?previous=archive")]
    public async Task PreviousFromArchive_AnotherUnitsTitle_Returns403WithoutReadingIt(string url)
    {
        var archive = new InMemoryReportArchive();
        archive.Add("UBND THỊ XÃ NGÃ NĂM", Q2, "ngan-nam-2022-q2.docx", Fixtures.Bytes("ngan-nam-2022-q2.docx"));
        var looked = false;
        archive.OnFind = _ =>
        {
            looked = true;
            return Task.CompletedTask;
        };
        using var factory = Host(archive);
        using var client = Client(factory, SignedInHostFactory.Token(roles: [SignedInHostFactory.UnitXRole]));

        using var response = await client.PostJsonAsync(url, Fixtures.Q3Request());

        await ProblemAssert.IsProblemAsync(response, 403, "unit-forbidden");
        Assert.False(looked);
    }

    [Fact]
    public async Task Save_NoUnitMappingConfigured_SaysTheHostIsNotConfigured()
    {
        var archive = new InMemoryReportArchive();
        using var factory = new SignedInHostFactory { Archive = archive }.Without("UnitAccess:Units:0:Unit").Without("UnitAccess:Units:0:Roles:0");
        using var client = Client(factory, SignedInHostFactory.Token());

        using var response = await client.PostAsync("/api/archive", Q3Form());

        var problem = await ProblemAssert.IsProblemAsync(response, 403, "unit-forbidden");
        Assert.Contains("UnitAccess", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Save_TooManyGroupsForTheToken_SaysToUseAnAppRole()
    {
        var archive = new InMemoryReportArchive();
        using var factory = Host(archive);
        // Entra ID's overage: no groups claim, a pointer to Graph instead.
        using var client = Client(factory, SignedInHostFactory.Token(roles: [], extraClaims: [new("hasgroups", "true")]));

        using var response = await client.PostAsync("/api/archive", Q3Form());

        var problem = await ProblemAssert.IsProblemAsync(response, 403, "unit-forbidden");
        Assert.Contains("app role", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Save_SingleUnitTenant_AnySignedInUserBelongs()
    {
        var archive = new InMemoryReportArchive();
        using var factory = new SignedInHostFactory { Archive = archive }.With("UnitAccess:SingleUnit", "UBND THỊ XÃ NGÃ NĂM");
        using var client = Client(factory, SignedInHostFactory.Token(roles: []));

        using var response = await client.PostAsync("/api/archive", Q3Form());

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task Save_LocalMode_RecordsTheLocalUser()
    {
        var archive = new InMemoryReportArchive();
        using var factory = new HostFactory { Archive = archive };
        using var client = factory.CreateClient();

        using var response = await client.PostAsync("/api/archive", Q3Form());

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("local", (await archive.FindAsync(new ArchiveLookup("UBND THỊ XÃ NGÃ NĂM", Q3)))?.SavedBy?.Id);
    }

    [Fact]
    public void Start_UnitWithoutRolesOrGroups_RefusesNamingTheEntry()
    {
        using var factory = new SignedInHostFactory().With("UnitAccess:Units:1:Unit", "UBND phường Ngã Năm");

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains("UnitAccess:Units:1", (error.InnerException ?? error).Message, StringComparison.Ordinal);
    }
}
