namespace Cchc.Host.Problems;

public static class ProblemDetailsSetup
{
    /// <summary>
    /// Problem Details for every error: exceptions through <see cref="ProblemExceptionHandler"/>, bare status
    /// codes (404, 405, 401 challenges) completed with a code and Vietnamese title.
    /// </summary>
    public static IServiceCollection AddApiProblemDetails(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context => Problems.Complete(context.ProblemDetails));
        services.AddExceptionHandler<ProblemExceptionHandler>();

        // Binding failures (malformed JSON, a missing body, a wrong content type) become exceptions the
        // handler above words in Vietnamese, instead of empty 400s.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        return services;
    }
}
