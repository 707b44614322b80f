using Cchc.Appendix.Text;
using Cchc.Appendix.Units;

namespace Cchc.Appendix.Templates;

/// <summary>One entry of a template's reading order: a section heading or a row.</summary>
internal sealed record TemplateEntry(int Index, string Section, TemplateRow? Row, string Label, string Key, LabelShingles Shingles)
{
    public bool IsSection => Row is null;

    /// <summary>The row's unit as <see cref="UnitText.Parse"/> reads it, read once with the template; null where the form gives none.</summary>
    public UnitInfo? Unit { get; init; }
}

/// <summary>
/// A template prepared for matching, once per template rather than once per check: entries in order, rows by id,
/// entries by label key, section headings by number, and every entry by the trigrams of its label (an inverted
/// index, so a label that matches no key exactly is compared only with the entries it shares a trigram with).
/// </summary>
internal sealed class CompiledTemplate
{
    public CompiledTemplate(AppendixTemplate template)
    {
        Template = template;
        var entries = new List<TemplateEntry>();
        var aliases = new List<(int Index, string Key)>();
        foreach (var section in template.Sections)
        {
            entries.Add(NewEntry(entries.Count, section.Number, null, section.Title));
            foreach (var row in section.Rows)
            {
                entries.Add(NewEntry(entries.Count, section.Number, row, row.Label));
                foreach (var alias in row.Aliases)
                {
                    aliases.Add((entries.Count - 1, VietnameseText.LabelKey(alias)));
                }
            }
        }

        Entries = entries;
        RowsById = entries.Where(e => e.Row is not null).ToDictionary(e => e.Row!.Id, StringComparer.Ordinal);
        ByKey = entries.Select(e => (e.Key, e.Index)).Concat(aliases.Select(a => (a.Key, a.Index)))
            .GroupBy(p => p.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(p => p.Index).Distinct().ToArray(), StringComparer.Ordinal);
        ValueRowCount = entries.Count(e => e.Row is { ExpectsValue: true });

        var sections = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var entry in entries.Where(e => e.IsSection))
        {
            sections.TryAdd(entry.Section, entry.Index);
        }

        SectionEntries = sections;
        ByGram = entries
            .SelectMany(e => e.Shingles.Grams.ToArray().Select(g => (Gram: g, e.Index)))
            .GroupBy(p => p.Gram)
            .ToDictionary(g => g.Key, g => g.Select(p => p.Index).ToArray());
    }

    public AppendixTemplate Template { get; }

    public IReadOnlyList<TemplateEntry> Entries { get; }

    public IReadOnlyDictionary<string, TemplateEntry> RowsById { get; }

    public IReadOnlyDictionary<string, int[]> ByKey { get; }

    /// <summary>The first heading entry of each section number.</summary>
    public IReadOnlyDictionary<string, int> SectionEntries { get; }

    /// <summary>For each label trigram, the entries whose label has it, ascending.</summary>
    public IReadOnlyDictionary<long, int[]> ByGram { get; }

    public int ValueRowCount { get; }

    private static TemplateEntry NewEntry(int index, string section, TemplateRow? row, string label)
    {
        var key = VietnameseText.LabelKey(label);
        return new TemplateEntry(index, section, row, label, key, LabelShingles.Of(key)) { Unit = row?.Unit is { } unit ? UnitText.Parse(unit) : null };
    }
}
