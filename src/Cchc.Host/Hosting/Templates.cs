using Cchc.Appendix.Checking;
using Cchc.Appendix.Filling;
using Cchc.Appendix.Templates;
using Microsoft.Extensions.Options;

namespace Cchc.Host.Hosting;

/// <summary>The <c>Templates</c> section: a province's own forms, added to the embedded ones without a rebuild.</summary>
public sealed class TemplatesOptions
{
    public const string SectionName = "Templates";

    /// <summary>
    /// A folder of template files (<c>*.json</c>, as <c>cchc template draft</c> writes them), relative to the content
    /// root; empty for the embedded templates only. A file with the id and version of an embedded template replaces it.
    /// </summary>
    public string? Folder { get; set; }
}

/// <summary>
/// The catalogue the host checks against: the embedded templates plus the configured folder's, loaded once. A broken
/// template file stops the host at start with the file and the reason, never at a user's first check.
/// </summary>
public sealed class ConfiguredTemplates
{
    private readonly Lazy<TemplateCatalog> _catalog;

    public ConfiguredTemplates(IOptions<TemplatesOptions> options, IHostEnvironment environment)
    {
        Folder = FolderOf(options.Value, environment);
        _catalog = new Lazy<TemplateCatalog>(() => Load(Folder));
    }

    /// <summary>The folder the province's templates were read from, or null.</summary>
    public string? Folder { get; }

    /// <exception cref="TemplateException">A template file is broken.</exception>
    /// <exception cref="DirectoryNotFoundException">The configured folder does not exist.</exception>
    public TemplateCatalog Catalog => _catalog.Value;

    internal static string? FolderOf(TemplatesOptions options, IHostEnvironment environment) =>
        string.IsNullOrWhiteSpace(options.Folder) ? null : Path.GetFullPath(options.Folder, environment.ContentRootPath);

    internal static TemplateCatalog Load(string? folder) => folder is null ? TemplateCatalog.Embedded : TemplateCatalog.Embedded.WithDirectory(folder);

    /// <summary>True when <paramref name="template"/> came from <see cref="Folder"/> rather than the build.</summary>
    public bool FromFolder(AppendixTemplate template) => !TemplateCatalog.Embedded.Templates.Contains(template);
}

/// <summary>
/// Reads the configured templates while the host starts, so a broken file is a start-up failure that names it. (The
/// catalogue is read again on first use; a handful of small files, once.)
/// </summary>
internal sealed class TemplatesValidation(IHostEnvironment environment) : IValidateOptions<TemplatesOptions>
{
    public ValidateOptionsResult Validate(string? name, TemplatesOptions options)
    {
        var folder = ConfiguredTemplates.FolderOf(options, environment);
        try
        {
            _ = ConfiguredTemplates.Load(folder);
            return ValidateOptionsResult.Success;
        }
        catch (TemplateException ex)
        {
            return ValidateOptionsResult.Fail($"Templates:Folder: {ex.Message} / {ex.MessageEn}");
        }
        catch (DirectoryNotFoundException)
        {
            return ValidateOptionsResult.Fail($"Templates:Folder: thư mục {folder} không tồn tại. / Templates:Folder: the folder {folder} does not exist.");
        }
    }
}

public static class TemplatesSetup
{
    /// <summary>The checker, pre-fill planner and template catalogue, over the embedded and the configured templates.</summary>
    public static IServiceCollection AddTemplates(this IServiceCollection services)
    {
        services.BindSection<TemplatesOptions>(TemplatesOptions.SectionName);
        services.AddSingleton<ConfiguredTemplates>();
        services.AddSingleton<IValidateOptions<TemplatesOptions>, TemplatesValidation>();
        services.AddSingleton(provider => new AppendixChecker(provider.GetRequiredService<ConfiguredTemplates>().Catalog));
        services.AddSingleton(provider => new PrefillPlanner(provider.GetRequiredService<AppendixChecker>()));
        return services;
    }
}
