using Cchc.Appendix.Checking;
using Cchc.Appendix.Findings;
using Cchc.Appendix.Templates;

namespace Cchc.Appendix.Rules;

/// <summary>
/// A part cannot exceed its whole: resolved ≤ received, on time ≤ resolved, handled ≤ found, offered ≤
/// eligible, online dossiers ≤ all dossiers, returned by post ≤ announced, staff present ≤ quota, leaders
/// with certificates ≤ leaders (across sections too); and a "Trong đó" sub-row cannot exceed the row above it.
/// </summary>
internal sealed class PartExceedsWholeRule : Rule
{
    public override string Code => "PART_EXCEEDS_WHOLE";

    public override Severity Severity => Severity.Error;

    public override MessageTemplate Message { get; } = new(
        "“{label}” ({part}) lớn hơn “{whole}” ({wholeValue}, dòng {wholeRow}).",
        "“{label}” ({part}) exceeds “{whole}” ({wholeValue}, row {wholeRow}).");

    public override IEnumerable<Finding> Check(CheckContext context)
    {
        foreach (var relation in context.Relations.Where(r => r.Kind == RelationKind.AtMost))
        {
            foreach (var column in context.AdditiveColumns)
            {
                var part = relation.Part!.Value(column);
                var whole = relation.Whole!.Value(column);
                if (part.State == ValueState.Number && whole.State == ValueState.Number && part.Number > whole.Number)
                {
                    yield return At(part, Args(
                        ("part", part.Number!.Value),
                        ("whole", Quote(relation.Whole.Label)),
                        ("wholeValue", whole.Number!.Value),
                        ("wholeRow", relation.Whole.Row.Row)), severity: relation.Severity, because: relation.Because);
                }
            }
        }
    }
}

/// <summary>
/// A rate the table can compute must agree with it within rounding: between rows (completion = done / planned × 100)
/// in each value column, and between columns of one row (the "Tỷ lệ (%)" column = "Thực hiện" / "Kế hoạch" × 100).
/// </summary>
internal sealed class RateMismatchRule : Rule
{
    public override string Code => "RATE_MISMATCH";

    public override Severity Severity => Severity.Error;

    public override MessageTemplate Message { get; } = new(
        "Tỷ lệ “{label}” ghi {rate}%, nhưng {numerator}/{denominator} × 100 = {computed}%.",
        "The rate “{label}” says {rate}%, but {numerator}/{denominator} × 100 = {computed}%.");

    public override IEnumerable<Finding> Check(CheckContext context)
    {
        foreach (var relation in context.Relations.Where(r => r.Kind == RelationKind.Ratio))
        {
            foreach (var column in context.AdditiveColumns)
            {
                var rate = relation.Rate!.Value(column);
                var numerator = context.Derived.Known(relation.Numerator, column);
                var denominator = context.Derived.Known(relation.Denominator, column);
                if (rate.State != ValueState.Number || numerator is null || denominator is not > 0)
                {
                    continue;
                }

                var computed = Derivations.Ratio(numerator.Value, denominator.Value);
                if (Math.Abs(computed - rate.Number!.Value) > relation.Tolerance)
                {
                    yield return At(rate, Args(
                        ("rate", rate.Number!.Value),
                        ("numerator", numerator.Value),
                        ("denominator", denominator.Value),
                        ("computed", computed)), new Proposal(N(computed), ProposalSource.Computed), relation.Severity, relation.Because);
                }
            }
        }

        foreach (var (rate, numerator, denominator, severity) in ColumnRelations.Rates(context))
        {
            var computed = Derivations.Ratio(numerator.Number!.Value, denominator.Number!.Value);
            if (rate.State == ValueState.Number && Math.Abs(computed - rate.Number!.Value) > 1)
            {
                yield return At(rate, Args(
                    ("rate", rate.Number!.Value),
                    ("numerator", numerator.Number!.Value),
                    ("denominator", denominator.Number!.Value),
                    ("computed", computed)), new Proposal(N(computed), ProposalSource.Computed), severity,
                    ($" (cột “{rate.Header.Header}” = “{numerator.Header.Header}” / “{denominator.Header.Header}” × 100)",
                     $" (column “{rate.Header.Header}” = “{numerator.Header.Header}” / “{denominator.Header.Header}” × 100)"));
            }
        }
    }
}
