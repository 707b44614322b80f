using Cchc.Appendix.Findings;
using Cchc.Appendix.Templates;
using Cchc.Appendix.Vocabulary;

namespace Cchc.Appendix.Checking;

/// <summary>
/// What a document shows of its own form when no template describes it: which rows sit under which, and the
/// relations their words or figures imply. Sub-rows are often nested subsets rather than a partition (received ⊇
/// resolved ⊇ resolved on time), so a total equals its sub-rows only where their words split it ("trực tuyến" /
/// "trực tiếp", "đúng hạn" / "quá hạn", "cấp tỉnh" / "cấp xã") or where the sum held in a previous report; a "- " or
/// "Trong đó" row is otherwise at most the row it sits under, and rows of different units are not related at all.
/// </summary>
internal static class FormInference
{
    /// <summary>A rate and its counts are looked for this far apart at most when no numbered item bounds them.</summary>
    private const int RateScope = 12;

    /// <summary>"Lũy kế" rows accumulate over the year; rows of what exists at the report date are stock.</summary>
    public static IndicatorKind KindOf(string labelKey) =>
        Words.Default.CumulativePhrases.In(labelKey) ? IndicatorKind.Cumulative
        : Words.Default.StockPhrases.In(labelKey) ? IndicatorKind.Stock
        : IndicatorKind.Flow;

    /// <summary>
    /// For each row, the index of the row it sits under (-1 for none): items ("1", "2") under their section, plain rows
    /// under their item, "- " and "Trong đó" rows under the plain row before them, "+ " rows under those.
    /// </summary>
    public static int[] Parents(IReadOnlyList<RowFacts> rows)
    {
        var parents = new int[rows.Count];
        var open = new List<(int Level, int Index)>();
        for (var i = 0; i < rows.Count; i++)
        {
            var level = Level(rows[i]);
            while (open.Count > 0 && open[^1].Level >= level)
            {
                open.RemoveAt(open.Count - 1);
            }

            parents[i] = open.Count > 0 ? open[^1].Index : -1;
            open.Add((level, i));
        }

        return parents;
    }

    /// <summary>The relations the labels' words imply: complementary sub-rows add up, marked sub-rows are subsets, rates name their counts.</summary>
    public static List<FormRelation> WordRelations(IReadOnlyList<RowFacts> rows, int[] parents)
    {
        var relations = new List<FormRelation>();
        foreach (var (parent, children) in Children(rows, parents))
        {
            var same = SameUnitChildren(parent, children);
            if (same.Count == 0)
            {
                continue;
            }

            var split = Complementary(same);
            if (split is not null && split.Count == same.Count && split.Count >= 2)
            {
                relations.Add(ByWords(new FormRelation { Kind = RelationKind.Sum, Total = parent, Parts = split }));
                continue;
            }

            if (split is { Count: >= 2 })
            {
                relations.Add(ByWords(new FormRelation { Kind = RelationKind.PartsAtMost, Whole = parent, Parts = split }));
            }

            foreach (var child in same.Where(c => IsMarkedSubRow(c) && (split is null || !split.Contains(c))))
            {
                relations.Add(ByWords(new FormRelation { Kind = RelationKind.AtMost, Part = child, Whole = parent }));
            }
        }

        foreach (var rate in rows.Where(r => r.Type == IndicatorType.Percent && !r.IsSectionRow))
        {
            if (RateByWords(rows, parents, rate) is { } counts)
            {
                relations.Add(ByWords(new FormRelation { Kind = RelationKind.Ratio, Rate = rate, Numerator = counts.Numerator, Denominator = counts.Denominator }));
            }
        }

        return relations;
    }

