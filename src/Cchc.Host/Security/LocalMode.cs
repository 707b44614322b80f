using System.Net;
using Cchc.Host.Hosting;
using Microsoft.Extensions.Primitives;
using P = Cchc.Host.Problems.Problems;

namespace Cchc.Host.Security;

/// <summary>
/// Local mode, where nobody signs in: only when asked for (<c>Host:LocalMode=true</c>), only in Development and only
/// on loopback addresses. The environment alone never turns it on, since <c>dotnet run</c> takes the environment from
/// launchSettings.json whatever the shell says; an address reachable from another machine refuses the start.
/// </summary>
public static class LocalMode
{
    public const string SettingKey = "Host:LocalMode";

    /// <summary>
    /// Whether this host runs in local mode; throws with one sentence per language when the configuration asks for
    /// something that must not start: local mode outside Development or off loopback, or neither local mode nor a
    /// registration.
    /// </summary>
    public static bool Decide(IConfiguration configuration, IHostEnvironment environment)
    {
        var setting = configuration[SettingKey];
        if (!string.IsNullOrWhiteSpace(setting) && !bool.TryParse(setting, out _))
        {
            throw new StartupRefusedException($"Host:LocalMode phải là true hoặc false, không phải \"{setting}\". / Host:LocalMode must be true or false, not \"{setting}\".");
        }

        var asked = string.Equals(setting?.Trim(), "true", StringComparison.OrdinalIgnoreCase);
        var registered = !string.IsNullOrWhiteSpace(configuration["AzureAd:ClientId"]);
        if (!asked)
        {
            if (!registered)
            {
                throw new StartupRefusedException(
                    $"Chưa cấu hình đăng ký ứng dụng (AzureAd:ClientId) nên máy chủ không khởi động ở môi trường {environment.EnvironmentName}; để chạy thử không đăng nhập trên máy này, đặt Host:LocalMode=true trong Development (scripts/run.sh làm sẵn). / "
                    + $"No app registration is configured (AzureAd:ClientId), so the host refuses to start in the {environment.EnvironmentName} environment; to try it without sign-in on this machine, set Host:LocalMode=true in Development (scripts/run.sh does); see docs/configuration.md.");
            }

            return false;
        }

        if (registered)
        {
            throw new StartupRefusedException(
                "Host:LocalMode=true cùng lúc với AzureAd:ClientId: hãy chọn một, đăng nhập hoặc chế độ cục bộ. / "
                + "Host:LocalMode=true together with AzureAd:ClientId: choose one, sign-in or local mode.");
        }

        if (!environment.IsDevelopment())
        {
            throw new StartupRefusedException(
                $"Host:LocalMode=true chỉ dùng được trong môi trường Development, không phải {environment.EnvironmentName}: chế độ cục bộ không có đăng nhập. / "
                + $"Host:LocalMode=true works only in the Development environment, not {environment.EnvironmentName}: local mode has no sign-in.");
        }

        if (ListenAddresses(configuration).FirstOrDefault(address => !IsLoopbackUrl(address)) is { } exposed)
        {
            throw new StartupRefusedException(
                $"Chế độ cục bộ (không đăng nhập) chỉ nghe trên localhost, nhưng cấu hình yêu cầu {exposed}: hãy dùng https://localhost:CỔNG hoặc cấu hình AzureAd. / "
                + $"Local mode (no sign-in) listens on localhost only, but the configuration asks for {exposed}: use https://localhost:PORT or configure AzureAd.");
        }

        return true;
    }

