using Cchc.Appendix.Table;
using Cchc.Appendix.Templates;
using Cchc.Appendix.Text;

namespace Cchc.Appendix.Matching;

/// <summary>How the rows of one document line up with one template.</summary>
/// <param name="Entries">For each snapshot row (by position), the template entry it matched, or null.</param>
/// <param name="Similarities">For each snapshot row, the label similarity of its match (1 = same wording).</param>
internal sealed record TemplateAlignment(CompiledTemplate Template, TemplateEntry?[] Entries, double[] Similarities, double Weight)
{
    public int MatchedRows => Entries.Count(e => e is not null);

    public int MatchedValueRows => Entries.Count(e => e?.Row is { ExpectsValue: true });
}

/// <summary>
/// Lines a document's rows up with a template's: each row finds its candidate entries by label (exact
/// key first, then trigram similarity), and the alignment is the heaviest chain of candidates in which
/// both the document order and the template order increase. Order is what tells apart a label that
/// occurs twice (II.2 asks "Số VBQPPL phát hiện trái pháp luật" for self-checks and again for checks by
/// authority); typos, lost numbering, "- " prefixes, extra and missing rows only cost their own weight.
/// Candidates per row are bounded, so the work grows linearly with the document.
/// </summary>
internal static class TemplateMatcher
{
    private const double MinimumSimilarity = 0.6;
    private const int MaxFuzzyCandidates = 6;
    private const double SectionWeight = 1.5;

    /// <param name="keys">Each row's <see cref="VietnameseText.LabelKey"/>, computed once per check by the caller.</param>
    public static TemplateAlignment Align(CompiledTemplate template, IReadOnlyList<AppendixRow> rows, IReadOnlyList<string> keys)
    {
        var pairs = new List<(int Row, int Entry, double Weight)>();
        var fuzzyCache = new Dictionary<string, (int Entry, double Similarity)[]>(StringComparer.Ordinal);
        for (var i = 0; i < rows.Count; i++)
        {
            foreach (var (entry, similarity) in Candidates(template, rows[i], keys[i], fuzzyCache))
            {
                var weight = template.Entries[entry].IsSection ? SectionWeight : similarity;
                pairs.Add((i, entry, weight));
            }
        }

        return Chain(template, rows.Count, pairs);
    }

    private static IEnumerable<(int Entry, double Similarity)> Candidates(
        CompiledTemplate template, AppendixRow row, string key, Dictionary<string, (int, double)[]> fuzzyCache)
    {
        var roman = SectionNumbers.Parse(row.No.Text);
        if (roman is not null)
        {
            var sectionEntry = template.Entries.FirstOrDefault(e => e.IsSection && e.Section == roman);
            if (sectionEntry is not null)
            {
                return [(sectionEntry.Index, 1.0)];
            }
        }

        if (key.Length == 0)
        {
            return [];
        }

        if (template.ByKey.TryGetValue(key, out var exact))
        {
            return exact.Select(e => (e, 1.0));
        }

        if (!fuzzyCache.TryGetValue(key, out var fuzzy))
        {
            var shingles = LabelShingles.Of(key);
            fuzzy = template.Entries
                .Select(e => (e.Index, Similarity: e.Shingles.Similarity(shingles)))
                .Where(c => c.Similarity >= MinimumSimilarity)
                .OrderByDescending(c => c.Similarity)
                .Take(MaxFuzzyCandidates)
                .ToArray();
            fuzzyCache[key] = fuzzy;
        }

        return fuzzy;
    }

    /// <summary>
    /// Heaviest increasing chain over (row, entry) pairs: pairs come sorted by row; a Fenwick tree over entry
    /// indexes gives the best chain ending before each entry, so rows of equal index never chain together.
    /// </summary>
    private static TemplateAlignment Chain(CompiledTemplate template, int rowCount, List<(int Row, int Entry, double Weight)> pairs)
    {
        var size = template.Entries.Count;
        var tree = new (double Score, int Pair)[size + 1];
        Array.Fill(tree, (0d, -1));
        var best = new double[pairs.Count];
        var previous = new int[pairs.Count];

        var start = 0;
        while (start < pairs.Count)
        {
            var end = start;
            while (end < pairs.Count && pairs[end].Row == pairs[start].Row)
            {
                end++;
            }

            for (var p = start; p < end; p++)
            {
                var (score, pair) = Query(tree, pairs[p].Entry);
                best[p] = score + pairs[p].Weight;
                previous[p] = pair;
            }

            for (var p = start; p < end; p++)
            {
                Update(tree, pairs[p].Entry + 1, best[p], p);
            }

            start = end;
        }

        var entries = new TemplateEntry?[rowCount];
        var similarities = new double[rowCount];
        var (total, last) = Query(tree, size);
        for (var p = last; p >= 0; p = previous[p])
        {
            entries[pairs[p].Row] = template.Entries[pairs[p].Entry];
            similarities[pairs[p].Row] = Math.Min(1, pairs[p].Weight);
        }

        return new TemplateAlignment(template, entries, similarities, total);
    }

    /// <summary>Best chain over entries with index &lt; <paramref name="entry"/>.</summary>
    private static (double Score, int Pair) Query((double Score, int Pair)[] tree, int entry)
    {
        var best = (Score: 0d, Pair: -1);
        for (var i = entry; i > 0; i -= i & -i)
        {
            if (tree[i].Score > best.Score)
            {
                best = tree[i];
            }
        }

        return best;
    }

    private static void Update((double Score, int Pair)[] tree, int position, double score, int pair)
    {
        for (var i = position; i < tree.Length; i += i & -i)
        {
            if (score > tree[i].Score)
            {
                tree[i] = (score, pair);
            }
        }
    }
}
