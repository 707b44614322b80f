using Cchc.Host.Security;

namespace Cchc.Host.Api;

/// <summary>What every API route shares: the /api prefix, the scope policy, rate and time limits.</summary>
public static class ApiGroups
{
    public const string RatePolicy = "api";
    public const string DocumentRatePolicy = "documents";
    public const string TimeoutPolicy = "processing";

    public static RouteGroupBuilder MapApiGroup(this IEndpointRouteBuilder endpoints, string prefix, string tag)
    {
        var group = endpoints.MapGroup("/api" + prefix);
        group
            .WithTags(tag)
            .RequireAuthorization(ApiAuthentication.ApiPolicy)
            .RequireRateLimiting(RatePolicy)
            .WithRequestTimeout(TimeoutPolicy)
            .WithBodyLimit(BodyKind.Snapshot)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        return group;
    }

    /// <summary>
    /// Anything else under /api is a Problem Details, never the pane's index.html. Routing hands this
    /// catch-all the requests a real route refused for their method or content type too, so it tells those
    /// apart: 405 and 415 for a known address, 404 otherwise.
    /// </summary>
    public static IEndpointRouteBuilder MapApiNotFound(this IEndpointRouteBuilder endpoints)
    {
        endpoints.Map("/api/{**rest}", (HttpContext context, EndpointDataSource routes) =>
            {
                var path = context.Request.Path.Value!.TrimEnd('/');
                var known = routes.Endpoints.OfType<RouteEndpoint>()
                    .Where(route => string.Equals(route.RoutePattern.RawText?.TrimEnd('/'), path, StringComparison.OrdinalIgnoreCase))
                    .ToList();
                if (known.Count == 0)
                {
                    return Problems.Problems.Result(Problems.Problems.NotFound, "Địa chỉ API được yêu cầu không tồn tại; xem docs/api.md.", "The requested API address does not exist; see docs/api.md.");
                }

                var methods = known.SelectMany(route => route.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []).ToList();
                return methods.Contains(context.Request.Method, StringComparer.OrdinalIgnoreCase)
                    ? Problems.Problems.Result(Problems.Problems.UnsupportedMediaType, "Hãy gửi JSON (application/json) cho /api/check và tệp qua multipart/form-data cho /api/files và /api/archive.", "Send JSON (application/json) to /api/check and files as multipart/form-data to /api/files and /api/archive.")
                    : Problems.Problems.Result(Problems.Problems.MethodNotAllowed, $"Địa chỉ này chỉ nhận {string.Join(", ", methods)}.", $"This address accepts only {string.Join(", ", methods)}.");
            })
            .ExcludeFromDescription()
            .AllowAnonymous();
        return endpoints;
    }
}

/// <summary>Which body limit of <see cref="Hosting.LimitsOptions"/> an endpoint accepts.</summary>
public enum BodyKind
{
    Snapshot,
    Document,

    /// <summary>Many documents in one request: every unit's appendix for a consolidation.</summary>
    Documents,
}

public sealed record BodyLimitMetadata(BodyKind Kind);

public static class BodyLimitExtensions
{
    public static TBuilder WithBodyLimit<TBuilder>(this TBuilder builder, BodyKind kind)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(new BodyLimitMetadata(kind));
}
