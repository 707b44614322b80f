using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Cchc.Appendix.Checking;
using Cchc.Appendix.Reporting;
using Cchc.Appendix.Table;

namespace Cchc.Cli;

/// <summary>The <c>--json</c> shape: file, unit, period, template, findings, summary (fields may be added, never renamed).</summary>
internal static class JsonReport
{
    internal static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        // Vietnamese stays readable in the output; it is written to a terminal or a file, never into HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public static void Write(TextWriter output, string fileName, TableSnapshot snapshot, CheckReport report, bool english)
    {
        var header = report.Header;
        var document = new
        {
            file = fileName,
            unit = header.Unit,
            period = header.Period is null ? null : new { kind = header.Period.KindName, number = header.Period.Number, year = header.Period.Year },
            reportNumber = header.ReportNumber,
            reportDate = header.ReportDate?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            template = report.Template.TemplateId,
            templateMatch = new
            {
                id = report.Template.TemplateId,
                version = report.Template.TemplateVersion,
                name = report.Template.TemplateName,
                matchedRows = report.Template.MatchedRows,
                unmatchedRows = report.Template.UnmatchedRows,
                form = WireNames.Of(report.Template.Source),
                checks = report.Template.Checks,
            },
            valueColumns = snapshot.ValueColumns.Select(c => new { index = c.Index, header = c.Header, role = WireNames.Of(c.Role) }),
            headerRow = snapshot.HasHeaderRow,
            findings = report.Findings.Select(f => new
            {
                row = f.Row,
                column = WireNames.Of(f.Column),
                valueColumn = f.Column == AppendixColumn.Value ? f.ValueColumn : (int?)null,
                valueHeader = WireNames.ValueHeader(f, snapshot),
                label = f.Label,
                code = f.Code,
                severity = WireNames.Of(f.Severity),
                message = english ? f.MessageEn : f.Message,
                section = f.Section,
                indicatorId = f.IndicatorId,
                titleLine = f.TitleLine,
                proposal = f.Proposal is null ? null : new { value = f.Proposal.Value, source = WireNames.Of(f.Proposal.Source), previousValue = f.Proposal.PreviousValue },
            }),
            summary = new { errors = report.Summary.Errors, warnings = report.Summary.Warnings, infos = report.Summary.Infos },
        };
        output.WriteLine(JsonSerializer.Serialize(document, Options));
    }
}
