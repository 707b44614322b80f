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
            options.AddPolicy(ApiGroups.RatePolicy, context => PerCaller(context, ApiGroups.RatePolicy, limits => limits.RequestsPerMinute));
            options.AddPolicy(ApiGroups.DocumentRatePolicy, context => PerCaller(context, ApiGroups.DocumentRatePolicy, limits => limits.DocumentRequestsPerMinute));
        });

        services.AddSingleton(provider => new DocumentSlots(provider.GetRequiredService<IOptions<LimitsOptions>>().Value));
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

    /// <summary>
    /// Lets at most <see cref="LimitsOptions.MaxConcurrentDocuments"/> requests that read documents run at once, host-wide;
    /// the next <see cref="LimitsOptions.DocumentQueueLength"/> wait in order, and any more get 503 with <c>Retry-After</c>.
    /// Placed after authentication, the per-caller rate limit and the processing timeout: a slot goes only to a caller
    /// allowed to ask, and waiting for one counts against the request's time, so a queued request still answers 504 on time.
    /// The body is not read before a slot is taken, so a waiting upload holds only what the connection buffers.
    /// </summary>
    public static IApplicationBuilder UseDocumentConcurrency(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<DocumentWorkMetadata>() is not { } work || work.When?.Invoke(context) == false)
        {
            await next(context);
            return;
        }

        var slots = context.RequestServices.GetRequiredService<DocumentSlots>();
        using var lease = await slots.AcquireAsync(context.RequestAborted);
        if (!lease.IsAcquired)
        {
            await WriteRetryLaterAsync(
                context,
                DocumentSlots.RetryAfterSeconds,
                P.ServerBusy,
                $"Máy chủ đang xử lý nhiều tài liệu cùng lúc; hãy thử lại sau {DocumentSlots.RetryAfterSeconds} giây.",
                $"The server is processing many documents at once; try again in {DocumentSlots.RetryAfterSeconds} seconds.");
            return;
        }

        await next(context);
    });

    private static RateLimitPartition<string> PerCaller(HttpContext context, string policy, Func<LimitsOptions, int> permits)
    {
        var limits = context.RequestServices.GetRequiredService<IOptions<LimitsOptions>>().Value;
        var user = context.User.FindFirstValue("oid") ?? context.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? context.User.FindFirstValue("sub");
        var key = user is not null ? "user:" + user : "ip:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
        // In this process, or in Redis shared by every instance (SharedState).
        return context.RequestServices.GetRequiredService<CallerRateLimits>().For(policy, key, permits(limits));
    }

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var seconds = Math.Max(1, CallerRateLimits.RetryAfterSeconds(rejected.Lease) ?? 60);
        await WriteRetryLaterAsync(
            context,
            seconds,
            P.RateLimited,
            $"Bạn đã gửi quá nhiều yêu cầu; hãy thử lại sau {seconds} giây.",
            $"Too many requests; try again in {seconds} seconds.");
    }

    private static Task WriteRetryLaterAsync(HttpContext context, int seconds, Problems.ProblemKind kind, string detail, string detailEn)
    {
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return WriteProblemAsync(context, P.Details(kind, detail, detailEn));
    }

    /// <summary>A Problem Details answer from middleware, before any endpoint runs; its status is the problem's.</summary>
    internal static async Task WriteProblemAsync(HttpContext context, Microsoft.AspNetCore.Mvc.ProblemDetails problem)
    {
        context.Response.StatusCode = problem.Status ?? context.Response.StatusCode;
        var writer = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await writer.WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
    }
}

/// <summary>
/// Marks an endpoint whose requests read .docx/.xlsx documents (uploaded or from the archive), for
/// <see cref="RequestSafety.UseDocumentConcurrency"/>; <paramref name="When"/> narrows it to the requests that do.
/// </summary>
public sealed record DocumentWorkMetadata(Func<HttpContext, bool>? When = null);

public static class DocumentWorkExtensions
{
    public static TBuilder ReadsDocuments<TBuilder>(this TBuilder builder, Func<HttpContext, bool>? when = null)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(new DocumentWorkMetadata(when));

    /// <summary>A JSON check or pre-fill reads a document only when it asks for last period from the archive.</summary>
    public static bool AsksForTheArchive(HttpContext context) => context.Request.Query.ContainsKey("previous");
}

/// <summary>The host-wide slots for document work: one <see cref="ConcurrencyLimiter"/> for the process.</summary>
public sealed class DocumentSlots(LimitsOptions limits) : IDisposable
{
    /// <summary>A slot frees within a second or two for a real appendix; ten seconds leaves room for the queue ahead.</summary>
    public const int RetryAfterSeconds = 10;

    private readonly ConcurrencyLimiter _limiter = new(new ConcurrencyLimiterOptions
    {
        PermitLimit = limits.MaxConcurrentDocuments,
        QueueLimit = limits.DocumentQueueLength,
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
    });

    public ValueTask<RateLimitLease> AcquireAsync(CancellationToken cancellationToken) => _limiter.AcquireAsync(1, cancellationToken);

    public void Dispose() => _limiter.Dispose();
}
