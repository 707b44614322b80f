using Cchc.Appendix.Checking;
using Cchc.Appendix.Findings;
using Cchc.Appendix.Table;
using Cchc.Appendix.Templates;

namespace Cchc.Appendix.Rules;

/// <summary>
/// A part cannot exceed its whole: resolved ≤ received, on time ≤ resolved, handled ≤ found, offered ≤
/// eligible, online dossiers ≤ all dossiers, returned by post ≤ announced, staff present ≤ quota, leaders
/// with certificates ≤ leaders (across sections too).
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
            var part = context.RowOf(relation.Part);
            var whole = context.RowOf(relation.Whole);
            if (part is { State: ValueState.Number } && whole is { State: ValueState.Number } && part.Number > whole.Number)
            {
                yield return At(part, AppendixColumn.Value, Args(
                    ("part", part.Number!.Value),
                    ("whole", Quote(whole.Label)),
                    ("wholeValue", whole.Number!.Value),
                    ("wholeRow", whole.Row.Row)), severity: relation.Severity);
            }
        }
    }
}

/// <summary>A rate the table can compute must agree with it within rounding (completion = done / planned × 100).</summary>
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
            var rate = context.RowOf(relation.Rate);
            var numerator = context.Derived.Known(context.RowOf(relation.Numerator));
            var denominator = context.Derived.Known(context.RowOf(relation.Denominator));
            if (rate is not { State: ValueState.Number } || numerator is null || denominator is not > 0)
            {
                continue;
            }

            var computed = Derivations.Ratio(numerator.Value, denominator.Value);
            if (Math.Abs(computed - rate.Number!.Value) > relation.Tolerance)
            {
                yield return At(rate, AppendixColumn.Value, Args(
                    ("rate", rate.Number!.Value),
                    ("numerator", numerator.Value),
                    ("denominator", denominator.Value),
                    ("computed", computed)), new Proposal(N(computed), ProposalSource.Computed), relation.Severity);
            }
        }
    }
}
