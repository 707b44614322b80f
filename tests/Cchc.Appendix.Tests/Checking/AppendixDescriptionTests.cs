using System.Text.Json;
using Cchc.Appendix.Checking;
using Cchc.Appendix.Tests.Fixtures;

namespace Cchc.Appendix.Tests.Checking;

public sealed class AppendixDescriptionTests
{
    public static TheoryData<string> Fixtures => new() { "ngan-nam-2022-q3.txt", "ngan-nam-2022-q2.txt" };

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void CheckAndDescribe_OneAnalysis_GivesWhatCheckAndDescribeGiveApart(string fixture)
    {
        var snapshot = TextFixture.Load(fixture);
        var checker = AppendixChecker.Default;

        var (report, description) = checker.CheckAndDescribe(snapshot);

        Assert.Equal(Json(checker.Check(snapshot)), Json(report));
        Assert.Equal(Json(checker.Describe(snapshot)), Json(description));
    }

    [Fact]
    public void CheckAndDescribe_UnknownForm_GivesWhatCheckAndDescribeGiveApart()
    {
        var snapshot = TextFixture.Load("ngan-nam-2022-q3.txt");
        var unknown = snapshot with { Rows = [.. snapshot.Rows.Select(r => r with { Label = "Mục " + r.Label })] };
        var checker = AppendixChecker.Default;

        var (report, description) = checker.CheckAndDescribe(unknown);

        Assert.Equal(Json(checker.Check(unknown)), Json(report));
        Assert.Equal(Json(checker.Describe(unknown)), Json(description));
    }

    private static string Json(object value) => JsonSerializer.Serialize(value);
}
