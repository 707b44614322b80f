using System.Reflection;
using Microsoft.Extensions.Options;

namespace Cchc.Host.Hosting;

/// <summary>
/// Refuses a key in one of the host's own sections that no setting reads. .NET's binder ignores such a key, so
/// <c>Limits:MaxRequestBodyBytes=1048576</c>, meant for <c>MaxDocumentBytes</c>, would leave the operator believing a
/// limit was set; the host stops instead and lists the keys the section has.
/// </summary>
internal sealed class KnownSettings<TOptions>(IConfiguration configuration, string section) : IValidateOptions<TOptions>
    where TOptions : class
{
    private static readonly HashSet<string> Known = typeof(TOptions).GetProperties(BindingFlags.Public | BindingFlags.Instance)
        // A collection without a setter is filled in place by the binder; a string is enumerable but is not filled.
        .Where(property => property.SetMethod?.IsPublic == true
            || (property.PropertyType != typeof(string) && property.PropertyType.IsAssignableTo(typeof(System.Collections.IEnumerable))))
        .Select(property => property.Name)
        .ToHashSet(StringComparer.OrdinalIgnoreCase);

    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        var unknown = configuration.GetSection(section).GetChildren().Select(child => child.Key).Where(key => !Known.Contains(key)).Order(StringComparer.Ordinal).ToList();
        if (unknown.Count == 0)
        {
            return ValidateOptionsResult.Success;
        }

        var keys = string.Join(", ", unknown.Select(key => $"{section}:{key}"));
        var list = string.Join(", ", Known.Order(StringComparer.Ordinal));
        return ValidateOptionsResult.Fail($"{keys}: không có thiết lập nào tên như vậy; {section} có {list}. / {keys}: no setting has that name; {section} has {list}.");
    }
}

public static class KnownSettingsSetup
{
    /// <summary>
    /// Binds <typeparamref name="TOptions"/> to <paramref name="section"/>, validated at start, refusing keys it does not
    /// have.
    /// </summary>
    public static OptionsBuilder<TOptions> BindSection<TOptions>(this IServiceCollection services, string section)
        where TOptions : class
    {
        services.AddSingleton<IValidateOptions<TOptions>>(provider => new KnownSettings<TOptions>(provider.GetRequiredService<IConfiguration>(), section));
        return services.AddOptions<TOptions>().BindConfiguration(section).ValidateOnStart();
    }
}
