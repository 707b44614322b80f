using System.Globalization;
using System.Text;

namespace Cchc.OpenXml.Reading;

/// <summary>
/// Excel number formats: the code behind a style's numFmtId, and the text a cell roughly shows. The text
/// is Vietnamese-style where the format groups or has decimals ("1.730", "12,5%"), as Excel shows it on a
/// Vietnamese machine, and plain invariant digits for General, so that the engine reads both the same way.
/// </summary>
internal static class NumberFormats
{
    public const string General = "General";

    private static readonly NumberFormatInfo Vietnamese = new()
    {
        NumberDecimalSeparator = ",",
        NumberGroupSeparator = ".",
        NumberGroupSizes = [3],
        NegativeSign = "-",
    };

    /// <summary>The built-in formats Excel does not write into styles.xml (ECMA-376 part 1, 18.8.30).</summary>
    private static readonly Dictionary<uint, string> BuiltIn = new()
    {
        [0] = General,
        [1] = "0",
        [2] = "0.00",
        [3] = "#,##0",
        [4] = "#,##0.00",
        [9] = "0%",
        [10] = "0.00%",
        [11] = "0.00E+00",
        [12] = "# ?/?",
        [13] = "# ??/??",
        [14] = "dd/mm/yyyy",
        [15] = "d-mmm-yy",
        [16] = "d-mmm",
        [17] = "mmm-yy",
        [18] = "h:mm AM/PM",
        [19] = "h:mm:ss AM/PM",
        [20] = "h:mm",
        [21] = "h:mm:ss",
        [22] = "dd/mm/yyyy h:mm",
        [37] = "#,##0 ;(#,##0)",
        [38] = "#,##0 ;[Red](#,##0)",
        [39] = "#,##0.00;(#,##0.00)",
        [40] = "#,##0.00;[Red](#,##0.00)",
        [45] = "mm:ss",
        [46] = "[h]:mm:ss",
        [47] = "mmss.0",
        [48] = "##0.0E+0",
        [49] = "@",
    };

    /// <summary>The format code of <paramref name="id"/>: custom codes from the workbook first, then the built-ins.</summary>
    public static string CodeOf(uint id, IReadOnlyDictionary<uint, string> custom) =>
        custom.TryGetValue(id, out var code) ? code : BuiltIn.TryGetValue(id, out var builtIn) ? builtIn : General;

    /// <summary>Roughly what Excel shows for <paramref name="value"/> under <paramref name="code"/>.</summary>
    public static string Display(double value, string code)
    {
        if (double.IsNaN(value) || double.IsInfinity(value))
        {
            return value.ToString(CultureInfo.InvariantCulture);
        }

        var sections = SplitSections(code);
        var section = sections[0];
        var negative = value < 0;
        if (negative && sections.Count > 1 && sections[1].Length > 0)
        {
            // The negative section spells the sign itself, "(1.730)" for instance.
            section = sections[1];
            negative = false;
            value = -value;
        }

        if (section.Equals(General, StringComparison.OrdinalIgnoreCase) || section == "@" || section.Length == 0)
        {
            return PlainDigits(value);
        }

        if (IsDate(section))
        {
            return DisplayDate(value, section);
        }

        return DisplayNumber(value, section, negative);
    }

    /// <summary>Digits as a program would write them: "0.6", "1730", with float noise (0.30000000000000004) rounded away.</summary>
    public static string PlainDigits(double value) => value.ToString("G15", CultureInfo.InvariantCulture);

    private static List<string> SplitSections(string code)
    {
        var sections = new List<string>();
        var start = 0;
        var quoted = false;
        for (var i = 0; i < code.Length; i++)
        {
            switch (code[i])
            {
                case '"':
                    quoted = !quoted;
                    break;
                case '\\':
                    i++;
                    break;
                case ';' when !quoted:
                    sections.Add(code[start..i]);
                    start = i + 1;
                    break;
            }
        }

        sections.Add(code[start..]);
        return sections;
    }

