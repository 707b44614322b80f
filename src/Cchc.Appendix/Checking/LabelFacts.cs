using System.Collections;
using Cchc.Appendix.Rules;
using Cchc.Appendix.Templates;
using Cchc.Appendix.Text;
using Cchc.Appendix.Units;

namespace Cchc.Appendix.Checking;

/// <summary>
/// What the engine reads from a label's text alone: its key, and, each worked out when first asked and then kept, the
/// type its words imply, whether it counts a stock or a running total, whether its key repeats a phrase. The catalogue keeps
/// these for the labels it last saw (<see cref="TemplateCatalog.LabelOf"/>), so a label written again, in the next
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

    /// <summary><see cref="VietnameseText.LabelKey(string)"/> of the label.</summary>
    public string Key { get; } = key;

    /// <summary>The type the label's own words imply (<see cref="UnitText.TypeFromLabel"/>).</summary>
    public IndicatorType? ImpliedType
    {
        get
        {
            var implied = Read(ref _implied, label, static text => UnitText.TypeFromLabel(text) is { } type ? (int)type : None);
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
/// Each row's label key, as the matcher reads them, with the <see cref="LabelFacts"/> they came from, which the rows'
/// facts are made with.
/// </summary>
internal sealed class LabelKeys(LabelFacts[] labels) : IReadOnlyList<string>
{
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
