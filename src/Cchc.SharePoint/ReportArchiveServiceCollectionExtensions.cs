using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Cchc.SharePoint;

public static class ReportArchiveServiceCollectionExtensions
{
    /// <summary>
    /// Registers the report archive chosen by <c>Archive:Kind</c>: <see cref="FolderReportArchive"/> (the default, a
    /// singleton) or <see cref="GraphReportArchive"/> (scoped: it acts for the signed-in user, so the host must also
    /// register Microsoft.Identity.Web's token acquisition). Consumers ask for <see cref="IReportArchive"/>.
    /// An unknown kind registers the folder archive and then fails options validation at start-up.
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
            return new FolderReportArchive(ResolveFolderRoot(options.Folder.Root, provider.GetService<IHostEnvironment>()), options.MaxFileBytes, provider.GetService<TimeProvider>());
        });
        services.AddGraphReportArchive();

        // The lifetime follows the kind: the folder archive is one for the process (the CLI resolves it from the root
        // provider); the Graph archive acts for the request's user, so it lives in the request scope.
        var kindText = configuration[$"{ArchiveOptions.SectionName}:{nameof(ArchiveOptions.Kind)}"];
        if (Enum.TryParse<ArchiveKind>(kindText, ignoreCase: true, out var kind) && kind == ArchiveKind.SharePoint)
        {
            services.TryAddScoped<IReportArchive>(provider => provider.GetRequiredService<GraphReportArchive>());
        }
        else
        {
            services.TryAddSingleton<IReportArchive>(provider => provider.GetRequiredService<FolderReportArchive>());
        }

        return services;
    }

    /// <summary>Adds <see cref="ReportArchiveHealthCheck"/> as "archive": <c>services.AddHealthChecks().AddReportArchiveCheck()</c>.</summary>
    public static IHealthChecksBuilder AddReportArchiveCheck(this IHealthChecksBuilder builder, HealthStatus failureStatus = HealthStatus.Unhealthy)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddCheck<ReportArchiveHealthCheck>(ReportArchiveHealthCheck.Name, failureStatus, ["archive"]);
    }

    /// <summary>The folder archive's root: relative paths and the default <c>archive</c> sit under the content root.</summary>
    internal static string ResolveFolderRoot(string? configured, IHostEnvironment? environment)
    {
        var baseDirectory = environment?.ContentRootPath is { Length: > 0 } contentRoot ? contentRoot : Directory.GetCurrentDirectory();
        var root = string.IsNullOrWhiteSpace(configured) ? "archive" : configured;
        return Path.GetFullPath(root, baseDirectory);
    }
}
