using Cchc.Appendix.Checking;
using Cchc.Appendix.Findings;
using Cchc.Appendix.Numbers;
using Cchc.Appendix.Table;
using Cchc.Appendix.Templates;

namespace Cchc.Appendix.Rules;

/// <summary>The year so far cannot be less than the period within it: "Lũy kế" below "Quý này" on the same row.</summary>
internal sealed class CumulativeBelowPeriodRule : Rule
{
    public override string Code => "CUMULATIVE_BELOW_PERIOD";

    public override Severity Severity => Severity.Error;

    public override MessageTemplate Message { get; } = new(
        "Số lũy kế của “{label}” ({cumulative}) nhỏ hơn số của kỳ này ({period}).",
        "The cumulative figure of “{label}” ({cumulative}) is less than this period's ({period}).");

    public override IEnumerable<Finding> Check(CheckContext context)
    {
        foreach (var (cumulative, period) in Pairs(context))
        {
            // A negative figure is a fault of its own (COUNT_NEGATIVE), not evidence about the year so far.
            if (cumulative.Number < period.Number && cumulative.Number >= 0 && period.Number >= 0)
            {
                yield return At(cumulative, Args(("cumulative", cumulative.Number!.Value), ("period", period.Number!.Value)));
            }
        }
    }

    /// <summary>Each counted row's cumulative cell beside its period cell, both written.</summary>
    internal static IEnumerable<(ValueFacts Cumulative, ValueFacts Period)> Pairs(CheckContext context)
    {
        foreach (var row in context.Rows.Where(r => r.Type == IndicatorType.Count && r.Values.Count > 1))
        {
            if (row.ValueWith(ValueRole.Period, ValueState.Number) is { } period && row.ValueWith(ValueRole.Cumulative, ValueState.Number) is { } cumulative)
            {
                yield return (cumulative, period);
            }
        }
    }
}

/// <summary>
/// The cumulative column must be the period's figure when the period starts the year (quý I, 6 tháng, 9 tháng, năm),
/// and last period's cumulative plus this period's otherwise (when last period's report is given).
/// </summary>
internal sealed class CumulativeInconsistentRule : Rule
{
    public override string Code => "CUMULATIVE_INCONSISTENT";

    public override Severity Severity => Severity.Warning;

    public override MessageTemplate Message { get; } = new(
        "Số lũy kế của “{label}” là {cumulative}, nhưng {reason} nên phải là {expected}.",
        "The cumulative figure of “{label}” is {cumulative}, but {reasonEn}, so it should be {expected}.");

    public override IEnumerable<Finding> Check(CheckContext context)
    {
        var period = context.Header.Period;
        foreach (var (cumulative, own) in CumulativeBelowPeriodRule.Pairs(context))
        {
            if (cumulative.Number < own.Number || ColumnRelations.ExpectedCumulative(context, cumulative) is not decimal expected || expected == cumulative.Number)
            {
                continue;
            }

            var (reason, reasonEn) = period!.CoversYearToDate
                ? ($"{period} tính từ đầu năm, số lũy kế bằng số của kỳ này", $"{period.ToEnglishString()} runs from the start of the year, so the cumulative equals this period's figure")
                : ($"lũy kế kỳ trước là {N(expected - own.Number!.Value)} và kỳ này {N(own.Number!.Value)}", $"last period's cumulative was {N(expected - own.Number!.Value)} and this period's is {N(own.Number!.Value)}");
            yield return At(cumulative, Args(("cumulative", cumulative.Number!.Value), ("expected", expected), ("reason", reason), ("reasonEn", reasonEn)),
                new Proposal(VietnameseNumber.Format(expected), ProposalSource.Computed));
        }
    }
}
