using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Cchc.OpenXml.Tests;
using Xunit.Abstractions;

namespace Cchc.Robustness.Tests;

/// <summary>
/// The hostile-file suite against a real host process over HTTP/2, each file alone and eight at once, to every
/// endpoint that reads documents: the host stays up, every answer is Problem Details, and its peak resident memory
/// (VmHWM from /proc) stays under <see cref="MaxPeakWorkingSetBytes"/>, the bound docs/hosting.md states.
/// </summary>
public sealed class HostUnderLoadTests(ITestOutputHelper output)
{
    /// <summary>The documented bound on the host's peak memory under the hostile suite, at the default limits.</summary>
    public const long MaxPeakWorkingSetBytes = 1024L * 1024 * 1024;

    private const int AtOnce = 8;

    /// <summary>Where a hostile file goes: the upload endpoints, and as the previous period beside a valid current one.</summary>
    private static readonly string[] Endpoints = ["files/check", "files/fix", "archive", "files/check+previous"];

    [Fact]
    public async Task HostileSuite_AloneAndEightAtOnceToEveryEndpoint_HostStaysUpUnderTheMemoryBound()
    {
        Assert.True(OperatingSystem.IsLinux(), "The peak is read from /proc; CI runs on Linux.");
        await using var host = await HostProcess.StartAsync();
        var suite = CliHostileInputTests.Unreadable
            .Select(row => (Kind: (string)row[0], Name: (string)row[1]))
            .Select(c => (c.Kind, c.Name, Bytes: CliHostileInputTests.Build(c.Kind)))
            .ToList();
        var answered = 0;

        foreach (var endpoint in Endpoints)
        {
            foreach (var (kind, name, bytes) in suite)
            {
                await AssertProblemAsync(await SendAsync(host, endpoint, name, bytes), $"{endpoint} {kind}");
                answered++;
            }

            foreach (var batch in suite.Chunk(AtOnce))
            {
                var eight = Enumerable.Range(0, AtOnce).Select(i => batch[i % batch.Length]).ToList();
                var responses = await Task.WhenAll(eight.Select(c => SendAsync(host, endpoint, c.Name, c.Bytes)));
                for (var i = 0; i < responses.Length; i++)
                {
                    await AssertProblemAsync(responses[i], $"{endpoint} {eight[i].Kind} (8 at once)");
                    answered++;
                }
            }

            Assert.True(host.IsRunning, $"The host ended during {endpoint}:\n{host.Log}");
        }

        var peak = host.PeakWorkingSetBytes;
        output.WriteLine($"{answered} hostile requests answered; host peak working set (VmHWM) {peak / (1024 * 1024)} MB, bound {MaxPeakWorkingSetBytes / (1024 * 1024)} MB.");
        Assert.True(host.IsRunning, host.Log);
        Assert.True(peak < MaxPeakWorkingSetBytes, $"Peak working set {peak / (1024 * 1024)} MB is over the {MaxPeakWorkingSetBytes / (1024 * 1024)} MB bound.");
    }

    [Fact]
    public async Task PreviousFromArchive_DeeplyNestedReportStored_AnswersUnreadableEveryTimeAndStaysUp()
    {
        await using var host = await HostProcess.StartAsync();
        // Quarter II of Ngã Năm, dropped into the folder as a file 20,000 elements deep.
        var folder = Directory.CreateDirectory(Path.Combine(host.Archive, "ubnd-thi-xa-nga-nam", "2022", "q2"));
        await File.WriteAllBytesAsync(Path.Combine(folder.FullName, "phu-luc-q2.docx"), TestFiles.DeeplyNestedDocx(10_000));
        var snapshot = await File.ReadAllTextAsync(HostileCorpus.Fixture("q3-snapshot.json"));

        for (var round = 0; round < 3; round++)
        {
            var responses = await Task.WhenAll(Enumerable.Range(0, AtOnce).Select(_ =>
                host.Client.PostAsync("api/check?previous=archive", new StringContent(snapshot, Encoding.UTF8, "application/json"))));
            foreach (var response in responses)
            {
                var problem = await AssertProblemAsync(response, "check?previous=archive");
                Assert.Equal(422, (int)response.StatusCode);
                Assert.Equal("archive-unreadable-report", problem.GetProperty("code").GetString());
                Assert.Contains("256", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
            }
        }

        Assert.True(host.IsRunning, host.Log);
    }

    [Fact]
    public async Task Timeout_UnderLoadOverHttp2_AnswersItsProblemDetailsNeverAReset()
    {
        // Two slots and a one-second limit: twelve fixes of the largest table allowed cannot all finish in time, and
        // those that do not are answered 504 on the same HTTP/2 connection, from the queue or from inside the reader.
        await using var host = await HostProcess.StartAsync(new Dictionary<string, string>
        {
            ["Limits:ProcessingTimeoutSeconds"] = "1",
            ["Limits:MaxConcurrentDocuments"] = "2",
        });
        var large = HostileCorpus.LargeAppendix(9_999);

        var responses = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => SendAsync(host, "files/fix", "bao-cao-lon.docx", large)));

        var statuses = responses.Select(r => (int)r.StatusCode).ToList();
        output.WriteLine("statuses: " + string.Join(' ', statuses));
        Assert.All(responses, response => Assert.Equal(HttpVersion.Version20, response.Version));
        Assert.All(statuses, status => Assert.True(status is 200 or 504, $"{status}"));
        Assert.Contains(504, statuses);
        foreach (var response in responses.Where(r => r.StatusCode == HttpStatusCode.GatewayTimeout))
        {
            Assert.Equal("timeout", (await AssertProblemAsync(response, "files/fix at the time limit")).GetProperty("code").GetString());
        }

        Assert.True(host.IsRunning, host.Log);
    }

    private static Task<HttpResponseMessage> SendAsync(HostProcess host, string endpoint, string fileName, byte[] bytes)
    {
        var form = new MultipartFormDataContent();
        if (endpoint == "files/check+previous")
        {
            form.Add(Part(System.IO.File.ReadAllBytes(HostileCorpus.Fixture("ngan-nam-2022-q3.docx"))), "file", "ngan-nam-2022-q3.docx");
            form.Add(Part(bytes), "previous", fileName);
            endpoint = "files/check";
        }
        else
        {
            form.Add(Part(bytes), "file", fileName);
        }

        return host.Client.PostAsync(new Uri("api/" + endpoint, UriKind.Relative), form);

        static ByteArrayContent Part(byte[] content)
        {
            var part = new ByteArrayContent(content);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            return part;
        }
    }

    private static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, string what)
    {
        using (response)
        {
            var body = await response.Content.ReadAsStringAsync();
            Assert.True((int)response.StatusCode is >= 400 and < 600, $"{what}: {(int)response.StatusCode} {body}");
            Assert.True(response.Content.Headers.ContentType?.MediaType == "application/problem+json", $"{what}: {response.Content.Headers.ContentType} {body}");
            Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
            return JsonDocument.Parse(body).RootElement.Clone();
        }
    }
}
