using System.Threading.RateLimiting;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.StackExchangeRedis;
using Microsoft.Extensions.Caching.StackExchangeRedis;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using RedisRateLimiting;
using StackExchange.Redis;

namespace Cchc.Host.Hosting;

/// <summary>
/// The <c>Redis</c> section: where instances of the host keep what they must share. Empty (the default) keeps it in
/// this process, which is right for one instance; several instances behind a load balancer set one connection string.
/// </summary>
public sealed class RedisOptions
{
    public const string SectionName = "Redis";

    /// <summary>StackExchange.Redis's format: <c>redis.internal:6379,password=…,ssl=true</c>. Never committed.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Prefix of every key the host writes, so that one Redis may serve other applications too.</summary>
    public string KeyPrefix { get; set; } = "cchc:";

    public bool IsConfigured => !string.IsNullOrWhiteSpace(ConnectionString);
}

/// <summary>
/// What several host instances share, in Redis when <see cref="RedisOptions.ConnectionString"/> is set, else in memory:
/// the on-behalf-of token cache (through <see cref="Microsoft.Extensions.Caching.Distributed.IDistributedCache"/>),
/// the Data Protection key ring, and each caller's rate limit. Readiness reports Redis, and a host configured for
/// Redis that cannot reach it at start says so and does not start.
/// </summary>
public static class SharedState
{
    public static IServiceCollection AddSharedState(this IServiceCollection services, IConfiguration configuration)
    {
        services.BindSection<RedisOptions>(RedisOptions.SectionName)
            .Validate(options => !options.IsConfigured || TryParse(options.ConnectionString!, out _), "Redis:ConnectionString is not a StackExchange.Redis connection string (host:port[,option=value…]).");

        var redis = configuration.GetSection(RedisOptions.SectionName).Get<RedisOptions>() ?? new RedisOptions();
        if (!redis.IsConfigured)
        {
            services.AddSingleton(CallerRateLimits.InMemory);
            return services;
        }

        services.AddSingleton<IConnectionMultiplexer>(provider => Connect(provider.GetRequiredService<IOptions<RedisOptions>>().Value));

        // Before any other hosted service and before the server listens: no Redis, no start.
        services.Insert(0, ServiceDescriptor.Singleton<IHostedService, RedisAtStart>());

        // Registered before the in-memory cache that sign-in adds as a fallback, which then stands aside.
        services.AddStackExchangeRedisCache(_ => { });
        services.AddOptions<RedisCacheOptions>().Configure<IConnectionMultiplexer, IOptions<RedisOptions>>((cache, multiplexer, options) =>
        {
            cache.ConnectionMultiplexerFactory = () => Task.FromResult(multiplexer);
            cache.InstanceName = options.Value.KeyPrefix + "cache:";
        });

        services.AddDataProtection().SetApplicationName("cchc");
        services.AddOptions<KeyManagementOptions>().Configure<IConnectionMultiplexer, IOptions<RedisOptions>>((keys, multiplexer, options) =>
            keys.XmlRepository = new RedisXmlRepository(() => multiplexer.GetDatabase(), options.Value.KeyPrefix + "data-protection-keys"));

        services.AddSingleton(provider => CallerRateLimits.InRedis(provider.GetRequiredService<IConnectionMultiplexer>(), redis.KeyPrefix));
        services.AddHealthChecks().AddCheck<RedisHealthCheck>("redis", tags: ["ready"]);
        return services;
    }

    /// <summary>
    /// The connection, allowed to start unconnected so that it reconnects by itself later (a Redis restart), and failing
    /// a command at once while disconnected rather than queueing it for seconds: a request then gets a 503 it can retry.
    /// </summary>
    private static ConnectionMultiplexer Connect(RedisOptions options)
    {
        // The options were validated at start: the string parses.
        var configuration = ConfigurationOptions.Parse(options.ConnectionString!);
        configuration.AbortOnConnectFail = false;
        configuration.BacklogPolicy = BacklogPolicy.FailFast;
        configuration.ClientName ??= "cchc-host";
        return ConnectionMultiplexer.Connect(configuration);
    }

