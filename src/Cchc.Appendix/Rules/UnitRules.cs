using Cchc.Appendix.Checking;
using Cchc.Appendix.Findings;
using Cchc.Appendix.Table;
using Cchc.Appendix.Templates;
using Cchc.Appendix.Units;

namespace Cchc.Appendix.Rules;

/// <summary>
/// The unit contradicts the form: a count marked "%" is an error; a count of one thing marked as another
/// (dossiers, hồ sơ, marked TTHC) a warning. Yes/no wordings that mean the same are not a fault. Against a form
/// learned from the previous report, a unit that changed since is a warning.
/// </summary>
internal sealed class UnitMismatchRule : Rule
{
    public override string Code => "UNIT_MISMATCH";

    public override Severity Severity => Severity.Error;

    public override MessageTemplate Message { get; } = new(
        "Đơn vị tính “{written}” của chỉ tiêu “{label}” không khớp với {form} (“{expected}”).",
        "The unit “{written}” of “{label}” does not match {formEn} (“{expected}”).");

    public override IEnumerable<Finding> Check(CheckContext context)
    {
        foreach (var row in context.Rows)
        {
            // The form's unit was read once, with the form; the rows without one, or left blank, are not compared.
            if (row.Entry?.Unit is not { } expected || row.Unit.IsBlank)
            {
                continue;
            }

            Severity? severity = expected.Type != row.Unit.Type
                ? Severity.Error
                : expected.Type == IndicatorType.Count && expected.Noun != row.Unit.Noun ? Severity.Warning : null;
            if (severity is not null)
            {
                var (form, formEn) = context.FormNoun;
                yield return At(row, AppendixColumn.Unit, Args(("written", row.Row.Unit.Text.Trim()), ("expected", row.Template!.Unit), ("form", form), ("formEn", formEn)), new Proposal(row.Template.Unit!, ProposalSource.Template), Capped(context, severity.Value));
            }
        }
    }
}

/// <summary>
/// Without a template: the unit contradicts the label's own wording ("Số …" marked "%", "Tỷ lệ …" counted, "Có …"
/// counted in documents rather than coded 0/1).
/// </summary>
internal sealed class UnitLabelConflictRule : Rule
{
    public override string Code => "UNIT_LABEL_CONFLICT";

    public override Severity Severity => Severity.Warning;

    public override MessageTemplate Message { get; } = new(
        "Tên chỉ tiêu “{label}” cho thấy {expected}, nhưng đơn vị tính là “{written}”.",
        "The label “{label}” implies {expectedEn}, but the unit is “{written}”.");

    public override IEnumerable<Finding> Check(CheckContext context)
    {
        foreach (var row in context.Rows.Where(r => !context.FormIsDeclared && !r.IsSectionRow && !r.Unit.IsBlank))
        {
            var implied = row.ImpliedType;
            if (UnitText.Contradicts(implied, row.Unit.Type))
            {
                yield return At(row, AppendixColumn.Unit, Args(
                    ("expected", ValueNotNumberRule.KindVi(implied!.Value)),
                    ("expectedEn", ValueNotNumberRule.KindEn(implied!.Value)),
                    ("written", row.Row.Unit.Text.Trim())));
            }
        }
    }
}
