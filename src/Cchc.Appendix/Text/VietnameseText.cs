using System.Globalization;
using System.Text;

namespace Cchc.Appendix.Text;

/// <summary>
/// Comparison keys for Vietnamese text written by hand: diacritics in either Unicode form, "- " prefixes,
/// trailing colons and full stops, doubled spaces. Folding keeps one character per input character so an
/// index into the folded text is an index into the original.
/// </summary>
public static class VietnameseText
{
    /// <summary>Upper-case, diacritic-free copy of <paramref name="text"/> (after NFC), same length.</summary>
    public static string Fold(string text)
    {
        var composed = text.Normalize(NormalizationForm.FormC);
        var builder = new StringBuilder(composed.Length);
        foreach (var c in composed)
        {
            builder.Append(FoldChar(c));
        }

        return builder.ToString();
    }

    /// <summary>
    /// The key two labels are compared by: folded, punctuation reduced to single spaces, leading list marks
    /// ("- ", "+ ", "a)") and trailing ":" or "." dropped.
    /// </summary>
    public static string LabelKey(string label)
    {
        var folded = Fold(label);
        var builder = new StringBuilder(folded.Length);
        var pendingSpace = false;
        foreach (var c in folded)
        {
            if (char.IsLetterOrDigit(c) || c == '%')
            {
                if (pendingSpace && builder.Length > 0)
                {
                    builder.Append(' ');
                }

                builder.Append(c);
                pendingSpace = false;
            }
            else
            {
                pendingSpace = true;
            }
        }

        return builder.ToString();
    }

    /// <summary>Collapses runs of white space (NBSP included) to one space and trims.</summary>
    public static string Squeeze(string text)
    {
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text.Normalize(NormalizationForm.FormC))
        {
            if (char.IsWhiteSpace(c) || c is '\u00A0' or '\u200B' or '\uFEFF')
            {
                pendingSpace = true;
                continue;
            }

            if (pendingSpace && builder.Length > 0)
            {
                builder.Append(' ');
            }

            builder.Append(c);
            pendingSpace = false;
        }

        return builder.ToString();
    }

    private static char FoldChar(char c)
    {
        if (c is 'đ' or 'Đ')
        {
            return 'D';
        }

        if (c < 128)
        {
            return char.ToUpperInvariant(c);
        }

        var decomposed = c.ToString().Normalize(NormalizationForm.FormD);
        foreach (var part in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(part) != UnicodeCategory.NonSpacingMark)
            {
                return char.ToUpperInvariant(part);
            }
        }

        return ' ';
    }
}
