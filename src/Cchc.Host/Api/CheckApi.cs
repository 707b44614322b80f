using Cchc.Appendix.Checking;
using Cchc.Appendix.Table;
using Cchc.Host.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using P = Cchc.Host.Problems.Problems;

namespace Cchc.Host.Api;

/// <summary><c>POST /api/check</c>: the pane's read of the open document in, findings out.</summary>
public static class CheckApi
{
    public static IEndpointRouteBuilder MapCheckApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapApiGroup(string.Empty, "Check");
        group.MapPost("/check", CheckAsync)
            .WithName("Check")
            .Accepts<CheckRequest>("application/json")
            // Only ?previous=archive reads a document (last period's); a plain check is JSON work and is not queued.
            .ReadsDocuments(DocumentWorkExtensions.AsksForTheArchive)
            .WithSummary("Kiểm tra phụ lục / Check the appendix the pane read")
            .WithDescription("The title lines and table rows as read from Word, Excel or the browser; `?previous=archive` compares with the previous period from the archive. `?rows=findings` echoes only the rows findings point at and the section headings (what the pane asks for), `?rows=false` no rows, `?rows=true` (the default) every row.");
        return endpoints;
    }

    internal static async Task<Results<Ok<CheckResponse>, ProblemHttpResult>> CheckAsync(
        CheckBody request,
        string? previous,
        string? lang,
        string? rows,
        PreviousReports previousReports,
        AppendixChecker checker,
        CancellationToken cancellationToken)
    {
        if (ValidateQuery(previous, lang) is { } invalidQuery)
        {
            return invalidQuery;
        }

        if (ParseRows(rows, out var echo) is { } invalidRows)
        {
            return invalidRows;
        }

        if (ReadCurrent(request, out var source, out var current) is { } unreadable)
        {
            return unreadable;
        }

        var (found, invalidPrevious) = await PreviousAsync(request, previous is not null, source, current, previousReports, cancellationToken);
        if (invalidPrevious is not null)
        {
            return invalidPrevious;
        }

        cancellationToken.ThrowIfCancellationRequested();
        var report = checker.Check(current, found.Snapshot);
        return TypedResults.Ok(CheckMapping.ToResponse(current, report, IsEnglish(lang), found.Info, found.Reason, echo));
    }

    /// <summary>The pane's read of the open document as a snapshot, or the Problem saying why it is not one.</summary>
    internal static ProblemHttpResult? ReadCurrent(CheckBody request, out SourceKind source, out TableSnapshot current)
    {
        current = null!;
        if (CheckMapping.ToSource(request.Host) is not { } host)
        {
            source = default;
            return P.Result(P.InvalidRequest, "Trường host phải là word, excel hoặc browser.", "The host field must be word, excel or browser.", extensions: new Dictionary<string, object?> { ["field"] = "host" });
        }

        source = host;
        var search = SnapshotBuilder.Find(request.Blocks, source);
        if (search.Snapshot is null)
        {
            return NoAppendix(search);
        }

        current = search.Snapshot;
        return null;
    }

    /// <summary>
    /// The previous period for <paramref name="current"/>: the request's inline <c>previous</c> document first, else
    /// the archive when asked; <see cref="PreviousResult.None"/> when neither. A Problem when the inline one has no appendix.
    /// </summary>
    internal static async Task<(PreviousResult Found, ProblemHttpResult? Problem)> PreviousAsync(
        CheckBody request,
        bool fromArchive,
        SourceKind source,
        TableSnapshot current,
        PreviousReports previousReports,
        CancellationToken cancellationToken)
    {
        if (request.Previous is { } inline)
        {
            var inlineSearch = SnapshotBuilder.Find(inline, source);
            if (inlineSearch.Snapshot is not { } inlineSnapshot)
            {
                return (PreviousResult.None, P.Result(P.NoAppendix, $"Tài liệu kỳ trước gửi kèm: {inlineSearch.Explanation}", $"The previous period's document: {inlineSearch.ExplanationEn}", extensions: new Dictionary<string, object?> { ["field"] = "previous" }));
            }

            var period = CheckMapping.ToPeriod(Cchc.Appendix.Header.HeaderParser.Parse(inlineSnapshot.TitleLines).Period);
            return (new PreviousResult(inlineSnapshot, new PreviousDto("inline", period, null), null), null);
        }

        return fromArchive
            ? (await previousReports.FromArchiveAsync(current, request.DocumentUrl, cancellationToken), null)
            : (PreviousResult.None, null);
    }

    internal static ProblemHttpResult? ValidateQuery(string? previous, string? lang)
    {
        if (previous is not null && !string.Equals(previous, "archive", StringComparison.OrdinalIgnoreCase))
        {
            return P.Result(P.InvalidRequest, "Tham số previous chỉ nhận giá trị archive.", "The previous parameter only accepts archive.", extensions: new Dictionary<string, object?> { ["field"] = "previous" });
        }

        if (lang is not null && lang is not ("vi" or "en"))
        {
            return P.Result(P.InvalidRequest, "Tham số lang phải là vi hoặc en.", "The lang parameter must be vi or en.", extensions: new Dictionary<string, object?> { ["field"] = "lang" });
        }

        return null;
    }

    internal static bool IsEnglish(string? lang) => lang == "en";

    /// <summary>
    /// Which rows the answer echoes: every row by default, as the upload page shows the whole table; only those the
    /// findings point at (and the section headings) for a caller that holds the table already, as the pane does.
    /// </summary>
    internal static ProblemHttpResult? ParseRows(string? rows, out RowEcho echo)
    {
        RowEcho? parsed = rows?.Trim().ToLowerInvariant() switch
        {
            null or "" or "true" => RowEcho.All,
            "findings" => RowEcho.Findings,
            "false" => RowEcho.None,
            _ => null,
        };
        echo = parsed ?? RowEcho.All;
        return parsed is not null
            ? null
            : P.Result(P.InvalidRequest, "Tham số rows chỉ nhận true, findings hoặc false.", "The rows parameter accepts only true, findings or false.", extensions: new Dictionary<string, object?> { ["field"] = "rows" });
    }

    internal static ProblemHttpResult NoAppendix(AppendixSearch search) => P.Result(P.NoAppendix, search.Explanation, search.ExplanationEn);
}
