using Cchc.Appendix.Rules;
using Cchc.Appendix.Tests.Checking;
using Cchc.Appendix.Text;

namespace Cchc.Appendix.Tests.Rules;

public class LabelRepeatedWordsTests
{
    /// <summary>
    /// The rule reads a label word by word only where its key passes a cheap test first; that test must let through
    /// every label the word-by-word reading would report. Every label of both fixtures is tried with each phrase of two
    /// to four of its words written twice, and a few written with punctuation, spaces and Unicode forms of their own.
    /// </summary>
    [Fact]
    public void KeyTest_LetsThroughEveryLabelWithAPhraseWrittenTwice()
    {
        var labels = CheckerHarness.Q3.Rows.Concat(CheckerHarness.Q2.Rows).Select(r => r.Label.Text).Distinct().ToList();
        var repeated = 0;
        foreach (var label in labels)
        {
            var words = label.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            for (var length = 2; length <= 4; length++)
            {
                for (var i = 0; i + length <= words.Length; i++)
                {
                    var twice = string.Join(' ', words.Take(i + length).Concat(words.Skip(i)));
                    repeated += Passes(twice) ? 1 : 0;
                }
            }
        }

        foreach (var label in new[] { "Số hồ sơ hồ sơ", "Số TTHC/TTHC TTHC/TTHC", "Tỷ lệ % tỷ lệ %", "hồ\u00A0sơ hồ\u00A0sơ", "So\u0302\u0301 ho\u0302\u0300 so\u031B so\u031B ho\u0302\u0300 so\u031B" })
        {
            repeated += Passes(label) ? 1 : 0;
        }

        Assert.True(repeated > 1_000, $"only {repeated} labels with a phrase written twice were found");

        static bool Passes(string label)
        {
            var found = LabelRepeatedWordsRule.Repeated(label) is not null;
            Assert.True(!found || LabelRepeatedWordsRule.MayRepeatAPhrase(VietnameseText.LabelKey(label)), label);
            return found;
        }
    }

    [Theory]
    [InlineData("SO HO SO TIEP NHAN", false)]
    [InlineData("SO HO SO HO SO", true)]
    [InlineData("SO VAN BAN DA BAN HANH VAN BAN", false)]
    [InlineData("CAP XA CAP XA", true)]
    [InlineData("SO SO", false)]
    public void KeyTest_IsTrueOnlyForAPhraseOfTwoWordsOrMoreWrittenTwiceInARow(string key, bool expected)
    {
        Assert.Equal(expected, LabelRepeatedWordsRule.MayRepeatAPhrase(key));
    }
}