    /// <summary>
    /// The relations that hold exactly in this document's figures and that its words do not already give: a total
    /// equal to all its sub-rows, a rate equal to the ratio of two counts under the same item. Learned from one
    /// report, checked against the next.
    /// </summary>
    public static List<FormRelation> ValueRelations(IReadOnlyList<RowFacts> rows, int[] parents, IReadOnlyList<FormRelation> byWords)
    {
        var relations = new List<FormRelation>();
        var totalled = byWords.Where(r => r.Kind == RelationKind.Sum).Select(r => r.Total!.Index).ToHashSet();
        foreach (var (parent, children) in Children(rows, parents))
        {
            var same = SameUnitChildren(parent, children);
            if (same.Count < 2 || totalled.Contains(parent.Index) || parent.Number is not decimal total || total == 0
                || same.Any(c => c.State != ValueState.Number) || same.Sum(c => c.Number!.Value) != total)
            {
                continue;
            }

            relations.Add(new FormRelation { Kind = RelationKind.Sum, Total = parent, Parts = same, Basis = RelationBasis.PreviousReport, Severity = Severity.Warning });
        }

        var rated = byWords.Where(r => r.Kind == RelationKind.Ratio).Select(r => r.Rate!.Index).ToHashSet();
        foreach (var rate in rows.Where(r => r.Type == IndicatorType.Percent && r.Number is > 0 and < 100 && !rated.Contains(r.Index)))
        {
            var matches = new List<(RowFacts Numerator, RowFacts Denominator)>();
            var scope = Scope(rows, parents, rate).Where(r => r.Type == IndicatorType.Count && r.Number is > 0).ToList();
            foreach (var numerator in scope)
            {
                foreach (var denominator in scope)
                {
                    if (numerator != denominator && numerator.Unit.Noun == denominator.Unit.Noun && numerator.Number <= denominator.Number
                        && Agrees(rate.Number!.Value, numerator.Number!.Value, denominator.Number!.Value))
                    {
                        matches.Add((numerator, denominator));
                    }
                }
            }

            // Figures can agree by chance (200/250 and 480/600 are both 80%): the rate's own words choose between
            // pairs, and a tie learns nothing.
            var words = ContentWords(rate.LabelKey);
            var scored = matches
                .Select(m => (Pair: m, Score: Overlap(words, m.Numerator) + Overlap(words, m.Denominator)))
                .OrderByDescending(m => m.Score)
                .ToList();
            if (scored.Count == 1 || (scored.Count > 1 && scored[0].Score > scored[1].Score))
            {
                relations.Add(new FormRelation
                {
                    Kind = RelationKind.Ratio, Rate = rate, Numerator = scored[0].Pair.Numerator, Denominator = scored[0].Pair.Denominator,
                    Basis = RelationBasis.PreviousReport, Severity = Severity.Warning,
                });
            }
        }

        return relations;
    }

    /// <summary>
    /// Whether <paramref name="relation"/> holds in column <paramref name="column"/>: true, false, or null when a value it
    /// needs is not a number.
    /// </summary>
    public static bool? Holds(FormRelation relation, int column = 0)
    {
        decimal? V(RowFacts? row) => row?.Value(column) is { State: ValueState.Number } cell ? cell.Number : null;
        switch (relation.Kind)
        {
            case RelationKind.Sum or RelationKind.SumAtLeast or RelationKind.PartsAtMost:
                var total = V(relation.Bound);
                var parts = relation.Parts.Select(V).ToList();
                if (total is null || parts.Any(p => p is null))
                {
                    return null;
                }

                var sum = parts.Sum(p => p!.Value);
                return relation.Kind == RelationKind.Sum ? sum == total : sum <= total;
            case RelationKind.AtMost:
                return V(relation.Part) is decimal part && V(relation.Whole) is decimal whole ? part <= whole : null;
            case RelationKind.Ratio:
                return V(relation.Rate) is decimal rate && V(relation.Numerator) is decimal n && V(relation.Denominator) is decimal d and > 0
                    ? Math.Abs(Derivations.Ratio(n, d) - rate) <= relation.Tolerance
                    : null;
            default:
                return null;
        }
    }

