using System.Net;
using System.Xml.Linq;

namespace Cchc.Host.Tests;

public sealed class ManifestTests
{
    private static readonly XNamespace _office = "http://schemas.microsoft.com/office/appforoffice/1.1";
    private static readonly XNamespace _overrides = "http://schemas.microsoft.com/office/taskpaneappversionoverrides";
    private static readonly XNamespace _types = "http://schemas.microsoft.com/office/officeappbasictypes/1.0";
    private static readonly XNamespace _xsi = "http://www.w3.org/2001/XMLSchema-instance";

    [Fact]
    public async Task Manifest_ConfiguredHost_CarriesPublicUrlAndRegistration()
    {
        using var factory = new SignedInHostFactory().With("Host:PublicUrl", "https://cchc.soctrang.gov.vn/");
        using var client = factory.CreateHttpsClient();

        using var response = await client.GetAsync("/manifest.xml");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/xml", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("localhost", text, StringComparison.Ordinal);
        var manifest = XDocument.Parse(text);
        var urls = AllUrls(manifest);
        Assert.NotEmpty(urls);
        Assert.All(urls, url => Assert.StartsWith("https://cchc.soctrang.gov.vn/", url, StringComparison.Ordinal));
        var app = manifest.Descendants(_overrides + "WebApplicationInfo").Single();
        Assert.Equal(SignedInHostFactory.ClientId, app.Element(_overrides + "Id")!.Value);
        Assert.Equal($"api://cchc.soctrang.gov.vn/{SignedInHostFactory.ClientId}", app.Element(_overrides + "Resource")!.Value);
        Assert.Contains("openid", app.Descendants(_overrides + "Scope").Select(s => s.Value));
    }

