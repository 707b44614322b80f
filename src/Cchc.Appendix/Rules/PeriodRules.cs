using Cchc.Appendix.Checking;
using Cchc.Appendix.Findings;
using Cchc.Appendix.Header;
using Cchc.Appendix.Numbers;
using Cchc.Appendix.Table;
using Cchc.Appendix.Templates;
using Cchc.Appendix.Text;

namespace Cchc.Appendix.Rules;

/// <summary>
/// A cumulative value — a "lũy kế" row, or a "Lũy kế" column — cannot fall from one period to the next within a
/// year; quý I starts a new year, so it is compared with nothing.
/// </summary>
internal sealed class CumulativeDecreaseRule : Rule
{
    public override string Code => "CUMULATIVE_DECREASE";

    public override Severity Severity => Severity.Error;

    public override MessageTemplate Message { get; } = new(
        "“{label}” là số lũy kế nhưng giảm từ {previous} ({previousPeriod}) xuống {current}.",
        "“{label}” is cumulative but fell from {previous} ({previousPeriod}) to {current}.");

    public override IEnumerable<Finding> Check(CheckContext context)
    {
        var period = context.Header.Period;
        var previousPeriod = context.Previous?.Header.Period;
        if (period is null || previousPeriod is null || !period.ContinuesYearOf(previousPeriod))
        {
            yield break;
        }

        foreach (var cell in context.Cells)
        {
            var cumulative = cell.State == ValueState.Number
                && (cell.Role == ValueRole.Cumulative || (cell.Row.Kind == IndicatorKind.Cumulative && cell.Role == ValueRole.Period));
            if (cumulative && context.PreviousCell(cell) is { State: ValueState.Number, Number: decimal before } && cell.Number < before)
            {
                var text = VietnameseNumber.Format(before);
                yield return At(cell, Args(
                    ("previous", before),
                    ("previousPeriod", previousPeriod.ToString()),
                    ("current", cell.Number!.Value)), new Proposal(text, ProposalSource.PreviousPeriod, text), Capped(context, Severity));
            }
        }
    }
}

/// <summary>A stock value (staff, units, procedures in force) that jumps from last period with no note to say why.</summary>
internal sealed class StockJumpRule : Rule
{
    private const decimal RelativeJump = 0.25m;
    private const decimal MinimumJump = 3;

    public override string Code => "STOCK_JUMP";

    public override Severity Severity => Severity.Warning;

    public override MessageTemplate Message { get; } = new(
        "“{label}” thay đổi từ {previous} (kỳ trước) thành {current} mà không có ghi chú giải thích.",
        "“{label}” changed from {previous} (previous period) to {current} with no note explaining it.");

    public override IEnumerable<Finding> Check(CheckContext context)
    {
        var primary = ValueMissingRule.Primary(context);
        foreach (var row in context.Rows.Where(r => r.Kind == IndicatorKind.Stock && r.Type == IndicatorType.Count && !r.HasNote))
        {
            var cell = row.Value(primary);
            if (cell.State == ValueState.Number && context.PreviousCell(cell) is { State: ValueState.Number, Number: decimal before })
            {
                var change = Math.Abs(cell.Number!.Value - before);
                if (change >= MinimumJump && change > RelativeJump * Math.Max(before, 1))
                {
                    yield return At(cell, Args(("previous", before), ("current", cell.Number!.Value)));
                }
            }
        }
    }
}

/// <summary>The report given as "previous" is not the period before this one, or is another unit's.</summary>
internal sealed class PreviousReportRule : Rule
{
    public override string Code => "PREVIOUS_REPORT_MISMATCH";

    public override Severity Severity => Severity.Warning;

    public override MessageTemplate Message { get; } = new(
        "Báo cáo kỳ trước là {previous}, nhưng kỳ liền trước {current} là {expected}; so sánh giữa hai kỳ có thể không đúng.",
        "The previous report is {previousEn}, but the period before {currentEn} is {expectedEn}; period comparisons may be wrong.");

    public override IEnumerable<Finding> Check(CheckContext context)
    {
        var previous = context.Previous?.Header;
        var period = context.Header.Period;
        if (previous is null || period is null)
        {
            yield break;
        }

        var expected = period.Previous();
        var unitDiffers = previous.Unit is not null && context.Header.Unit is not null
            && VietnameseText.LabelKey(previous.Unit) != VietnameseText.LabelKey(context.Header.Unit);
        if (previous.Period is not null && previous.Period != expected)
        {
            yield return AtHeader(Args(
                ("previous", previous.Period.ToString()), ("current", period.ToString()), ("expected", expected.ToString()),
                ("previousEn", previous.Period.ToEnglishString()), ("currentEn", period.ToEnglishString()), ("expectedEn", expected.ToEnglishString())),
                context.Header.PeriodLine, Title(context));
        }

        // Another unit's report is worth saying even when its period is wrong too: its figures are not this unit's.
        if (unitDiffers)
        {
            yield return AtHeader(Args(
                ("previous", $"của {previous.Unit}"), ("current", $"của {context.Header.Unit}"), ("expected", "báo cáo của cùng đơn vị"),
                ("previousEn", $"from {previous.Unit}"), ("currentEn", $"for {context.Header.Unit}"), ("expectedEn", "the same unit's report")),
                context.Header.PeriodLine, Title(context));
        }
    }

    internal static string Title(CheckContext context) =>
        context.Header.PeriodLine is int line ? context.Snapshot.TitleLines[line] : string.Empty;

}

/// <summary>A year-end report should show the year's plan completed; less than 100% is worth a look.</summary>
internal sealed class YearPlanRule : Rule
{
    public override string Code => "YEAR_PLAN_INCOMPLETE";

    public override Severity Severity => Severity.Info;

    public override MessageTemplate Message { get; } = new(
        "Báo cáo năm: “{label}” mới đạt {value}%; nếu kế hoạch chưa hoàn thành, hãy nêu lý do ở cột Ghi chú.",
        "Year-end report: “{label}” is only {value}%; if the plan was not completed, say why in the note.");

    public override IEnumerable<Finding> Check(CheckContext context)
    {
        if (context.Header.Period?.Kind != PeriodKind.Year)
        {
            return [];
        }

        var primary = ValueMissingRule.Primary(context);
        return context.Rows
            .Where(r => r.Type == IndicatorType.Percent && r.Kind == IndicatorKind.Cumulative && r.LabelKey.Contains("KE HOACH", StringComparison.Ordinal)
                && r.Value(primary).Number < 100 && !r.HasNote)
            .Select(r => At(r.Value(primary), Args(("value", r.Value(primary).Number!.Value))));
    }
}
