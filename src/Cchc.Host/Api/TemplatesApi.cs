using Cchc.Host.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cchc.Host.Api;

/// <summary>One template the host checks against.</summary>
/// <param name="Source"><c>embedded</c> (built in) or <c>folder</c> (the province's <c>Templates:Folder</c>).</param>
/// <param name="InferredRelations">Relations a draft inferred and nobody has confirmed: their breaches are warnings.</param>
public sealed record TemplateInfoDto(
    string Id,
    string Version,
    string Name,
    string? Province,
    string? Level,
    IReadOnlyList<string> Periods,
    string? ValidFrom,
    string? ValidTo,
    int Rows,
    int Relations,
    int InferredRelations,
    int ToReview,
    string Source);

/// <summary><c>GET /api/templates</c>: the forms loaded, so a province can see its own deployed without a rebuild.</summary>
public static class TemplatesApi
{
    public static IEndpointRouteBuilder MapTemplatesApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapApiGroup(string.Empty, "Templates")
            .MapGet("/templates", List)
            .WithName("Templates")
            .WithSummary("Các mẫu phụ lục đang dùng / The appendix forms loaded")
            .WithDescription("Embedded templates and those of the configured `Templates:Folder`, with how many of their relations are inferred and not yet confirmed.");
        return endpoints;
    }

    internal static Ok<TemplateInfoDto[]> List(ConfiguredTemplates templates) =>
        TypedResults.Ok(templates.Catalog.Templates.Select(t => new TemplateInfoDto(
            t.Id,
            t.Version,
            t.Name,
            t.Province,
            t.Level,
            t.Periods,
            t.ValidFrom?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            t.ValidTo?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            t.Sections.Sum(s => s.Rows.Count),
            t.Relations.Count,
            t.Relations.Count(r => r.Inferred is not null),
            t.Review.Count,
            templates.FromFolder(t) ? "folder" : "embedded")).ToArray());
}
