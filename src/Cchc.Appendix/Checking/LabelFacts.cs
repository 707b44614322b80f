using System.Collections;
using Cchc.Appendix.Rules;
using Cchc.Appendix.Table;
using Cchc.Appendix.Templates;
using Cchc.Appendix.Text;
using Cchc.Appendix.Units;

namespace Cchc.Appendix.Checking;

/// <summary>
/// What the engine reads from a label's text alone: its key, and, each worked out when first asked and then kept, the
/// type its words imply, whether it counts a stock or a running total, whether its key repeats a phrase. The catalogue keeps
/// these for the labels it sees again (<see cref="TemplateCatalog.LabelOf"/>), so a label written again, in the next
/// unit's report or in the same report checked after an edit, is not read again. Shared between threads; every fact
/// is one field written whole, so a thread sees it unread or read, never half.
/// </summary>
internal sealed class LabelFacts(string label, string key)
{
    private const int Unread = -2;
    private const int None = -1;

    private int _implied = Unread;
    private int _kind = Unread;
    private int _repeats = Unread;

    /// <summary>The label as written.</summary>
    public string Label { get; } = label;

    /// <summary><see cref="VietnameseText.LabelKey(string)"/> of the label.</summary>
    public string Key { get; } = key;

    /// <summary>The type the label's own words imply (<see cref="UnitText.TypeFromLabel"/>).</summary>
    public IndicatorType? ImpliedType
    {
        get
        {
            var implied = Read(ref _implied, Label, static text => UnitText.TypeFromLabel(text) is { } type ? (int)type : None);
            return implied == None ? null : (IndicatorType)implied;
        }
    }

    /// <summary>What the label counts, by its key's words (<see cref="FormInference.KindOf"/>).</summary>
    public IndicatorKind Kind => (IndicatorKind)Read(ref _kind, Key, static key => (int)FormInference.KindOf(key));

    /// <summary>True when the key may repeat a phrase in a row (<see cref="LabelRepeatedWordsRule.MayRepeatAPhrase"/>).</summary>
    public bool MayRepeatAPhrase => Read(ref _repeats, Key, static key => LabelRepeatedWordsRule.MayRepeatAPhrase(key) ? 1 : 0) == 1;

    private static int Read(ref int field, string text, Func<string, int> read)
    {
        var value = Volatile.Read(ref field);
        if (value == Unread)
        {
            value = read(text);
            Volatile.Write(ref field, value);
        }

        return value;
    }
}

/// <summary>
/// The <see cref="LabelFacts"/> of labels seen more than once, in a table of fixed size where each label has two
/// places, found from its hash: a label seen again is found in one of them. A label's facts are kept only when it comes
/// back: a place first remembers its hash alone, a number, so a report whose labels are all new leaves nothing behind for
/// the collector to carry into older generations (keeping every new label's facts made such a report 1.4× slower than
/// not keeping any). A label takes an empty place first, else one of its two by its hash; labels of one form rarely meet
/// three to a pair of places, so they rarely take places from each other. Threads share the table: a place holds one
/// reference and one number, each written whole, and the facts are themselves safe to share; a number and a reference
/// that disagree only cost a label read once more.
/// </summary>
internal sealed class LabelTable
{
    /// <summary>Places in the table, two to each hash: a power of two, a few forms' labels with room to spare.</summary>
    public const int Places = 8192;

    private const int Pairs = Places / 2;

    private readonly LabelFacts?[] _kept = new LabelFacts?[Places];
    private readonly int[] _seen = new int[Places];

    public LabelFacts GetOrAdd<TArgument>(string label, Func<string, TArgument, LabelFacts> read, TArgument argument)
    {
        var hash = label.GetHashCode();
        var first = (hash & (Pairs - 1)) * 2;
        if ((Kept(first, label) ?? Kept(first + 1, label)) is { } kept)
        {
            return kept;
        }

        var facts = read(label, argument);
        var place = Volatile.Read(ref _seen[first]) == hash ? first : Volatile.Read(ref _seen[first + 1]) == hash ? first + 1 : -1;
        if (place >= 0)
        {
            Volatile.Write(ref _kept[place], facts);
        }
        else
        {
            place = Volatile.Read(ref _seen[first]) == 0 ? first : Volatile.Read(ref _seen[first + 1]) == 0 ? first + 1 : first + ((hash >> 16) & 1);
            Volatile.Write(ref _seen[place], hash);
        }

        return facts;
    }

    private LabelFacts? Kept(int place, string label) =>
        Volatile.Read(ref _kept[place]) is { } kept && string.Equals(kept.Label, label, StringComparison.Ordinal) ? kept : null;
}

/// <summary>
/// Each row's label key, as the matcher reads them, with the <see cref="LabelFacts"/> they came from, which the rows'
/// facts are made with: the checker's from its catalogue (<see cref="TemplateCatalog.LabelOf"/>), or read afresh.
/// </summary>
internal sealed class RowLabels(LabelFacts[] labels) : IReadOnlyList<string>
{
    /// <summary>Each row's label read afresh, for work outside a checker (drafting a form from documents).</summary>
    public static RowLabels Read(TableSnapshot snapshot)
    {
        var labels = new LabelFacts[snapshot.Rows.Count];
        for (var i = 0; i < labels.Length; i++)
        {
            var label = snapshot.Rows[i].Label.Text;
            labels[i] = new LabelFacts(label, VietnameseText.LabelKey(label));
        }

        return new RowLabels(labels);
    }

    public int Count => labels.Length;

    public string this[int index] => labels[index].Key;

    public LabelFacts Facts(int index) => labels[index];

    public IEnumerator<string> GetEnumerator()
    {
        foreach (var label in labels)
        {
            yield return label.Key;
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
