using Cchc.Appendix.Filling;
using Cchc.Appendix.Reporting;
using Cchc.Appendix.Table;
using Cchc.Appendix.Templates;
using Cchc.Host.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using P = Cchc.Host.Problems.Problems;

namespace Cchc.Host.Api;

/// <summary>
/// <c>POST /api/prefill</c>: this period beside the previous one, with what to write where a cell is blank. It only
/// proposes; the pane writes what the user ticks.
/// </summary>
public static class PrefillApi
{
    public static IEndpointRouteBuilder MapPrefillApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapApiGroup(string.Empty, "Prefill");
        group.MapPost("/prefill", PrefillAsync)
            .WithName("Prefill")
            .Accepts<CheckRequest>("application/json")
            // Only ?previous=archive reads a document (last period's); a plain check is JSON work and is not queued.
            .ReadsDocuments(DocumentWorkExtensions.AsksForTheArchive)
            .WithSummary("Lấy số liệu kỳ trước / Propose values from the previous period")
            .WithDescription("Same request as /api/check, with `previous` inline or `?previous=archive`. One proposal per value cell (and per plan reference in a note), side by side with the previous period.");
        return endpoints;
    }

    internal static async Task<Results<Ok<PrefillResponse>, ProblemHttpResult>> PrefillAsync(
        CheckBody request,
        string? previous,
        string? lang,
        PreviousReports previousReports,
        PrefillPlanner planner,
        CancellationToken cancellationToken)
    {
        if (CheckApi.ValidateQuery(previous, lang) is { } invalidQuery)
        {
            return invalidQuery;
        }

        if (request.Previous is null && previous is null)
        {
            return P.Result(P.InvalidRequest, "Cần báo cáo kỳ trước: gửi kèm trong trường previous, hoặc thêm ?previous=archive để lấy từ kho.", "The previous period is needed: send it in the previous field, or add ?previous=archive to take it from the archive.", extensions: new Dictionary<string, object?> { ["field"] = "previous" });
        }

        if (CheckApi.ReadCurrent(request, out var source, out var current) is { } unreadable)
        {
            return unreadable;
        }

        var (found, invalidPrevious) = await CheckApi.PreviousAsync(request, previous is not null, source, current, previousReports, cancellationToken);
        if (invalidPrevious is not null)
        {
            return invalidPrevious;
        }

        var header = Cchc.Appendix.Header.HeaderParser.Parse(current.TitleLines);
        var unit = header.Unit;
        var period = CheckMapping.ToPeriod(header.Period);
        if (found.Snapshot is null)
        {
            return TypedResults.Ok(new PrefillResponse(unit, period, null, found.Reason ?? P.NoPreviousReport.Code, []));
        }

        cancellationToken.ThrowIfCancellationRequested();
        var plan = planner.Plan(current, found.Snapshot);
        var rows = current.Rows.ToDictionary(row => row.Row);
        var proposals = plan.Proposals.Select(proposal =>
        {
            var location = rows.TryGetValue(proposal.Row, out var row) ? row.Location : null;
            return new PrefillProposalDto(
                proposal.Row,
                WireNames.Of(proposal.Column),
                proposal.Label,
                KindName(proposal.Kind),
                proposal.Current,
                proposal.Previous,
                proposal.Proposed,
                proposal.Source is { } proposalSource ? WireNames.Of(proposalSource) : null,
                proposal.Preselected,
                proposal.Section,
                proposal.IndicatorId,
                location?.Table ?? -1,
                location?.TableRow ?? -1,
                location?.CellOf(proposal.Column, proposal.ValueColumn) ?? -1)
            {
                ValueColumn = proposal.Column == AppendixColumn.Value ? proposal.ValueColumn : null,
                ValueHeader = proposal.Column == AppendixColumn.Value && current.ValueColumns.Count > 1 ? current.ValueColumns[proposal.ValueColumn].Header : null,
            };
        }).ToArray();

        // The archive names the file it found; an inline previous document is described by its own title.
        var previousInfo = found.Info ?? new PreviousDto("inline", CheckMapping.ToPeriod(plan.Previous.Period), null);
        return TypedResults.Ok(new PrefillResponse(unit, period, previousInfo, null, proposals));
    }

    public static string KindName(IndicatorKind kind) => kind switch
    {
        IndicatorKind.Stock => "stock",
        IndicatorKind.Cumulative => "cumulative",
        _ => "flow",
    };
}

/// <summary>
/// One cell side by side: what it holds now, what it held last period, and what to write if ticked.
/// <c>Preselected</c> only for blank cells. <c>Table</c>/<c>TableRow</c>/<c>Cell</c> point back into the request.
/// </summary>
public sealed record PrefillProposalDto(
    int Row,
    string Column,
    string Label,
    string Kind,
    string Current,
    string? Previous,
    string? Proposed,
    string? Source,
    bool Preselected,
    string? Section,
    string? IndicatorId,
    int Table,
    int TableRow,
    int Cell)
{
    /// <summary>For a value cell, its value column (0-based); null for the note column.</summary>
    public int? ValueColumn { get; init; }

    /// <summary>The value column's header where the appendix has several; null otherwise.</summary>
    public string? ValueHeader { get; init; }
}

/// <summary><c>Previous</c> is null when none was found, and <c>Reason</c> then says why.</summary>
public sealed record PrefillResponse(
    string? Unit,
    PeriodDto? Period,
    PreviousDto? Previous,
    string? Reason,
    IReadOnlyList<PrefillProposalDto> Proposals);
