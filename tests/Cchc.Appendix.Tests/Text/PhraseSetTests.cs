using Cchc.Appendix.Tests.Checking;
using Cchc.Appendix.Text;
using Cchc.Appendix.Vocabulary;

namespace Cchc.Appendix.Tests.Text;

public class PhraseSetTests
{
    private static readonly string[] Phrases = ["LUY KE", "TU DAU NAM", "DA CONG BO", "CO MAT", "HIEN CO"];

    [Theory]
    [InlineData("SO HO SO LUY KE", true)]
    [InlineData("LUY KE TU DAU NAM", true)]
    [InlineData("XLUY KE", false)]
    [InlineData("LUY KEX DEN NAY", false)]
    [InlineData("SO VAN BAN DA DA CONG BO", true)]
    [InlineData("SO CAN BO CO MATX CO MAT", true)]
    [InlineData("HIEN COT", false)]
    [InlineData("", false)]
    public void In_FindsAPhraseOnlyAsWholeWords(string key, bool expected)
    {
        Assert.Equal(expected, new PhraseSet(Phrases).In(key));
    }

    /// <summary>The one search gives what looking for each phrase in turn gives, on every label of both fixtures with the vocabulary's own phrases.</summary>
    [Fact]
    public void In_IsWhatEachPhraseInTurnGives()
    {
        var keys = CheckerHarness.Q3.Rows.Concat(CheckerHarness.Q2.Rows).Select(r => VietnameseText.LabelKey(r.Label.Text)).Distinct().ToList();
        var phrases = new[] { "LUY KE", "TU DAU NAM", "DANG CO HIEU LUC", "HIEN CO", "HIEN NAY", "CO MAT", "DUOC GIAO", "BIEN CHE", "TONG SO CAN BO", "DA CONG BO", "SO" };
        var set = new PhraseSet(phrases);
        var found = 0;
        foreach (var key in keys.Concat(keys.Select(k => k + " LUY KE")).Concat(keys.Select(k => "HIEN " + k)))
        {
            var expected = phrases.Any(p => Words.HasPhrase(key, p));
            Assert.True(expected == set.In(key), key);
            found += expected ? 1 : 0;
        }

        Assert.InRange(found, keys.Count, (3 * keys.Count) - 1);
    }
}
