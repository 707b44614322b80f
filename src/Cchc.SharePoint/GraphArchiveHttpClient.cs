using Microsoft.Extensions.Options;
using Microsoft.Graph;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware.Options;

namespace Cchc.SharePoint;

/// <summary>
/// One HttpClient with Graph's middleware for the whole process (GraphServiceClients are made per request scope,
/// because the user changes, but the connection pool must not). The retry handler honours Retry-After on 429/503/504
/// up to <see cref="SharePointArchiveOptions.MaxRetryTime"/> of waiting in total, then lets the error through.
/// </summary>
public sealed class GraphArchiveHttpClient : IDisposable
{
    /// <summary>Kiota's ceiling on the number of retries.</summary>
    private const int MaxRetries = 10;

    public GraphArchiveHttpClient(IOptions<ArchiveOptions> options, HttpMessageHandler? primaryHandler = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var sharePoint = options.Value.SharePoint;
        var handlers = GraphClientFactory.CreateDefaultHandlers();
        var retry = new RetryHandler(new RetryHandlerOption
        {
            MaxRetry = MaxRetries,
            RetriesTimeLimit = sharePoint.MaxRetryTime,
        });
        var index = handlers.ToList().FindIndex(handler => handler is RetryHandler);
        if (index >= 0)
        {
            handlers[index] = retry;
        }
        else
        {
            handlers.Add(retry);
        }

        Client = GraphClientFactory.Create(handlers, finalHandler: primaryHandler);
        // The waiting the retry handler may do, plus room for a slow 20 MB transfer.
        Client.Timeout = sharePoint.MaxRetryTime + TimeSpan.FromMinutes(2);
    }

    public HttpClient Client { get; }

    public void Dispose() => Client.Dispose();
}
