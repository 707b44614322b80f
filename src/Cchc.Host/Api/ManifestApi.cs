using System.Reflection;
using System.Xml.Linq;
using Cchc.Host.Security;
using Microsoft.Extensions.Options;
using HostOptions = Cchc.Host.Hosting.HostOptions;

namespace Cchc.Host.Api;

/// <summary>
/// <c>GET /manifest.xml</c> and what it points at: the icons and the add-in command page. Anonymous, because
/// Office and the administrator who deploys the add-in fetch them without a token.
/// </summary>
public static class ManifestApi
{
    /// <summary>The origin the committed manifest is written for; replaced by the host's public URL.</summary>
    public const string TemplateOrigin = "https://localhost:7190";

    /// <summary>The registration placeholder of the committed manifest; replaced by <c>AzureAd:ClientId</c>.</summary>
    public const string TemplateClientId = "00000000-0000-0000-0000-000000000000";

    private static readonly int[] _iconSizes = [16, 32, 64, 80];

    public static IEndpointRouteBuilder MapManifestApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/manifest.xml", (HttpContext context, IOptions<HostOptions> host, IConfiguration configuration) =>
            {
                // The request's own Host header is trusted only when it names this machine: anywhere else it is whatever the
                // caller typed, and a manifest pointing Office at it would be a ready-made phishing kit.
                string publicUrl;
                if (!string.IsNullOrWhiteSpace(host.Value.PublicUrl))
                {
                    publicUrl = host.Value.PublicUrl.TrimEnd('/');
                }
                else if (LocalMode.IsLoopbackHost(context.Request.Host.Host))
                {
                    publicUrl = $"{context.Request.Scheme}://{context.Request.Host}";
                }
                else
                {
                    return Problems.Problems.Result(
                        Problems.Problems.PublicUrlMissing,
                        "Máy chủ chưa cấu hình Host:PublicUrl nên không tạo được manifest cho địa chỉ này; hãy báo bộ phận CNTT (docs/configuration.md).",
                        "The host has no Host:PublicUrl, so it cannot write a manifest for this address; tell IT (docs/configuration.md).");
                }

                context.Response.Headers.CacheControl = "no-cache";
                return Results.Text(Render(publicUrl, configuration["AzureAd:ClientId"]), "application/xml; charset=utf-8");
            })
            .WithName("Manifest")
            .WithSummary("Tệp manifest của tiện ích / The add-in manifest for this host")
            .WithTags("Manifest")
            .AllowAnonymous();

        endpoints.MapGet("/assets/icon-{size:int}.png", (int size, HttpContext context) =>
            {
                if (!_iconSizes.Contains(size))
                {
                    return Results.NotFound();
                }

                context.Response.Headers.CacheControl = "public, max-age=86400";
                return Results.Stream(Resource($"assets.icon-{size}.png"), "image/png");
            })
            .ExcludeFromDescription()
            .AllowAnonymous();

        endpoints.MapGet("/commands.html", () => Results.Stream(Resource("commands.html"), "text/html; charset=utf-8"))
            .ExcludeFromDescription()
            .AllowAnonymous();
        endpoints.MapGet("/commands.js", () => Results.Stream(Resource("commands.js"), "text/javascript; charset=utf-8"))
            .ExcludeFromDescription()
            .AllowAnonymous();
        return endpoints;
    }

    /// <summary>
    /// The committed manifest with this host's origin and registration. Without a registration (local mode)
    /// the sign-in element goes, so Office does not try single sign-on against a placeholder.
    /// </summary>
    public static string Render(string publicUrl, string? clientId)
    {
        using var reader = new StreamReader(Resource("manifest.xml"));
        var authority = new Uri(publicUrl).Authority;
        var text = reader.ReadToEnd()
            .Replace("api://localhost:7190/", $"api://{authority}/", StringComparison.Ordinal)
            .Replace(TemplateOrigin, publicUrl, StringComparison.Ordinal);
        if (!string.IsNullOrWhiteSpace(clientId))
        {
            text = text.Replace(TemplateClientId, clientId.Trim(), StringComparison.Ordinal);
        }

        var document = XDocument.Parse(text, LoadOptions.PreserveWhitespace);

        // The committed file's comments speak to developers about localhost; a deployed host's copy needs none.
        document.DescendantNodes().OfType<XComment>().Remove();
        if (string.IsNullOrWhiteSpace(clientId))
        {
            document.Descendants().Where(element => element.Name.LocalName == "WebApplicationInfo").Remove();
        }

        return document.Declaration + Environment.NewLine + document.Root!.ToString(SaveOptions.DisableFormatting);
    }

    private static Stream Resource(string name) =>
        Assembly.GetExecutingAssembly().GetManifestResourceStream("Cchc.Host." + name)
        ?? throw new InvalidOperationException($"Embedded resource Cchc.Host.{name} is missing from the build.");
}
