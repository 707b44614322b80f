using Cchc.Appendix.Matching;
using Cchc.Appendix.Text;
using Cchc.Appendix.Units;

namespace Cchc.Appendix.Templates;

/// <summary>One entry of a template's reading order: a section heading or a row.</summary>
internal sealed record TemplateEntry(int Index, string Section, TemplateRow? Row, string Label, string Key)
{
    private LabelShingles? _shingles;

    public bool IsSection => Row is null;

    /// <summary>The row's unit as <see cref="UnitText.Parse"/> reads it, read once with the template; null where the form gives none.</summary>
    public UnitInfo? Unit { get; init; }

    /// <summary>The trigrams of <see cref="Key"/>, worked out when a label first needs comparing by similarity.</summary>
    public LabelShingles Shingles => _shingles ??= LabelShingles.Of(Key);
}

/// <summary>
/// A template prepared for matching, once per template rather than once per check: entries in order, rows by id,
/// entries by label key, section headings by number, and — when a label first matches no key exactly — every entry
/// by the trigrams of its label (an inverted index, so such a label is compared only with the entries it shares a
/// trigram with). A form learned from last quarter is compiled on every check, so what only similarity needs waits.
/// </summary>
internal sealed class CompiledTemplate
{
    /// <summary>Labels whose nearest entries are kept: a form's misspelt or reworded labels, over many reports.</summary>
    private const int SimilarKeysKept = 512;

    private ulong[]? _gramIndex;
    private BoundedCache<string, (int Entry, double Similarity)[]>? _similar;

    public CompiledTemplate(AppendixTemplate template)
    {
        Template = template;
        var entries = new List<TemplateEntry>();
        var byKey = new Dictionary<string, int[]>(StringComparer.Ordinal);
        var rowsById = new Dictionary<string, TemplateEntry>(StringComparer.Ordinal);
        var sections = new Dictionary<string, int>(StringComparer.Ordinal);
        var aliases = new List<(int Index, string Key)>();
        foreach (var section in template.Sections)
        {
            var heading = NewEntry(entries.Count, section.Number, null, section.Title);
            entries.Add(heading);
            sections.TryAdd(section.Number, heading.Index);
            foreach (var row in section.Rows)
            {
                var entry = NewEntry(entries.Count, section.Number, row, row.Label);
                entries.Add(entry);
                rowsById.Add(row.Id, entry);
                if (row.ExpectsValue)
                {
                    ValueRowCount++;
                }

                foreach (var alias in row.Aliases)
                {
                    aliases.Add((entry.Index, VietnameseText.LabelKey(alias)));
                }
            }
        }

        // Entries by key, in reading order, then aliases; an index listed once per key.
        foreach (var entry in entries)
        {
            AddKey(byKey, entry.Key, entry.Index);
        }

        foreach (var (index, key) in aliases)
        {
            AddKey(byKey, key, index);
        }

        Entries = entries;
        RowsById = rowsById;
        ByKey = byKey;
        SectionEntries = sections;
    }

    public AppendixTemplate Template { get; }

    public IReadOnlyList<TemplateEntry> Entries { get; }

    public IReadOnlyDictionary<string, TemplateEntry> RowsById { get; }

    public IReadOnlyDictionary<string, int[]> ByKey { get; }

    /// <summary>The first heading entry of each section number.</summary>
    public IReadOnlyDictionary<string, int> SectionEntries { get; }

    public int ValueRowCount { get; }

    /// <summary>
    /// The entries found most like label keys that match none exactly (see <c>TemplateMatcher</c>), kept by key: the
    /// same report re-checked, or the next unit's with the same wording, finds them again without comparing. Bounded;
    /// made on first need, since most checks of a form learned from last quarter match every label exactly.
    /// </summary>
    public BoundedCache<string, (int Entry, double Similarity)[]> SimilarEntries =>
        Volatile.Read(ref _similar) ?? LazyInitializer.EnsureInitialized(ref _similar, () => new(SimilarKeysKept, StringComparer.Ordinal));

    /// <summary>The entries whose label has trigram <paramref name="gram"/>, ascending.</summary>
    public IEnumerable<int> EntriesWith(long gram)
    {
        // Built once on first use; two checks racing to build it build the same array.
        var index = Volatile.Read(ref _gramIndex) ?? Publish(ref _gramIndex, BuildGramIndex());
        var at = LowerBound(index, (ulong)gram << EntryBits);
        for (; at < index.Length && index[at] >> EntryBits == (ulong)gram; at++)
        {
            yield return (int)(index[at] & EntryMask);
        }
    }

    /// <summary>A trigram takes 48 bits, an entry index the 16 below: one sorted array of both is the whole index.</summary>
    private const int EntryBits = 16;

    private const ulong EntryMask = (1UL << EntryBits) - 1;

    private ulong[] BuildGramIndex()
    {
        if (Entries.Count > (int)EntryMask)
        {
            throw new InvalidOperationException($"A form of {Entries.Count} rows is more than the matcher indexes.");
        }

        var count = 0;
        foreach (var entry in Entries)
        {
            count += entry.Shingles.Count;
        }

        var index = new ulong[count];
        var at = 0;
        foreach (var entry in Entries)
        {
            foreach (var gram in entry.Shingles.Grams)
            {
                index[at++] = ((ulong)gram << EntryBits) | (uint)entry.Index;
            }
        }

        Array.Sort(index);
        return index;
    }

    private static ulong[] Publish(ref ulong[]? field, ulong[] value)
    {
        Volatile.Write(ref field, value);
        return value;
    }

    private static int LowerBound(ulong[] sorted, ulong value)
    {
        int low = 0, high = sorted.Length;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (sorted[middle] < value)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    private static void AddKey(Dictionary<string, int[]> byKey, string key, int index)
    {
        if (!byKey.TryGetValue(key, out var indexes))
        {
            byKey[key] = [index];
        }
        else if (Array.IndexOf(indexes, index) < 0)
        {
            byKey[key] = [.. indexes, index];
        }
    }

    private static TemplateEntry NewEntry(int index, string section, TemplateRow? row, string label) =>
        new(index, section, row, label, VietnameseText.LabelKey(label)) { Unit = row?.Unit is { } unit ? UnitText.Parse(unit) : null };
}
