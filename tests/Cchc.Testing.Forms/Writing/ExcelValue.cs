using System.Globalization;
using System.Text.RegularExpressions;

namespace Cchc.Testing.Forms;

/// <summary>How one cell is stored in the workbook.</summary>
internal enum ExcelFormat
{
    /// <summary>A string, as typed: words, "1.730" or "12,5" in a workbook with English number settings.</summary>
    Text,

    /// <summary>A number with the General format.</summary>
    Number,

    /// <summary>A number with "#,##0": 1730, shown 1.730 or 1,730 depending on the reader's settings.</summary>
    Grouped,

    /// <summary>A fraction with "0%": 60 stored as 0.6.</summary>
    Percent,

    /// <summary>A fraction with "0.0%": 96,5 stored as 0.965.</summary>
    PercentOneDecimal,
}

/// <summary>
/// What an officer's typing becomes in a workbook: whole numbers are numbers, a percent cell may hold a fraction
/// with a percent format, Vietnamese separators stay text unless the layout says the workbook took them as
/// numbers. Everything else (words, "khoảng 300", "-") is text.
/// </summary>
internal static partial class ExcelValue
{
    public static (ExcelFormat Format, decimal Number) Plan(string typed, bool percentCell, ExcelLayout layout)
    {
        if (WholeNumber().IsMatch(typed))
        {
            var number = decimal.Parse(typed, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            return percentCell && layout.PercentAsFraction ? (ExcelFormat.Percent, number / 100) : (ExcelFormat.Number, number);
        }

        if (GroupedNumber().IsMatch(typed) && layout.GroupedNumbersAsNumbers)
        {
            return (ExcelFormat.Grouped, decimal.Parse(typed.Replace(".", string.Empty, StringComparison.Ordinal), CultureInfo.InvariantCulture));
        }

        if (OneDecimal().IsMatch(typed) && percentCell && layout.PercentAsFraction)
        {
            return (ExcelFormat.PercentOneDecimal, decimal.Parse(typed.Replace(',', '.'), CultureInfo.InvariantCulture) / 100);
        }

        return (ExcelFormat.Text, 0);
    }

    [GeneratedRegex(@"^-?\d+$")]
    private static partial Regex WholeNumber();

    [GeneratedRegex(@"^\d{1,3}(\.\d{3})+$")]
    private static partial Regex GroupedNumber();

    [GeneratedRegex(@"^\d+,\d$")]
    private static partial Regex OneDecimal();
}
