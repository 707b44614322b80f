extern alias host;

using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Xunit.Abstractions;

namespace Cchc.Robustness.Tests;

/// <summary>
/// The same hostile corpus uploaded to the host's <c>POST /api/files/check</c>: every case answers with
/// Problem Details (RFC 9457) carrying a stable type and a Vietnamese sentence, never a 500 or a stack
/// trace, within the hang guard and the memory bound.
/// </summary>
public sealed class ApiHostileInputTests(ApiHostileInputTests.LocalHost host, ITestOutputHelper output) : IClassFixture<ApiHostileInputTests.LocalHost>
{
    public static TheoryData<string, string> Unreadable
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var row in CliHostileInputTests.Unreadable)
            {
                data.Add((string)row[0], (string)row[1]);
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Unreadable))]
    public void CheckFile_UnreadableInput_AnswersProblemDetails(string kind, string fileName)
    {
        var bytes = CliHostileInputTests.Build(kind);

        var ((status, mediaType, body), cost) = Bounded.Run(() => Upload(bytes, fileName));
        output.WriteLine($"{kind}: {(int)status} {cost}; {body}");

        Assert.InRange((int)status, 400, 499);
        Assert.Equal("application/problem+json", mediaType);
        using var problem = JsonDocument.Parse(body);
        Assert.Equal((int)status, problem.RootElement.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.RootElement.GetProperty("type").GetString()));
        var detail = problem.RootElement.GetProperty("detail").GetString()!;
        Assert.Contains(fileName, detail, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckFile_AsManyRowsAsTheLimit_AnswersWithFindings()
    {
        var bytes = HostileCorpus.LargeAppendix(9_999);

        var ((status, _, body), cost) = Bounded.Run(() => Upload(bytes, "bao-cao-lon.docx"));
        output.WriteLine($"10,000 rows: {(int)status} {cost}");

        Assert.Equal(HttpStatusCode.OK, status);
        using var json = JsonDocument.Parse(body);
        Assert.Contains(json.RootElement.GetProperty("findings").EnumerateArray(), f => f.GetProperty("row").GetInt32() == 9_999);
    }

    private (HttpStatusCode Status, string? MediaType, string Body) Upload(byte[] bytes, string fileName)
    {
        using var client = host.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost/") });
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        using var response = client.PostAsync(new Uri("api/files/check", UriKind.Relative), form).GetAwaiter().GetResult();
        return (response.StatusCode, response.Content.Headers.ContentType?.MediaType, response.Content.ReadAsStringAsync().GetAwaiter().GetResult());
    }

    /// <summary>The real host in local mode, its archive and pane in temporary folders, the upload rate limit lifted for the corpus.</summary>
    public sealed class LocalHost : WebApplicationFactory<host::Program>
    {
        private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("cchc-robustness-host-");

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            var pane = Directory.CreateDirectory(Path.Combine(_folder.FullName, "pane"));
            File.WriteAllText(Path.Combine(pane.FullName, "index.html"), "<!doctype html><html lang=\"vi\"><body></body></html>");
            builder.UseEnvironment("Development");
            builder.UseSetting("Host:LocalMode", "true");
            builder.UseSetting("Spa:RootPath", pane.FullName);
            builder.UseSetting("Archive:Kind", "Folder");
            builder.UseSetting("Archive:Folder:Root", Directory.CreateDirectory(Path.Combine(_folder.FullName, "archive")).FullName);
            builder.UseSetting("Limits:DocumentRequestsPerMinute", "10000");
            builder.UseSetting("Limits:RequestsPerMinute", "10000");
        }

        protected override void Dispose(bool disposing)
        {
            base.Dispose(disposing);
            if (disposing && _folder.Exists)
            {
                _folder.Delete(recursive: true);
            }
        }
    }
}