    private static bool TryParse(string connectionString, out ConfigurationOptions? configuration)
    {
        try
        {
            configuration = ConfigurationOptions.Parse(connectionString);
            return configuration.EndPoints.Count > 0;
        }
        catch (ArgumentException)
        {
            configuration = null;
            return false;
        }
    }

    /// <summary>Where Redis is, for messages and readiness: endpoints only, never the password.</summary>
    internal static string Endpoints(IConnectionMultiplexer multiplexer) =>
        string.Join(", ", multiplexer.GetEndPoints().Select(EndPointCollection.ToString));

    /// <summary>Connects at start and refuses to start without Redis, naming where it looked.</summary>
    private sealed class RedisAtStart(IConnectionMultiplexer multiplexer, ILogger<RedisAtStart> logger) : IHostedService
    {
        public async Task StartAsync(CancellationToken cancellationToken)
        {
            try
            {
                await multiplexer.GetDatabase().PingAsync().WaitAsync(cancellationToken);
            }
            catch (RedisException exception)
            {
                var where = Endpoints(multiplexer);
                throw new StartupRefusedException(
                    $"Máy chủ được cấu hình dùng Redis (Redis:ConnectionString) nhưng Redis tại {where} không trả lời, nên không khởi động. / "
                    + $"Redis:ConnectionString is set, but Redis at {where} does not answer, so the host does not start; start Redis or remove the setting for a single instance.",
                    exception);
            }

            if (logger.IsEnabled(LogLevel.Information))
            {
                logger.LogInformation("Shared state in Redis at {Endpoints}.", Endpoints(multiplexer));
            }
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}

/// <summary>
/// Each caller's fixed window of requests per minute: one counter per instance in memory, or one counter in Redis that
/// every instance counts against, so that a user's limit does not multiply with the number of instances.
/// </summary>
public sealed class CallerRateLimits
{
    private readonly IConnectionMultiplexer? _redis;
    private readonly string _prefix;

    private CallerRateLimits(IConnectionMultiplexer? redis, string prefix) => (_redis, _prefix) = (redis, prefix);

    public static CallerRateLimits InMemory { get; } = new(null, string.Empty);

    public static CallerRateLimits InRedis(IConnectionMultiplexer redis, string prefix) => new(redis, prefix);

    /// <param name="policy">The rate policy; in Redis its counters are apart from another policy's for the same caller.</param>
    public RateLimitPartition<string> For(string policy, string caller, int permitLimit)
    {
        if (_redis is not { } redis)
        {
            return RateLimitPartition.GetFixedWindowLimiter(caller, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = permitLimit,
                Window = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
            });
        }

        return RedisRateLimitPartition.GetFixedWindowRateLimiter($"{_prefix}rate:{policy}:{caller}", _ => new RedisFixedWindowRateLimiterOptions
        {
            ConnectionMultiplexerFactory = () => redis,
            PermitLimit = permitLimit,
            Window = TimeSpan.FromMinutes(1),
        });
    }

    /// <summary>Seconds until a refused caller may try again, from either kind of lease; null when it does not say.</summary>
    public static int? RetryAfterSeconds(RateLimitLease lease)
    {
        if (lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
        {
            return (int)Math.Ceiling(retryAfter.TotalSeconds);
        }

        return lease.TryGetMetadata(RateLimitMetadataName.RetryAfter, out var seconds) ? seconds : null;
    }
}

/// <summary>Readiness: Redis answers a PING; its endpoints (never its password) in the report.</summary>
internal sealed class RedisHealthCheck(IConnectionMultiplexer multiplexer) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object> { ["endpoints"] = SharedState.Endpoints(multiplexer) };
        try
        {
            var latency = await multiplexer.GetDatabase().PingAsync().WaitAsync(cancellationToken);
            data["pingMs"] = Math.Round(latency.TotalMilliseconds, 1);
            return HealthCheckResult.Healthy("Redis trả lời. / Redis answers.", data);
        }
        catch (RedisException)
        {
            return HealthCheckResult.Unhealthy("Không kết nối được Redis: các phiên bản máy chủ không dùng chung được bộ nhớ đệm, khóa và giới hạn tần suất. / Redis is unreachable: instances cannot share the token cache, keys and rate limits.", data: data);
        }
    }
}
