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

    public static TheoryData<ReportPeriod> EveryKind => new()
    {
        ReportPeriod.Quarter(1, 2026), ReportPeriod.Quarter(4, 2025), ReportPeriod.SixMonths(2026), ReportPeriod.NineMonths(2026), ReportPeriod.FullYear(2025),
    };

    [Theory]
    [MemberData(nameof(EveryKind))]
    public void YearSlug_ReadBack_IsTheSamePeriod(ReportPeriod period)
    {
        Assert.True(ReportPeriod.TryParseYearSlug(period.YearSlug, out var read));
        Assert.Equal(period, read);
        Assert.True(ReportPeriod.TryParseSlug(period.Slug, period.Year, out var fromFolder));
        Assert.Equal(period, fromFolder);
    }

    [Theory]
    [InlineData(" 2022-Q3 ", true)]
    [InlineData("2022-q5", false)]
    [InlineData("22-q3", false)]
    [InlineData("2022q3", false)]
    [InlineData("2022-", false)]
    [InlineData("-2022-q3", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void TryParseYearSlug_AsTyped_ReadsOnlyTheSlugForm(string? text, bool read) =>
        Assert.Equal(read, ReportPeriod.TryParseYearSlug(text, out _));
}
