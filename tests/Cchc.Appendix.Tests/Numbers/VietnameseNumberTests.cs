using Cchc.Appendix.Numbers;
using Cchc.Appendix.Templates;
using CsCheck;

namespace Cchc.Appendix.Tests.Numbers;

public class VietnameseNumberTests
{
    [Theory]
    [InlineData("1.730", IndicatorType.Count, 1730)]
    [InlineData("15.780", IndicatorType.Count, 15780)]
    [InlineData("1.050", IndicatorType.Count, 1050)]
    [InlineData("12,5", IndicatorType.Percent, 12.5)]
    [InlineData("100%", IndicatorType.Percent, 100)]
    [InlineData("60", IndicatorType.Percent, 60)]
    [InlineData("1.234.567", IndicatorType.Count, 1234567)]
    [InlineData("1.730,25", IndicatorType.Count, 1730.25)]
    [InlineData("\u00A01.730\u00A0", IndicatorType.Count, 1730)]
    [InlineData(" 2 933 ", IndicatorType.Count, 2933)]
    [InlineData("Có", IndicatorType.YesNo, 1)]
    [InlineData("không", IndicatorType.YesNo, 0)]
    [InlineData("KHÔNG", IndicatorType.YesNo, 0)]
    [InlineData("-3", IndicatorType.Count, -3)]
    [InlineData("\u22123", IndicatorType.Count, -3)]
    public void TryParse_VietnameseText_ReadsValue(string text, IndicatorType type, double expected)
    {
        Assert.True(VietnameseNumber.TryParse(text, type, out var number));
        Assert.Equal((decimal)expected, number.Value);
        Assert.Equal(text, number.Text);
    }

    [Theory]
    [InlineData("12.5", IndicatorType.Percent, 12.5)]
    [InlineData("12.500", IndicatorType.Percent, 12.5)]
    [InlineData("0.60", IndicatorType.Percent, 0.6)]
    [InlineData("1,730", IndicatorType.Count, 1730)]
    [InlineData("12,345,678", IndicatorType.Count, 12345678)]
    public void TryParse_EnglishNotation_ReadsByTypeAndFlagsIt(string text, IndicatorType type, double expected)
    {
        Assert.True(VietnameseNumber.TryParse(text, type, out var number));
        Assert.Equal((decimal)expected, number.Value);
        Assert.Equal(NumberNotation.Foreign, number.Notation);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("khoảng 300")]
    [InlineData("300 hồ sơ")]
    [InlineData("l.730")]
    [InlineData("1.73O")]
    [InlineData("١٢٣")]
    [InlineData("1..730")]
    [InlineData("1.2.3")]
    [InlineData(".5")]
    [InlineData("=1+1")]
    public void TryParse_NotANumber_ReturnsFalse(string text)
    {
        Assert.False(VietnameseNumber.TryParse(text, IndicatorType.Count, out _));
    }

    [Theory]
    [InlineData(5967, "5.967")]
    [InlineData(1730, "1.730")]
    [InlineData(12.5, "12,5")]
    [InlineData(0, "0")]
    [InlineData(100, "100")]
    [InlineData(1234567.25, "1.234.567,25")]
    [InlineData(-42, "-42")]
    public void Format_Value_WritesVietnameseNotation(double value, string expected)
    {
        Assert.Equal(expected, VietnameseNumber.Format((decimal)value));
    }

    [Fact]
    public void Format_ThenParse_RoundTripsEveryValue()
    {
        Gen.Decimal[-1_000_000_000m, 1_000_000_000m]
            .Select(d => Math.Round(d, 3))
            .Sample(value =>
            {
                var text = VietnameseNumber.Format(value);
                // Text: no type-specific reading of ambiguous separators, only the Vietnamese rules.
                Assert.True(VietnameseNumber.TryParse(text, IndicatorType.Text, out var parsed), text);
                Assert.Equal(value, parsed.Value);
            });
    }

    [Fact]
    public void Parse_WithStraySpacesAndNbsp_IsInsensitiveToThem()
    {
        Gen.Int[0, 10_000_000].Select(Gen.Int[0, 3], Gen.Int[0, 3]).Sample((value, before, after) =>
        {
            var text = new string('\u00A0', before) + VietnameseNumber.Format(value) + new string(' ', after);
            Assert.True(VietnameseNumber.TryParse(text, IndicatorType.Count, out var parsed));
            Assert.Equal(value, parsed.Value);
        });
    }
}
