using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Cchc.Robustness.Tests;

/// <summary>
/// The host started as an operator starts it (<c>dotnet Cchc.Host.dll</c>) with a configuration it must refuse: it
/// ends with exit code 1 and the sentence that says what to change, not "Unhandled exception" and a stack trace.
/// </summary>
public sealed class HostStartupTests
{
    [Fact]
    public async Task Start_ProductionWithoutRegistration_SaysWhatToSetAndExitsWithOne()
    {
        var ended = await RunAsync(new Dictionary<string, string?> { ["ASPNETCORE_ENVIRONMENT"] = "Production", ["Host:LocalMode"] = null });

        Assert.Equal(1, ended.ExitCode);
        Assert.Contains("Chưa cấu hình đăng ký ứng dụng (AzureAd:ClientId)", ended.Error, StringComparison.Ordinal);
        AssertNoStackTrace(ended);
    }

    [Fact]
    public async Task Start_LocalModeSetToNonsense_NamesTheSettingWithoutAStackTrace()
    {
        var ended = await RunAsync(new Dictionary<string, string?> { ["Host:LocalMode"] = "có" });

        Assert.Equal(1, ended.ExitCode);
        Assert.Contains("Host:LocalMode phải là true hoặc false, không phải \"có\"", ended.Error, StringComparison.Ordinal);
        AssertNoStackTrace(ended);
    }

    [Fact]
    public async Task Start_LimitOutOfRange_NamesTheLimitAndExitsWithOne()
    {
        var ended = await RunAsync(new Dictionary<string, string?> { ["Limits:MaxDocumentBytes"] = "12" });

        Assert.Equal(1, ended.ExitCode);
        var last = LastLine(ended.Error);
        Assert.StartsWith("Cấu hình không hợp lệ nên máy chủ không khởi động", last, StringComparison.Ordinal);
        Assert.Contains("MaxDocumentBytes", last, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", ended.Output + ended.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_MisspeltLimit_NamesTheKeyRatherThanIgnoringIt()
    {
        var ended = await RunAsync(new Dictionary<string, string?> { ["Limits:MaxRequestBodyBytes"] = "1048576" });

        Assert.Equal(1, ended.ExitCode);
        Assert.Contains("Limits:MaxRequestBodyBytes: không có thiết lập nào tên như vậy", LastLine(ended.Error), StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", ended.Output + ended.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_BrokenTemplateFile_NamesTheFileInVietnameseFirst()
    {
        var templates = Directory.CreateTempSubdirectory("cchc-startup-templates-");
        try
        {
            await File.WriteAllTextAsync(Path.Combine(templates.FullName, "hong.json"), "{ \"formatVersion\": 1, ");

            var ended = await RunAsync(new Dictionary<string, string?> { ["Templates:Folder"] = templates.FullName });

            Assert.Equal(1, ended.ExitCode);
            var last = LastLine(ended.Error);
            Assert.StartsWith("Cấu hình không hợp lệ nên máy chủ không khởi động", last, StringComparison.Ordinal);
            Assert.Contains("Templates:Folder:", last, StringComparison.Ordinal);
            Assert.Contains("hong.json", last, StringComparison.Ordinal);
            Assert.DoesNotContain("Unhandled exception", ended.Output + ended.Error, StringComparison.Ordinal);
        }
        finally
        {
            templates.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Start_PortTakenByAnotherProgram_SaysSoInOneSentence()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;

        var ended = await RunAsync(new Dictionary<string, string?> { ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}" });

        Assert.Equal(1, ended.ExitCode);
        var last = LastLine(ended.Error);
        Assert.StartsWith($"Địa chỉ http://127.0.0.1:{port} đang được chương trình khác dùng", last, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", ended.Output + ended.Error, StringComparison.Ordinal);
    }

    private static void AssertNoStackTrace(Ended ended)
    {
        var all = ended.Output + ended.Error;
        Assert.DoesNotContain("Unhandled exception", all, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", all, StringComparison.Ordinal);
    }

    private static string LastLine(string text) => text.TrimEnd().Split('\n')[^1];

    private sealed record Ended(int ExitCode, string Output, string Error);

    /// <summary>The host in Development, local mode, on a free loopback port, with <paramref name="settings"/> on top; run until it ends.</summary>
    private static async Task<Ended> RunAsync(IReadOnlyDictionary<string, string?> settings)
    {
        var folder = Directory.CreateTempSubdirectory("cchc-host-startup-");
        try
        {
            var environment = new Dictionary<string, string?> { ["ASPNETCORE_URLS"] = "http://127.0.0.1:0" };
            foreach (var (key, value) in settings)
            {
                environment[key] = value;
            }

            var start = await HostProcess.CommandAsync(folder, environment);
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail("The host did not end within 90 s: it should have refused to start.\n" + await output + await error);
            }

            return new Ended(process.ExitCode, await output, await error);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
