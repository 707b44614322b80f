using Cchc.Host.Api;
using Cchc.Host.Hosting;
using Cchc.Host.Problems;
using Cchc.Host.Security;
using Cchc.SharePoint;

// A refusal to start (configuration, a taken port) ends with its sentence and exit code 1, not a stack trace.
try
{
    var builder = WebApplication.CreateBuilder(args);
    builder.Services.AddHostOptions();
    builder.Services.AddApiProblemDetails();
    builder.Services.AddSharedState(builder.Configuration);
    builder.Services.AddApiAuthentication(builder.Configuration, builder.Environment);
    builder.Services.AddRequestSafety();
    builder.Services.AddAppendixServices();
    builder.Services.AddTemplates();
    builder.Services.AddReportArchive(builder.Configuration);
    builder.Services.AddConsolidation();
    builder.Services.AddHostHealthChecks();
    builder.Services.AddApiJson();
    builder.Services.AddAnswerCompression();
    builder.Services.AddOpenApi();

    var app = builder.Build();
    app.UseLocalMode();
    app.UseResponseCompression();
    app.UseExceptionHandler();
    app.UseStatusCodePages();
    app.UseTransportSecurity();
    app.UseSecurityHeaders();
    app.UsePaneStaticFiles();
    app.UseRouting();
    app.UseRequestLimits();
    app.UseAuthentication();
    app.UseAuthorization();
    app.UseRateLimiter();
    app.UseRequestTimeouts();
    app.UseDocumentConcurrency();

    app.MapCheckApi();
    app.MapPrefillApi();
    app.MapFilesApi();
    app.MapArchiveApi();
    app.MapTemplatesApi();
    app.MapConsolidateApi();
    app.MapManifestApi();
    app.MapHostHealthChecks();
    app.MapApiDocs();
    app.MapApiNotFound();

    // Endpoints run here, so that only what no endpoint took falls through to the pane.
    app.UseEndpoints(_ => { });
    app.UsePane();
    app.Run();
    return 0;
}
catch (Exception refusal) when (StartupRefusal.IsHostProcess && StartupRefusal.Sentence(refusal) is { } sentence)
{
    Console.Error.WriteLine(sentence);
    return StartupRefusal.ExitCode;
}

/// <summary>The entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
