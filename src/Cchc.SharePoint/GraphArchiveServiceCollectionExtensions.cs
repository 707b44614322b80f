using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.Graph;
using Microsoft.Identity.Web;

namespace Cchc.SharePoint;

internal static class GraphArchiveServiceCollectionExtensions
{
    /// <summary>
    /// The SharePoint archive's pieces: one shared HttpClient with Graph's middleware, and per request scope a
    /// GraphServiceClient whose tokens are the current user's, from the host's <see cref="ITokenAcquisition"/>.
    /// </summary>
    public static IServiceCollection AddGraphReportArchive(this IServiceCollection services)
    {
        services.TryAddSingleton(provider => new GraphArchiveHttpClient(provider.GetRequiredService<IOptions<ArchiveOptions>>()));
        services.TryAddScoped(provider =>
        {
            var options = provider.GetRequiredService<IOptions<ArchiveOptions>>().Value;
            var tokens = provider.GetService<ITokenAcquisition>()
                ?? throw new InvalidOperationException(
                    "Archive:Kind = SharePoint cần đăng ký Microsoft.Identity.Web (EnableTokenAcquisitionToCallDownstreamApi). / "
                    + "Archive:Kind = SharePoint needs Microsoft.Identity.Web token acquisition registered (EnableTokenAcquisitionToCallDownstreamApi).");
            var client = new GraphServiceClient(
                provider.GetRequiredService<GraphArchiveHttpClient>().Client,
                new UserTokenAuthenticationProvider(tokens, options.SharePoint),
                options.SharePoint.GraphBaseUrl.TrimEnd('/'));
            return new GraphReportArchive(client, options, provider.GetService<TimeProvider>());
        });
        return services;
    }
}
