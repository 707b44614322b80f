using System.Text.Json;
using System.Text.Json.Serialization;
using Cchc.Host.Hosting;

namespace Cchc.Host.Api;

/// <summary>
/// Source-generated JSON contracts for every type the API reads or writes: serialisers compiled with the host
/// rather than built by reflection on the first request, and no reflection metadata kept per type at run time.
/// The options match ASP.NET Core's web defaults, so the wire format is what it was. The check's body is the one
/// exception at run time: <see cref="CheckBody"/> reads it, and <see cref="CheckRequest"/>'s contract here is what
/// OpenAPI shows and what CheckBodyTests holds that reader to.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(CheckRequest))]
[JsonSerializable(typeof(CheckResponse))]
[JsonSerializable(typeof(PrefillResponse))]
[JsonSerializable(typeof(ArchivedReportDto))]
[JsonSerializable(typeof(TemplateInfoDto[]))]
[JsonSerializable(typeof(ConsolidationResponse))]
[JsonSerializable(typeof(UnitTrendResponse))]
[JsonSerializable(typeof(HealthReportDto))]
public sealed partial class ApiJsonContext : JsonSerializerContext;

public static class ApiJson
{
    /// <summary>The generated contracts first; anything they do not cover (Problem Details) falls through to the framework's.</summary>
    public static IServiceCollection AddApiJson(this IServiceCollection services) =>
        services.ConfigureHttpJsonOptions(options => options.SerializerOptions.TypeInfoResolverChain.Insert(0, ApiJsonContext.Default));
}
