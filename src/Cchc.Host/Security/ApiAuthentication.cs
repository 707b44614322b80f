using Cchc.Host.Hosting;
using Cchc.SharePoint;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Web;

namespace Cchc.Host.Security;

/// <summary>Whether the host runs with sign-in or in local mode; decided once at start-up.</summary>
public sealed record AuthMode(bool IsLocal);

public static class ApiAuthentication
{
    /// <summary>The authorization policy every API route requires.</summary>
    public const string ApiPolicy = "access_as_user";

    /// <summary>The delegated scope the pane's token must carry.</summary>
    public const string RequiredScope = "access_as_user";

    public const string LocalModeHeader = "X-Cchc-Local-Mode";

    /// <summary>
    /// Sign-in with Microsoft.Identity.Web from the <c>AzureAd</c> section: bearer validation of the pane's
    /// token, on-behalf-of token acquisition for Graph with a distributed token cache. Without a registration the host
    /// starts only in local mode (<see cref="LocalMode.Decide"/>). Who belongs to which unit: <see cref="UnitAccess"/>.
    /// </summary>
    public static IServiceCollection AddApiAuthentication(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var local = LocalMode.Decide(configuration, environment);
        services.AddSingleton(new AuthMode(local));
        services.BindSection<UnitAccessOptions>(UnitAccessOptions.SectionName);
        services.AddSingleton<IValidateOptions<UnitAccessOptions>, UnitAccessOptionsValidator>();
        services.AddSingleton<UnitAccess>();
        if (local)
        {
            // Same routes and policy as with sign-in, so nothing else in the host knows the difference.
            services.AddAuthentication();
            services.AddAuthorizationBuilder().AddPolicy(ApiPolicy, policy => policy.RequireAssertion(_ => true));
            services.AddSingleton<IValidateOptions<ArchiveOptions>, NoSharePointWithoutSignIn>();
            return services;
        }

        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddMicrosoftIdentityWebApi(configuration, "AzureAd")
            .EnableTokenAcquisitionToCallDownstreamApi()
            .AddDistributedTokenCaches();
        services.AddDistributedMemoryCache();
        services.AddAuthorizationBuilder().AddPolicy(ApiPolicy, policy => policy.RequireAuthenticatedUser().RequireScope(RequiredScope));
        return services;
    }
}

/// <summary>
/// The SharePoint archive calls Graph on behalf of the signed-in user, and local mode signs nobody in: refused at
/// start-up (the archive's options are validated on start) rather than answered with a 500 on every look-up.
/// </summary>
internal sealed class NoSharePointWithoutSignIn : IValidateOptions<ArchiveOptions>
{
    public ValidateOptionsResult Validate(string? name, ArchiveOptions options) => options.Kind == ArchiveKind.SharePoint
        ? ValidateOptionsResult.Fail(
            "Archive:Kind = SharePoint cần người dùng đăng nhập, nhưng máy chủ đang ở chế độ cục bộ (Host:LocalMode, chưa có AzureAd:ClientId): hãy cấu hình đăng ký ứng dụng hoặc dùng Archive:Kind = Folder. / "
            + "Archive:Kind = SharePoint needs a signed-in user, but the host runs in local mode (Host:LocalMode, no AzureAd:ClientId): configure the app registration or use Archive:Kind = Folder.")
        : ValidateOptionsResult.Success;
}
