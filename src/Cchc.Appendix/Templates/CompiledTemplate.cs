using Cchc.Appendix.Text;

namespace Cchc.Appendix.Templates;

/// <summary>One entry of a template's reading order: a section heading or a row.</summary>
internal sealed record TemplateEntry(int Index, string Section, TemplateRow? Row, string Label, string Key, LabelShingles Shingles)
{
    public bool IsSection => Row is null;
}

/// <summary>A template prepared for matching: entries in order, rows by id, entries by label key.</summary>
internal sealed class CompiledTemplate
{
    public CompiledTemplate(AppendixTemplate template)
    {
        Template = template;
        var entries = new List<TemplateEntry>();
        foreach (var section in template.Sections)
        {
            entries.Add(NewEntry(entries.Count, section.Number, null, section.Title));
            foreach (var row in section.Rows)
            {
                entries.Add(NewEntry(entries.Count, section.Number, row, row.Label));
                foreach (var alias in row.Aliases)
                {
                    Aliases.Add((entries.Count - 1, VietnameseText.LabelKey(alias)));
                }
            }
        }

        Entries = entries;
        RowsById = entries.Where(e => e.Row is not null).ToDictionary(e => e.Row!.Id, StringComparer.Ordinal);
        ByKey = entries.Select(e => (e.Key, e.Index)).Concat(Aliases.Select(a => (a.Key, a.Index)))
            .GroupBy(p => p.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(p => p.Index).Distinct().ToArray(), StringComparer.Ordinal);
        ValueRowCount = entries.Count(e => e.Row is { ExpectsValue: true });
    }

    public AppendixTemplate Template { get; }

    public IReadOnlyList<TemplateEntry> Entries { get; }

    public IReadOnlyDictionary<string, TemplateEntry> RowsById { get; }

    public IReadOnlyDictionary<string, int[]> ByKey { get; }

    public int ValueRowCount { get; }

    private List<(int Index, string Key)> Aliases { get; } = [];

    private static TemplateEntry NewEntry(int index, string section, TemplateRow? row, string label)
    {
        var key = VietnameseText.LabelKey(label);
        return new TemplateEntry(index, section, row, label, key, LabelShingles.Of(key));
    }
}
