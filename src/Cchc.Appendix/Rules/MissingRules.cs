using Cchc.Appendix.Checking;
using Cchc.Appendix.Findings;
using Cchc.Appendix.Numbers;
using Cchc.Appendix.Table;
using Cchc.Appendix.Templates;

namespace Cchc.Appendix.Rules;

/// <summary>A value is blank where the form expects one. A blank explained in Ghi chú is softer than a silent one.</summary>
internal sealed class ValueMissingRule : Rule
{
    public override string Code => "VALUE_MISSING";

    public override Severity Severity => Severity.Warning;

    public override MessageTemplate Message { get; } = new(
        "Chỉ tiêu “{label}” chưa có số liệu{explained}.",
        "“{label}” has no value{explainedEn}.");

    public override IEnumerable<Finding> Check(CheckContext context)
    {
        foreach (var row in context.Rows.Where(r => r.ExpectsValue && r.State == ValueState.Blank))
        {
            var proposal = Propose(context, row);
            var explained = row.HasNote;
            yield return At(row, AppendixColumn.Value, Args(
                ("explained", explained ? " (Ghi chú có giải thích)" : string.Empty),
                ("explainedEn", explained ? " (the note explains it)" : string.Empty)),
                proposal,
                explained ? Severity.Info : Severity.Warning);
        }
    }

    /// <summary>Computed from the table first, then last period's figure for what carries over, then the form's default.</summary>
    internal static Proposal? Propose(CheckContext context, RowFacts row)
    {
        var previous = context.PreviousRows.TryGetValue(row.Index, out var p) && p.State == ValueState.Number ? p.Number : null;
        var previousText = previous is null ? null : VietnameseNumber.Format(previous.Value);
        if (context.Derived.Derived(row) is decimal computed)
        {
            return new Proposal(VietnameseNumber.Format(computed), ProposalSource.Computed, previousText);
        }

        if (previous is not null && (row.Kind is IndicatorKind.Stock or IndicatorKind.Cumulative))
        {
            return new Proposal(previousText!, ProposalSource.PreviousPeriod, previousText);
        }

        if (row.Template is { DefaultZero: true } && context.Derived.LowerBound(row) == 0)
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
        "Chỉ tiêu “{label}” chưa ghi đơn vị tính; theo mẫu là “{unit}”.",
        "“{label}” has no unit; the form says “{unit}”.");

    public override IEnumerable<Finding> Check(CheckContext context)
    {
        foreach (var row in context.Rows.Where(r => r.Unit.IsBlank && r.Template?.Unit is not null && !r.IsSectionRow))
        {
            var unit = row.Template!.Unit!;
            yield return At(row, AppendixColumn.Unit, Args(("unit", unit)), new Proposal(unit, ProposalSource.Template));
        }

        // Without a template, a value with no unit still leaves the reader guessing what was counted.
        foreach (var row in context.Rows.Where(r => r.Template is null && !r.IsSectionRow && r.Unit.IsBlank && r.State == ValueState.Number))
        {
            yield return At(row, AppendixColumn.Unit, Args(("unit", "?")), severity: Severity.Info);
        }
    }
}
