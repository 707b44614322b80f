using Cchc.Appendix.Table;

namespace Cchc.Appendix.Tests.Table;

public class SectionNumbersTests
{
    [Theory]
    [InlineData("I", "I")]
    [InlineData(" iv. ", "IV")]
    [InlineData("v)", "V")]
    [InlineData("VIII.)", "VIII")]
    [InlineData("\u0131x", null)]
    [InlineData("XI", null)]
    [InlineData("1", null)]
    [InlineData("", null)]
    [InlineData("Ⅳ", null)]
    public void Parse_NumberCell_GivesTheNumeralAsUpperCasingWould(string no, string? expected)
    {
        Assert.Equal(expected, SectionNumbers.Parse(no));
        var upper = no.Trim().TrimEnd('.', ')').ToUpperInvariant();
        Assert.Equal(SectionNumbers.All.Contains(upper) ? upper : null, SectionNumbers.Parse(no));
    }

    /// <summary>Parse compares letters without upper-casing the cell; that is only right if no other character upper-cases to I, V or X.</summary>
    [Fact]
    public void Parse_EveryCharacter_AgreesWithInvariantUpperCase()
    {
        for (var c = char.MinValue; c < char.MaxValue; c++)
        {
            var text = c.ToString();
            var upper = text.ToUpperInvariant();
            var expected = SectionNumbers.All.Contains(upper) && !char.IsWhiteSpace(c) && c is not ('.' or ')') ? upper : null;
            Assert.Equal(expected, SectionNumbers.Parse(text));
        }
    }
}