    /// <summary>A rate agrees with a ratio to the precision it is written in: "97" for 97,3%, "97,3" for 97,29%.</summary>
    private static bool Agrees(decimal rate, decimal numerator, decimal denominator)
    {
        var exact = numerator / denominator * 100;
        return decimal.Truncate(rate) == rate ? Math.Abs(exact - rate) < 0.5m : Math.Abs(exact - rate) < 0.05m;
    }

    private static FormRelation ByWords(FormRelation relation) => new()
    {
        Kind = relation.Kind, Total = relation.Total, Parts = relation.Parts, Part = relation.Part, Whole = relation.Whole,
        Rate = relation.Rate, Numerator = relation.Numerator, Denominator = relation.Denominator,
        Basis = RelationBasis.Words, Severity = Severity.Warning,
    };

    private static int Level(RowFacts row)
    {
        if (row.IsSectionRow)
        {
            return 0;
        }

        var no = row.Row.No.Text.AsSpan().Trim().TrimEnd(".)");
        if (no.Length > 0 && !no.ContainsAnyExceptInRange('0', '9'))
        {
            return 1;
        }

        if (no.Length > 0 && (!no.ContainsAnyExcept(DigitsAndDots) || (no.Length == 1 && char.IsAsciiLetterLower(no[0]))))
        {
            return 2;
        }

        return IsMarkedSubRow(row) ? (row.Label.AsSpan().TrimStart().StartsWith('+') ? 4 : 3) : 2;
    }

    private static readonly System.Buffers.SearchValues<char> DigitsAndDots = System.Buffers.SearchValues.Create("0123456789.");

