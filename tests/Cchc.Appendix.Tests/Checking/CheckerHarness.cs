using Cchc.Appendix.Checking;
using Cchc.Appendix.Findings;
using Cchc.Appendix.Table;
using Cchc.Appendix.Tests.Fixtures;

namespace Cchc.Appendix.Tests.Checking;

/// <summary>Shortcuts for asserting what a user would see: findings by code and by the row's label.</summary>
internal static class CheckerHarness
{
    public static TableSnapshot Q3 => TextFixture.Load("ngan-nam-2022-q3.txt");

    public static TableSnapshot Q2 => TextFixture.Load("ngan-nam-2022-q2.txt");

    public static CheckReport Check(TableSnapshot snapshot, TableSnapshot? previous = null) => AppendixChecker.Default.Check(snapshot, previous);

    public static IReadOnlyList<Finding> WithCode(this CheckReport report, string code) => report.Findings.Where(f => f.Code == code).ToList();

    public static IReadOnlyList<Finding> On(this CheckReport report, string label) => report.Findings.Where(f => f.Label == label).ToList();

    public static Finding Single(this CheckReport report, string code, string label) =>
        Assert.Single(report.Findings, f => f.Code == code && f.Label == label);

    public static void None(this CheckReport report, string code, string label) =>
        Assert.DoesNotContain(report.Findings, f => f.Code == code && f.Label == label);
}
