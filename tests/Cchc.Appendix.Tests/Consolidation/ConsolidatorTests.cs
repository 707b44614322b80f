using Cchc.Appendix.Consolidation;
using Cchc.Appendix.Header;
using Cchc.Appendix.Templates;
using Cchc.Testing.Forms;
using static Cchc.Testing.Forms.ConsolidationSet;

namespace Cchc.Appendix.Tests.Consolidation;

/// <summary>
/// The province's quarter of <see cref="ConsolidationSet"/>, consolidated by the engine and compared with figures this
/// test adds up itself from the numbers the files were written with.
/// </summary>
public class ConsolidatorTests
{
    private static readonly Lazy<(List<UnitReport> Reports, List<UnreadableFile> Unreadable)> Checked = new(UnitSet.Checked);

    private static readonly ConsolidationOptions WithList = new() { Units = UnitList };

    /// <summary>The figures of every report that counts: one per unit, quý II, the later of Cái Tắc's two.</summary>
    private static List<UnitFigures> Counted => Files().Where(f => f.Kind == SetFileKind.Report).Select(f => f.Figures!).ToList();

    private static ConsolidatedReport Consolidate(ConsolidationOptions? options = null) =>
        Consolidator.Consolidate(Checked.Value.Reports, Checked.Value.Unreadable, options ?? WithList);

    private static ConsolidatedFigure FigureOf(ConsolidatedReport report, string label, int column = 0)
    {
        var row = report.Rows.Single(r => r.Label.TrimStart('-', ' ') == label.TrimStart('-', ' '));
        return row.Figures[column] ?? throw new InvalidOperationException($"{label}: no figure in column {column}");
    }

    [Fact]
    public void Consolidate_CountRow_SumsEveryUnitThatReportedOfAllExpected()
    {
        var report = Consolidate();

        var received = FigureOf(report, Received);

        var expected = Counted.Sum(u => u[Received]!.Value);
        Assert.Equal(FigureMethod.Sum, received.Method);
        Assert.Equal(expected, received.Value);
        Assert.Equal(14, received.Reported);
        Assert.Equal(15, received.Of);
        Assert.Equal(Counted.Min(u => u[Received]!.Value), received.Min);
        Assert.Equal(Counted.Max(u => u[Received]!.Value), received.Max);
    }

    [Fact]
    public void Consolidate_RateOfCountedRows_RecomputedFromSummedPartsNotAveraged()
    {
        var report = Consolidate();

        var rate = FigureOf(report, OnTimeRate);

        var onTime = Counted.Sum(u => u[OnTime]!.Value);
        var resolved = Counted.Sum(u => u[Resolved]!.Value);
        Assert.Equal(FigureMethod.Recomputed, rate.Method);
        Assert.Equal(Math.Round((decimal)onTime / resolved * 100, 1, MidpointRounding.AwayFromZero), rate.Value);
        Assert.Equal(onTime, rate.Numerator);
        Assert.Equal(resolved, rate.Denominator);
        Assert.Equal(14, rate.Reported);

        // The units' own rates are shown as a spread, never averaged into the total.
        var ownRates = Counted.Select(u => Math.Round((decimal)u[OnTime]!.Value / u[Resolved]!.Value * 100, 1, MidpointRounding.AwayFromZero)).Order().ToList();
        Assert.Equal(ownRates[0], rate.Min);
        Assert.Equal(ownRates[^1], rate.Max);
        Assert.Equal((ownRates[6] + ownRates[7]) / 2, rate.Median);
        Assert.NotEqual(Math.Round(ownRates.Average(), 1), rate.Value);
    }

    [Fact]
    public void Consolidate_TasksRate_RecomputedOverTheCommunesThatHaveIt()
    {
        var communes = Counted.Where(u => u.Form == "commune").ToList();

        var rate = FigureOf(Consolidate(), TasksRate);

        var expected = Math.Round((decimal)communes.Sum(u => u[TasksDone]!.Value) / communes.Sum(u => u[TasksPlanned]!.Value) * 100, 1, MidpointRounding.AwayFromZero);
        Assert.Equal(expected, rate.Value);
        Assert.Equal(12, rate.Reported);
        Assert.Equal(15, rate.Of);
    }

