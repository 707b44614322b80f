using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;

namespace Cchc.Host.Tests;

public sealed class FixFileApiTests : IClassFixture<HostFactory>
{
    private const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    private const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private readonly HostFactory _factory;

    public FixFileApiTests(HostFactory factory) => _factory = factory;

    [Theory]
    [InlineData("ngan-nam-2022-q3.docx", DocxType)]
    [InlineData("ngan-nam-2022-q3.xlsx", XlsxType)]
    public async Task FixFile_Q3Fixture_NoFindingWithAProposalRemainsOnRecheck(string fileName, string contentType)
    {
        using var client = _factory.CreateClient();
        var before = await CheckAsync(client, fileName, Fixtures.Bytes(fileName));
        var fixable = before.Where(f => f.HasProposal).Select(f => f.Key).ToHashSet();
        Assert.NotEmpty(fixable);

        using var response = await client.PostAsync("/api/files/fix", Fixtures.Form(("file", fileName, Fixtures.Bytes(fileName))));

        var fixedBytes = await ReadFileAsync(response, contentType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(Path.GetFileNameWithoutExtension(fileName) + "-da-sua" + Path.GetExtension(fileName), response.Content.Headers.ContentDisposition?.FileNameStar);
        var applied = int.Parse(response.Headers.GetValues("X-Cchc-Applied").Single(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(0, int.Parse(response.Headers.GetValues("X-Cchc-Skipped").Single(), System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(applied > 0);

        var after = await CheckAsync(client, "fixed" + Path.GetExtension(fileName), fixedBytes);
        Assert.DoesNotContain(after, f => fixable.Contains(f.Key));
        Assert.True(after.Count(f => f.Severity == "error") < before.Count(f => f.Severity == "error"));
    }

    [Fact]
    public async Task FixFile_OnlyUnitMismatch_FixesThoseAndLeavesTheRest()
    {
        using var client = _factory.CreateClient();
        var bytes = Fixtures.Bytes("ngan-nam-2022-q3.docx");
        var before = await CheckAsync(client, "q3.docx", bytes);
        using var form = Fixtures.Form(("file", "q3.docx", bytes));
        form.Add(new StringContent("unit_mismatch"), "only");

        using var response = await client.PostAsync("/api/files/fix", form);

        var after = await CheckAsync(client, "q3.docx", await ReadFileAsync(response, DocxType));
        Assert.DoesNotContain(after, f => f.Code == "UNIT_MISMATCH" && f.HasProposal);
        var otherFixable = before.Where(f => f.HasProposal && f.Code != "UNIT_MISMATCH").Select(f => f.Key).ToList();
        Assert.NotEmpty(otherFixable);
        Assert.All(otherFixable, key => Assert.Contains(after, f => f.Key == key));
    }

    [Fact]
    public async Task FixFile_UnknownCode_Returns400ListingTheValidOnes()
    {
        using var client = _factory.CreateClient();
        using var form = Fixtures.Form(("file", "q3.docx", Fixtures.Bytes("ngan-nam-2022-q3.docx")));
        form.Add(new StringContent("UNIT_MISMATCH,NO_SUCH_RULE"), "only");

        using var response = await client.PostAsync("/api/files/fix", form);

        var problem = await ProblemAssert.IsProblemAsync(response, 400, "invalid-request");
        Assert.Equal("only", problem.GetProperty("field").GetString());
        Assert.Equal(["NO_SUCH_RULE"], problem.GetProperty("unknownCodes").EnumerateArray().Select(c => c.GetString()));
        var valid = problem.GetProperty("validCodes").EnumerateArray().Select(c => c.GetString()).ToList();
        Assert.Contains("UNIT_MISMATCH", valid);
        Assert.Contains("VALUE_MISSING", valid);
        Assert.Contains("NO_SUCH_RULE", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("UNIT_MISMATCH", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("only", ",")]
    [InlineData("track", "maybe")]
    public async Task FixFile_BadField_Returns400NamingIt(string field, string value)
    {
        using var client = _factory.CreateClient();
        using var form = Fixtures.Form(("file", "q3.docx", Fixtures.Bytes("ngan-nam-2022-q3.docx")));
        form.Add(new StringContent(value), field);

        using var response = await client.PostAsync("/api/files/fix", form);

        var problem = await ProblemAssert.IsProblemAsync(response, 400, "invalid-request");
        Assert.Equal(field, problem.GetProperty("field").GetString());
    }

    [Fact]
    public async Task FixFile_TrackTrue_WritesTrackedChangesAndTrackFalseDoesNot()
    {
        using var client = _factory.CreateClient();

        var tracked = await FixDocumentXmlAsync(client, "true");
        var plain = await FixDocumentXmlAsync(client, "false");

        Assert.Contains("<w:ins ", tracked, StringComparison.Ordinal);
        Assert.DoesNotContain("<w:ins ", plain, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FixFile_VietnameseFileName_IsKeptInFileNameStar()
    {
        using var client = _factory.CreateClient();

        using var response = await client.PostAsync("/api/files/fix", Fixtures.Form(("file", "Báo cáo quý III.docx", Fixtures.Bytes("ngan-nam-2022-q3.docx"))));

        await ReadFileAsync(response, DocxType);
        var header = response.Content.Headers.GetValues("Content-Disposition").Single();
        Assert.Contains("filename*=UTF-8''B%C3%A1o%20c%C3%A1o%20qu%C3%BD%20III-da-sua.docx", header, StringComparison.Ordinal);
        Assert.Equal("Báo cáo quý III-da-sua.docx", response.Content.Headers.ContentDisposition?.FileNameStar);
    }

    [Fact]
    public async Task FixFile_FormulaLookingTextInTheSheet_NeverBecomesAFormula()
    {
        using var client = _factory.CreateClient();
        var hostile = WithSheetCell(Fixtures.Bytes("ngan-nam-2022-q3.xlsx"), "<c r=\"D10\" s=\"5\" t=\"n\"><v>12</v></c>", "<c r=\"D10\" s=\"5\" t=\"inlineStr\"><is><t>=HYPERLINK(\"http://evil.example\",\"12\")</t></is></c>");
        var before = await CheckAsync(client, "q3.xlsx", hostile);
        Assert.Contains(before, f => f.Row > 0 && f.Column == "value" && f.Code != "VALUE_MISSING");

        using var response = await client.PostAsync("/api/files/fix", Fixtures.Form(("file", "q3.xlsx", hostile)));

        var output = await ReadFileAsync(response, XlsxType);
        var sheet = PartText(output, "xl/worksheets/sheet1.xml");
        Assert.DoesNotContain("<f>", sheet, StringComparison.Ordinal);
        Assert.DoesNotContain("<f ", sheet, StringComparison.Ordinal);
        Assert.DoesNotContain("<x:f", sheet, StringComparison.Ordinal);
        Assert.True(int.Parse(response.Headers.GetValues("X-Cchc-Applied").Single(), System.Globalization.CultureInfo.InvariantCulture) > 0);
    }

    [Fact]
    public async Task FixFile_NoFile_Returns400MissingFile()
    {
        using var client = _factory.CreateClient();
        using var form = new MultipartFormDataContent { { new StringContent("UNIT_MISMATCH"), "only" } };

        using var response = await client.PostAsync("/api/files/fix", form);

        await ProblemAssert.IsProblemAsync(response, 400, "missing-file");
    }

    [Fact]
    public async Task FixFile_NotAnOfficeDocument_Returns415()
    {
        using var client = _factory.CreateClient();

        using var response = await client.PostAsync("/api/files/fix", Fixtures.Form(("file", "q3.docx", Encoding.UTF8.GetBytes("xin chào"))));

        await ProblemAssert.IsProblemAsync(response, 415, "not-office-document");
    }

    private sealed record SeenFinding(string Code, int Row, string Column, int? TitleLine, string Severity, bool HasProposal)
    {
        public string Key => $"{Code}@{Row}/{Column}/{TitleLine}";
    }

    private static async Task<List<SeenFinding>> CheckAsync(HttpClient client, string fileName, byte[] content)
    {
        using var response = await client.PostAsync("/api/files/check", Fixtures.Form(("file", fileName, content)));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        return JsonDocument.Parse(text).RootElement.GetProperty("findings").EnumerateArray()
            .Select(f => new SeenFinding(
                f.GetProperty("code").GetString()!,
                f.GetProperty("row").GetInt32(),
                f.GetProperty("column").GetString()!,
                f.GetProperty("titleLine").ValueKind == JsonValueKind.Number ? f.GetProperty("titleLine").GetInt32() : null,
                f.GetProperty("severity").GetString()!,
                f.GetProperty("proposal").ValueKind == JsonValueKind.Object))
            .ToList();
    }

    private static async Task<byte[]> ReadFileAsync(HttpResponseMessage response, string contentType)
    {
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, Encoding.UTF8.GetString(bytes));
        Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal((byte)'P', bytes[0]);
        Assert.Equal((byte)'K', bytes[1]);
        return bytes;
    }

    private static async Task<string> FixDocumentXmlAsync(HttpClient client, string track)
    {
        using var form = Fixtures.Form(("file", "q3.docx", Fixtures.Bytes("ngan-nam-2022-q3.docx")));
        form.Add(new StringContent(track), "track");
        using var response = await client.PostAsync("/api/files/fix", form);
        return PartText(await ReadFileAsync(response, DocxType), "word/document.xml");
    }

    private static string PartText(byte[] package, string part)
    {
        using var zip = new ZipArchive(new MemoryStream(package), ZipArchiveMode.Read);
        using var reader = new StreamReader(zip.GetEntry(part)!.Open(), Encoding.UTF8);
        return reader.ReadToEnd();
    }

    /// <summary>The workbook with one cell of its sheet replaced, as a hostile or careless author might leave it.</summary>
    private static byte[] WithSheetCell(byte[] workbook, string cell, string replacement)
    {
        using var buffer = new MemoryStream();
        buffer.Write(workbook);
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Update, leaveOpen: true))
        {
            var entry = zip.GetEntry("xl/worksheets/sheet1.xml")!;
            string xml;
            using (var reader = new StreamReader(entry.Open(), Encoding.UTF8))
            {
                xml = reader.ReadToEnd();
            }

            Assert.Contains(cell, xml, StringComparison.Ordinal);
            entry.Delete();
            using var writer = new StreamWriter(zip.CreateEntry("xl/worksheets/sheet1.xml").Open(), new UTF8Encoding(false));
            writer.Write(xml.Replace(cell, replacement, StringComparison.Ordinal));
        }

        return buffer.ToArray();
    }
}
