using System.Collections.Concurrent;
using Cchc.Appendix.Matching;
using Cchc.Appendix.Table;
using Cchc.Appendix.Templates;

namespace Cchc.Appendix.Checking;

/// <summary>
/// A previous report as the form of this one: the report analysed alone, the form learned from it, and the report
/// aligned with that form. <see cref="Before"/> is built on first need: it serves only when the current report follows
/// the form. Shared by the checks of the same previous report, so nothing in it is changed after it is built.
/// </summary>
internal sealed class LearnedForm(CheckContext alone, CompiledTemplate template, string learnedFrom, RowLabels keys)
{
    private readonly Lazy<CheckContext> _before = new(
        () => CheckContext.Create(alone.Snapshot, TemplateMatcher.Align(template, alone.Snapshot.Rows, keys), keys, FormSource.PreviousReport, learnedFrom),
        LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The previous report alone, as the form of a report that does not follow it.</summary>
    public CheckContext Alone { get; } = alone;

    public CompiledTemplate Template { get; } = template;

    /// <summary>That report's period as a title writes it, which messages name the form by.</summary>
    public string LearnedFrom { get; } = learnedFrom;

    /// <summary>The previous report aligned with the form learned from it.</summary>
    public CheckContext Before => _before.Value;
}

/// <summary>
/// One previous report analysed for the checks against it, each part on first need: its label keys, the report against
/// each template of the catalogue a current report matched, and the form learned from it where none did. Shared by
/// every check against the same report, so nothing in it is changed once built.
/// </summary>
internal sealed class PreviousReport
{
    private readonly Lazy<LearnedForm> _learned;
    private readonly ConcurrentDictionary<string, CheckContext> _byTemplate = new(StringComparer.Ordinal);

