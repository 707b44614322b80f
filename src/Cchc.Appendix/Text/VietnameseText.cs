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
    /// <summary>
    /// Folded forms of every character up to the end of Latin Extended Additional (where Vietnamese lives),
    /// worked out once: folding runs on every label of every check, and decomposing each character anew
    /// allocated a string per letter.
    /// </summary>
    private static readonly char[] FoldTable = BuildFoldTable();

    /// <summary>
    /// <paramref name="text"/> in Unicode form <paramref name="form"/>. Text that is not valid UTF-16 (a lone
    /// surrogate from a damaged file or request) cannot be normalised; its broken characters become U+FFFD
    /// rather than an exception in the middle of a check.
    /// </summary>
    public static string Normalize(string text, NormalizationForm form = NormalizationForm.FormC)
    {
        try
        {
            return text.Normalize(form);
        }
        catch (ArgumentException)
        {
            var repaired = new StringBuilder(text.Length);
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    repaired.Append(c).Append(text[++i]);
                }
                else
                {
                    repaired.Append(char.IsSurrogate(c) ? '\uFFFD' : c);
                }
            }

            return repaired.ToString().Normalize(form);
        }
    }

    /// <summary>Upper-case, diacritic-free copy of <paramref name="text"/> (after NFC), same length.</summary>
    public static string Fold(string text)
    {
        var composed = Normalize(text);
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
        foreach (var c in Normalize(text))
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

    private static char FoldChar(char c) => c < FoldTable.Length ? FoldTable[c] : Decompose(c);

    private static char[] BuildFoldTable()
    {
        var table = new char[0x1F00];
        for (var i = 0; i < table.Length; i++)
        {
            table[i] = Decompose((char)i);
        }

        return table;
    }

    private static char Decompose(char c)
    {
        if (c is 'đ' or 'Đ')
        {
            return 'D';
        }

        if (c < 128)
        {
            return char.ToUpperInvariant(c);
        }

        if (char.IsSurrogate(c))
        {
            return c;
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
