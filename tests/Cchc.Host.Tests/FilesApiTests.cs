using System.Net;
using System.Text;
using System.Text.Json;

namespace Cchc.Host.Tests;

public sealed class FilesApiTests : IClassFixture<HostFactory>
{
    private readonly HostFactory _factory;

    public FilesApiTests(HostFactory factory) => _factory = factory;

    [Theory]
    [InlineData("ngan-nam-2022-q3.docx")]
    [InlineData("ngan-nam-2022-q3.xlsx")]
    public async Task CheckFile_Q3Fixture_ReturnsFindings(string fileName)
    {
        using var client = _factory.CreateClient();
        using var form = Fixtures.Form(("file", fileName, Fixtures.Bytes(fileName)));

        using var response = await client.PostAsync("/api/files/check", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(fileName, body.GetProperty("file").GetString());
        Assert.Equal("UBND THỊ XÃ NGÃ NĂM", body.GetProperty("unit").GetString());
        Assert.True(body.GetProperty("summary").GetProperty("errors").GetInt32() > 0);
    }

    [Fact]
    public async Task CheckFile_WithPreviousFile_NamesIt()
    {
        using var client = _factory.CreateClient();
        using var form = Fixtures.Form(
            ("file", "ngan-nam-2022-q3.docx", Fixtures.Bytes("ngan-nam-2022-q3.docx")),
            ("previous", "ngan-nam-2022-q2.docx", Fixtures.Bytes("ngan-nam-2022-q2.docx")));

        using var response = await client.PostAsync("/api/files/check", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var previous = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("previous");
        Assert.Equal("file", previous.GetProperty("source").GetString());
        Assert.Equal(2, previous.GetProperty("period").GetProperty("number").GetInt32());
    }

    [Fact]
    public async Task CheckFile_EmptyFile_Returns400EmptyFile()
    {
        using var client = _factory.CreateClient();
        using var form = Fixtures.Form(("file", "rong.docx", []));

        using var response = await client.PostAsync("/api/files/check", form);

        var problem = await ProblemAssert.IsProblemAsync(response, 400, "empty-file");
        Assert.Contains("rong.docx", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckFile_NoFileField_Returns400MissingFile()
    {
        using var client = _factory.CreateClient();
        using var form = Fixtures.Form(("other", "a.docx", [1, 2, 3]));

        using var response = await client.PostAsync("/api/files/check", form);

        await ProblemAssert.IsProblemAsync(response, 400, "missing-file");
    }

    [Fact]
    public async Task CheckFile_NotAZip_Returns415NotOfficeDocument()
    {
        using var client = _factory.CreateClient();
        using var form = Fixtures.Form(("file", "bao-cao.docx", Encoding.UTF8.GetBytes("Đây không phải tệp Word")));

        using var response = await client.PostAsync("/api/files/check", form);

        await ProblemAssert.IsProblemAsync(response, 415, "not-office-document");
    }

    [Fact]
    public async Task CheckFile_LegacyDoc_Returns415LegacyDoc()
    {
        // A .doc is an OLE compound file: its signature, then nothing the reader needs.
        byte[] ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[504]];
        using var client = _factory.CreateClient();
        using var form = Fixtures.Form(("file", "bao-cao.doc", ole));

        using var response = await client.PostAsync("/api/files/check", form);

        var problem = await ProblemAssert.IsProblemAsync(response, 415, "legacy-doc");
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detailEn").GetString()));
    }

    [Fact]
    public async Task CheckFile_OverDocumentLimit_Returns413()
    {
        using var factory = new HostFactory().With("Limits:MaxDocumentBytes", "2048");
        using var client = factory.CreateClient();
        using var form = Fixtures.Form(("file", "ngan-nam-2022-q3.docx", Fixtures.Bytes("ngan-nam-2022-q3.docx")));

        using var response = await client.PostAsync("/api/files/check", form);

        await ProblemAssert.IsProblemAsync(response, 413, "too-large");
    }

    [Fact]
    public async Task CheckFile_JsonInsteadOfForm_Returns415()
    {
        using var client = _factory.CreateClient();

        using var response = await client.PostAsync("/api/files/check", new StringContent("{}", Encoding.UTF8, "application/json"));

        await ProblemAssert.IsProblemAsync(response, 415, "unsupported-media-type");
    }
}
