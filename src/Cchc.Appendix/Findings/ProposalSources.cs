namespace Cchc.Appendix.Findings;

/// <summary>How a proposal's source reads to a person.</summary>
public static class ProposalSources
{
    public static string Vietnamese(ProposalSource source) => source switch
    {
        ProposalSource.Computed => "tính từ các dòng khác",
        ProposalSource.PreviousPeriod => "theo kỳ trước",
        ProposalSource.TemplateDefault => "mặc định của mẫu",
        ProposalSource.Template => "theo mẫu",
        _ => "theo tiêu đề",
    };

    public static string English(ProposalSource source) => source switch
    {
        ProposalSource.Computed => "computed from other rows",
        ProposalSource.PreviousPeriod => "previous period",
        ProposalSource.TemplateDefault => "template default",
        ProposalSource.Template => "template",
        _ => "from the title",
    };
}
