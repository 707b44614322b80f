using System.Globalization;
using Cchc.Appendix.Checking;
using Cchc.Appendix.Header;
using Cchc.Appendix.Reporting;
using Cchc.Appendix.Table;

namespace Cchc.Host.Api;

/// <summary>Translates between the JSON contract of docs/api.md and the engine's records; decides nothing.</summary>
public static class CheckMapping
{
    /// <summary>The host named in the request, or null when it names none the contract knows.</summary>
    public static SourceKind? ToSource(string? host) => host?.Trim().ToLowerInvariant() switch
    {
        null or "" or "browser" => SourceKind.Browser,
        "word" => SourceKind.Word,
        "excel" => SourceKind.Excel,
        _ => null,
    };

    public static CheckResponse ToResponse(TableSnapshot snapshot, CheckReport report, bool english, PreviousDto? previous, string? previousReason, RowEcho echo = RowEcho.All)
    {
        var rowsByNumber = snapshot.Rows.ToDictionary(row => row.Row);
        var pointedAt = echo == RowEcho.Findings ? report.Findings.Select(f => f.Row).ToHashSet() : null;
        var rows = new List<RowResultDto>(echo == RowEcho.All ? snapshot.Rows.Count : 0);
        string? section = null;
        foreach (var row in snapshot.Rows)
        {
            var heading = SectionNumbers.Parse(row.No.Text) is not null;
            if (heading)
            {
                section = row.No.Text.Trim().TrimEnd('.');
            }

            if (echo == RowEcho.None || (pointedAt is not null && !heading && !pointedAt.Contains(row.Row)))
            {
                continue;
            }

            var location = row.Location;
            rows.Add(new RowResultDto(
                row.Row,
                section,
                row.No.Text,
                row.Label.Text,
                row.Unit.Text,
                row.Value.Text,
                row.Note.Text,
                location?.Table ?? -1,
                location?.TableRow ?? -1,
                location?.Cells ?? [])
            {
                Values = row.ValueCount > 1 ? Enumerable.Range(0, row.ValueCount).Select(c => row.ValueAt(c).Text).ToArray() : null,
                ValueCells = location?.ValueCells is { Count: > 1 } valueCells ? valueCells : null,
            });
        }

        var findings = report.Findings.Select(finding =>
        {
            var location = finding.Row > 0 && rowsByNumber.TryGetValue(finding.Row, out var row) ? row.Location : null;
            return new FindingDto(
                finding.Row,
                WireNames.Of(finding.Column),
                finding.Label,
                finding.Code,
                WireNames.Of(finding.Severity),
                english ? finding.MessageEn : finding.Message,
                finding.MessageEn,
                finding.Section,
                finding.IndicatorId,
                finding.TitleLine,
                location?.Table ?? -1,
                location?.TableRow ?? -1,
                location?.CellOf(finding.Column, finding.ValueColumn) ?? -1,
                finding.Proposal is { } proposal ? new ProposalDto(proposal.Value, WireNames.Of(proposal.Source), proposal.PreviousValue) : null)
            {
                ValueColumn = finding.Column == AppendixColumn.Value ? finding.ValueColumn : null,
                ValueHeader = WireNames.ValueHeader(finding, snapshot),
            };
        }).ToArray();

        var header = report.Header;
        var template = report.Template;
        var summary = report.Summary;
        return new CheckResponse(
            header.Unit,
            ToPeriod(header.Period),
            header.ReportNumber,
            header.ReportDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            new TemplateDto(template.TemplateId, template.TemplateVersion, template.TemplateName, template.MatchedRows, template.UnmatchedRows)
            {
                Form = WireNames.Of(template.Source),
                Checks = template.Checks,
                Summary = english ? CheckFamilies.Summary(template).En : CheckFamilies.Summary(template).Vi,
            },
            previous,
            previousReason,
            rows,
            findings,
            new SummaryDto(summary.Errors, summary.Warnings, summary.Infos, summary.Errors == 0 && summary.Warnings == 0))
        {
            ValueColumns = snapshot.ValueColumns.Select(c => new ValueColumnDto(c.Index, c.Header, WireNames.Of(c.Role))).ToArray(),
            HeaderRow = snapshot.HasHeaderRow,
        };
    }

    public static PeriodDto? ToPeriod(ReportPeriod? period) => period is null
        ? null
        : new PeriodDto(period.KindName, period.Kind == PeriodKind.Quarter ? period.Number : null, period.Year, period.ToString(), period.YearSlug);
}