    [Fact]
    public void Consolidate_RateTheFormRelatesToNothing_OnlySpreadNoTotal()
    {
        var signed = FigureOf(Consolidate(), SignedDigitally);

        var rates = Counted.Where(u => u.Form == "commune").Select(u => (decimal)u[SignedDigitally]!.Value).Order().ToList();
        Assert.Equal(FigureMethod.Spread, signed.Method);
        Assert.Null(signed.Value);
        Assert.Equal(rates[0], signed.Min);
        Assert.Equal((rates[5] + rates[6]) / 2, signed.Median);
        Assert.Equal(rates[^1], signed.Max);
        Assert.Equal(12, signed.Reported);
    }

    [Fact]
    public void Consolidate_YesNoRow_CountsUnitsAnsweringYes()
    {
        var dialogue = FigureOf(Consolidate(), Dialogue);

        var communes = Counted.Where(u => u.Form == "commune").ToList();
        Assert.Equal(FigureMethod.YesCount, dialogue.Method);
        Assert.Equal(communes.Count(u => u[Dialogue] == 1), dialogue.Value);
        Assert.Equal(12, dialogue.Reported);
        Assert.Equal(Math.Round((decimal)communes.Count(u => u[Dialogue] == 1) / 12 * 100, 1, MidpointRounding.AwayFromZero), dialogue.Share);
    }

    [Fact]
    public void Consolidate_FigureWithError_LeftOutByDefaultAndCountedWhenAsked()
    {
        var communes = Counted.Where(u => u.Form == "commune").ToList();

        var without = FigureOf(Consolidate(), Payments);
        var with = FigureOf(Consolidate(WithList with { CountFiguresWithErrors = true }), Payments);

        Assert.Equal(communes.Where(u => u.Unit != CommuneWithError).Sum(u => u[Payments]!.Value), without.Value);
        Assert.Equal(11, without.Reported);
        Assert.Equal(1, without.LeftOutWithErrors);
        Assert.Equal(communes.Sum(u => u[Payments]!.Value), with.Value);
        Assert.Equal(12, with.Reported);
        Assert.Equal(IndicatorKind.Cumulative, without.Kind);
    }

    [Fact]
    public void Consolidate_UnitSet_StatusOfEveryUnitOnTheList()
    {
        var report = Consolidate();

        Assert.Equal(UnitList, report.Units.Select(u => u.Unit));
        var missing = Assert.Single(report.Units, u => u.State == UnitState.Missing);
        Assert.Equal(MissingUnit, missing.Unit);
        Assert.Null(missing.File);
        var flagged = report.Units.Single(u => u.Unit == CommuneWithError);
        Assert.Equal(UnitState.Received, flagged.State);
        Assert.Equal(1, flagged.Errors);
        Assert.False(flagged.ReadyToSign);
        Assert.All(report.Units.Where(u => u.State == UnitState.Received && u.Unit != CommuneWithError), u => Assert.True(u.ReadyToSign, u.Unit));
        Assert.False(report.AllReadyToSign);
        Assert.Equal(new DateOnly(2026, 6, 15), report.Units.Single(u => u.Unit == CommuneSentTwice).ReportDate);
        Assert.Equal(ReportPeriod.Quarter(2, 2026), report.Period);
        Assert.Contains(report.Errors, e => e.Unit == CommuneWithError && e.Finding.Code == "COUNT_NEGATIVE");
    }

