using Cchc.Appendix.Header;

namespace Cchc.Appendix.Tests.Header;

public class ReportPeriodTests
{
    public static TheoryData<ReportPeriod, ReportPeriod> PreviousCases => new()
    {
        { ReportPeriod.Quarter(2, 2022), ReportPeriod.Quarter(1, 2022) },
        { ReportPeriod.Quarter(3, 2022), ReportPeriod.Quarter(2, 2022) },
        { ReportPeriod.Quarter(1, 2023), ReportPeriod.Quarter(4, 2022) },
        { ReportPeriod.SixMonths(2022), ReportPeriod.Quarter(1, 2022) },
        { ReportPeriod.NineMonths(2022), ReportPeriod.SixMonths(2022) },
        { ReportPeriod.FullYear(2022), ReportPeriod.NineMonths(2022) },
    };

    public static TheoryData<ReportPeriod, ReportPeriod> NextCases => new()
    {
        { ReportPeriod.Quarter(3, 2022), ReportPeriod.Quarter(4, 2022) },
        { ReportPeriod.Quarter(4, 2022), ReportPeriod.Quarter(1, 2023) },
        { ReportPeriod.SixMonths(2022), ReportPeriod.NineMonths(2022) },
        { ReportPeriod.NineMonths(2022), ReportPeriod.FullYear(2022) },
        { ReportPeriod.FullYear(2022), ReportPeriod.Quarter(1, 2023) },
    };

    [Theory]
    [MemberData(nameof(PreviousCases))]
    public void Previous_OfPeriod_IsTheOneItFollows(ReportPeriod period, ReportPeriod expected) => Assert.Equal(expected, period.Previous());

    [Theory]
    [MemberData(nameof(NextCases))]
    public void Next_OfPeriod_IsTheOneARollForwardMakes(ReportPeriod period, ReportPeriod expected) => Assert.Equal(expected, period.Next());

    [Fact]
    public void ContinuesYearOf_QuarterOne_RestartsCumulativeValues()
    {
        Assert.False(ReportPeriod.Quarter(1, 2023).ContinuesYearOf(ReportPeriod.Quarter(4, 2022)));
        Assert.True(ReportPeriod.Quarter(3, 2022).ContinuesYearOf(ReportPeriod.Quarter(2, 2022)));
    }

    [Theory]
    [InlineData(PeriodKind.Quarter, 3, "QUÝ III NĂM 2022", "q3")]
    [InlineData(PeriodKind.SixMonths, 0, "6 THÁNG NĂM 2022", "6-thang")]
    [InlineData(PeriodKind.Year, 0, "NĂM 2022", "nam")]
    public void TitleTextAndSlug_OfPeriod_AreStable(PeriodKind kind, int number, string title, string slug)
    {
        var period = new ReportPeriod(kind, number, 2022);

        Assert.Equal(title, period.ToTitleText());
        Assert.Equal(slug, period.Slug);
    }
}
