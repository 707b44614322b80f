using Cchc.Appendix.Numbers;
using Cchc.Appendix.Templates;
using CsCheck;

namespace Cchc.Robustness.Tests;

/// <summary>Whatever the engine writes as a Vietnamese number, it reads back as the same value.</summary>
public class NumberPropertyTests
{
    private static readonly Gen<decimal> Counts = Gen.Long[0, 999_999_999_999_999].Select(v => (decimal)v);

    /// <summary>0–100 with up to two decimals, as rates are written ("60", "12,5", "99,95").</summary>
    private static readonly Gen<decimal> Percents = Gen.Int[0, 10_000].Select(v => v / 100m);

    /// <summary>Any figure with up to four decimals, either sign.</summary>
    private static readonly Gen<decimal> Figures = Gen.Select(Gen.Long[-999_999_999_999, 999_999_999_999], Gen.Int[0, 4])
        .Select((mantissa, scale) => mantissa / (decimal)Math.Pow(10, scale));

    private static readonly bool[] GroupedOrPlain = [true, false];

    /// <summary>What Word and Excel put around a number: nothing, spaces, NBSP, narrow NBSP, zero-width space.</summary>
    private static readonly Gen<string> Padding = Gen.OneOfConst(string.Empty, " ", "  ", "\u00A0", "\u202F", "\u200B", " \u00A0");

    [Fact]
    public void Format_Count_ParsesBackToTheSameValue()
    {
        Counts.Sample(value =>
        {
            // Grouped ("1.730") as the writer formats, and plain ("1730") as officers often type.
            foreach (var grouped in GroupedOrPlain)
            {
                var text = VietnameseNumber.Format(value, grouped);
                Assert.True(VietnameseNumber.TryParse(text, IndicatorType.Count, out var parsed), text);
                Assert.Equal(value, parsed.Value);
            }
        });
    }

    [Fact]
    public void Format_Percent_ParsesBackWithOrWithoutSign()
    {
        Gen.Select(Percents, Padding, Padding).Sample((value, before, after) =>
        {
            var text = VietnameseNumber.Format(value);
            Assert.True(VietnameseNumber.TryParse(before + text + after, IndicatorType.Percent, out var plain), text);
            Assert.True(VietnameseNumber.TryParse(before + text + "%" + after, IndicatorType.Percent, out var signed), text + "%");
            Assert.Equal(value, plain.Value);
            Assert.Equal(value, signed.Value);
            Assert.True(signed.HasPercentSign);
        });
    }

    [Fact]
    public void Format_AnyFigure_ParsesBackAsText()
    {
        Gen.Select(Figures, Padding).Sample((value, padding) =>
        {
            var text = VietnameseNumber.Format(value);
            Assert.True(VietnameseNumber.TryParse(padding + text + padding, IndicatorType.Text, out var parsed), text);
            Assert.Equal(value, parsed.Value);
        });
    }

    [Fact]
    public void Format_WholeNumbers_GroupThousandsWithDots()
    {
        Counts.Where(v => v >= 1000).Sample(value =>
        {
            var text = VietnameseNumber.Format(value);
            Assert.DoesNotContain(',', text);
            Assert.All(text.Split('.').Skip(1), group => Assert.Equal(3, group.Length));
        });
    }
}
