using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Cchc.Host.Api;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;
using P = Cchc.Host.Problems.Problems;

namespace Cchc.Host.Hosting;

/// <summary>Limits on what one request or one caller may ask: body sizes, rate, processing time.</summary>
public static class RequestSafety
{
    public static IServiceCollection AddRequestSafety(this IServiceCollection services)
    {
        // Kestrel's own ceiling is the largest body any endpoint accepts; UseRequestLimits lowers it per endpoint.
        services.AddOptions<KestrelServerOptions>().Configure<IOptions<LimitsOptions>>((kestrel, limits) => kestrel.Limits.MaxRequestBodySize = limits.Value.MaxMultipartBytes);
        services.AddOptions<FormOptions>().Configure<IOptions<LimitsOptions>>((form, limits) => form.MultipartBodyLengthLimit = limits.Value.MaxMultipartBytes);

        services.AddRateLimiter(options =>
        {
            options.OnRejected = RejectAsync;
            options.AddPolicy(ApiGroups.RatePolicy, context => PerCaller(context, limits => limits.RequestsPerMinute));
            options.AddPolicy(ApiGroups.DocumentRatePolicy, context => PerCaller(context, limits => limits.DocumentRequestsPerMinute));
        });

        services.AddRequestTimeouts();
        services.AddOptions<RequestTimeoutOptions>().Configure<IOptions<LimitsOptions>>((timeouts, limits) =>
            timeouts.AddPolicy(ApiGroups.TimeoutPolicy, new RequestTimeoutPolicy
            {
                Timeout = TimeSpan.FromSeconds(limits.Value.ProcessingTimeoutSeconds),
                TimeoutStatusCode = StatusCodes.Status504GatewayTimeout,
                WriteTimeoutResponse = context => WriteProblemAsync(context, P.Details(P.Timeout, "Tài liệu xử lý quá thời gian cho phép; hãy thử lại hoặc gửi tệp nhỏ hơn.", "The document took too long to process; try again or send a smaller file.")),
            }));
        return services;
    }

    /// <summary>
    /// Refuses a body over the endpoint's limit before reading it (413 Problem Details), and tells Kestrel the
    /// same limit for bodies that arrive without a length.
    /// </summary>
    public static IApplicationBuilder UseRequestLimits(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var limits = context.RequestServices.GetRequiredService<IOptions<LimitsOptions>>().Value;
        var kind = context.GetEndpoint()?.Metadata.GetMetadata<BodyLimitMetadata>()?.Kind ?? BodyKind.Snapshot;
        var limit = kind switch
        {
            BodyKind.Document => limits.MaxMultipartBytes,
            BodyKind.Documents => limits.MaxConsolidationBytes,
            _ => limits.MaxSnapshotBytes,
        };
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = limit;
        }

        if (context.Request.ContentLength > limit)
        {
            var mb = (limit / (1024.0 * 1024)).ToString("0.#", CultureInfo.InvariantCulture);
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            await WriteProblemAsync(context, P.Details(
                P.TooLarge,
                $"Nội dung gửi lên lớn hơn giới hạn {mb.Replace('.', ',')} MB của địa chỉ này.",
                $"The request body exceeds this address's {mb} MB limit."));
            return;
        }

        await next(context);
    });

    private static RateLimitPartition<string> PerCaller(HttpContext context, Func<LimitsOptions, int> permits)
    {
        var limits = context.RequestServices.GetRequiredService<IOptions<LimitsOptions>>().Value;
        var user = context.User.FindFirstValue("oid") ?? context.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? context.User.FindFirstValue("sub");
        var key = user is not null ? "user:" + user : "ip:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
        var permitLimit = permits(limits);
        return RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permitLimit,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        });
    }

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
            ? (int)Math.Ceiling(retryAfter.TotalSeconds)
            : 60;
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = Math.Max(1, seconds).ToString(CultureInfo.InvariantCulture);
        await WriteProblemAsync(context, P.Details(
            P.RateLimited,
            $"Bạn đã gửi quá nhiều yêu cầu; hãy thử lại sau {Math.Max(1, seconds)} giây.",
            $"Too many requests; try again in {Math.Max(1, seconds)} seconds."));
    }

    private static async Task WriteProblemAsync(HttpContext context, Microsoft.AspNetCore.Mvc.ProblemDetails problem)
    {
        context.Response.StatusCode = problem.Status ?? context.Response.StatusCode;
        var writer = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await writer.WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
    }
}
