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
}

/// <summary>The previous period's report as found, and a proposal per value cell.</summary>
public sealed record PrefillPlan(ReportHeader Previous, IReadOnlyList<PrefillProposal> Proposals)
{
    /// <summary>The edits for the chosen rows (by default the preselected ones), ready for a writer.</summary>
    public IReadOnlyList<CellEdit> Edits(IEnumerable<(int Row, AppendixColumn Column)>? chosen = null)
    {
        var wanted = chosen?.ToHashSet();
        return Proposals
            .Where(p => p.Proposed is not null && (wanted is null ? p.Preselected : wanted.Contains((p.Row, p.Column))))
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
            })
            .ToList();
    }
}

/// <summary>
/// Pre-fill from last period: stock values and plan references carry over, cumulative values start from last
/// period's figure as a floor (within a year), period flows start blank, and totals and rates the table can
/// compute are computed. It proposes; it never writes.
/// </summary>
public sealed class PrefillPlanner(AppendixChecker checker)
{
    private static readonly string[] ReferencePrefixes = ["KE HOACH", "QUYET DINH", "CONG VAN", "NGHI QUYET", "CHI THI", "HOP DONG", "KE CA"];

    public static PrefillPlanner Default { get; } = new(AppendixChecker.Default);

    public PrefillPlan Plan(TableSnapshot current, TableSnapshot previous)
    {
        var context = checker.Analyse(current, CheckOptions.Default);
        var before = checker.Analyse(previous, CheckOptions.Default with { TemplateId = context.Template?.Template.Id });
        context.AttachPrevious(before);
        var restart = context.Header.Period is { } period && before.Header.Period is { } last && !period.ContinuesYearOf(last);

        var proposals = new List<PrefillProposal>();
        foreach (var row in context.Rows.Where(r => !r.IsSectionRow))
        {
            context.PreviousRows.TryGetValue(row.Index, out var then);
            if (row.ExpectsValue)
            {
                proposals.Add(ValueProposal(context, row, then, restart));
            }

            if (ReferenceProposal(row, then) is { } reference)
            {
                proposals.Add(reference);
            }
        }

        return new PrefillPlan(before.Header, proposals);
    }

    private static PrefillProposal ValueProposal(CheckContext context, RowFacts row, RowFacts? then, bool restart)
    {
        var previousText = then is { State: ValueState.Number } ? VietnameseNumber.Format(then.Number!.Value) : NullIfBlank(then?.Row.Value.Text);
        string? proposed = null;
        ProposalSource? source = null;
        if (row.State == ValueState.Blank)
        {
            if (context.Derived.Derived(row) is decimal computed)
            {
                (proposed, source) = (VietnameseNumber.Format(computed), ProposalSource.Computed);
            }
            else if (then is { State: ValueState.Number } && (row.Kind == IndicatorKind.Stock || (row.Kind == IndicatorKind.Cumulative && !restart)))
            {
                (proposed, source) = (previousText, ProposalSource.PreviousPeriod);
            }
        }

        return new PrefillProposal(row.Row.Row, AppendixColumn.Value, row.Label, row.Kind, row.Row.Value.Text, previousText, proposed, source, proposed is not null)
        {
            Section = row.Section,
            IndicatorId = row.Template?.Id,
        };
    }

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
