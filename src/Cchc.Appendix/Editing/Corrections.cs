using Cchc.Appendix.Checking;
using Cchc.Appendix.Numbers;
using Cchc.Appendix.Reporting;
using Cchc.Appendix.Table;
using Cchc.Appendix.Templates;

namespace Cchc.Appendix.Editing;

/// <summary>Turns a check's findings into the edits and marks a writer applies.</summary>
public static class Corrections
{
    /// <summary>
    /// One edit per finding that carries a proposal (only <paramref name="codes"/> when given). Where two findings
    /// propose for the same cell, the more severe wins; the cell's current text is recorded so that a writer can
    /// refuse to overwrite something the user changed since.
    /// </summary>
    public static IReadOnlyList<CellEdit> Edits(CheckReport report, TableSnapshot snapshot, IReadOnlySet<string>? codes = null)
    {
        var edits = new Dictionary<(int Row, AppendixColumn Column, int ValueColumn, int? Title), CellEdit>();
        foreach (var finding in report.Findings.Where(f => f.Proposal is not null && (codes is null || codes.Contains(f.Code))).OrderByDescending(f => f.Severity))
        {
            var key = (finding.Row, finding.Column, finding.ValueColumn, finding.TitleLine);
            if (edits.ContainsKey(key) || (finding.Row == 0 && finding.TitleLine is null))
            {
                continue;
            }

            var oldText = finding.Row == 0 ? snapshot.TitleLines[finding.TitleLine!.Value] : snapshot.Rows[finding.Row - 1].Cell(finding.Column, finding.ValueColumn).Text;
            var proposal = finding.Proposal!;
            decimal? number = finding.Column == AppendixColumn.Value && VietnameseNumber.TryParse(proposal.Value, IndicatorType.Text, out var parsed) ? parsed.Value : null;
            edits[key] = new CellEdit(finding.Row, finding.Column, proposal.Value, finding.Code, finding.Message, finding.MessageEn)
            {
                TitleLine = finding.TitleLine,
                OldText = oldText,
                Number = number,
                ValueColumn = finding.ValueColumn,
            };
        }

        return edits.Values.OrderBy(e => e.Row).ThenBy(e => e.Column).ThenBy(e => e.ValueColumn).ToList();
    }

    /// <summary>One mark per flagged cell, every finding of that cell in its text (only <paramref name="codes"/> when given).</summary>
    public static IReadOnlyList<CellMark> Marks(CheckReport report, IReadOnlySet<string>? codes = null) =>
        report.Findings
            .Where(f => codes is null || codes.Contains(f.Code))
            .GroupBy(f => (f.Row, f.Column, f.ValueColumn, f.TitleLine))
            .Select(g =>
            {
                var worst = g.MaxBy(f => f.Severity)!;
                var message = string.Join("\n", g.Select(f => $"[{f.Code}] {f.Message}"));
                return new CellMark(g.Key.Row, g.Key.Column, worst.Code, WireNames.Of(worst.Severity), message, worst.Proposal?.Value)
                {
                    TitleLine = g.Key.TitleLine,
                    ValueColumn = g.Key.ValueColumn,
                };
            })
            .ToList();
}
