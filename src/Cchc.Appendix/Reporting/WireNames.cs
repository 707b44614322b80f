using Cchc.Appendix.Checking;
using Cchc.Appendix.Findings;
using Cchc.Appendix.Table;

namespace Cchc.Appendix.Reporting;

/// <summary>
/// The stable lower-case names the JSON outputs (command line and API) use for the engine's enums, so
/// clients never depend on C# member names.
/// </summary>
public static class WireNames
{
    public static string Of(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "info",
    };

    public static string Of(AppendixColumn column) => column switch
    {
        AppendixColumn.No => "no",
        AppendixColumn.Label => "label",
        AppendixColumn.Unit => "unit",
        AppendixColumn.Value => "value",
        AppendixColumn.Note => "note",
        _ => "header",
    };

    public static string Of(ProposalSource source) => source switch
    {
        ProposalSource.Computed => "computed",
        ProposalSource.PreviousPeriod => "previous-period",
        ProposalSource.TemplateDefault => "template-default",
        ProposalSource.Template => "template",
        _ => "header",
    };

    public static string Of(FormSource source) => source switch
    {
        FormSource.Template => "template",
        FormSource.PreviousReport => "previous-report",
        _ => "document",
    };

    public static string Of(ValueRole role) => role switch
    {
        ValueRole.Cumulative => "cumulative",
        ValueRole.Plan => "plan",
        ValueRole.Rate => "rate",
        ValueRole.SamePeriodLastYear => "same-period-last-year",
        _ => "period",
    };

    /// <summary>
    /// The header of a finding's value column, for a value finding of an appendix with several value columns, else null:
    /// the <c>valueHeader</c> of the JSON outputs.
    /// </summary>
    public static string? ValueHeader(Finding finding, TableSnapshot snapshot) =>
        finding.Column == AppendixColumn.Value && snapshot.ValueColumns.Count > 1 && finding.ValueColumn < snapshot.ValueColumns.Count
            ? snapshot.ValueColumns[finding.ValueColumn].Header
            : null;
}
