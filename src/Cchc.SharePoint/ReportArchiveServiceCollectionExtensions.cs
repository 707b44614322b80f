using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Cchc.SharePoint;

public static class ReportArchiveServiceCollectionExtensions
{
    /// <summary>
    /// Registers the report archive chosen by <c>Archive:Kind</c>: <see cref="FolderReportArchive"/> (the default, a
    /// singleton) or <see cref="GraphReportArchive"/> (scoped: it acts for the signed-in user, so the host must also
    /// register Microsoft.Identity.Web's token acquisition). Consumers ask for <see cref="IReportArchive"/>.
    /// </summary>
    /// <remarks>
    /// The section is bound from <paramref name="configuration"/> rather than from the container's IConfiguration,
    /// so the CLI can call this without registering one; invalid settings fail at host start-up.
    /// </remarks>
    public static IServiceCollection AddReportArchive(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<ArchiveOptions>()
            .Bind(configuration.GetSection(ArchiveOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ArchiveOptions>, ArchiveOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        services.TryAddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<ArchiveOptions>>().Value;
            return new FolderReportArchive(ResolveFolderRoot(options.Folder.Root, provider.GetService<IHostEnvironment>()), options.MaxFileBytes);
        });
        services.AddGraphReportArchive();

        services.TryAddScoped<IReportArchive>(provider =>
            provider.GetRequiredService<IOptions<ArchiveOptions>>().Value.Kind == ArchiveKind.SharePoint
                ? provider.GetRequiredService<GraphReportArchive>()
                : provider.GetRequiredService<FolderReportArchive>());
        return services;
    }

    /// <summary>The folder archive's root: relative paths and the default <c>archive</c> sit under the content root.</summary>
    internal static string ResolveFolderRoot(string? configured, IHostEnvironment? environment)
    {
        var baseDirectory = environment?.ContentRootPath is { Length: > 0 } contentRoot ? contentRoot : Directory.GetCurrentDirectory();
        var root = string.IsNullOrWhiteSpace(configured) ? "archive" : configured;
        return Path.GetFullPath(root, baseDirectory);
    }
}
