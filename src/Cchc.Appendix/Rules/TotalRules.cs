using Cchc.Appendix.Checking;
using Cchc.Appendix.Findings;
using Cchc.Appendix.Numbers;
using Cchc.Appendix.Templates;

namespace Cchc.Appendix.Rules;

/// <summary>
/// A total must equal the sum of its parts (TTHC in force = district + commune; level 3,4 = level 3 + level 4), in
/// every value column that adds up. Blank parts count as zero only where the total agrees with them, so a total below
/// what its written parts already add up to is an error, and a total that differs from a complete set of parts is one
/// too — a warning where the relation was inferred rather than declared by a template.
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
            foreach (var column in context.AdditiveColumns)
            {
                var total = relation.Total!.Value(column);
                if (total.State != ValueState.Number)
                {
                    continue;
                }

                var known = relation.Parts.Select(p => context.Derived.Known(p, column)).ToList();
                var complete = known.All(k => k is not null);
                var sum = complete ? known.Sum(k => k!.Value) : relation.Parts.Sum(p => context.Derived.LowerBound(p, column));
                if (complete ? sum != total.Number : sum > total.Number)
                {
                    var proposal = complete ? new Proposal(VietnameseNumber.Format(sum), ProposalSource.Computed) : null;
                    yield return At(total, Args(
                        ("total", total.Number!.Value),
                        ("parts", string.Join(", ", relation.Parts.Select(p => $"dòng {p.Row.Row}"))),
                        ("relation", complete ? "được" : "ít nhất"),
                        ("relationEn", complete ? "exactly" : "at least"),
                        ("sum", sum)), proposal, relation.Severity, relation.Because);
                }
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
            foreach (var column in context.AdditiveColumns)
            {
                var total = relation.Bound!.Value(column);
                if (total.State != ValueState.Number)
                {
                    continue;
                }

                var sum = relation.Parts.Sum(p => context.Derived.LowerBound(p, column));
                if (sum > total.Number)
                {
                    var complete = relation.Parts.All(p => context.Derived.Known(p, column) is not null);
                    var proposal = complete && relation.Kind == RelationKind.SumAtLeast ? new Proposal(VietnameseNumber.Format(sum), ProposalSource.Computed) : null;
                    yield return At(total, Args(
                        ("total", total.Number!.Value),
                        ("parts", string.Join(", ", relation.Parts.Select(p => p.Row.Row))),
                        ("sum", sum)), proposal, relation.Severity, relation.Because);
                }
            }
        }
    }
}
