namespace Cchc.Appendix.Table;

/// <summary>The Roman numerals that head the appendix's sections.</summary>
public static class SectionNumbers
{
    /// <summary>An array, walked as one: <see cref="Parse"/> reads every row, and a list's enumerator would be a new object each time.</summary>
    private static readonly string[] Numerals = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"];

    public static IReadOnlyList<string> All { get; } = Array.AsReadOnly(Numerals);

    private static readonly char[] NumberEnds = ['.', ')'];

    /// <summary>
    /// What a THỨ TỰ cell says without its spaces and closing "." or ")": "2" for " 2. ". Read on every row; the
    /// characters to trim are one array, not a new one a call.
    /// </summary>
    public static string Written(string no) => no.Trim().TrimEnd(NumberEnds);

    /// <summary>The Roman numeral a THỨ TỰ cell holds ("I", "IV.", "v)"), upper-cased, or null.</summary>
    public static string? Parse(string no)
    {
        // Read on every row of every check: compared in place rather than trimmed and upper-cased into new strings.
        var trimmed = no.AsSpan().Trim().TrimEnd(".)");
        if (trimmed.Length is 0 or > 4)
        {
            return null;
        }

        foreach (var numeral in Numerals)
        {
            if (numeral.Length == trimmed.Length && SameNumeral(trimmed, numeral))
            {
                return numeral;
            }
        }

        return null;
    }

    /// <summary>True when <paramref name="text"/> upper-cases (invariantly) to <paramref name="numeral"/>.</summary>
    private static bool SameNumeral(ReadOnlySpan<char> text, string numeral)
    {
        for (var i = 0; i < text.Length; i++)
        {
            // The only characters whose invariant upper case is I, V or X are those letters (not the dotless ı).
            var upper = text[i] switch
            {
                'i' => 'I',
                'v' => 'V',
                'x' => 'X',
                var c => c,
            };
            if (upper != numeral[i])
            {
                return false;
            }
        }

        return true;
    }
}
