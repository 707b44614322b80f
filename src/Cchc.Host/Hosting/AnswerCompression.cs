using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;

namespace Cchc.Host.Hosting;

/// <summary>
/// Brotli or gzip for the API's JSON answers, whichever the caller accepts: a check of a 200-row appendix answers
/// tens of kilobytes of repetitive JSON that compresses several times over. Only JSON is compressed (documents are
/// zip files already), at the fastest level, since the CPU spent here is taken from checks.
/// </summary>
public static class AnswerCompression
{
    public static IServiceCollection AddAnswerCompression(this IServiceCollection services)
    {
        services.AddResponseCompression(options =>
        {
            // BREACH needs a secret in the body beside text an attacker controls; the API's answers carry no secret
            // (tokens travel in headers, there are no cookies or antiforgery fields), so HTTPS answers are compressed.
            options.EnableForHttps = true;
            options.MimeTypes = ["application/json"];
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
        });
        services.Configure<BrotliCompressionProviderOptions>(options => options.Level = CompressionLevel.Optimal);
        services.Configure<GzipCompressionProviderOptions>(options => options.Level = CompressionLevel.Fastest);
        return services;
    }
}
