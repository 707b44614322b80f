using System.Text.RegularExpressions;
using Cchc.Host.Api;
using Cchc.Host.Hosting;
using Cchc.Host.Security;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Cchc.Host.Tests;

/// <summary>
/// A key in one of the host's sections that no setting reads fails validation, naming it; every documented key is read.
/// (That the failure stops the real host with its sentence is <c>HostStartupTests</c>'s: a host failing to start under
/// WebApplicationFactory once surfaced, under load, as an ObjectDisposedException of the factory instead.)
/// </summary>
public sealed partial class KnownSettingsTests
{
    [Theory]
    [InlineData("Limits:MaxRequestBodyBytes")]
    [InlineData("Consolidation:MaxUnit")]
    [InlineData("Host:LocalMod")]
    [InlineData("Redis:Connection")]
    public void Validate_MisspeltKey_NamesTheKeyAndTheSectionsKeys(string key)
    {
        var section = key[..key.IndexOf(':', StringComparison.Ordinal)];

        var failure = Assert.Single(FailuresOf(key));

        Assert.Contains($"{key}: không có thiết lập nào tên như vậy; {section} có ", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_KeyInAnotherCase_IsTheSameSetting() => Assert.Empty(FailuresOf("limits:maxdocumentbytes"));

    public static TheoryData<string> DocumentedKeys()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "CchcOfficeAddin.sln")))
        {
            folder = folder.Parent;
        }

        var text = File.ReadAllText(Path.Combine(folder!.FullName, "docs", "configuration.md"));
        var keys = new TheoryData<string>();
        foreach (var key in DocumentedKey().Matches(text).Select(match => match.Groups["key"].Value).Distinct())
        {
            keys.Add(key);
        }

        return keys;
    }

    [Theory]
    [MemberData(nameof(DocumentedKeys))]
    public void Validate_EveryKeyDocsConfigurationNames_IsASettingOfItsSection(string key) => Assert.Empty(FailuresOf(key));

    private static List<string> FailuresOf(string key) => key[..key.IndexOf(':', StringComparison.Ordinal)].ToUpperInvariant() switch
    {
        "HOST" => Failures<HostOptions>(key),
        "LIMITS" => Failures<LimitsOptions>(key),
        "SPA" => Failures<SpaOptions>(key),
        "TEMPLATES" => Failures<TemplatesOptions>(key),
        "CONSOLIDATION" => Failures<ConsolidateOptions>(key),
        "REDIS" => Failures<RedisOptions>(key),
        _ => Failures<UnitAccessOptions>(key),
    };

    /// <summary>What the known-settings check says of a configuration holding <paramref name="key"/> (a value or a list).</summary>
    private static List<string> Failures<TOptions>(string key)
        where TOptions : class, new()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [key + ":0"] = "x" }).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration);
        services.BindSection<TOptions>(key[..key.IndexOf(':', StringComparison.Ordinal)]);
        using var provider = services.BuildServiceProvider();
        return provider.GetServices<IValidateOptions<TOptions>>()
            .Select(validator => validator.Validate(Options.DefaultName, new TOptions()))
            .Where(result => result.Failed)
            .SelectMany(result => result.Failures ?? [])
            .ToList();
    }

    [GeneratedRegex(@"^\| `(?<key>(Host|Limits|Spa|Templates|Consolidation|Redis|UnitAccess):[A-Za-z]+)`", RegexOptions.Multiline)]
    private static partial Regex DocumentedKey();
}
