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
    /// token, on-behalf-of token acquisition for Graph with a distributed token cache. In Development with no
    /// <c>AzureAd:ClientId</c> the host runs in local mode without sign-in; anywhere else a missing
    /// registration stops the start.
    /// </summary>
    public static IServiceCollection AddApiAuthentication(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var clientId = configuration["AzureAd:ClientId"];
        var local = string.IsNullOrWhiteSpace(clientId);
        if (local && !environment.IsDevelopment())
        {
            throw new InvalidOperationException(
                $"Chưa cấu hình đăng ký ứng dụng (AzureAd:ClientId) nên máy chủ không khởi động ở môi trường {environment.EnvironmentName} / "
                + $"No app registration is configured (AzureAd:ClientId), so the host refuses to start in the {environment.EnvironmentName} environment; see docs/configuration.md.");
        }

        services.AddSingleton(new AuthMode(local));
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

    /// <summary>Says at start-up and on every response that nobody is signed in.</summary>
    public static IApplicationBuilder UseLocalModeNotice(this WebApplication app)
    {
        if (!app.Services.GetRequiredService<AuthMode>().IsLocal)
        {
            return app;
        }

        app.Logger.LogWarning("Local mode: Development without AzureAd:ClientId, so the API runs WITHOUT sign-in. Configure AzureAd before exposing this host.");
        return app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                context.Response.Headers[LocalModeHeader] = "true";
                return Task.CompletedTask;
            });
            return next(context);
        });
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
            "Archive:Kind = SharePoint cần người dùng đăng nhập, nhưng máy chủ đang ở chế độ cục bộ (chưa có AzureAd:ClientId): hãy cấu hình đăng ký ứng dụng hoặc dùng Archive:Kind = Folder. / "
            + "Archive:Kind = SharePoint needs a signed-in user, but the host runs in local mode (no AzureAd:ClientId): configure the app registration or use Archive:Kind = Folder.")
        : ValidateOptionsResult.Success;
}
