using Cchc.Appendix.Templates;

namespace Cchc.Appendix.Checking;

/// <summary>
/// Values the table itself determines for its blank cells: a total from all its parts, the one missing part
/// from a total and the others, blank parts as zero where the total already agrees with the parts present,
/// a rate from its counts. Worked to a fixed point over the template's relations, never overriding a
/// written value. Also gives each row a lower bound (a blank total is at least what its parts say).
/// </summary>
internal sealed class Derivations
{
    private const int MaxPasses = 4;
    private readonly Dictionary<int, decimal> _values = [];
    private readonly CheckContext _context;

    private Derivations(CheckContext context) => _context = context;

    public static Derivations Solve(CheckContext context)
    {
        var derivations = new Derivations(context);
        for (var pass = 0; pass < MaxPasses && derivations.Pass(); pass++)
        {
        }

        return derivations;
    }

    public decimal? Derived(RowFacts row) => _values.TryGetValue(row.Index, out var value) ? value : null;

    /// <summary>The written value, else the derived one, else null.</summary>
    public decimal? Known(RowFacts? row) => row is null ? null : row.State == ValueState.Number ? row.Number : Derived(row);

    /// <summary>What a row is at least: its known value, else for a total the sum of its parts' bounds, else 0.</summary>
    public decimal LowerBound(RowFacts row) => LowerBound(row, depth: 0);

    private decimal LowerBound(RowFacts row, int depth)
    {
        if (Known(row) is decimal known)
        {
            return known;
        }

        if (depth > 8 || row.Template is null)
        {
            return 0;
        }

        var relation = _context.Relations.FirstOrDefault(r => r.Kind is RelationKind.Sum or RelationKind.SumAtLeast && r.Total == row.Template.Id);
        return relation is null ? 0 : _context.RowsOf(relation.Parts!).Sum(p => p is null ? 0 : LowerBound(p, depth + 1));
    }

    private bool Pass()
    {
        var changed = false;
        foreach (var relation in _context.Relations)
        {
            changed |= relation.Kind switch
            {
                RelationKind.Sum => SolveSum(relation, exact: true),
                RelationKind.SumAtLeast => SolveSum(relation, exact: false),
                RelationKind.Ratio => SolveRatio(relation),
                _ => false,
            };
        }

        return changed;
    }

    private bool SolveSum(TemplateRelation relation, bool exact)
    {
        var total = _context.RowOf(relation.Total);
        var parts = _context.RowsOf(relation.Parts!);
        if (total is null || parts.Any(p => p is null))
        {
            return false;
        }

        var unknown = parts.Where(p => Known(p) is null).ToList();
        var knownSum = parts.Sum(p => Known(p) ?? 0);
        if (Known(total) is not decimal totalValue)
        {
            return unknown.Count == 0 && Set(total!, knownSum);
        }

        if (!exact || unknown.Count == 0)
        {
            return false;
        }

        if (unknown.Count == 1)
        {
            var rest = totalValue - knownSum;
            return rest >= LowerBound(unknown[0]!) && Set(unknown[0]!, rest);
        }

        // Blank parts count as zero only where the total already agrees with the parts written.
        if (totalValue == knownSum && unknown.All(p => LowerBound(p!) == 0))
        {
            var changed = false;
            foreach (var part in unknown)
            {
                changed |= Set(part!, 0);
            }

            return changed;
        }

        return false;
    }

    private bool SolveRatio(TemplateRelation relation)
    {
        var rate = _context.RowOf(relation.Rate);
        if (rate is null || Known(rate) is not null)
        {
            return false;
        }

        var numerator = Known(_context.RowOf(relation.Numerator));
        var denominator = Known(_context.RowOf(relation.Denominator));
        return numerator is not null && denominator is > 0 && Set(rate, Ratio(numerator.Value, denominator.Value));
    }

    internal static decimal Ratio(decimal numerator, decimal denominator) => Math.Round(numerator / denominator * 100, 1, MidpointRounding.AwayFromZero);

    private bool Set(RowFacts row, decimal value)
    {
        if (row.State != ValueState.Blank || _values.ContainsKey(row.Index) || value < 0)
        {
            return false;
        }

        _values[row.Index] = value;
        return true;
    }
}
