using System.Text.Json;
using Cchc.Host.Api;
using Cchc.SharePoint;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Cchc.Host.Hosting;

/// <summary>Readiness names the archive the host will use, so an operator sees "folder" or "sharepoint" at a glance.</summary>
internal sealed class ArchiveHealthCheck(IServiceScopeFactory scopes) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        // The SharePoint archive is scoped to a user; resolving it here only names its kind, it calls nothing.
        using var scope = scopes.CreateScope();
        var archive = scope.ServiceProvider.GetService<IReportArchive>();
        return Task.FromResult(archive is null
            ? HealthCheckResult.Healthy("No report archive configured; archive features answer 503.", new Dictionary<string, object> { ["kind"] = "none" })
            : HealthCheckResult.Healthy($"Report archive: {archive.Kind}.", new Dictionary<string, object> { ["kind"] = archive.Kind }));
    }
}

public static class HealthEndpoints
{
    public static IServiceCollection AddHostHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<ArchiveHealthCheck>("archive", tags: ["ready"]);
        return services;
    }

    /// <summary><c>/health/live</c>: the process answers. <c>/health/ready</c> and <c>/health</c>: its dependencies too.</summary>
    public static IEndpointRouteBuilder MapHostHealthChecks(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync }).AllowAnonymous();
        endpoints.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready"), ResponseWriter = WriteAsync }).AllowAnonymous();
        endpoints.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = WriteAsync }).AllowAnonymous();
        return endpoints;
    }

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        var body = new HealthReportDto(
            report.Status.ToString(),
            report.Entries.Select(entry => new HealthCheckDto(entry.Key, entry.Value.Status.ToString(), entry.Value.Description, entry.Value.Data.ToDictionary(d => d.Key, d => d.Value?.ToString()))).ToList());
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, ApiJsonContext.Default.HealthReportDto));
    }
}

/// <summary>What <c>/health</c>, <c>/health/ready</c> and <c>/health/live</c> answer: the overall status and each check's.</summary>
public sealed record HealthReportDto(string Status, IReadOnlyList<HealthCheckDto> Checks);

/// <summary>One health check: its name, status, a sentence, and what it reports (the archive's kind, Redis's endpoint).</summary>
public sealed record HealthCheckDto(string Name, string Status, string? Description, IReadOnlyDictionary<string, string?> Data);
