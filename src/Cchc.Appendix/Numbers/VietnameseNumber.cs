using System.Globalization;
using System.Text;
using Cchc.Appendix.Templates;
using Cchc.Appendix.Text;

namespace Cchc.Appendix.Numbers;

/// <summary>How a number was written, so that a correction can be written back the same way.</summary>
public enum NumberNotation
{
    /// <summary>Plain digits, no separator: "1730", "60".</summary>
    Plain,

    /// <summary>Vietnamese: "." groups thousands, "," is the decimal mark ("1.730", "12,5").</summary>
    Vietnamese,

    /// <summary>English-style: "12.5" as a decimal, "1,730" as a thousands group. Read, but worth a note.</summary>
    Foreign,

    /// <summary>The word Có or Không standing for 1 or 0.</summary>
    Word,

    /// <summary>A numeric cell of a spreadsheet: no text to interpret.</summary>
    Stored,
}

/// <summary>A parsed value beside the text it came from.</summary>
public readonly record struct ParsedNumber(decimal Value, string Text, NumberNotation Notation, bool HasPercentSign);

/// <summary>
/// Vietnamese number text: "1.730" is 1730, "12,5" is 12.5, "100%" is 100, "Có" is 1. Ambiguous text is
/// decided by the indicator's type: a count is whole, so "1.050" is 1050; a percent is at most 100, so
/// "12.500" is 12.5.
/// </summary>
public static class VietnameseNumber
{
    private static readonly NumberFormatInfo Vietnamese_ = new()
    {
        NumberDecimalSeparator = ",",
        NumberGroupSeparator = ".",
        NumberGroupSizes = [3],
        NegativeSign = "-",
    };

    /// <summary>Removes what Word and Excel put around numbers: NBSP, thin and zero-width spaces, stray blanks.</summary>
    public static string Clean(string text)
    {
        var composed = VietnameseText.Normalize(text);
        if (composed.AsSpan().IndexOfAny(Removed) < 0)
        {
            // Nearly every cell: nothing to remove or replace, so no copy.
            return composed;
        }

        var builder = new StringBuilder(composed.Length);
        foreach (var c in composed)
        {
            if (IsRemoved(c))
            {
                continue;
            }

            builder.Append(c == '\u2212' ? '-' : c);
        }

        return builder.ToString();
    }

    /// <summary>What <see cref="Clean"/> removes (white space of every kind) or replaces (the minus sign).</summary>
    private static readonly System.Buffers.SearchValues<char> Removed = System.Buffers.SearchValues.Create(
        Enumerable.Range(0, char.MaxValue + 1).Select(i => (char)i).Where(c => IsRemoved(c) || c == '\u2212').ToArray());

    private static bool IsRemoved(char c) =>
        char.IsWhiteSpace(c) || c is '\u200B' or '\u200C' or '\u200D' or '\uFEFF' or '\u00A0' or '\u202F' or '\u2009';

    /// <summary>Parses <paramref name="text"/> as a value of <paramref name="type"/>; false when it is not a number.</summary>
    public static bool TryParse(string text, IndicatorType type, out ParsedNumber number)
    {
        number = default;
        var cleaned = Clean(text);
        if (cleaned.Length == 0)
        {
            return false;
        }

        var word = YesNoWord(cleaned);
        if (word is not null)
        {
            number = new(word.Value, text, NumberNotation.Word, false);
            return true;
        }

        var percent = cleaned.EndsWith('%');
        if (percent)
        {
            cleaned = cleaned[..^1];
        }

        var negative = cleaned.StartsWith('-');
        if (negative || cleaned.StartsWith('+'))
        {
            cleaned = cleaned[1..];
        }

        if (cleaned.Length == 0 || !IsAsciiNumberText(cleaned))
        {
            return false;
        }

        if (!TryParseUnsigned(cleaned, type, out var value, out var notation))
        {
            return false;
        }

        number = new(negative ? -value : value, text, notation, percent);
        return true;
    }

    /// <summary>Writes <paramref name="value"/> the Vietnamese way: "5.967", "12,5", "0".</summary>
    public static string Format(decimal value, bool groupThousands = true)
    {
        var normalized = value / 1.0000000000000000000000000000m;
        var decimals = normalized.Scale;
        var pattern = (groupThousands ? "#,0" : "0") + (decimals > 0 ? "." + new string('#', decimals) : string.Empty);
        return normalized.ToString(pattern, Vietnamese_);
    }


    private static decimal? YesNoWord(string cleaned)
    {
        // Upper-casing keeps the length: only a cell of two or five characters can be "Có" or "Không".
        if (cleaned.Length is not (2 or 5))
        {
            return null;
        }

        var folded = cleaned.ToUpperInvariant();
        return folded switch
        {
            "CÓ" => 1,
            "KHÔNG" => 0,
            _ => null,
        };
    }

    private static bool IsAsciiNumberText(string text)
    {
        foreach (var c in text)
        {
            if (c is not ((>= '0' and <= '9') or '.' or ','))
            {
                return false;
            }
        }

        return char.IsAsciiDigit(text[0]) && char.IsAsciiDigit(text[^1]);
    }

    private static bool TryParseUnsigned(string text, IndicatorType type, out decimal value, out NumberNotation notation)
    {
        value = 0;
        notation = NumberNotation.Plain;
        var dots = text.AsSpan().Count('.');
        var commas = text.AsSpan().Count(',');

        if (dots == 0 && commas == 0)
        {
            return decimal.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
        }

        if (commas <= 1 && (dots == 0 || IsGrouped(text.Split(',')[0], '.')))
        {
            // "1.730", "1.730,5", "12,5": Vietnamese, unless a lone comma before exactly three digits in a
            // count reads better as an English thousands group ("1,730" of documents is 1730, not 1.73).
            var parts = text.Split(',');
            if (dots == 0 && commas == 1 && type == IndicatorType.Count && parts[1].Length == 3 && parts[0].Length <= 3 && parts[0] != "0")
            {
                notation = NumberNotation.Foreign;
                return decimal.TryParse(parts[0] + parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out value);
            }

            if (dots == 1 && commas == 0 && type == IndicatorType.Percent)
            {
                // "12.500" as a percent cannot be twelve thousand: it is 12.5 written the English way.
                var whole = decimal.Parse(text.Replace(".", string.Empty, StringComparison.Ordinal), CultureInfo.InvariantCulture);
                if (whole > 100)
                {
                    notation = NumberNotation.Foreign;
                    return decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
                }
            }

            notation = NumberNotation.Vietnamese;
            return decimal.TryParse(text, NumberStyles.AllowThousands | NumberStyles.AllowDecimalPoint, Vietnamese_, out value);
        }

        if (dots == 1 && commas == 0)
        {
            // "12.5", "0.60": not a thousands group, so an English decimal point.
            notation = NumberNotation.Foreign;
            return decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
        }

        if (dots <= 1 && IsGrouped(text.Split('.')[0], ','))
        {
            // "1,730.5" or "12,345,678": English grouping throughout.
            notation = NumberNotation.Foreign;
            return decimal.TryParse(text, NumberStyles.AllowThousands | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
        }

        return false;
    }

    /// <summary>True for "1.730" or "12.345.678" style groups with <paramref name="separator"/>.</summary>
    private static bool IsGrouped(string text, char separator)
    {
        var groups = text.Split(separator);
        if (groups.Length < 2 || groups[0].Length is < 1 or > 3)
        {
            return groups.Length == 1;
        }

        for (var i = 1; i < groups.Length; i++)
        {
            if (groups[i].Length != 3)
            {
                return false;
            }
        }

        return true;
    }
}