    [Fact]
    public async Task Manifest_LocalMode_UsesRequestOriginAndDropsSignIn()
    {
        using var factory = new HostFactory();
        using var client = factory.CreateClient(new() { BaseAddress = new Uri("https://localhost:7190/") });

        using var response = await client.GetAsync("/manifest.xml");

        var manifest = XDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Empty(manifest.Descendants(_overrides + "WebApplicationInfo"));
        Assert.All(AllUrls(manifest), url => Assert.StartsWith("https://localhost:7190/", url, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Manifest_NoPublicUrlAndAForeignHostHeader_RefusesInsteadOfEchoingIt()
    {
        using var factory = new SignedInHostFactory();
        using var client = factory.CreateClient(new() { BaseAddress = new Uri("https://attacker.example/") });

        using var response = await client.GetAsync("/manifest.xml");

        var problem = await ProblemAssert.IsProblemAsync(response, 503, "public-url-not-configured");
        Assert.DoesNotContain("attacker", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("Host:PublicUrl", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void CommittedManifest_IsOneTaskPaneForWordAndExcel()
    {
        var manifest = Committed();
        var root = manifest.Root!;

        Assert.Equal("TaskPaneApp", root.Attribute(_xsi + "type")!.Value);
        Assert.True(Guid.TryParse(root.Element(_office + "Id")!.Value, out var id) && id != Guid.Empty);
        Assert.Equal("vi-VN", root.Element(_office + "DefaultLocale")!.Value);
        Assert.Equal("en-US", root.Element(_office + "DisplayName")!.Element(_office + "Override")!.Attribute("Locale")!.Value);
        Assert.Equal(["Document", "Workbook"], root.Element(_office + "Hosts")!.Elements().Select(h => h.Attribute("Name")!.Value));
        var overrideHosts = manifest.Descendants(_overrides + "Host").Select(h => h.Attribute(_xsi + "type")!.Value);
        Assert.Equal(["Document", "Workbook"], overrideHosts);
        Assert.Equal("VersionOverridesV1_0", manifest.Descendants(_overrides + "VersionOverrides").Single().Attribute(_xsi + "type")!.Value);

        // Only what both hosts share: a WordApi or ExcelApi set here would hide the add-in in the other host, so
        // those minimums are checked at run time (Office.context.requirements) with a message naming the version.
        var sets = root.Element(_office + "Requirements")!.Element(_office + "Sets")!.Elements(_office + "Set").Select(s => s.Attribute("Name")!.Value);
        Assert.Equal(["Settings"], sets);
    }

    [Fact]
    public void CommittedManifest_ValidatesAgainstTheAddinManifestSchema()
    {
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Manifest", "manifest.xml"));

        Assert.Empty(ManifestSchema.Errors(text));
    }

    [Fact]
    public async Task ServedManifest_WithRegistration_ValidatesAgainstTheAddinManifestSchema()
    {
        using var factory = new SignedInHostFactory().With("Host:PublicUrl", "https://cchc.soctrang.gov.vn/");
        using var client = factory.CreateHttpsClient();

        var text = await client.GetStringAsync("/manifest.xml");

        Assert.Empty(ManifestSchema.Errors(text));
    }

    [Fact]
    public void ManifestSchema_ElementOutOfOrder_IsRefused()
    {
        var manifest = Committed();
        var support = manifest.Root!.Element(_office + "SupportUrl")!;
        support.Remove();
        manifest.Root!.Element(_office + "Hosts")!.AddAfterSelf(support);

        Assert.NotEmpty(ManifestSchema.Errors(manifest));
    }

    [Fact]
    public void CommittedManifest_SupportUrlIsTheHelpPageTheHostServes_AndScopesCoverTheArchive()
    {
        var manifest = Committed();

        Assert.Equal("https://localhost:7190/help.html", manifest.Root!.Element(_office + "SupportUrl")!.Attribute("DefaultValue")!.Value);
        // The pane's build serves web/help.html at /help.html, as it serves the redirect bridge at /auth-redirect.html.
        Assert.True(File.Exists(Path.Combine(RepositoryRoot(), "web", "help.html")));
        var scopes = manifest.Descendants(_overrides + "Scope").Select(s => s.Value).ToList();
        Assert.Contains("Sites.Read.All", scopes);
        Assert.Contains("Sites.ReadWrite.All", scopes);
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CchcOfficeAddin.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("The repository root (CchcOfficeAddin.sln) is not above the test output.");
    }

    [Fact]
    public void CommittedManifest_HasHomeTabButtonLabelledInVietnamese()
    {
        var manifest = Committed();

        var tabs = manifest.Descendants(_overrides + "OfficeTab").ToList();
        Assert.Equal(2, tabs.Count);
        Assert.All(tabs, tab => Assert.Equal("TabHome", tab.Attribute("id")!.Value));
        var labelId = manifest.Descendants(_overrides + "Control").First().Element(_overrides + "Label")!.Attribute("resid")!.Value;
        var label = manifest.Descendants(_types + "String").Single(s => s.Attribute("id")!.Value == labelId);
        Assert.Equal("Kiểm tra phụ lục", label.Attribute("DefaultValue")!.Value);
        Assert.Equal("en-US", label.Element(_types + "Override")!.Attribute("Locale")!.Value);
        Assert.All(manifest.Descendants(_overrides + "Action"), action => Assert.Equal("ShowTaskpane", action.Attribute(_xsi + "type")!.Value));
    }

    [Fact]
    public void CommittedManifest_IconsExistInEverySizeItNames()
    {
        var manifest = Committed();
        var iconUrls = manifest.Descendants(_types + "Image").Where(i => i.Attribute("id") is not null).Select(i => i.Attribute("DefaultValue")!.Value)
            .Concat([manifest.Root!.Element(_office + "IconUrl")!.Attribute("DefaultValue")!.Value, manifest.Root!.Element(_office + "HighResolutionIconUrl")!.Attribute("DefaultValue")!.Value])
            .Distinct()
            .ToList();

        Assert.Equal(["icon-16.png", "icon-32.png", "icon-64.png", "icon-80.png"], iconUrls.Select(u => u[(u.LastIndexOf('/') + 1)..]).Order());
        foreach (var size in new[] { 16, 32, 64, 80 })
        {
            var png = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Manifest", "assets", $"icon-{size}.png"));
            Assert.Equal([0x89, 0x50, 0x4E, 0x47], png[..4]);
            Assert.Equal(size, (png[16] << 24) | (png[17] << 16) | (png[18] << 8) | png[19]);
            Assert.Equal(size, (png[20] << 24) | (png[21] << 16) | (png[22] << 8) | png[23]);
        }
    }

    [Theory]
    [InlineData(16)]
    [InlineData(32)]
    [InlineData(64)]
    [InlineData(80)]
    public async Task Icon_EverySize_IsServedAsPng(int size)
    {
        using var factory = new HostFactory();
        using var client = factory.CreateClient();

        using var response = await client.GetAsync($"/assets/icon-{size}.png");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        var png = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(size, png[19]);
    }

    [Fact]
    public async Task CommandsPage_ReferencedByManifest_IsServed()
    {
        using var factory = new HostFactory();
        using var client = factory.CreateClient();

        using var response = await client.GetAsync("/commands.html");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("appsforoffice.microsoft.com/lib/1/hosted/office.js", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static XDocument Committed() => XDocument.Load(Path.Combine(AppContext.BaseDirectory, "Manifest", "manifest.xml"));

    private static List<string> AllUrls(XDocument manifest) =>
        manifest.Descendants()
            .SelectMany(e => e.Attributes("DefaultValue"))
            .Select(a => a.Value)
            .Where(v => v.StartsWith("http", StringComparison.Ordinal))
            .ToList();
}