    private static bool IsDate(string section)
    {
        var quoted = false;
        var bracket = false;
        for (var i = 0; i < section.Length; i++)
        {
            var c = section[i];
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (quoted)
            {
                continue;
            }
            else if (c == '\\' || c == '_' || c == '*')
            {
                i++;
            }
            else if (c == '[')
            {
                bracket = true;
            }
            else if (c == ']')
            {
                bracket = false;
            }
            else if (!bracket && c is 'y' or 'Y' or 'm' or 'M' or 'd' or 'D' or 'h' or 'H' or 's' or 'S')
            {
                return true;
            }
        }

        return false;
    }

    private static string DisplayDate(double value, string section)
    {
        // OLE automation dates run from year 100 to 9999; anything else is not a date Excel could show.
        if (value is < -657435 or >= 2958466)
        {
            return PlainDigits(value);
        }

        var date = DateTime.FromOADate(value);
        var lower = section.ToUpperInvariant();
        var hasDay = lower.Contains('D', StringComparison.Ordinal) || lower.Contains('Y', StringComparison.Ordinal);
        var hasTime = lower.Contains('H', StringComparison.Ordinal) || lower.Contains('S', StringComparison.Ordinal);
        var pattern = (hasDay, hasTime) switch
        {
            (true, true) => "dd/MM/yyyy HH:mm",
            (false, true) => "HH:mm:ss",
            _ => "dd/MM/yyyy",
        };
        return date.ToString(pattern, CultureInfo.InvariantCulture);
    }

    private static string DisplayNumber(double value, string section, bool negative)
    {
        var prefix = new StringBuilder();
        var suffix = new StringBuilder();
        var decimals = 0;
        var group = false;
        var percent = 0;
        var seenDigit = false;
        var inDecimals = false;
        var pendingCommas = 0;
        var quoted = false;

        for (var i = 0; i < section.Length; i++)
        {
            var c = section[i];
            var literal = seenDigit ? suffix : prefix;
            if (quoted)
            {
                if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    literal.Append(c);
                }

                continue;
            }

            switch (c)
            {
                case '"':
                    quoted = true;
                    break;
                case '\\' when i + 1 < section.Length:
                    literal.Append(section[++i]);
                    break;
                case '_' or '*':
                    // "_)" pads with the width of ")" and "* " repeats a fill character: a space is the honest text.
                    i++;
                    if (c == '_')
                    {
                        literal.Append(' ');
                    }

                    break;
                case '[':
                    var close = section.IndexOf(']', i);
                    i = close < 0 ? section.Length : close;
                    break;
                case '0' or '#' or '?':
                    if (pendingCommas > 0)
                    {
                        group = true;
                        pendingCommas = 0;
                    }

                    seenDigit = true;
                    suffix.Clear();
                    if (inDecimals)
                    {
                        decimals++;
                    }

                    break;
                case '.' when seenDigit || (i + 1 < section.Length && section[i + 1] is '0' or '#' or '?'):
                    inDecimals = true;
                    seenDigit = true;
                    break;
                case ',' when seenDigit:
                    pendingCommas++;
                    break;
                case '%':
                    percent++;
                    literal.Append('%');
                    break;
                case 'E' or 'e' when seenDigit:
                    return value.ToString(decimals > 0 ? "0." + new string('0', decimals) + "E+00" : "0E+00", CultureInfo.InvariantCulture);
                default:
                    literal.Append(c);
                    break;
            }
        }

        // Commas after the last digit placeholder scale by a thousand each ("#,##0," shows thousands).
        var scale = pendingCommas;
        if (!seenDigit)
        {
            return (prefix.ToString() + suffix).Trim();
        }

        var shown = Math.Abs(value) * Math.Pow(100, percent) / Math.Pow(1000, scale);
        var number = Math.Round(shown, Math.Min(decimals, 15), MidpointRounding.AwayFromZero)
            .ToString((group ? "#,0" : "0") + (decimals > 0 ? "." + new string('0', decimals) : string.Empty), Vietnamese);
        var sign = negative && number.Any(d => d is >= '1' and <= '9') ? "-" : string.Empty;
        return (sign + prefix + number + suffix).Trim();
    }
}