    /// <summary>
    /// Every address the configuration asks Kestrel to listen on: <c>urls</c> (ASPNETCORE_URLS, --urls, the launch
    /// profile), <c>http_ports</c>/<c>https_ports</c> (which mean every interface) and <c>Kestrel:Endpoints</c>.
    /// </summary>
    internal static IEnumerable<string> ListenAddresses(IConfiguration configuration)
    {
        foreach (var url in (configuration["urls"] ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            yield return url;
        }

        foreach (var (key, scheme) in new[] { ("http_ports", "http"), ("https_ports", "https") })
        {
            foreach (var port in (configuration[key] ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                yield return $"{scheme}://*:{port}";
            }
        }

        foreach (var endpoint in configuration.GetSection("Kestrel:Endpoints").GetChildren())
        {
            if (endpoint["Url"] is { Length: > 0 } url)
            {
                yield return url;
            }
        }
    }

    /// <summary>localhost, 127.0.0.0/8 or ::1; the wildcards (<c>*</c>, <c>+</c>, <c>0.0.0.0</c>, <c>[::]</c>) and names are not.</summary>
    internal static bool IsLoopbackUrl(string url)
    {
        var schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
        var rest = schemeEnd < 0 ? url : url[(schemeEnd + 3)..];
        var hostEnd = rest.StartsWith('[') ? rest.IndexOf(']', StringComparison.Ordinal) + 1 : rest.IndexOfAny([':', '/']);
        var host = hostEnd <= 0 ? rest : rest[..hostEnd];
        return IsLoopbackHost(host);
    }

    internal static bool IsLoopbackHost(string host) =>
        string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host.Trim('[', ']'), out var address) && IsLoopback(address));

    private static bool IsLoopback(IPAddress address) => IPAddress.IsLoopback(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address);

    /// <summary>
    /// In local mode: says at start-up and on every response that nobody signs in, and refuses what only a remote
    /// caller or another site would send, before any endpoint runs: a connection to a non-loopback address (whatever
    /// Kestrel was told in code), a Host header that is not localhost (DNS rebinding), and a POST whose Origin is
    /// another site (a cross-site form: in local mode no token stands in its way).
    /// </summary>
    public static IApplicationBuilder UseLocalMode(this WebApplication app)
    {
        if (!app.Services.GetRequiredService<AuthMode>().IsLocal)
        {
            return app;
        }

        app.Logger.LogWarning("Local mode (Host:LocalMode=true): the API runs WITHOUT sign-in, for the one person at this machine, who may read and save every unit's reports. Loopback only.");
        return app.Use(async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                context.Response.Headers[ApiAuthentication.LocalModeHeader] = "true";
                return Task.CompletedTask;
            });

            if (Refusal(context) is { } refusal)
            {
                await RequestSafety.WriteProblemAsync(context, refusal);
                return;
            }

            await next(context);
        });
    }

    private static Microsoft.AspNetCore.Mvc.ProblemDetails? Refusal(HttpContext context)
    {
        // Null for in-process servers (tests) and Unix sockets, which no other machine reaches.
        if (context.Connection.LocalIpAddress is { } local && !IsLoopback(local))
        {
            return P.Details(P.LocalOnly, "Máy chủ đang chạy ở chế độ cục bộ (không đăng nhập) nên chỉ nhận yêu cầu từ chính máy này.", "The host runs in local mode (no sign-in) and answers only this machine.");
        }

        if (!IsLoopbackHost(context.Request.Host.Host))
        {
            return P.Details(P.LocalOnly, "Chế độ cục bộ chỉ nhận yêu cầu gửi tới localhost.", "Local mode answers only requests addressed to localhost.");
        }

        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method) && !HttpMethods.IsOptions(context.Request.Method)
            && context.Request.Headers.Origin is { Count: > 0 } origin && !IsLoopbackOrigin(origin))
        {
            return P.Details(P.CrossSite, "Yêu cầu gửi từ một trang web khác bị từ chối: ở chế độ cục bộ chỉ trang của chính tiện ích được gửi dữ liệu.", "A request sent from another website was refused: in local mode only the add-in's own pages may send data.");
        }

        return null;
    }

    private static bool IsLoopbackOrigin(StringValues origin) =>
        origin.Count == 1 && Uri.TryCreate(origin[0], UriKind.Absolute, out var url) && url.Scheme is "https" or "http" && IsLoopbackHost(url.Host);
}
