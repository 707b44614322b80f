using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Cchc.Host.Tests;

/// <summary><c>scripts/run.sh</c> as a new user meets it: a port taken by another program, a port mistyped.</summary>
public sealed class RunScriptTests
{
    [Theory]
    [InlineData("--port")]
    [InlineData("PORT")]
    public async Task Run_PortTaken_SaysSoInOneLineAndStartsNothing(string how)
    {
        using var holder = new TcpListener(IPAddress.Loopback, 0);
        holder.Start();
        var port = ((IPEndPoint)holder.LocalEndpoint).Port.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var (exit, stdout, stderr) = await RunAsync(how == "PORT" ? [] : ["--port", port], how == "PORT" ? port : null);

        Assert.Equal(1, exit);
        Assert.Empty(stdout);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains($"cổng {port} đang được chương trình khác dùng", line, StringComparison.Ordinal);
        Assert.Contains("--port", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("70000")]
    [InlineData("")]
    public async Task Run_PortNotANumber_SaysSoInOneLine(string port)
    {
        var (exit, _, stderr) = await RunAsync(["--port", port], null);

        Assert.Equal(2, exit);
        Assert.Contains("65535", Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
    }

    private static async Task<(int Exit, string Stdout, string Stderr)> RunAsync(string[] arguments, string? portVariable)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(RepositoryRoot(), "scripts", "run.sh"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        if (portVariable is not null)
        {
            start.Environment["PORT"] = portVariable;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        return (process.ExitCode, await stdout, await stderr);
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "scripts", "run.sh")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("scripts/run.sh not found above the test output.");
    }
}
