using System.Buffers;
using Cchc.Appendix.Table;
using Cchc.Appendix.Templates;
using Cchc.Appendix.Text;

namespace Cchc.Appendix.Matching;

/// <summary>How the rows of one document line up with one template.</summary>
/// <param name="Entries">For each snapshot row (by position), the template entry it matched, or null.</param>
/// <param name="Similarities">For each snapshot row, the label similarity of its match (1 = same wording).</param>
internal sealed record TemplateAlignment(CompiledTemplate Template, TemplateEntry?[] Entries, double[] Similarities, double Weight)
{
    public int MatchedRows { get; } = Count(Entries, valueRowsOnly: false);

    public int MatchedValueRows { get; } = Count(Entries, valueRowsOnly: true);

    private static int Count(TemplateEntry?[] entries, bool valueRowsOnly)
    {
        var count = 0;
        foreach (var entry in entries)
        {
            if (entry is not null && (!valueRowsOnly || entry.Row is { ExpectsValue: true }))
            {
                count++;
            }
        }

        return count;
    }
}

/// <summary>
/// Lines a document's rows up with a template's: each row finds its candidate entries by label (exact
/// key first, then trigram similarity), and the alignment is the heaviest chain of candidates in which
/// both the document order and the template order increase. Order is what tells apart a label that
/// occurs twice (II.2 asks "Số VBQPPL phát hiện trái pháp luật" for self-checks and again for checks by
/// authority); typos, lost numbering, "- " prefixes, extra and missing rows only cost their own weight.
/// Candidates per row are bounded, so the work grows linearly with the document; a label with no exact key is
/// compared only with the entries that share one of its trigrams (the template's index), once per distinct key.
/// </summary>
internal static class TemplateMatcher
{
    private const double MinimumSimilarity = 0.6;
    private const int MaxFuzzyCandidates = 6;

    /// <summary>
    /// A label the form repeats more often than this (a form learned from a long report that repeats its items) offers
    /// only this many of its entries, those nearest the row's place: the candidates per row stay bounded, as the chain
    /// needs for linear time. Real forms repeat a label two or three times, so they keep every candidate.
    /// </summary>
    private const int MaxExactCandidates = 32;
    private const double SectionWeight = 1.5;

    /// <summary>Labels longer than this (a paragraph pasted into a cell) are compared each time rather than kept with the template.</summary>
    private const int MaxKeptKey = 256;

    /// <summary>The candidate pairs of a call are kept for the thread's next call, up to this many (a long report's are let go).</summary>
    private const int KeptPairs = 1 << 14;

    /// <summary>The thread's list of candidate pairs, between calls; a call takes it (and leaves null) while it works.</summary>
    [ThreadStatic]
    private static List<(int Row, int Entry, double Weight)>? t_pairs;

    /// <param name="keys">Each row's <see cref="VietnameseText.LabelKey(string)"/>, computed once per check by the caller.</param>
    public static TemplateAlignment Align(CompiledTemplate template, IReadOnlyList<AppendixRow> rows, IReadOnlyList<string> keys)
    {
        var pairs = t_pairs ?? new List<(int Row, int Entry, double Weight)>(rows.Count + 16);
        t_pairs = null;
        Fuzzy? fuzzy = null;
        for (var i = 0; i < rows.Count; i++)
        {
            if (SectionNumbers.Parse(rows[i].No.Text) is { } roman && template.SectionEntries.TryGetValue(roman, out var sectionEntry))
            {
                pairs.Add((i, sectionEntry, SectionWeight));
                continue;
            }

            var key = keys[i];
            if (key.Length == 0)
            {
                continue;
            }

            if (template.ByKey.TryGetValue(key, out var exact))
            {
                var expected = (long)i * template.Entries.Count / Math.Max(rows.Count, 1);
                foreach (var entry in exact.Length <= MaxExactCandidates ? exact : Nearest(exact, expected))
                {
                    pairs.Add((i, entry, template.Entries[entry].IsSection ? SectionWeight : 1.0));
                }

                continue;
            }

            var kept = key.Length <= MaxKeptKey;
            if (!kept || !template.SimilarEntries.TryGet(key, out var similar))
            {
                fuzzy ??= new Fuzzy(template);
                similar = fuzzy.Candidates(key);
                if (kept)
                {
                    template.SimilarEntries.TryAdd(key, similar);
                }
            }

            foreach (var (entry, similarity) in similar)
            {
                pairs.Add((i, entry, template.Entries[entry].IsSection ? SectionWeight : similarity));
            }
        }

        var alignment = Chain(template, rows.Count, pairs);
        if (pairs.Capacity <= KeptPairs)
        {
            pairs.Clear();
            t_pairs = pairs;
        }

        return alignment;
    }

