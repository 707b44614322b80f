using Cchc.Appendix.Checking;
using Cchc.Appendix.Findings;
using Cchc.Appendix.Numbers;
using Cchc.Appendix.Table;
using Cchc.Appendix.Templates;

namespace Cchc.Appendix.Rules;

/// <summary>
/// A total must equal the sum of its parts (TTHC in force = district + commune; level 3,4 = level 3 + level 4).
/// Blank parts count as zero only where the total agrees with them, so a total below what its written parts
/// already add up to is an error, and a total that differs from a complete set of parts is one too.
/// </summary>
internal sealed class TotalMismatchRule : Rule
{
    public override string Code => "TOTAL_MISMATCH";

    public override Severity Severity => Severity.Error;

    public override MessageTemplate Message { get; } = new(
        "Tổng “{label}” ghi {total}, nhưng các dòng thành phần ({parts}) cộng lại {relation} {sum}.",
        "The total “{label}” says {total}, but its parts ({parts}) add up to {relationEn} {sum}.");

    public override IEnumerable<Finding> Check(CheckContext context)
    {
        foreach (var relation in context.Relations.Where(r => r.Kind == RelationKind.Sum))
        {
            var total = context.RowOf(relation.Total);
            var parts = context.RowsOf(relation.Parts!);
            if (total is not { State: ValueState.Number } || parts.Any(p => p is null))
            {
                continue;
            }

            var known = parts.Select(p => context.Derived.Known(p)).ToList();
            var complete = known.All(k => k is not null);
            var sum = complete ? known.Sum(k => k!.Value) : parts.Sum(p => context.Derived.LowerBound(p!));
            if (complete ? sum != total.Number : sum > total.Number)
            {
                var proposal = complete ? new Proposal(VietnameseNumber.Format(sum), ProposalSource.Computed) : null;
                yield return At(total, AppendixColumn.Value, Args(
                    ("total", total.Number!.Value),
                    ("parts", string.Join(", ", parts.Select(p => $"dòng {p!.Row.Row}"))),
                    ("relation", complete ? "được" : "ít nhất"),
                    ("relationEn", complete ? "exactly" : "at least"),
                    ("sum", sum)), proposal, relation.Severity);
            }
        }
    }
}

/// <summary>
/// Where the parts need not cover the whole (documents sent electronically, electronically and on paper) the
/// total is at least their sum; and parts that share a whole (done on time, done late) cannot exceed it together.
/// </summary>
internal sealed class TotalBelowPartsRule : Rule
{
    public override string Code => "TOTAL_BELOW_PARTS";

    public override Severity Severity => Severity.Error;

    public override MessageTemplate Message { get; } = new(
        "“{label}” ghi {total}, nhỏ hơn tổng các dòng {parts} ({sum}).",
        "“{label}” says {total}, less than the sum of rows {parts} ({sum}).");

    public override IEnumerable<Finding> Check(CheckContext context)
    {
        foreach (var relation in context.Relations.Where(r => r.Kind is RelationKind.SumAtLeast or RelationKind.PartsAtMost))
        {
            var total = context.RowOf(relation.Kind == RelationKind.SumAtLeast ? relation.Total : relation.Whole);
            var parts = context.RowsOf(relation.Parts!);
            if (total is not { State: ValueState.Number } || parts.Any(p => p is null))
            {
                continue;
            }

            var sum = parts.Sum(p => context.Derived.LowerBound(p!));
            if (sum > total.Number)
            {
                var complete = parts.All(p => context.Derived.Known(p) is not null);
                var proposal = complete && relation.Kind == RelationKind.SumAtLeast ? new Proposal(VietnameseNumber.Format(sum), ProposalSource.Computed) : null;
                yield return At(total, AppendixColumn.Value, Args(
                    ("total", total.Number!.Value),
                    ("parts", string.Join(", ", parts.Select(p => p!.Row.Row))),
                    ("sum", sum)), proposal, relation.Severity);
            }
        }

        foreach (var finding in GenericTotals(context))
        {
            yield return finding;
        }
    }

    /// <summary>Without a template: a "Tổng số …" row must be at least the "- " rows right under it that count the same thing.</summary>
    private IEnumerable<Finding> GenericTotals(CheckContext context)
    {
        if (context.Template is not null)
        {
            yield break;
        }

        var rows = context.Rows;
        for (var i = 0; i < rows.Count; i++)
        {
            var total = rows[i];
            if (!total.LabelKey.StartsWith("TONG SO", StringComparison.Ordinal) || total.State != ValueState.Number || total.Type != IndicatorType.Count)
            {
                continue;
            }

            var parts = new List<RowFacts>();
            for (var j = i + 1; j < rows.Count && rows[j].Row.Label.Text.TrimStart().StartsWith('-') && rows[j].Unit.Noun == total.Unit.Noun; j++)
            {
                parts.Add(rows[j]);
            }

            var sum = parts.Where(p => p.State == ValueState.Number).Sum(p => p.Number!.Value);
            if (parts.Count > 0 && sum > total.Number)
            {
                yield return At(total, AppendixColumn.Value, Args(
                    ("total", total.Number!.Value),
                    ("parts", string.Join(", ", parts.Select(p => p.Row.Row))),
                    ("sum", sum)), severity: Severity.Warning);
            }
        }
    }
}
