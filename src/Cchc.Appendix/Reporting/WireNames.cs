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
}
