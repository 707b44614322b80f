using Cchc.Appendix.Header;
using Cchc.Appendix.Matching;
using Cchc.Appendix.Table;
using Cchc.Appendix.Templates;
using Cchc.Appendix.Units;

namespace Cchc.Appendix.Checking;

/// <summary>Everything the rules read: the rows as facts, the matched template, the header, the previous period.</summary>
internal sealed class CheckContext
{
    private readonly Dictionary<string, RowFacts> _byId;
    private Derivations? _derivations;
    private IReadOnlyList<Rules.NumberingIssue>? _numbering;

    private CheckContext(TableSnapshot snapshot, ReportHeader header, TemplateAlignment? alignment, IReadOnlyList<RowFacts> rows)
    {
        Snapshot = snapshot;
        Header = header;
        Alignment = alignment;
        Rows = rows;
        _byId = rows.Where(r => r.Template is not null).ToDictionary(r => r.Template!.Id, StringComparer.Ordinal);
    }

    public TableSnapshot Snapshot { get; }

    public ReportHeader Header { get; }

    public TemplateAlignment? Alignment { get; }

    public CompiledTemplate? Template => Alignment?.Template;

    public IReadOnlyList<RowFacts> Rows { get; }

    public IReadOnlyList<TemplateRelation> Relations => Template?.Template.Relations ?? [];

    public Derivations Derived => _derivations ??= Derivations.Solve(this);

    /// <summary>What each THỨ TỰ cell should say; three rules read it, so it is worked out once.</summary>
    public IReadOnlyList<Rules.NumberingIssue> NumberingIssues => _numbering ??= Rules.Numbering.Issues(this);

    /// <summary>The previous period's appendix, when one was given.</summary>
    public CheckContext? Previous { get; private set; }

    /// <summary>For each row (by index), the row of the previous period that holds the same indicator.</summary>
    public IReadOnlyDictionary<int, RowFacts> PreviousRows { get; private set; } = new Dictionary<int, RowFacts>();

    public RowFacts? RowOf(string? id) => id is not null && _byId.TryGetValue(id, out var row) ? row : null;

    public IReadOnlyList<RowFacts?> RowsOf(IEnumerable<string> ids) => ids.Select(RowOf).ToList();

    /// <param name="keys">Each row's label key, as the alignment used them.</param>
    public static CheckContext Create(TableSnapshot snapshot, TemplateAlignment? alignment, IReadOnlyList<string> keys)
    {
        var header = HeaderParser.Parse(snapshot.TitleLines);
        var rows = new List<RowFacts>(snapshot.Rows.Count);

        // A report uses a dozen unit wordings over two hundred rows: each is read once.
        var units = new Dictionary<string, UnitInfo>(StringComparer.Ordinal);
        string? section = null;
        for (var i = 0; i < snapshot.Rows.Count; i++)
        {
            var row = snapshot.Rows[i];
            var entry = alignment?.Entries[i];
            section = entry?.Section ?? SectionNumbers.Parse(row.No.Text) ?? section;
            if (!units.TryGetValue(row.Unit.Text, out var unit))
            {
                unit = UnitText.Parse(row.Unit.Text);
                units[row.Unit.Text] = unit;
            }

            rows.Add(RowFacts.Create(row, i, keys[i], unit, section, entry, alignment?.Similarities[i] ?? 0, header.Period));
        }

        return new CheckContext(snapshot, header, alignment, rows);
    }

    /// <summary>
    /// Attaches the previous period: rows pair up by template id when both matched the same template, else by
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
}