    /// <summary>The <see cref="MaxExactCandidates"/> entries nearest <paramref name="expected"/>, in their order in <paramref name="entries"/>.</summary>
    private static int[] Nearest(int[] entries, long expected)
    {
        var byDistance = new int[entries.Length];
        for (var k = 0; k < byDistance.Length; k++)
        {
            byDistance[k] = k;
        }

        Array.Sort(byDistance, (a, b) =>
        {
            var distance = Math.Abs(entries[a] - expected).CompareTo(Math.Abs(entries[b] - expected));
            return distance != 0 ? distance : a.CompareTo(b);
        });
        var kept = byDistance[..MaxExactCandidates];
        Array.Sort(kept);
        var nearest = new int[kept.Length];
        for (var k = 0; k < kept.Length; k++)
        {
            nearest[k] = entries[kept[k]];
        }

        return nearest;
    }

    /// <summary>
    /// The entries most like a key that matches none exactly: at least <see cref="MinimumSimilarity"/>, best first
    /// (ties in template order), at most <see cref="MaxFuzzyCandidates"/>; worked out once per distinct key and kept with the template (<see cref="CompiledTemplate.SimilarEntries"/>).
    /// </summary>
    private sealed class Fuzzy(CompiledTemplate template)
    {
        private readonly Dictionary<string, (int Entry, double Similarity)[]> _byKey = new(StringComparer.Ordinal);
        private readonly int[] _common = new int[template.Entries.Count];
        private readonly List<int> _touched = [];
        private readonly List<(int Entry, double Similarity)> _found = [];

        public (int Entry, double Similarity)[] Candidates(string key)
        {
            // Within one call, even the keys too long for the template to keep are compared once.
            if (_byKey.TryGetValue(key, out var known))
            {
                return known;
            }

            var shingles = LabelShingles.Of(key);
            foreach (var gram in shingles.Grams)
            {
                foreach (var entry in template.EntriesWith(gram))
                {
                    if (_common[entry]++ == 0)
                    {
                        _touched.Add(entry);
                    }
                }
            }

            _touched.Sort();
            foreach (var entry in _touched)
            {
                var similarity = LabelShingles.Dice(_common[entry], shingles.Count, template.Entries[entry].Shingles.Count);
                if (similarity >= MinimumSimilarity)
                {
                    _found.Add((entry, similarity));
                }

                _common[entry] = 0;
            }

            // Best first; a stable sort keeps entries of equal similarity in template order.
            var found = _found.OrderByDescending(c => c.Similarity).Take(MaxFuzzyCandidates).ToArray();
            _touched.Clear();
            _found.Clear();
            _byKey[key] = found;
            return found;
        }
    }

    /// <summary>
    /// Heaviest increasing chain over (row, entry) pairs: pairs come sorted by row; a Fenwick tree over entry
    /// indexes gives the best chain ending before each entry, so rows of equal index never chain together.
    /// </summary>
    private static TemplateAlignment Chain(CompiledTemplate template, int rowCount, List<(int Row, int Entry, double Weight)> pairs)
    {
        var size = template.Entries.Count;
        // Work arrays only for this call: rented, and returned once the chain is read off.
        var tree = ArrayPool<(double Score, int Pair)>.Shared.Rent(size + 1);
        var best = ArrayPool<double>.Shared.Rent(pairs.Count);
        var previous = ArrayPool<int>.Shared.Rent(pairs.Count);
        try
        {
            return Chain(template, rowCount, pairs, tree.AsSpan(0, size + 1), best, previous);
        }
        finally
        {
            ArrayPool<(double Score, int Pair)>.Shared.Return(tree);
            ArrayPool<double>.Shared.Return(best);
            ArrayPool<int>.Shared.Return(previous);
        }
    }

    private static TemplateAlignment Chain(
        CompiledTemplate template, int rowCount, List<(int Row, int Entry, double Weight)> pairs, Span<(double Score, int Pair)> tree, double[] best, int[] previous)
    {
        var size = tree.Length - 1;
        tree.Fill((0d, -1));

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
    private static (double Score, int Pair) Query(Span<(double Score, int Pair)> tree, int entry)
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

    private static void Update(Span<(double Score, int Pair)> tree, int position, double score, int pair)
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
