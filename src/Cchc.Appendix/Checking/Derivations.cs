using Cchc.Appendix.Templates;

namespace Cchc.Appendix.Checking;

/// <summary>
/// Values the table itself determines for its blank cells: a total from all its parts, the one missing part
/// from a total and the others, blank parts as zero where the total already agrees with the parts present,
/// a rate from its counts. Worked to a fixed point over the form's relations, in each value column that adds up,
/// never overriding a written value. Also gives each cell a lower bound (a blank total is at least what its parts say).
/// </summary>
internal sealed class Derivations
{
    private const int MaxPasses = 4;
    private readonly Dictionary<(int Row, int Column), decimal> _values = [];
    private readonly CheckContext _context;

    /// <summary>The sum and at-least relations by the row they total, for lower bounds.</summary>
    private readonly Dictionary<int, FormRelation> _totals = [];

    private Derivations(CheckContext context)
    {
        _context = context;
        foreach (var relation in context.Relations)
        {
            if (relation.Kind is RelationKind.Sum or RelationKind.SumAtLeast)
            {
                _totals.TryAdd(relation.Total!.Index, relation);
            }
        }
    }

    public static Derivations Solve(CheckContext context)
    {
        var derivations = new Derivations(context);
        foreach (var column in context.AdditiveColumns)
        {
            for (var pass = 0; pass < MaxPasses && derivations.Pass(column); pass++)
            {
            }
        }

        return derivations;
    }

    public decimal? Derived(ValueFacts cell) => _values.TryGetValue((cell.Row.Index, cell.Column), out var value) ? value : null;

    public decimal? Derived(RowFacts row) => Derived(row.First);

    /// <summary>The written value, else the derived one, else null.</summary>
    public decimal? Known(ValueFacts? cell) => cell is not { } known ? null : known.State == ValueState.Number ? known.Number : Derived(known);

    public decimal? Known(RowFacts? row, int column = 0) => row is null ? null : Known(row.Value(column));

    /// <summary>What a cell is at least: its known value, else for a total the sum of its parts' bounds, else 0.</summary>
    public decimal LowerBound(RowFacts row, int column = 0) => LowerBound(row, column, depth: 0);

    private decimal LowerBound(RowFacts row, int column, int depth)
    {
        if (Known(row, column) is decimal known)
        {
            return known;
        }

        if (depth > 8 || !_totals.TryGetValue(row.Index, out var relation))
        {
            return 0;
        }

        var sum = 0m;
        var parts = relation.Parts;
        for (var i = 0; i < parts.Count; i++)
        {
            sum += LowerBound(parts[i], column, depth + 1);
        }

        return sum;
    }

    private bool Pass(int column)
    {
        var changed = false;
        foreach (var relation in _context.Relations)
        {
            changed |= relation.Kind switch
            {
                RelationKind.Sum => SolveSum(relation, column, exact: true),
                RelationKind.SumAtLeast => SolveSum(relation, column, exact: false),
                RelationKind.Ratio => SolveRatio(relation, column),
                _ => false,
            };
        }

        return changed;
    }

    private bool SolveSum(FormRelation relation, int column, bool exact)
    {
        // Solved for every relation, column and pass: the parts are walked by index (a list's enumerator through the
        // interface is an object), and the unknown ones gathered only when there are several to set to zero.
        var total = relation.Total!;
        var parts = relation.Parts;
        var unknownCount = 0;
        RowFacts? firstUnknown = null;
        var knownSum = 0m;
        for (var i = 0; i < parts.Count; i++)
        {
            var part = parts[i];
            if (Known(part, column) is decimal known)
            {
                knownSum += known;
            }
            else
            {
                unknownCount++;
                firstUnknown ??= part;
            }
        }

        if (Known(total, column) is not decimal totalValue)
        {
            return unknownCount == 0 && Set(total, column, knownSum);
        }

        if (!exact || unknownCount == 0)
        {
            return false;
        }

        if (unknownCount == 1)
        {
            var rest = totalValue - knownSum;
            return rest >= LowerBound(firstUnknown!, column) && Set(firstUnknown!, column, rest);
        }

        // Blank parts count as zero only where the total already agrees with the parts written.
        if (totalValue != knownSum)
        {
            return false;
        }

        var unknown = new List<RowFacts>(unknownCount);
        for (var i = 0; i < parts.Count; i++)
        {
            var part = parts[i];
            if (Known(part, column) is null)
            {
                if (LowerBound(part, column) != 0)
                {
                    return false;
                }

                unknown.Add(part);
            }
        }

        var changed = false;
        foreach (var part in unknown)
        {
            changed |= Set(part, column, 0);
        }

        return changed;
    }

    private bool SolveRatio(FormRelation relation, int column)
    {
        var rate = relation.Rate!;
        if (Known(rate, column) is not null)
        {
            return false;
        }

        var numerator = Known(relation.Numerator, column);
        var denominator = Known(relation.Denominator, column);
        return numerator is not null && denominator is > 0 && Set(rate, column, Ratio(numerator.Value, denominator.Value));
    }

    internal static decimal Ratio(decimal numerator, decimal denominator) => Math.Round(numerator / denominator * 100, 1, MidpointRounding.AwayFromZero);

    private bool Set(RowFacts row, int column, decimal value)
    {
        if (row.Value(column).State != ValueState.Blank || _values.ContainsKey((row.Index, column)) || value < 0)
        {
            return false;
        }

        _values[(row.Index, column)] = value;
        return true;
    }
}
