using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Web;
using Moq;

namespace Cchc.SharePoint.Tests;

/// <summary>Configuration picks the archive; bad settings fail with sentences an administrator can act on; health says which is active.</summary>
public sealed class ReportArchiveServiceCollectionExtensionsTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "cchc-archive-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Fact]
    public void AddReportArchive_NoSettings_UsesTheFolderArchiveUnderTheCurrentDirectory()
    {
        using var provider = Build([]);

        var archive = Assert.IsType<FolderReportArchive>(provider.GetRequiredService<IReportArchive>());

        Assert.Equal("folder", archive.Kind);
        Assert.Equal(Path.Combine(Directory.GetCurrentDirectory(), "archive"), archive.Root);
    }

    [Fact]
    public void AddReportArchive_FolderRootConfigured_UsesIt()
    {
        using var provider = Build(new() { ["Archive:Folder:Root"] = _root, ["Archive:MaxFileBytes"] = "1000" });

        var archive = Assert.IsType<FolderReportArchive>(provider.GetRequiredService<IReportArchive>());

        Assert.Equal(_root, archive.Root);
    }

    [Fact]
    public void AddReportArchive_SharePointWithTokenAcquisition_UsesTheGraphArchive()
    {
        using var provider = Build(
            new()
            {
                ["Archive:Kind"] = "SharePoint",
                ["Archive:SharePoint:SiteUrl"] = "https://contoso.sharepoint.com/sites/cchc",
                ["Archive:SharePoint:Library"] = "Báo cáo CCHC",
                ["Archive:SharePoint:MaxRetryTime"] = "00:00:20",
            },
            services => services.AddScoped(_ => Mock.Of<ITokenAcquisition>()));
        using var scope = provider.CreateScope();

        var archive = scope.ServiceProvider.GetRequiredService<IReportArchive>();

        Assert.Equal("sharepoint", archive.Kind);
        Assert.Equal(TimeSpan.FromSeconds(20), provider.GetRequiredService<IOptions<ArchiveOptions>>().Value.SharePoint.MaxRetryTime);
    }

    [Fact]
    public void AddReportArchive_WriteScopesConfigured_ReplaceTheDefaultRatherThanAddToIt()
    {
        using var provider = Build(new() { ["Archive:SharePoint:WriteScopes:0"] = "Files.ReadWrite.All" });

        var sharePoint = provider.GetRequiredService<IOptions<ArchiveOptions>>().Value.SharePoint;

        Assert.Equal(["Files.ReadWrite.All"], sharePoint.EffectiveWriteScopes);
        Assert.Equal(["Sites.Read.All"], sharePoint.EffectiveReadScopes);
    }

    [Fact]
    public void AddReportArchive_SharePointWithoutSite_FailsValidationInVietnameseAndEnglish()
    {
        using var provider = Build(new() { ["Archive:Kind"] = "SharePoint", ["Archive:SharePoint:SiteUrl"] = "http://contoso.sharepoint.com/sites/cchc" });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<ArchiveOptions>>().Value);

        Assert.Contains(error.Failures, failure => failure.StartsWith("Archive:SharePoint:SiteUrl phải là địa chỉ https", StringComparison.Ordinal));
    }

    [Fact]
    public async Task HealthCheck_Folder_ReportsTheKindAndRoot()
    {
        using var provider = Build(new() { ["Archive:Folder:Root"] = _root }, services => services.AddHealthChecks().AddReportArchiveCheck());

        var report = await provider.GetRequiredService<HealthCheckService>().CheckHealthAsync();

        var entry = report.Entries[ReportArchiveHealthCheck.Name];
        Assert.Equal(HealthStatus.Healthy, entry.Status);
        Assert.Equal("folder", entry.Data["kind"]);
        Assert.Equal(_root, entry.Data["root"]);
    }

    [Fact]
    public async Task HealthCheck_FolderRootIsAFile_ReportsUnhealthy()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_root)!);
        await File.WriteAllTextAsync(_root, "not a folder");
        try
        {
            using var provider = Build(new() { ["Archive:Folder:Root"] = _root }, services => services.AddHealthChecks().AddReportArchiveCheck());

            var report = await provider.GetRequiredService<HealthCheckService>().CheckHealthAsync();

            Assert.Equal(HealthStatus.Unhealthy, report.Entries[ReportArchiveHealthCheck.Name].Status);
        }
        finally
        {
            File.Delete(_root);
        }
    }

    [Fact]
    public async Task HealthCheck_SharePoint_ReportsTheSiteAndLibraryWithoutCallingGraph()
    {
        using var provider = Build(
            new()
            {
                ["Archive:Kind"] = "SharePoint",
                ["Archive:SharePoint:SiteId"] = "contoso.sharepoint.com,1,2",
                ["Archive:SharePoint:Library"] = "Báo cáo CCHC",
            },
            services => services.AddHealthChecks().AddReportArchiveCheck());

        var report = await provider.GetRequiredService<HealthCheckService>().CheckHealthAsync();

        var entry = report.Entries[ReportArchiveHealthCheck.Name];
        Assert.Equal("sharepoint", entry.Data["kind"]);
        Assert.Equal("Báo cáo CCHC", entry.Data["library"]);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings, Action<IServiceCollection>? configure = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddReportArchive(configuration);
        configure?.Invoke(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }
}
