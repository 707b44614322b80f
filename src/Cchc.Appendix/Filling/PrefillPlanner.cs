using Cchc.Appendix.Checking;
using Cchc.Appendix.Editing;
using Cchc.Appendix.Findings;
using Cchc.Appendix.Header;
using Cchc.Appendix.Numbers;
using Cchc.Appendix.Table;
using Cchc.Appendix.Templates;
using Cchc.Appendix.Text;

namespace Cchc.Appendix.Filling;

/// <summary>
/// One cell shown side by side with last period: what it holds now, what it held then, and what to write if the
/// user ticks it. <see cref="Preselected"/> is true only for blank cells: a value the user typed is never
/// proposed for overwriting.
/// </summary>
public sealed record PrefillProposal(
    int Row,
    AppendixColumn Column,
    string Label,
    IndicatorKind Kind,
    string Current,
    string? Previous,
    string? Proposed,
    ProposalSource? Source,
    bool Preselected)
{
    public string? Section { get; init; }

    public string? IndicatorId { get; init; }

    /// <summary>For a value cell, which value column (0-based) of a form with several.</summary>
    public int ValueColumn { get; init; }
}

/// <summary>The previous period's report as found, and a proposal per value cell.</summary>
public sealed record PrefillPlan(ReportHeader Previous, IReadOnlyList<PrefillProposal> Proposals)
{
    /// <summary>The edits for the chosen rows (by default the preselected ones), ready for a writer.</summary>
    public IReadOnlyList<CellEdit> Edits(IEnumerable<(int Row, AppendixColumn Column)>? chosen = null) =>
        Edits(chosen?.Select(c => (c.Row, c.Column, 0)));

    /// <summary>The edits for the chosen cells, value cells named with their value column.</summary>
    public IReadOnlyList<CellEdit> Edits(IEnumerable<(int Row, AppendixColumn Column, int ValueColumn)>? chosen)
    {
        var wanted = chosen?.ToHashSet();
        return Proposals
            .Where(p => p.Proposed is not null && (wanted is null ? p.Preselected : wanted.Contains((p.Row, p.Column, p.ValueColumn))))
            .Select(p => new CellEdit(
                p.Row,
                p.Column,
                p.Proposed!,
                "PREFILL",
                $"Điền sẵn ({ProposalSources.Vietnamese(p.Source!.Value)}); kỳ trước: {p.Previous ?? "trống"}.",
                $"Pre-filled ({ProposalSources.English(p.Source!.Value)}); previous period: {p.Previous ?? "blank"}.")
            {
                OldText = p.Current,
                Number = p.Column == AppendixColumn.Value && VietnameseNumber.TryParse(p.Proposed!, IndicatorType.Text, out var n) ? n.Value : null,
                ValueColumn = p.ValueColumn,
            })
            .ToList();
    }
}

/// <summary>
/// Pre-fill from last period: stock values, the year's plan and plan references carry over, cumulative values start
/// from last period's figure as a floor (within a year) or are computed from it and this period's, period flows
/// start blank, and totals and rates the table can compute are computed. It works on any form — a template, or last
/// period's report itself when none matches. It proposes; it never writes.
/// </summary>
public sealed class PrefillPlanner(AppendixChecker checker)
{
    private static readonly string[] ReferencePrefixes = ["KE HOACH", "QUYET DINH", "CONG VAN", "NGHI QUYET", "CHI THI", "HOP DONG", "KE CA"];

    public static PrefillPlanner Default { get; } = new(AppendixChecker.Default);

    public PrefillPlan Plan(TableSnapshot current, TableSnapshot previous)
    {
        var (context, analysed) = checker.Analyse(current, previous, CheckOptions.Default);
        var before = analysed!;
        var restart = context.Header.Period is { } period && before.Header.Period is { } last && !period.ContinuesYearOf(last);

        var proposals = new List<PrefillProposal>();
        var primary = Rules.ValueMissingRule.Primary(context);
        foreach (var row in context.Rows.Where(r => !r.IsSectionRow))
        {
            context.PreviousRows.TryGetValue(row.Index, out var then);
            if (row.ExpectsValue)
            {
                foreach (var cell in row.Values)
                {
                    // The period's own column is always shown; the others where last period or a computation has something to say.
                    var proposal = ValueProposal(context, cell, restart);
                    if (cell.Column == primary || proposal.Previous is not null || proposal.Proposed is not null)
                    {
                        proposals.Add(proposal);
                    }
                }
            }

            if (ReferenceProposal(row, then) is { } reference)
            {
                proposals.Add(reference);
            }
        }

        return new PrefillPlan(before.Header, proposals);
    }

    private static PrefillProposal ValueProposal(CheckContext context, ValueFacts cell, bool restart)
    {
        var row = cell.Row;
        var then = context.PreviousCell(cell);
        var previousText = then is { State: ValueState.Number, Number: decimal written } ? VietnameseNumber.Format(written) : NullIfBlank(then?.Cell.Text);
        string? proposed = null;
        ProposalSource? source = null;
        if (cell.State == ValueState.Blank)
        {
            if ((context.Derived.Derived(cell) ?? ColumnRelations.Computed(context, cell)) is decimal computed)
            {
                (proposed, source) = (VietnameseNumber.Format(computed), ProposalSource.Computed);
            }
            else if (then is { State: ValueState.Number } && CarriesOver(row, cell.Role, restart))
            {
                (proposed, source) = (previousText, ProposalSource.PreviousPeriod);
            }
        }

        return new PrefillProposal(row.Row.Row, AppendixColumn.Value, row.Label, row.Kind, cell.Cell.Text, previousText, proposed, source, proposed is not null)
        {
            Section = row.Section,
            IndicatorId = row.Template?.Id,
            ValueColumn = cell.Column,
        };
    }

    /// <summary>
    /// Last period's figure carries into a blank cell for what exists at the report date, for the year's plan and, as a
    /// floor, for what accumulates over the year; flows of the period and rates start afresh.
    /// </summary>
    private static bool CarriesOver(RowFacts row, ValueRole role, bool restart) => role switch
    {
        ValueRole.Plan or ValueRole.Cumulative => !restart,
        ValueRole.Period => row.Kind == IndicatorKind.Stock || (row.Kind == IndicatorKind.Cumulative && !restart),
        _ => false,
    };

    /// <summary>A plan or decision reference in last period's note carries over to a blank note of a heading or stock row.</summary>
    private static PrefillProposal? ReferenceProposal(RowFacts row, RowFacts? then)
    {
        if (then is null || row.HasNote || then.Row.Note.IsBlank || !(row.Type == IndicatorType.Heading || row.Kind == IndicatorKind.Stock))
        {
            return null;
        }

        var note = then.Row.Note.Text.Trim();
        var key = VietnameseText.LabelKey(note);
        if (!ReferencePrefixes.Any(p => key.StartsWith(p, StringComparison.Ordinal)))
        {
            return null;
        }

        return new PrefillProposal(row.Row.Row, AppendixColumn.Note, row.Label, row.Kind, row.Row.Note.Text, note, note, ProposalSource.PreviousPeriod, true)
        {
            Section = row.Section,
            IndicatorId = row.Template?.Id,
        };
    }

    private static string? NullIfBlank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
