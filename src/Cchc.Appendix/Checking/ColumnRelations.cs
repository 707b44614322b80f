using Cchc.Appendix.Findings;
using Cchc.Appendix.Table;
using Cchc.Appendix.Templates;

namespace Cchc.Appendix.Checking;

/// <summary>
/// What the value columns of one row say about each other, from their headers: the "Tỷ lệ (%)" column is the result
/// over the plan (or over the same period last year) × 100, the cumulative column is at least the period's figure —
/// equal to it when the period starts the year, last period's cumulative plus it otherwise.
/// </summary>
internal static class ColumnRelations
{
    /// <summary>
    /// Each counted row's rate cell with the cells it is computed from, where both are written and the denominator is
    /// not 0. An error when the columns leave no doubt (one rate, one plan, one result), a warning otherwise.
    /// </summary>
    public static IEnumerable<(ValueFacts Rate, ValueFacts Numerator, ValueFacts Denominator, Severity Severity)> Rates(CheckContext context)
    {
        if (Operands(context.Columns) is not { } operands)
        {
            yield break;
        }

        var (rate, numerator, denominator, certain) = operands;
        foreach (var row in context.Rows.Where(r => r.Type == IndicatorType.Count))
        {
            var n = row.Value(numerator);
            var d = row.Value(denominator);
            if (n.State == ValueState.Number && d.State == ValueState.Number && d.Number > 0)
            {
                yield return (row.Value(rate), n, d, certain ? Severity.Error : Severity.Warning);
            }
        }
    }

    /// <summary>What a blank cell of a counted row is, computed from the row's other columns; null when they do not say.</summary>
    public static decimal? Computed(CheckContext context, ValueFacts cell)
    {
        var row = cell.Row;
        if (row.Type != IndicatorType.Count)
        {
            return null;
        }

        if (cell.Role == ValueRole.Rate && Operands(context.Columns) is { } operands && operands.Rate == cell.Column
            && row.Value(operands.Numerator).Number is decimal n && row.Value(operands.Denominator).Number is decimal d and > 0)
        {
            return Derivations.Ratio(n, d);
        }

        return cell.Role == ValueRole.Cumulative ? ExpectedCumulative(context, cell) : null;
    }

    /// <summary>
    /// What a cumulative cell should hold: the period's figure when the period starts the year, else last period's
    /// cumulative (same year, the period just before) plus this period's; null when that is not known.
    /// </summary>
    public static decimal? ExpectedCumulative(CheckContext context, ValueFacts cumulative)
    {
        var period = context.Header.Period;
        var row = cumulative.Row;
        if (period is null || row.ValueWith(ValueRole.Period, ValueState.Number) is not { } own)
        {
            return null;
        }

        if (period.CoversYearToDate)
        {
            return own.Number;
        }

        var previousPeriod = context.Previous?.Header.Period;
        return previousPeriod is not null && previousPeriod == period.Previous() && context.PreviousCell(cumulative) is { State: ValueState.Number } before
            ? before.Number + own.Number
            : null;
    }

    /// <summary>The rate column and the columns it divides, and whether the headers leave no doubt about them.</summary>
    private static (int Rate, int Numerator, int Denominator, bool Certain)? Operands(IReadOnlyList<ValueColumn> columns)
    {
        int Count(ValueRole role) => columns.Count(c => c.Role == role);
        int First(ValueRole role) => columns.FirstOrDefault(c => c.Role == role)?.Index ?? -1;

        var rate = First(ValueRole.Rate);
        var plan = First(ValueRole.Plan);
        var lastYear = First(ValueRole.SamePeriodLastYear);
        if (rate < 0 || (plan < 0 && lastYear < 0))
        {
            return null;
        }

        // Against the year's plan, the year so far counts; against last year's same period, this period does.
        var numerator = plan >= 0 && First(ValueRole.Cumulative) >= 0 ? First(ValueRole.Cumulative) : First(ValueRole.Period);
        if (numerator < 0)
        {
            return null;
        }

        var certain = Count(ValueRole.Rate) == 1 && Count(ValueRole.Plan) + Count(ValueRole.SamePeriodLastYear) == 1
            && Count(ValueRole.Period) + Count(ValueRole.Cumulative) == 1;
        return (rate, numerator, plan >= 0 ? plan : lastYear, certain);
    }
}
