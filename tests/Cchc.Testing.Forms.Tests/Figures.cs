using System.Globalization;
using System.Text.RegularExpressions;

namespace Cchc.Testing.Forms.Tests;

/// <summary>
/// What the test data claims, recomputed from its cells: Vietnamese numbers and what a unit allows. Deliberately
/// small and strict; it checks the data, it is not the engine.
/// </summary>
internal static partial class Figures
{
    public static CultureInfo Invariant => CultureInfo.InvariantCulture;

    /// <summary>"1.730" is 1730, "12,5" is 12.5, "-1" is -1; words, blanks and anything else are not numbers.</summary>
    public static decimal? Number(string text) =>
        VietnameseNumber().IsMatch(text)
            ? decimal.Parse(text.Replace(".", string.Empty, StringComparison.Ordinal).Replace(',', '.'), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, Invariant)
            : null;

    /// <summary>How many decimals a number is written with: "98,5" has one.</summary>
    public static int Decimals(string text) => text.Contains(',', StringComparison.Ordinal) ? text.Length - text.IndexOf(',', StringComparison.Ordinal) - 1 : 0;

    /// <summary>
    /// The value is right for its unit: a percent 0–100 (a completion-rate column may exceed 100), one of a code
    /// unit's codes (or "Có"/"Không" for a yes/no), otherwise a whole count ≥ 0.
    /// </summary>
    public static bool FitsUnit(string value, string unit, bool rateColumn)
    {
        var number = Number(value);
        if (unit == "%" || rateColumn)
        {
            return number is >= 0 && (rateColumn || number <= 100);
        }

        var codes = Codes(unit);
        if (codes.Count > 0)
        {
            var yesNo = codes.SetEquals([0, 1]);
            return number is { } n ? codes.Contains(n) : yesNo && value is "Có" or "Không";
        }

        return number is >= 0 && number == decimal.Truncate(number.Value);
    }

    /// <summary>The codes a unit lists: "Trực tuyến = 0 Phát phiếu = 1 Kết hợp = 2" lists 0, 1 and 2.</summary>
    public static HashSet<decimal> Codes(string unit) =>
        [.. CodeInUnit().Matches(unit).Select(m => decimal.Parse(m.Groups[1].Value, Invariant))];

    /// <summary>The text of a cell a relation names, from the form or its previous period.</summary>
    public static string Text(FormDocument form, CellRef cell)
    {
        var owner = cell.InPrevious ? form.Previous! : form;
        return owner.Row(cell.LabelContains).Values.ElementAtOrDefault(cell.ValueColumn) ?? string.Empty;
    }

    public static decimal Value(FormDocument form, CellRef cell) =>
        Number(Text(form, cell)) ?? throw new InvalidOperationException($"{form.Name}: “{cell.LabelContains}” holds “{Text(form, cell)}”, not a number.");

    [GeneratedRegex(@"^-?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?$")]
    private static partial Regex VietnameseNumber();

    [GeneratedRegex(@"=\s*(\d+)")]
    private static partial Regex CodeInUnit();
}
