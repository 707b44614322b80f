using Cchc.Host.Api;
using Scalar.AspNetCore;

namespace Cchc.Host.Hosting;

public static class HostSetup
{
    /// <summary>The host's own sections, validated when the host starts rather than at the first request.</summary>
    public static IServiceCollection AddHostOptions(this IServiceCollection services)
    {
        services.BindSection<HostOptions>(HostOptions.SectionName)
            .Validate(options => options.HasValidPublicUrl, "Host:PublicUrl must be an absolute https URL such as https://cchc.example.gov.vn, or empty.")
            .Validate(options => options.HasValidSharePointTenant, "Host:SharePointTenant must be the tenant's SharePoint name alone, such as contoso for contoso.sharepoint.com, or empty.");
        services.BindSection<LimitsOptions>(LimitsOptions.SectionName).ValidateDataAnnotations();
        services.BindSection<SpaOptions>(SpaOptions.SectionName);
        return services;
    }

    /// <summary>Reading documents and finding the previous period's report.</summary>
    public static IServiceCollection AddAppendixServices(this IServiceCollection services)
    {
        services.AddSingleton<IAppendixReader, OpenXmlAppendixReader>();
        services.AddHttpContextAccessor();
        services.AddScoped<PreviousReports>();
        return services;
    }

    /// <summary>HSTS and the redirect to https everywhere but on a developer's machine.</summary>
    public static IApplicationBuilder UseTransportSecurity(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
            app.UseHttpsRedirection();
        }

        return app;
    }

    /// <summary><c>/openapi/v1.json</c> always; the Scalar reference page at <c>/scalar</c> in Development only.</summary>
    public static IEndpointRouteBuilder MapApiDocs(this WebApplication app)
    {
        app.MapOpenApi().AllowAnonymous();
        if (app.Environment.IsDevelopment())
        {
            app.MapScalarApiReference().AllowAnonymous();
        }

        return app;
    }
}
