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

    /// <summary>Anything else under /api is a 404 Problem Details, never the pane's index.html.</summary>
    public static IEndpointRouteBuilder MapApiNotFound(this IEndpointRouteBuilder endpoints)
    {
        endpoints.Map("/api/{**rest}", () => Problems.Problems.Result(
                Problems.Problems.NotFound,
                "Địa chỉ API được yêu cầu không tồn tại; xem docs/api.md.",
                "The requested API address does not exist; see docs/api.md."))
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
}

public sealed record BodyLimitMetadata(BodyKind Kind);

public static class BodyLimitExtensions
{
    public static TBuilder WithBodyLimit<TBuilder>(this TBuilder builder, BodyKind kind)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(new BodyLimitMetadata(kind));
}
