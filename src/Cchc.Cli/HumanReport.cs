using Cchc.Appendix.Checking;
using Cchc.Appendix.Findings;
using Cchc.Appendix.Table;

namespace Cchc.Cli;

/// <summary>ANSI colours, off when the output is a file or pipe, or when NO_COLOR is set.</summary>
internal sealed record Colours(string Error, string Warning, string Info, string Dim, string Bold, string Reset)
{
    public static readonly Colours None = new(string.Empty, string.Empty, string.Empty, string.Empty, string.Empty, string.Empty);

    private static readonly Colours Ansi = new("\u001b[31m", "\u001b[33m", "\u001b[36m", "\u001b[2m", "\u001b[1m", "\u001b[0m");

    public static Colours For(TextWriter output) =>
        ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected && Environment.GetEnvironmentVariable("NO_COLOR") is null ? Ansi : None;

    public string Of(Severity severity) => severity switch
    {
        Severity.Error => Error,
        Severity.Warning => Warning,
        _ => Info,
    };
}

/// <summary>Findings for a person: grouped by section, row numbers, proposals, and a one-line summary.</summary>
internal static class HumanReport
{
    public static void Write(TextWriter output, string fileName, TableSnapshot snapshot, CheckReport report, bool english, Colours colours)
    {
        var header = report.Header;
        var unit = header.Unit ?? (english ? "unit not stated" : "chưa rõ đơn vị");
        var period = header.Period?.ToString() ?? (english ? "period not stated" : "chưa rõ kỳ báo cáo");
        output.WriteLine($"{colours.Bold}{fileName}{colours.Reset} — {unit}, {period}");
        var (summaryVi, summaryEn) = CheckFamilies.Summary(report.Template);
        output.WriteLine(report.Template.Matched
            ? english
                ? $"Form: {report.Template.TemplateName} ({report.Template.TemplateId} {report.Template.TemplateVersion}); {report.Template.MatchedRows} rows matched, {report.Template.UnmatchedRows} not."
                : $"Mẫu: {report.Template.TemplateName} ({report.Template.TemplateId} {report.Template.TemplateVersion}); khớp {report.Template.MatchedRows} dòng, {report.Template.UnmatchedRows} dòng không khớp."
            : english ? summaryEn : summaryVi);
        if (snapshot.ValueColumns.Count > 1)
        {
            output.WriteLine(english
                ? $"Value columns: {string.Join(", ", snapshot.ValueColumns.Select(c => c.Header))}."
                : $"Cột số liệu: {string.Join(", ", snapshot.ValueColumns.Select(c => c.Header))}.");
        }

        var sectionTitles = snapshot.Rows
            .Where(r => SectionNumbers.Parse(r.No.Text) is not null)
            .GroupBy(r => r.No.Text.Trim().TrimEnd('.').ToUpperInvariant())
            .ToDictionary(g => g.Key, g => g.First().Label.Text);

        foreach (var group in report.Findings.GroupBy(f => f.Row == 0 ? string.Empty : f.Section ?? "?"))
        {
            output.WriteLine();
            output.WriteLine(group.Key.Length == 0
                ? $"{colours.Bold}{(english ? "Title" : "Tiêu đề")}{colours.Reset}"
                : $"{colours.Bold}{(english ? "Section" : "Mục")} {group.Key}{(sectionTitles.TryGetValue(group.Key, out var title) ? " — " + title : string.Empty)}{colours.Reset}");
            foreach (var finding in group)
            {
                var where = finding.Row == 0 ? string.Empty : $"{(english ? "row" : "dòng")} {finding.Row,-4} [{ColumnName(finding.Column, english)}] ";
                output.WriteLine($"  {colours.Of(finding.Severity)}{SeverityName(finding.Severity, english),-9}{colours.Reset} {where}{(english ? finding.MessageEn : finding.Message)} {colours.Dim}{finding.Code}{colours.Reset}");
                if (finding.Proposal is { } proposal)
                {
                    var value = proposal.Value.Length == 0 ? (english ? "(empty)" : "(để trống)") : proposal.Value;
                    output.WriteLine($"            → {(english ? "proposed" : "đề xuất")}: {value} ({SourceName(proposal.Source, english)})");
                }
            }
        }

        output.WriteLine();
        var summary = report.Summary;
        output.WriteLine(english
            ? $"{colours.Bold}{summary.Errors} errors, {summary.Warnings} warnings, {summary.Infos} notes.{colours.Reset}{(summary.Errors == 0 ? " Ready to sign as far as the checks go." : string.Empty)}"
            : $"{colours.Bold}{summary.Errors} lỗi, {summary.Warnings} cảnh báo, {summary.Infos} lưu ý.{colours.Reset}{(summary.Errors == 0 ? " Không còn lỗi: sẵn sàng ký." : string.Empty)}");
    }

    private static string SeverityName(Severity severity, bool english) => severity switch
    {
        Severity.Error => english ? "error" : "lỗi",
        Severity.Warning => english ? "warning" : "cảnh báo",
        _ => english ? "note" : "lưu ý",
    };

    private static string ColumnName(AppendixColumn column, bool english) => column switch
    {
        AppendixColumn.No => english ? "no." : "TT",
        AppendixColumn.Label => english ? "label" : "tên",
        AppendixColumn.Unit => english ? "unit" : "đơn vị",
        AppendixColumn.Value => english ? "value" : "số liệu",
        AppendixColumn.Note => english ? "note" : "ghi chú",
        _ => english ? "title" : "tiêu đề",
    };

    private static string SourceName(ProposalSource source, bool english) =>
        english ? ProposalSources.English(source) : ProposalSources.Vietnamese(source);
}
