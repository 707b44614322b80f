using Cchc.Appendix.Filling;
using Cchc.Appendix.Findings;
using Cchc.Appendix.Table;
using Cchc.Appendix.Templates;
using Cchc.Appendix.Tests.Checking;
using Cchc.Appendix.Tests.Fixtures;

namespace Cchc.Appendix.Tests.Filling;

public class PrefillPlannerTests
{
    private static PrefillPlan PlanFor(TableSnapshot current) => PrefillPlanner.Default.Plan(current, CheckerHarness.Q2);

    private static PrefillProposal ValueOf(PrefillPlan plan, string label) =>
        Assert.Single(plan.Proposals, p => p.Label == label && p.Column == AppendixColumn.Value);

    [Fact]
    public void Plan_Q3_ProposesLastPeriodForABlankStock()
    {
        var proposal = ValueOf(PlanFor(CheckerHarness.Q3), "Số lượng công chức, viên chức có tài khoản thư điện tử chính thức");

        Assert.Equal(IndicatorKind.Stock, proposal.Kind);
        Assert.Equal("95", proposal.Proposed);
        Assert.Equal("95", proposal.Previous);
        Assert.Equal(ProposalSource.PreviousPeriod, proposal.Source);
        Assert.True(proposal.Preselected);
    }

    [Fact]
    public void Plan_Q3_ComputesBlankTotalsRatherThanCopyingThem()
    {
        var proposal = ValueOf(PlanFor(CheckerHarness.Q3), "Tổng số văn bản đi tại UBND cấp huyện");

        Assert.Equal("5.967", proposal.Proposed);
        Assert.Equal("4.120", proposal.Previous);
        Assert.Equal(ProposalSource.Computed, proposal.Source);
    }

    [Fact]
    public void Plan_FilledCell_IsShownButNeverPreselected()
    {
        var proposal = ValueOf(PlanFor(CheckerHarness.Q3), "Số hồ sơ TTHC do UBND cấp huyện tiếp nhận");

        Assert.Equal("1.730", proposal.Current);
        Assert.Equal("1.105", proposal.Previous);
        Assert.Null(proposal.Proposed);
        Assert.False(proposal.Preselected);
    }

    [Fact]
    public void Plan_BlankFlow_StartsBlank()
    {
        var current = CheckerHarness.Q3.With("Số TTHC được công bố mới", AppendixColumn.Value, "");

        var proposal = ValueOf(PlanFor(current), "Số TTHC được công bố mới");

        Assert.Null(proposal.Proposed);
        Assert.Equal("4", proposal.Previous);
    }

    [Fact]
    public void Plan_BlankCumulative_StartsFromLastPeriodAsAFloor()
    {
        var current = CheckerHarness.Q3.With("Số nhiệm vụ đã hoàn thành", AppendixColumn.Value, "");

        var proposal = ValueOf(PlanFor(current), "Số nhiệm vụ đã hoàn thành");

        Assert.Equal("10", proposal.Proposed);
        Assert.Equal(ProposalSource.PreviousPeriod, proposal.Source);
    }

    [Fact]
    public void Plan_BlankPlanReference_CarriesOver()
    {
        var current = CheckerHarness.Q3.With("Kiểm tra CCHC", AppendixColumn.Note, "");

        var proposal = Assert.Single(PlanFor(current).Proposals, p => p.Label == "Kiểm tra CCHC" && p.Column == AppendixColumn.Note);

        Assert.StartsWith("Kế hoạch số 32/KH-UBND", proposal.Proposed, StringComparison.Ordinal);
        Assert.True(proposal.Preselected);
    }

    [Fact]
    public void Edits_OfThePlan_TouchOnlyBlankCells()
    {
        var plan = PlanFor(CheckerHarness.Q3);

        var edits = plan.Edits();

        Assert.NotEmpty(edits);
        Assert.All(edits, e => Assert.True(string.IsNullOrWhiteSpace(e.OldText), $"row {e.Row} held “{e.OldText}”"));
        Assert.Contains(edits, e => e.NewText == "5.967" && e.Number == 5967);
    }
}
