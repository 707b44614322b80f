using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cchc.Appendix.Templates;
using Cchc.Testing.Forms;

namespace Cchc.Host.Tests;

/// <summary>
/// Today's commune and department appendices through the API: found by what their header means, every value column
/// addressed, the form they were checked against named, and a province's own templates loaded from a folder.
/// </summary>
public sealed class AnyFormApiTests : IClassFixture<HostFactory>, IDisposable
{
    private readonly HostFactory _factory;
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("cchc-templates-");

    public AnyFormApiTests(HostFactory factory) => _factory = factory;

    public void Dispose() => _folder.Delete(recursive: true);

    private static async Task<JsonElement> CheckFile(HttpClient client, FormDocument form, string kind, FormDocument? previous = null)
    {
        var files = new List<(string, string, byte[])> { ("file", $"{form.Name}.{kind}", Bytes(form, kind)) };
        if (previous is not null)
        {
            files.Add(("previous", $"{previous.Name}.{kind}", Bytes(previous, kind)));
        }

        using var content = Fixtures.Form([.. files]);
        using var response = await client.PostAsync("/api/files/check", content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private static byte[] Bytes(FormDocument form, string kind) => kind == "docx" ? DocxWriter.Write(form) : XlsxWriter.Write(form);

    [Theory]
    [InlineData("docx")]
    [InlineData("xlsx")]
    public async Task CheckFile_TwoValueColumns_AddressesEachFindingsCell(string kind)
    {
        using var client = _factory.CreateClient();

        var body = await CheckFile(client, SampleForms.CommuneTwoValueColumns(), kind);

        Assert.Equal(["period", "cumulative"], body.GetProperty("valueColumns").EnumerateArray().Select(c => c.GetProperty("role").GetString()));
        var template = body.GetProperty("template");
        Assert.Equal("document", template.GetProperty("form").GetString());
        Assert.Contains("columns", template.GetProperty("checks").EnumerateArray().Select(c => c.GetString()));
        Assert.StartsWith("Không khớp mẫu nào: đã kiểm tra theo quy tắc chung", template.GetProperty("summary").GetString(), StringComparison.Ordinal);

        var below = body.GetProperty("findings").EnumerateArray().Single(f => f.GetProperty("code").GetString() == "CUMULATIVE_BELOW_PERIOD");
        Assert.Equal(1, below.GetProperty("valueColumn").GetInt32());
        Assert.Equal("Lũy kế từ đầu năm", below.GetProperty("valueHeader").GetString());

        // The finding's cell is the row's second value cell, as the rows echo them.
        var row = body.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("row").GetInt32() == below.GetProperty("row").GetInt32());
        Assert.Equal(row.GetProperty("valueCells")[1].GetInt32(), below.GetProperty("cell").GetInt32());
        Assert.Equal(["11", "9"], row.GetProperty("values").EnumerateArray().Select(v => v.GetString()));
    }

    [Fact]
    public async Task CheckFile_WithPreviousQuarter_SaysTheFormWasLearned()
    {
        using var client = _factory.CreateClient();

        var body = await CheckFile(client, SampleForms.CommuneQuarterTwo(), "xlsx", SampleForms.CommuneQuarterOne());

        var template = body.GetProperty("template");
        Assert.Equal("previous-report", template.GetProperty("form").GetString());
        Assert.Equal("quý I năm 2026", template.GetProperty("name").GetString());
        Assert.Contains("period", template.GetProperty("checks").EnumerateArray().Select(c => c.GetString()));
    }

    [Fact]
    public async Task CheckFile_NoAppendix_Returns422SayingWhatEachTableIs()
    {
        using var client = _factory.CreateClient();
        using var content = Fixtures.Form(("file", "bao-cao.docx", DocxWriter.Write(SampleForms.ReportWithoutAppendix())));

        using var response = await client.PostAsync("/api/files/check", content);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Contains("“Họ và tên | Chức vụ | Ghi chú”", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Templates_Embedded_AreListed()
    {
        using var client = _factory.CreateClient();

        var templates = await client.GetFromJsonAsync<JsonElement>("/api/templates");

        var embedded = templates.EnumerateArray().Single(t => t.GetProperty("id").GetString() == "soc-trang-huyen-quy");
        Assert.Equal("embedded", embedded.GetProperty("source").GetString());
        Assert.Equal(0, embedded.GetProperty("inferredRelations").GetInt32());
    }

    [Fact]
    public async Task Templates_ProvinceFolder_IsLoadedAndMatched()
    {
        var draft = TemplateDrafter.Draft([new DraftDocument("q1.docx", Cchc.OpenXml.AppendixDocument.Read(new MemoryStream(DocxWriter.Write(SampleForms.CommuneQuarterOne())), "q1.docx"))], new DraftOptions("can-tho-xa-quy", "Mẫu xã Cần Thơ"));
        await using (var file = File.Create(Path.Combine(_folder.FullName, "can-tho-xa-quy.json")))
        {
            TemplateCatalog.Write(draft.Template, file);
        }

        await using var factory = new HostFactory().With("Templates:Folder", _folder.FullName);
        using var client = factory.CreateClient();

        var templates = await client.GetFromJsonAsync<JsonElement>("/api/templates");
        var province = templates.EnumerateArray().Single(t => t.GetProperty("id").GetString() == "can-tho-xa-quy");
        Assert.Equal("folder", province.GetProperty("source").GetString());
        Assert.True(province.GetProperty("inferredRelations").GetInt32() > 0);

        var body = await CheckFile(client, SampleForms.CommuneQuarterTwo(), "xlsx");
        Assert.Equal("can-tho-xa-quy", body.GetProperty("template").GetProperty("id").GetString());
        Assert.Equal("template", body.GetProperty("template").GetProperty("form").GetString());
    }
}
