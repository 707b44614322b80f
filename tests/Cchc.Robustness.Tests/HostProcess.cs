using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Cchc.Robustness.Tests;

/// <summary>
/// The host as it runs for real: its own process (<c>dotnet Cchc.Host.dll</c> from this test's output), Kestrel on
/// an https loopback port it picks, a certificate made for the run, local mode, its archive and pane in a temporary
/// folder. Its memory is read from <c>/proc/{pid}/status</c>, as an operator's monitoring would see it.
/// </summary>
internal sealed class HostProcess : IAsyncDisposable
{
    private const string ListeningOn = "Now listening on: ";

    private readonly Process _process;
    private readonly DirectoryInfo _folder;
    private readonly ConcurrentQueue<string> _log;

    private HostProcess(Process process, DirectoryInfo folder, ConcurrentQueue<string> log, Uri address, X509Certificate2 certificate)
    {
        _process = process;
        _folder = folder;
        _log = log;
        Archive = Path.Combine(folder.FullName, "archive");
        var handler = new SocketsHttpHandler
        {
            SslOptions = { RemoteCertificateValidationCallback = (_, presented, _, _) => presented is not null && presented.GetCertHashString() == certificate.GetCertHashString() },
            EnableMultipleHttp2Connections = false,
        };

        // One HTTP/2 connection for every request, as a browser multiplexes the pane's calls.
        Client = new HttpClient(handler)
        {
            BaseAddress = address,
            DefaultRequestVersion = HttpVersion.Version20,
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Timeout = TimeSpan.FromMinutes(2),
        };
    }

    public HttpClient Client { get; }

    /// <summary>The folder archive's root, laid out <c>{unit}/{year}/{period}/{file}</c>.</summary>
    public string Archive { get; }

    public bool IsRunning => !_process.HasExited;

    public string Log => string.Join('\n', _log);

    /// <summary>The process's peak resident set (VmHWM) so far, in bytes.</summary>
    public long PeakWorkingSetBytes
    {
        get
        {
            var line = File.ReadLines($"/proc/{_process.Id}/status").Single(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
        }
    }

    /// <param name="settings">Configuration keys (<c>Limits:ProcessingTimeoutSeconds</c>) and values on top of local mode's.</param>
    public static async Task<HostProcess> StartAsync(IReadOnlyDictionary<string, string>? settings = null)
    {
        var folder = Directory.CreateTempSubdirectory("cchc-host-process-");
        var certificate = Certificate(Path.Combine(folder.FullName, "host.pfx"), "cchc-test");
        var environment = new Dictionary<string, string?>
        {
            ["ASPNETCORE_URLS"] = "https://127.0.0.1:0",
            ["Kestrel:Certificates:Default:Path"] = Path.Combine(folder.FullName, "host.pfx"),
            ["Kestrel:Certificates:Default:Password"] = "cchc-test",
            ["Limits:RequestsPerMinute"] = "100000",
            ["Limits:DocumentRequestsPerMinute"] = "100000",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Information",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }

        var start = await CommandAsync(folder, environment);
        var log = new ConcurrentQueue<string>();
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, line) => Collect(line.Data);
        process.ErrorDataReceived += (_, line) => Collect(line.Data);
        process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException("The host ended before it listened:\n" + string.Join('\n', log)));
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        try
        {
            var address = await listening.Task.WaitAsync(TimeSpan.FromSeconds(90));
            return new HostProcess(process, folder, log, address, certificate);
        }
        catch
        {
            Stop(process);
            folder.Delete(recursive: true);
            throw;
        }

        void Collect(string? line)
        {
            if (line is null)
            {
                return;
            }

            log.Enqueue(line);
            var at = line.IndexOf(ListeningOn, StringComparison.Ordinal);
            if (at >= 0)
            {
                listening.TrySetResult(new Uri(line[(at + ListeningOn.Length)..].Trim()));
            }
        }
    }

    /// <summary>
    /// <c>dotnet Cchc.Host.dll</c> with <paramref name="folder"/> as its content root, holding its pane and its folder
    /// archive, in Development and local mode, with <paramref name="settings"/> on top (a null value leaves a key unset).
    /// </summary>
    public static async Task<ProcessStartInfo> CommandAsync(DirectoryInfo folder, IReadOnlyDictionary<string, string?> settings)
    {
        var pane = Directory.CreateDirectory(Path.Combine(folder.FullName, "pane"));
        await File.WriteAllTextAsync(Path.Combine(pane.FullName, "index.html"), "<!doctype html><html lang=\"vi\"><body></body></html>");
        Directory.CreateDirectory(Path.Combine(folder.FullName, "archive"));

        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = folder.FullName,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Cchc.Host.dll"));
        start.ArgumentList.Add("--contentRoot");
        start.ArgumentList.Add(folder.FullName);
        var environment = new Dictionary<string, string?>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["Host:LocalMode"] = "true",
            ["Spa:RootPath"] = pane.FullName,
            ["Archive:Folder:Root"] = Path.Combine(folder.FullName, "archive"),
        };
        foreach (var (key, value) in settings)
        {
            environment[key] = value;
        }

        foreach (var (key, value) in environment)
        {
            if (value is not null)
            {
                start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
            }
        }

        return start;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        Stop(_process);
        await _process.WaitForExitAsync();
        _process.Dispose();
        _folder.Delete(recursive: true);
    }

    private static void Stop(Process process)
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }
    }

    /// <summary>A self-signed certificate for 127.0.0.1 and localhost, written as a PFX Kestrel loads.</summary>
    private static X509Certificate2 Certificate(string path, string password)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        var pfx = certificate.Export(X509ContentType.Pfx, password);
        File.WriteAllBytes(path, pfx);
        return X509CertificateLoader.LoadPkcs12(pfx, password);
    }
}
