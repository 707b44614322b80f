using Cchc.Appendix.Header;
using Cchc.Appendix.Matching;
using Cchc.Appendix.Table;
using Cchc.Appendix.Templates;
using Cchc.Appendix.Units;

namespace Cchc.Appendix.Checking;

/// <summary>
/// Everything the rules read: the rows as facts, the form they were checked against (a template, the previous report,
/// or only the document itself), the relations of that form bound to the rows, the header, the previous period.
/// </summary>
internal sealed class CheckContext
{
    /// <summary>The row aligned with each entry of the form, by the entry's index; empty without a form.</summary>
    private readonly RowFacts?[] _byEntry;
    private readonly CellTable _cells;
    private (string Vi, string En)? _formNoun;
    private Derivations? _derivations;
    private IReadOnlyList<Rules.NumberingIssue>? _numbering;
    private int[]? _additive;

    private CheckContext(TableSnapshot snapshot, ReportHeader header, TemplateAlignment? alignment, List<RowFacts> rows, CellTable cells, FormSource source, string? learnedFrom)
    {
        _cells = cells;
        Snapshot = snapshot;
        Header = header;
        Alignment = alignment;
        Rows = rows;
        Source = source;
        LearnedFrom = learnedFrom;
        _byEntry = alignment is null ? [] : new RowFacts?[alignment.Template.Entries.Count];
        foreach (var row in rows)
        {
            if (row.Entry is { } entry)
            {
                _byEntry[entry.Index] = row;
            }
        }

        Parents = FormInference.Parents(rows);
        Relations = BindRelations();
    }

    public TableSnapshot Snapshot { get; }

    public ReportHeader Header { get; }

    public TemplateAlignment? Alignment { get; }

    /// <summary>The form the rows were aligned with: a template, or the previous report drafted as one; null for the document alone.</summary>
    public CompiledTemplate? Template => Alignment?.Template;

    public FormSource Source { get; }

    /// <summary>For a form learned from the previous report, that report's period as a title writes it.</summary>
    public string? LearnedFrom { get; }

    /// <summary>True when the form is a template a person wrote: its relations and units are certain, not inferred.</summary>
    public bool FormIsDeclared => Source == FormSource.Template;

    /// <summary>
    /// The rows in order. A list rather than an interface: some thirty rules walk it on every check, and a list's
    /// enumerator and indexer need no interface call or boxed enumerator. Nothing adds to it after the context is made.
    /// </summary>
    public List<RowFacts> Rows { get; }

    /// <summary>For each row (by index), the row it sits under, -1 for none.</summary>
    public int[] Parents { get; }

    public IReadOnlyList<ValueColumn> Columns => Snapshot.ValueColumns;

    public IReadOnlyList<FormRelation> Relations { get; }

    public Derivations Derived => _derivations ??= Derivations.Solve(this);

    /// <summary>What each THỨ TỰ cell should say; three rules read it, so it is worked out once.</summary>
    public IReadOnlyList<Rules.NumberingIssue> NumberingIssues => _numbering ??= Rules.Numbering.Issues(this);

    /// <summary>The previous period's appendix, when one was given.</summary>
    public CheckContext? Previous { get; private set; }

    /// <summary>For each row (by index), the row of the previous period that holds the same indicator.</summary>
    public IReadOnlyDictionary<int, RowFacts> PreviousRows { get; private set; } = new Dictionary<int, RowFacts>();

    /// <summary>How the form is named in messages: "mẫu" for a template, "báo cáo kỳ trước" for a learned form.</summary>
    public (string Vi, string En) FormNoun => _formNoun ??= Source == FormSource.PreviousReport
        ? ($"báo cáo kỳ trước ({LearnedFrom})", $"the previous report ({LearnedFrom})")
        : ($"mẫu “{Template?.Template.Name}”", $"the form “{Template?.Template.NameEn ?? Template?.Template.Name}”");

    /// <summary>Every value cell of every row, in row order then column order.</summary>
    public CheckCells Cells => new(Rows, _cells.PerRow);

    public RowFacts? RowOf(string? id) => id is not null && Template is { } form && form.RowsById.TryGetValue(id, out var entry) ? _byEntry[entry.Index] : null;