    /// <summary>A row written as a sub-row of the one above: "- …", "+ …", "Trong đó: …".</summary>
    private static bool IsMarkedSubRow(RowFacts row)
    {
        var label = row.Label.AsSpan().TrimStart();
        if (label.Length == 0)
        {
            return false;
        }

        if (label[0] is '-' or '–' or '+' or '*' or '•')
        {
            return true;
        }

        foreach (var marker in Words.Default.SubsetMarkers)
        {
            if (row.LabelKey.StartsWith(marker, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static IEnumerable<(RowFacts Parent, List<RowFacts> Children)> Children(IReadOnlyList<RowFacts> rows, int[] parents)
    {
        var children = new List<RowFacts>?[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            if (parents[i] >= 0)
            {
                (children[parents[i]] ??= []).Add(rows[i]);
            }
        }

        for (var parent = 0; parent < children.Length; parent++)
        {
            if (children[parent] is { } list)
            {
                yield return (rows[parent], list);
            }
        }
    }

    /// <summary>The children that count the same thing as their parent: a count of the same noun. Units that differ relate nothing.</summary>
    private static List<RowFacts> SameUnitChildren(RowFacts parent, List<RowFacts> children)
    {
        if (parent.Type != IndicatorType.Count || parent.Unit.IsBlank || parent.IsSectionRow)
        {
            return [];
        }

        var same = new List<RowFacts>(children.Count);
        foreach (var child in children)
        {
            if (child.Type == IndicatorType.Count && !child.Unit.IsBlank && child.Unit.Noun == parent.Unit.Noun)
            {
                same.Add(child);
            }
        }

        return same;
    }

    /// <summary>
    /// The children named one member each of a set of complementary words ("trực tuyến" / "trực tiếp"), every
    /// member once; null when no set splits them.
    /// </summary>
    private static List<RowFacts>? Complementary(List<RowFacts> children)
    {
        // Every set is tried on every parent's children, and few sets name any child: nothing is allocated for a set
        // until a member names one child.
        List<RowFacts>? best = null;
        foreach (var set in Words.Default.Complements)
        {
            List<RowFacts>? matched = null;
            var ok = true;
            foreach (var member in set)
            {
                RowFacts? named = null;
                var namings = 0;
                foreach (var child in children)
                {
                    if (Words.HasPhrase(child.LabelKey, member) && MembersNamed(set, child) == 1)
                    {
                        named = child;
                        namings++;
                    }
                }

                if (namings != 1 || matched?.Contains(named!) == true)
                {
                    ok = false;
                    break;
                }

                (matched ??= new List<RowFacts>(set.Count)).Add(named!);
            }

            if (ok && (best is null || (matched?.Count ?? 0) > best.Count))
            {
                best = matched ?? [];
            }
        }

        return best?.OrderBy(r => r.Index).ToList();
    }

    private static int MembersNamed(IReadOnlyList<string> set, RowFacts row)
    {
        var named = 0;
        foreach (var member in set)
        {
            named += Words.HasPhrase(row.LabelKey, member) ? 1 : 0;
        }

        return named;
    }

    /// <summary>
    /// The counts a rate names by its words: "Tỷ lệ hồ sơ giải quyết đúng hạn" is "Số hồ sơ giải quyết đúng hạn" (every
    /// word of the rate) over "Số hồ sơ đã giải quyết" (the numerator less its qualifier). Null unless both are certain.
    /// </summary>
    private static (RowFacts Numerator, RowFacts Denominator)? RateByWords(IReadOnlyList<RowFacts> rows, int[] parents, RowFacts rate)
    {
        var words = ContentWords(rate.LabelKey);
        if (words.Count < 2)
        {
            return null;
        }

        var scope = Scope(rows, parents, rate).Where(r => r.Type == IndicatorType.Count && !r.Unit.IsBlank).ToList();
        var numerators = scope.Where(r => HasEveryWord(r.LabelKey, words)).ToList();
        if (numerators.Count != 1)
        {
            return null;
        }

        var numerator = numerators[0];
        var numeratorWords = ContentWords(numerator.LabelKey);
        var denominators = scope
            .Where(r => r != numerator && r.Unit.Noun == numerator.Unit.Noun)
            .Select(r => (Row: r, Words: ContentWords(r.LabelKey)))
            .Where(d => d.Words.Count > 0 && d.Words.IsProperSubsetOf(numeratorWords))
            .ToList();
        if (denominators.Count == 0)
        {
            return null;
        }

        var most = denominators.Max(d => d.Words.Count);
        var best = denominators.Where(d => d.Words.Count == most).ToList();
        return best.Count == 1 ? (numerator, best[0].Row) : null;
    }

    /// <summary>
    /// True when every one of <paramref name="words"/> is a word of <paramref name="key"/>: for content words, the same
    /// as being among the key's <see cref="ContentWords"/>, without a set made for every row a rate looks at.
    /// </summary>
    private static bool HasEveryWord(string key, HashSet<string> words)
    {
        foreach (var word in words)
        {
            if (!Words.HasPhrase(key, word))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The rows of the numbered item the row belongs to near it, or a few rows either side where there is none.</summary>
    private static IEnumerable<RowFacts> Scope(IReadOnlyList<RowFacts> rows, int[] parents, RowFacts row)
    {
        var item = row.Index;
        while (item >= 0 && Level(rows[item]) > 1)
        {
            item = parents[item];
        }

        // The item's own row and its rows near this one: a rate sits by its counts, and an item of thousands of rows
        // must not make every rate look at all of them.
        if (item >= 0 && Level(rows[item]) == 1)
        {
            yield return rows[item];
            for (var i = Math.Max(item + 1, row.Index - RateScope); i < rows.Count && i <= row.Index + RateScope && Level(rows[i]) > 1; i++)
            {
                yield return rows[i];
            }

            yield break;
        }

        for (var i = Math.Max(0, row.Index - RateScope); i < Math.Min(rows.Count, row.Index + RateScope + 1); i++)
        {
            if (rows[i].Section == row.Section)
            {
                yield return rows[i];
            }
        }
    }

    private static int Overlap(HashSet<string> words, RowFacts row) => ContentWords(row.LabelKey).Count(words.Contains);

    private static HashSet<string> ContentWords(string key) =>
        key.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => !Words.Default.RateStopWords.Contains(w)).ToHashSet(StringComparer.Ordinal);
}