    [Fact]
    public void Consolidate_UnitSentTwice_LaterReportDateCountsAndTheOtherIsListed()
    {
        var report = Consolidate();
        var index = UnitList.ToList().IndexOf(CommuneSentTwice);

        var planned = FigureOf(report, TasksPlanned).ByUnit[index];

        var later = Counted.Single(u => u.Unit == CommuneSentTwice);
        Assert.Equal(later[TasksPlanned], planned!.Value);
        var duplicate = Assert.Single(report.Excluded, e => e.Kind == ExclusionKind.Duplicate);
        Assert.Equal(Files().Single(f => f.Kind == SetFileKind.Superseded).Name, duplicate.File);
        Assert.Contains("15/06/2026", duplicate.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Consolidate_UnitSet_ExcludesOtherPeriodDuplicateAndUnreadableWithReasons()
    {
        var report = Consolidate();

        Assert.Equal(
            [ExclusionKind.OtherPeriod, ExclusionKind.Duplicate, ExclusionKind.Unreadable],
            report.Excluded.Select(e => e.Kind));
        Assert.Equal(Files().Single(f => f.Kind == SetFileKind.OtherPeriod).Name, report.Excluded[0].File);
        Assert.Contains("quý I năm 2026", report.Excluded[0].Reason, StringComparison.Ordinal);
        Assert.Equal(BrokenFile, report.Excluded[2].File);
        Assert.Contains("không phải Word hay Excel", report.Excluded[2].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Consolidate_WardsOnAnotherForm_AlignedByLabelTheirOwnRowAndColumnListed()
    {
        var report = Consolidate();

        var meetings = report.Rows.Single(r => r.Label == OnlineMeetings);
        Assert.True(meetings.OutsideCommonForm);
        Assert.True(report.Rows.ToList().IndexOf(meetings) > report.Rows.ToList().FindIndex(r => r.Label == Payments));
        var wards = Counted.Where(u => u.Form == "ward").ToList();
        Assert.Equal(wards.Sum(u => u[OnlineMeetings, 1]!.Value), meetings.Figures[1]!.Value);
        var listed = Assert.Single(report.Unaligned, u => u.Label == OnlineMeetings);
        Assert.Equal(wards.Select(w => w.Unit), listed.Units);
        Assert.Contains(report.Unaligned, u => u.Label.Contains("Lũy kế từ đầu năm", StringComparison.Ordinal) && u.Units.Count == 2);
        Assert.Equal(wards.Sum(u => u[Received, 1]!.Value), FigureOf(report, Received, 1).Value);
        Assert.Equal(2, FigureOf(report, Received, 1).Reported);
    }

    [Fact]
    public void Consolidate_NoList_UnitsReceivedAndTheMostCommonPeriod()
    {
        var report = Consolidator.Consolidate(Checked.Value.Reports, Checked.Value.Unreadable);

        Assert.Equal(14, report.Units.Count);
        Assert.All(report.Units, u => Assert.Equal(UnitState.Received, u.State));
        Assert.Equal(ReportPeriod.Quarter(2, 2026), report.Period);
        Assert.Equal(14, FigureOf(report, Received).Of);
    }

    [Fact]
    public void Consolidate_UnitNotOnTheList_ExcludedWithItsName()
    {
        var list = UnitList.Where(u => u != "Xã Vị Thủy").ToList();

        var report = Consolidate(new ConsolidationOptions { Units = list });

        var notListed = Assert.Single(report.Excluded, e => e.Kind == ExclusionKind.NotListed);
        Assert.Contains("VỊ THỦY", notListed.Reason, StringComparison.Ordinal);
        Assert.Equal(13, FigureOf(report, Received).Reported);
    }

    [Fact]
    public void Trends_TwoQuarters_EachPeriodConsolidatedOnItsOwn()
    {
        var reports = Checked.Value.Reports;
        var periods = Trends.PeriodsUpTo(ReportPeriod.Quarter(2, 2026), reports);
        var byPeriod = Trends.ConsolidateEach(reports, periods);

        var series = Assert.Single(Trends.Of(byPeriod, [FigureOf(byPeriod[^1], Received).Id]));

        Assert.Equal([ReportPeriod.Quarter(1, 2026), ReportPeriod.Quarter(2, 2026)], series.Points.Select(p => p.Period));
        var quarterOne = Files().Single(f => f.Kind == SetFileKind.OtherPeriod).Figures!;
        Assert.Equal(quarterOne[Received], series.Points[0].Value);
        Assert.Equal(1, series.Points[0].Reported);
        Assert.Equal(Counted.Sum(u => u[Received]!.Value), series.Points[1].Value);
        Assert.Contains(FigureOf(byPeriod[^1], OnTimeRate).Id, Trends.DefaultIds(byPeriod[^1]));
    }

    [Theory]
    [InlineData("UBND XÃ PHONG ĐIỀN")]
    [InlineData("Ủy ban nhân dân xã Phong Điền")]
    [InlineData("xã  Phong Điền")]
    [InlineData("ubnd-xa-phong-dien")]
    public void UnitNamesKey_SpellingsOfOneUnit_SameKey(string spelling) =>
        Assert.Equal(UnitNames.Key("Xã Phong Điền"), UnitNames.Key(spelling));
}