    /// <param name="keys">Each row's label, its key as the alignment used it.</param>
    public static CheckContext Create(TableSnapshot snapshot, TemplateAlignment? alignment, RowLabels keys, FormSource source, string? learnedFrom = null)
    {
        var header = HeaderParser.Parse(snapshot.TitleLines);
        var rows = new List<RowFacts>(snapshot.Rows.Count);
        var cells = new CellTable(snapshot.Rows.Count, snapshot.ValueColumns);

        string? section = null;
        for (var i = 0; i < snapshot.Rows.Count; i++)
        {
            var row = snapshot.Rows[i];
            var entry = alignment?.Entries[i];
            section = entry?.Section ?? SectionNumbers.Parse(row.No.Text) ?? section;
            rows.Add(RowFacts.Create(row, i, keys.Facts(i), UnitText.Parse(row.Unit.Text), section, entry, header.Period, cells));
        }

        return new CheckContext(snapshot, header, alignment, rows, cells, source, learnedFrom);
    }

    /// <summary>
    /// Attaches the previous period: rows pair up by form row when both were aligned with the same form, else by
    /// section, label and occurrence, so that a repeated label pairs with its own counterpart.
    /// </summary>
    public void AttachPrevious(CheckContext previous)
    {
        Previous = previous;
        var pairs = new Dictionary<int, RowFacts>();
        if (Template is not null && previous.Template?.Template.Id == Template.Template.Id)
        {
            foreach (var row in Rows.Where(r => r.Template is not null))
            {
                if (previous.RowOf(row.Template!.Id) is { } match)
                {
                    pairs[row.Index] = match;
                }
            }
        }
        else
        {
            var byKey = previous.Rows.Where(r => r.LabelKey.Length > 0)
                .GroupBy(r => (r.Section, r.LabelKey))
                .ToDictionary(g => g.Key, g => g.ToList());
            var seen = new Dictionary<(string?, string), int>();
            foreach (var row in Rows.Where(r => r.LabelKey.Length > 0))
            {
                var key = (row.Section, row.LabelKey);
                var occurrence = seen.GetValueOrDefault(key);
                seen[key] = occurrence + 1;
                if (byKey.TryGetValue(key, out var candidates) && occurrence < candidates.Count)
                {
                    pairs[row.Index] = candidates[occurrence];
                }
            }
        }

        PreviousRows = pairs;
    }

    /// <summary>
    /// The previous period's cell that corresponds to <paramref name="cell"/>: the same row, and the value column with
    /// the same role (a "Lũy kế" column with last period's "Lũy kế"), else the same position.
    /// </summary>
    public ValueFacts? PreviousCell(ValueFacts cell)
    {
        if (Previous is null || !PreviousRows.TryGetValue(cell.Row.Index, out var before))
        {
            return null;
        }

        var columns = Previous.Columns;
        for (var c = 0; c < columns.Count; c++)
        {
            if (columns[c].Role == cell.Role)
            {
                return before.Values[c];
            }
        }

        return columns.Count == Columns.Count ? before.Values[cell.Column] : null;
    }

    /// <summary>
    /// The value columns whose cells add up: every one but a rate column. Worked out once: rules walk them once for
    /// every relation.
    /// </summary>
    public int[] AdditiveColumns => _additive ??= Enumerable.Range(0, Columns.Count).Where(c => Columns[c].IsAdditive).ToArray();

    private List<FormRelation> BindRelations()
    {
        var relations = new List<FormRelation>(Template?.Template.Relations.Count ?? 0);
        Func<string?, RowFacts?> rowOf = RowOf;
        switch (Source)
        {
            case FormSource.Template:
                foreach (var relation in Template!.Template.Relations)
                {
                    var basis = relation.Inferred is null ? RelationBasis.Declared : RelationBasis.Drafted;
                    if (FormRelation.Bind(relation, rowOf, basis) is { } bound)
                    {
                        relations.Add(bound);
                    }
                }

                break;
            case FormSource.PreviousReport:
                var byWords = FormInference.WordRelations(Rows, Parents);
                relations.AddRange(byWords);
                var totalled = byWords.Where(r => r.Kind == RelationKind.Sum).Select(r => r.Total!.Index).ToHashSet();
                foreach (var relation in Template!.Template.Relations.Where(r => r.Inferred == RelationOrigin.Values))
                {
                    if (FormRelation.Bind(relation, rowOf, RelationBasis.PreviousReport, LearnedFrom) is { } bound
                        && !(bound.Kind == RelationKind.Sum && totalled.Contains(bound.Total!.Index)))
                    {
                        relations.Add(bound);
                    }
                }

                break;
            default:
                relations.AddRange(FormInference.WordRelations(Rows, Parents));
                break;
        }

        return relations;
    }
}
