using Cchc.Appendix.Checking;
using Cchc.Appendix.Findings;
using Cchc.Appendix.Numbers;
using Cchc.Appendix.Table;
using Cchc.Appendix.Templates;

namespace Cchc.Appendix.Rules;

/// <summary>
/// A value is blank where the form expects one. A blank explained in Ghi chú is softer than a silent one. Where the
/// appendix has several value columns, the period's figure is expected on every row that expects a value, the
/// cumulative figure wherever the period has one, and a rate wherever its plan and result are written.
/// </summary>
internal sealed class ValueMissingRule : Rule
{
    public override string Code => "VALUE_MISSING";

    public override Severity Severity => Severity.Warning;

    public override MessageTemplate Message { get; } = new(
        "Chỉ tiêu “{label}” chưa có số liệu{explained}.",
        "“{label}” has no value{explainedEn}.");

    public override IEnumerable<Finding> Check(CheckContext context)
    {
        var primary = Primary(context);
        foreach (var row in context.Rows.Where(r => r.ExpectsValue))
        {
            for (var c = 0; c < row.Values.Count; c++)
            {
                var cell = row.Values[c];
                if (cell.State != ValueState.Blank || Expectation(context, cell, primary) is not { } severity)
                {
                    continue;
                }

                var explained = row.HasNote;
                yield return At(cell, Args(
                    ("explained", explained ? " (Ghi chú có giải thích)" : string.Empty),
                    ("explainedEn", explained ? " (the note explains it)" : string.Empty)),
                    Propose(context, cell),
                    explained ? Severity.Info : severity);
            }
        }
    }

    /// <summary>The column holding the period's own figure: the first "this period" column, else the first.</summary>
    internal static int Primary(CheckContext context)
    {
        for (var c = 0; c < context.Columns.Count; c++)
        {
            if (context.Columns[c].Role == ValueRole.Period)
            {
                return c;
            }
        }

        return 0;
    }

    /// <summary>How bad a blank in this cell is, or null when a blank there is normal (a plan the row has none of).</summary>
    private static Severity? Expectation(CheckContext context, ValueFacts cell, int primary)
    {
        if (cell.Column == primary)
        {
            return Severity.Warning;
        }

        var row = cell.Row;
        return cell.Role switch
        {
            ValueRole.Cumulative when row.Type == IndicatorType.Count && row.HasValue(ValueState.Number, ValueRole.Period) => Severity.Warning,
            ValueRole.Rate when row.Type == IndicatorType.Count && row.HasValue(ValueState.Number, ValueRole.Plan)
                && (row.HasValue(ValueState.Number, ValueRole.Period) || row.HasValue(ValueState.Number, ValueRole.Cumulative)) => Severity.Info,
            _ => null,
        };
    }

    /// <summary>
    /// Computed from the table first (other rows, or the row's other columns), then last period's figure for what
    /// carries over, then the form's default.
    /// </summary>
    internal static Proposal? Propose(CheckContext context, ValueFacts cell)
    {
        var row = cell.Row;
        var previous = context.PreviousCell(cell) is { State: ValueState.Number } p ? p.Number : null;
        var previousText = previous is null ? null : VietnameseNumber.Format(previous.Value);
        if ((context.Derived.Derived(cell) ?? ColumnRelations.Computed(context, cell)) is decimal computed)
        {
            return new Proposal(VietnameseNumber.Format(computed), ProposalSource.Computed, previousText);
        }

        if (previous is not null && (row.Kind is IndicatorKind.Stock || (row.Kind is IndicatorKind.Cumulative && cell.Role == ValueRole.Period)))
        {
            return new Proposal(previousText!, ProposalSource.PreviousPeriod, previousText);
        }

        if (row.Template is { DefaultZero: true } && cell.Role == ValueRole.Period && context.Derived.LowerBound(row, cell.Column) == 0)
        {
            return new Proposal("0", ProposalSource.TemplateDefault, previousText);
        }

        return null;
    }

}

/// <summary>The unit cell is blank where the form names a unit.</summary>
internal sealed class UnitMissingRule : Rule
{
    public override string Code => "UNIT_MISSING";

    public override Severity Severity => Severity.Warning;

    public override MessageTemplate Message { get; } = new(
        "Chỉ tiêu “{label}” chưa ghi đơn vị tính{expected}.",
        "“{label}” has no unit{expectedEn}.");

    public override IEnumerable<Finding> Check(CheckContext context)
    {
        foreach (var row in context.Rows.Where(r => r.Unit.IsBlank && r.Template?.Unit is not null && !r.IsSectionRow))
        {
            var unit = row.Template!.Unit!;
            var (form, formEn) = context.FormNoun;
            yield return At(row, AppendixColumn.Unit, Args(("expected", $"; theo {form} là “{unit}”"), ("expectedEn", $"; {formEn} says “{unit}”")), new Proposal(unit, ProposalSource.Template));
        }

        // Without a form's unit, a value with no unit still leaves the reader guessing what was counted.
        foreach (var row in context.Rows.Where(r => r.Template?.Unit is null && !r.IsSectionRow && r.Unit.IsBlank && r.HasValue(ValueState.Number)))
        {
            yield return At(row, AppendixColumn.Unit, Args(("expected", ", nên người đọc không biết số liệu đếm cái gì"), ("expectedEn", ", so a reader cannot tell what was counted")), severity: Severity.Info);
        }
    }
}
