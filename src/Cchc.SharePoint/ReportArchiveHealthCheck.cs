using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Cchc.SharePoint;

/// <summary>
/// Says which archive is active and whether it can work: for the folder, that the root exists (or can be made) and
/// takes a file; for SharePoint, only what is configured, because every Graph call acts for a signed-in user and a
/// health probe has none.
/// </summary>
public sealed class ReportArchiveHealthCheck(IOptions<ArchiveOptions> options, IServiceProvider services) : IHealthCheck
{
    public const string Name = "archive";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var archive = options.Value;
        if (archive.Kind == ArchiveKind.SharePoint)
        {
            var site = archive.SharePoint.SiteUrl ?? archive.SharePoint.SiteId ?? string.Empty;
            return HealthCheckResult.Healthy(
                "Kho lưu trữ: SharePoint (Microsoft Graph, theo quyền người dùng). / Archive: SharePoint (Microsoft Graph, on behalf of the user).",
                new Dictionary<string, object>
                {
                    ["kind"] = "sharepoint",
                    ["site"] = site,
                    ["library"] = archive.SharePoint.Library,
                    ["rootFolder"] = archive.SharePoint.RootFolder,
                });
        }

        var root = services.GetService(typeof(FolderReportArchive)) is FolderReportArchive folder
            ? folder.Root
            : ReportArchiveServiceCollectionExtensions.ResolveFolderRoot(archive.Folder.Root, null);
        var data = new Dictionary<string, object> { ["kind"] = "folder", ["root"] = root };
        try
        {
            Directory.CreateDirectory(root);
            var probe = Path.Combine(root, $".health-{Guid.NewGuid():N}.tmp");
            await File.WriteAllBytesAsync(probe, [1], cancellationToken).ConfigureAwait(false);
            File.Delete(probe);
            return HealthCheckResult.Healthy("Kho lưu trữ: thư mục cục bộ. / Archive: local folder.", data);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return new HealthCheckResult(
                context.Registration.FailureStatus,
                $"Không ghi được vào thư mục lưu trữ {root}. / The archive folder {root} cannot be written.",
                exception,
                data);
        }
    }
}
