using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;

namespace Cchc.Host.Hosting;

/// <summary>
/// gzip, else Brotli, for the API's JSON answers: a check of a 200-row appendix answers tens of kilobytes of repetitive
/// JSON that compresses five times over. Only JSON is compressed (documents are zip files already), at the fastest
/// level, since the CPU spent here is taken from checks: measured on the pane's answer, gzip's fastest level gives
/// 7.5 KB for 42 KB; Brotli's default gives 5.5 KB but cost about a millisecond of CPU, half a check; its fastest 13 KB.
/// Browsers accept both with equal weight, and then the first provider listed wins.
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
            options.Providers.Add<GzipCompressionProvider>();
            options.Providers.Add<BrotliCompressionProvider>();
        });
        services.Configure<BrotliCompressionProviderOptions>(options => options.Level = CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(options => options.Level = CompressionLevel.Fastest);
        return services;
    }
}
