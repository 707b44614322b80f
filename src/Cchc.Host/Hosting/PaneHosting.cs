using System.Text.RegularExpressions;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;

namespace Cchc.Host.Hosting;

/// <summary>
/// The task pane: proxied to Vite's dev server in Development when <c>Spa:DevServerUrl</c> is set, otherwise
/// the built <c>web/dist</c> with hashed assets cached for a year and index.html revalidated every time.
/// </summary>
public static partial class PaneHosting
{
    public static IApplicationBuilder UsePaneStaticFiles(this WebApplication app)
    {
        var root = ResolveRoot(app);
        if (root is null || IsProxying(app))
        {
            return app;
        }

        return app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new PhysicalFileProvider(root),
            OnPrepareResponse = context => context.Context.Response.Headers.CacheControl = HashedAsset().IsMatch(context.File.Name)
                ? "public, max-age=31536000, immutable"
                : "no-cache",
        });
    }

    /// <summary>The SPA fallback: every path no endpoint took gets the pane's index.html.</summary>
    public static void UsePane(this WebApplication app)
    {
        var spa = app.Services.GetRequiredService<IOptions<SpaOptions>>().Value;
        if (IsProxying(app))
        {
            var devServerUrl = spa.DevServerUrl!;
            if (app.Logger.IsEnabled(LogLevel.Information))
            {
                app.Logger.LogInformation("Pane: proxying to the Vite dev server at {DevServerUrl}.", devServerUrl);
            }

            app.UseSpa(builder => builder.UseProxyToSpaDevelopmentServer(devServerUrl));
            return;
        }

        var root = ResolveRoot(app);
        if (root is null || !File.Exists(Path.Combine(root, "index.html")))
        {
            app.Logger.LogWarning("Pane: no build output found (web/dist/index.html); pages answer 503 until `npm ci && npm run build` runs in web/.");
            app.Run(async context =>
            {
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                context.Response.ContentType = "text/plain; charset=utf-8";
                await context.Response.WriteAsync("Giao diện task pane chưa được build: chạy `npm ci && npm run build` trong thư mục web/ rồi khởi động lại.\nThe task pane has not been built: run `npm ci && npm run build` in web/ and restart.");
            });
            return;
        }

        app.UseSpa(builder => builder.Options.DefaultPageStaticFileOptions = new StaticFileOptions
        {
            FileProvider = new PhysicalFileProvider(root),
            OnPrepareResponse = context => context.Context.Response.Headers.CacheControl = "no-cache",
        });
    }

    private static bool IsProxying(WebApplication app) =>
        app.Environment.IsDevelopment() && !string.IsNullOrWhiteSpace(app.Services.GetRequiredService<IOptions<SpaOptions>>().Value.DevServerUrl);

    /// <summary><c>Spa:RootPath</c>, else <c>pane/</c> of a published host, else the repository's <c>web/dist</c>.</summary>
    private static string? ResolveRoot(WebApplication app)
    {
        var configured = app.Services.GetRequiredService<IOptions<SpaOptions>>().Value.RootPath;
        string[] candidates = string.IsNullOrWhiteSpace(configured)
            ? [Path.Combine(app.Environment.ContentRootPath, "pane"), Path.Combine(app.Environment.ContentRootPath, "..", "..", "web", "dist")]
            : [Path.GetFullPath(configured, app.Environment.ContentRootPath)];
        return candidates.Select(Path.GetFullPath).FirstOrDefault(Directory.Exists);
    }

    /// <summary>Vite names built assets <c>name-[hash].ext</c>; only those may be cached for good.</summary>
    [GeneratedRegex(@"-[A-Za-z0-9_-]{8,}\.(js|css|mjs|woff2?|png|svg|jpg|webp|ico)$")]
    private static partial Regex HashedAsset();
}
