using Microsoft.Extensions.Options;
using HostOptions = Cchc.Host.Hosting.HostOptions;
using SpaOptions = Cchc.Host.Hosting.SpaOptions;

namespace Cchc.Host.Security;

/// <summary>
/// Content-Security-Policy and friends. The pane's pages may be framed by Office and load Office.js; the API,
/// the manifest and health answers may be framed by nobody and load nothing.
/// </summary>
public static class SecurityHeaders
{
    public const string OfficeJsOrigin = "https://appsforoffice.microsoft.com";
    private const string SignInOrigin = "https://login.microsoftonline.com";

    public static IApplicationBuilder UseSecurityHeaders(this WebApplication app)
    {
        var host = app.Services.GetRequiredService<IOptions<HostOptions>>().Value;
        var spa = app.Services.GetRequiredService<IOptions<SpaOptions>>().Value;
        var proxying = app.Environment.IsDevelopment() && !string.IsNullOrWhiteSpace(spa.DevServerUrl);
        var panePolicy = PanePolicy(host.EffectiveFrameAncestors(app.Configuration["Archive:SharePoint:SiteUrl"]), proxying);
        var isDevelopment = app.Environment.IsDevelopment();

        return app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
                var path = context.Request.Path;
                if (isDevelopment && path.StartsWithSegments("/scalar"))
                {
                    // The Development-only API reference page brings its own inline scripts.
                    return Task.CompletedTask;
                }

                if (IsPanePath(path))
                {
                    headers.ContentSecurityPolicy = panePolicy;
                }
                else
                {
                    headers.ContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'";
                    headers.XFrameOptions = "DENY";
                }

                return Task.CompletedTask;
            });
            return next(context);
        });
    }

    /// <summary>Everything that is not the API, its description, the manifest or health is the pane.</summary>
    public static bool IsPanePath(PathString path) =>
        !(path.StartsWithSegments("/api") || path.StartsWithSegments("/openapi") || path.StartsWithSegments("/health")
          || path.StartsWithSegments("/manifest.xml"));

    public static string PanePolicy(IReadOnlyList<string> frameAncestors, bool proxyingDevServer)
    {
        var ancestors = "'self' " + string.Join(' ', frameAncestors);
        // Vite's dev server injects an inline module preamble and talks to the page over a websocket.
        var devScript = proxyingDevServer ? " 'unsafe-inline'" : string.Empty;
        var devConnect = proxyingDevServer ? " ws: wss:" : string.Empty;
        return $"default-src 'self'; script-src 'self' {OfficeJsOrigin}{devScript}; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; "
            + $"connect-src 'self' {SignInOrigin} {OfficeJsOrigin}{devConnect}; frame-src 'self' {SignInOrigin}; "
            + $"object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors {ancestors}";
    }
}