    public PreviousReport(TableSnapshot snapshot, RowLabels keys, Func<PreviousReport, LearnedForm> learn)
    {
        Snapshot = snapshot;
        Keys = keys;
        _learned = new(() => learn(this), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public TableSnapshot Snapshot { get; }

    /// <summary>Each row's label key, as the checker works them out.</summary>
    public RowLabels Keys { get; }

    /// <summary>The form learned from the report, for a current report no template matched.</summary>
    public LearnedForm Learned => _learned.Value;

    /// <summary>The report analysed against the template <paramref name="templateId"/>, as <paramref name="analyse"/> does it, once per template.</summary>
    public CheckContext Against(string templateId, Func<string, PreviousReport, CheckContext> analyse) =>
        _byTemplate.GetOrAdd(templateId, analyse, this);
}

/// <summary>
/// The previous reports checked against lately, kept by content. The pane checks the same report against the same
/// previous quarter each time its user edits a figure; analysing the previous report again (and, for a form no template
/// describes, drafting and compiling a form from it) cost as much as the check itself, three times as much for a learned
/// form. Keyed by every cell and title line the engine reads, compared in full on a hit (not only by hash), so two
/// units' reports never share an analysis unless every cell of them is the same; bounded in count, and reports longer
/// than <see cref="MaxRows"/> or <see cref="MaxCharacters"/> are analysed afresh each time rather than kept.
/// </summary>
internal sealed class PreviousReports
{
    /// <summary>Previous reports kept at once, the latest added: each user re-checks against one; a host serving many units keeps the latest.</summary>
    internal const int Capacity = 32;

    /// <summary>Real reports have about two hundred rows; a longer one is not worth the memory it would keep.</summary>
    internal const int MaxRows = 1_000;

    /// <summary>
    /// Nor one whose cells hold more text than this in all (a real report holds about 30,000 characters): kept reports
    /// stay under a few megabytes together whatever callers send.
    /// </summary>
    internal const int MaxCharacters = 256 * 1024;

    private readonly BoundedCache<SnapshotContent, PreviousReport> _reports = new(Capacity);

    public PreviousReport For(TableSnapshot previous, Func<TableSnapshot, PreviousReport> analyse)
    {
        if (previous.Rows.Count > MaxRows)
        {
            return analyse(previous);
        }

        var content = new SnapshotContent(previous);
        return content.Characters > MaxCharacters
            ? analyse(previous)
            : _reports.GetOrAdd(content, static (key, analyse) => analyse(key.Snapshot), analyse);
    }

    /// <summary>How many reports are kept, for the tests of the bound.</summary>
    internal int Count => _reports.Count;
}

/// <summary>
/// A snapshot compared by what the engine reads of it: title lines, value columns and every cell of every row (text,
/// number and format). Where the cells sit in the document (<see cref="AppendixRow.Location"/>, title sources) is not
/// read by the checks, so two copies of the same report in different places are equal.
/// </summary>
internal sealed class SnapshotContent : IEquatable<SnapshotContent>
{
    private readonly int _hash;

    public SnapshotContent(TableSnapshot snapshot)
    {
        Snapshot = snapshot;
        var hash = new HashCode();
        hash.Add(snapshot.Source);
        hash.Add(snapshot.HasHeaderRow);
        hash.Add(snapshot.TitleLines.Count);
        var characters = 0L;
        foreach (var line in snapshot.TitleLines)
        {
            hash.Add(line, StringComparer.Ordinal);
            characters += line.Length;
        }

        foreach (var column in snapshot.ValueColumns)
        {
            hash.Add(column);
        }

        hash.Add(snapshot.Rows.Count);
        foreach (var row in snapshot.Rows)
        {
            hash.Add(row.Row);
            // A label is hashed by its length alone: labels are most of a report's text and the same in every unit of a
            // province, while the numbers, units and title lines that tell two reports apart are short. Two reports
            // that differ only in a label's letters share a hash, and the full comparison on a hit tells them apart.
            characters += Add(ref hash, row.No) + Shape(ref hash, row.Label) + Add(ref hash, row.Unit) + Add(ref hash, row.Value) + Add(ref hash, row.Note);
            hash.Add(row.OtherValues.Count);
            foreach (var value in row.OtherValues)
            {
                characters += Add(ref hash, value);
            }
        }

        _hash = hash.ToHashCode();
        Characters = characters;
    }

    public TableSnapshot Snapshot { get; }

    /// <summary>The characters of every title line and cell together.</summary>
    public long Characters { get; }

    public bool Equals(SnapshotContent? other)
    {
        if (other is null || other._hash != _hash)
        {
            return false;
        }

        var (a, b) = (Snapshot, other.Snapshot);
        if (ReferenceEquals(a, b))
        {
            return true;
        }

        if (a.Source != b.Source || a.HasHeaderRow != b.HasHeaderRow || !a.TitleLines.SequenceEqual(b.TitleLines, StringComparer.Ordinal)
            || !a.ValueColumns.SequenceEqual(b.ValueColumns) || a.Rows.Count != b.Rows.Count)
        {
            return false;
        }

        for (var i = 0; i < a.Rows.Count; i++)
        {
            var (x, y) = (a.Rows[i], b.Rows[i]);
            if (x.Row != y.Row || x.No != y.No || x.Label != y.Label || x.Unit != y.Unit || x.Value != y.Value || x.Note != y.Note
                || !x.OtherValues.SequenceEqual(y.OtherValues))
            {
                return false;
            }
        }

        return true;
    }

    public override bool Equals(object? obj) => Equals(obj as SnapshotContent);

    public override int GetHashCode() => _hash;

    /// <summary>As <see cref="Add"/>, with the cell's text hashed by its length.</summary>
    private static int Shape(ref HashCode hash, CellValue cell)
    {
        hash.Add(cell.Text.Length);
        hash.Add(cell.Number);
        hash.Add(cell.NumberFormat, StringComparer.Ordinal);
        return cell.Text.Length + (cell.NumberFormat?.Length ?? 0);
    }

    /// <returns>The characters of the cell's text and format.</returns>
    private static int Add(ref HashCode hash, CellValue cell)
    {
        hash.Add(cell.Text, StringComparer.Ordinal);
        hash.Add(cell.Number);
        hash.Add(cell.NumberFormat, StringComparer.Ordinal);
        return cell.Text.Length + (cell.NumberFormat?.Length ?? 0);
    }
}
