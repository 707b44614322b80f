using System.Text.RegularExpressions;
using Cchc.Host.Api;
using Cchc.Host.Hosting;
using Cchc.Host.Security;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Cchc.Host.Tests;

/// <summary>A key in one of the host's sections that no setting reads stops the host, naming it; every documented key is read.</summary>
public sealed partial class KnownSettingsTests
{
    [Theory]
    [InlineData("Limits:MaxRequestBodyBytes", "1048576")]
    [InlineData("Consolidation:MaxUnit", "50")]
    [InlineData("Host:LocalMod", "true")]
    [InlineData("Redis:Connection", "localhost:6379")]
    public void Start_MisspeltKey_StopsTheHostNamingTheKeyAndTheSectionsKeys(string key, string value)
    {
        using var factory = new HostFactory().With(key, value);

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains($"{key}: không có thiết lập nào tên như vậy", error.Message, StringComparison.Ordinal);
        Assert.Contains($"{key[..key.IndexOf(':', StringComparison.Ordinal)]} có ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_KeyInAnotherCase_IsTheSameSetting()
    {
        using var factory = new HostFactory().With("limits:maxdocumentbytes", "1048576");

        using var client = factory.CreateClient();
    }

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
    public void Validate_EveryKeyDocsConfigurationNames_IsASettingOfItsSection(string key)
    {
        var section = key[..key.IndexOf(':', StringComparison.Ordinal)];
        var failures = section switch
        {
            "Host" => Failures<HostOptions>(key),
            "Limits" => Failures<LimitsOptions>(key),
            "Spa" => Failures<SpaOptions>(key),
            "Templates" => Failures<TemplatesOptions>(key),
            "Consolidation" => Failures<ConsolidateOptions>(key),
            "Redis" => Failures<RedisOptions>(key),
            _ => Failures<UnitAccessOptions>(key),
        };

        Assert.Empty(failures);
    }

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
