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
    /// Folded forms of every character up to the end of general punctuation (Vietnamese lives below it),
    /// worked out once: folding runs on every label of every check, and decomposing each character anew
    /// allocated a string per letter.
    /// </summary>
    private static readonly char[] FoldTable = BuildFoldTable();

    /// <summary>Invariant lower case of the same characters: outside ASCII, each call would otherwise go through ICU.</summary>
    private static readonly char[] LowerTable = BuildLowerTable();

    /// <summary>
    /// What each character of <see cref="FoldTable"/>'s range adds to a label key, worked out once: its folded form
    /// where that is a letter, a digit or "%", <see cref="Separator"/> where it only separates words, and
    /// <see cref="NeedsComposing"/> where the text must go through NFC first. Keys are made for every row of every
    /// check, and one lookup per character in place of three tests was a fifth of a check's time.
    /// </summary>
    private static readonly char[] KeyTable = BuildKeyTable();

    private const char Separator = '\0';

    private const char NeedsComposing = '\uFFFF';

    /// <summary>U+FFFE, a noncharacter: ICU refuses to normalise text that holds it.</summary>
    private const char ReversedByteOrderMark = '\uFFFE';

    /// <summary>
    /// The characters whose Unicode NFC quick-check is "yes" and that never combine with a neighbour: Latin up to the
    /// combining marks, Latin Extended Additional (every precomposed Vietnamese letter) and general punctuation (dashes,
    /// quotes, ellipsis) but for the two spaces NFC replaces. Text made only of these is already in NFC, which is how
    /// almost every label arrives, so folding it needs no trip through ICU (ICU normalisation was a third of a check).
    /// </summary>
    private static bool IsComposedAsIs(char c) => c < '\u0300' || c is (>= '\u1E00' and <= '\u1EFF') or (>= '\u2002' and <= '\u206F');

    /// <summary>
    /// <paramref name="text"/> in Unicode form <paramref name="form"/>. Text that is not valid UTF-16 (a lone
    /// surrogate from a damaged file or request) or holds U+FFFE (a byte-order mark read the wrong way round) cannot be
    /// normalised; those characters become U+FFFD rather than an exception in the middle of a check.
    /// </summary>
    public static string Normalize(string text, NormalizationForm form = NormalizationForm.FormC)
    {
        if (form == NormalizationForm.FormC && IsComposed(text))
        {
            return text;
        }

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
                    repaired.Append(char.IsSurrogate(c) || c == ReversedByteOrderMark ? '\uFFFD' : c);
                }
            }

            return repaired.ToString().Normalize(form);
        }
    }

    /// <summary>Upper-case, diacritic-free copy of <paramref name="text"/> (after NFC), same length.</summary>
    public static string Fold(string text)
    {
        var composed = Normalize(text);
        return string.Create(composed.Length, composed, static (folded, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                folded[i] = FoldChar(source[i]);
            }
        });
    }

    /// <summary>
    /// The key two labels are compared by: folded, punctuation reduced to single spaces, leading list marks
    /// ("- ", "+ ", "a)") and trailing ":" or "." dropped.
    /// </summary>
    public static string LabelKey(string label) => LabelKey(label, null);

    /// <summary>
    /// As <see cref="LabelKey(string)"/>; where <paramref name="known"/> holds a key equal to the result, that string is
    /// returned rather than a new one (a form's labels are the same strings check after check).
    /// </summary>
    internal static string LabelKey(string label, HashSet<string>.AlternateLookup<ReadOnlySpan<char>>? known)
    {
        var buffer = label.Length <= 256 ? stackalloc char[label.Length] : new char[label.Length];
        var length = WriteLabelKey(label, buffer);
        if (length < 0)
        {
            // Composing made the text longer than it was (a rare character NFC expands): the string path.
            buffer = new char[Normalize(label).Length];
            length = WriteLabelKey(label, buffer);
        }

        if (length == 0)
        {
            return string.Empty;
        }

        var key = buffer[..length];
        return known is { } lookup && lookup.TryGetValue(key, out var same) ? same : new string(key);
    }

    /// <summary>
    /// Writes the <see cref="LabelKey(string)"/> of <paramref name="text"/> into <paramref name="destination"/> and returns its
    /// length, or -1 when it does not fit; a key is never longer than its text in NFC. Nothing is allocated for text
    /// already in NFC, so cells can be classified by their key without making one string per cell.
    /// </summary>
    internal static int WriteLabelKey(ReadOnlySpan<char> text, Span<char> destination)
    {
        // Almost every label is already in NFC and made of characters the table holds: one pass, nothing allocated.
        if (text.Length <= destination.Length && WriteKey(text, destination, composed: false) is var written and >= 0)
        {
            return written;
        }

        var composed = Normalize(text.ToString());
        return composed.Length > destination.Length ? -1 : WriteKey(composed, destination, composed: true);
    }

    /// <summary>
    /// Writes each character's part of the key: <see cref="KeyTable"/>'s entry, or, for text already put in NFC, the
    /// character folded where the table has none. -1 when <paramref name="composed"/> is false and a character needs NFC.
    /// </summary>
    private static int WriteKey(ReadOnlySpan<char> text, Span<char> destination, bool composed)
    {
        var table = KeyTable;
        var length = 0;
        var pendingSpace = false;
        foreach (var c in text)
        {
            var key = c < table.Length ? table[c] : NeedsComposing;
            if (key == NeedsComposing)
            {
                if (!composed)
                {
                    return -1;
                }

                var folded = FoldChar(c);
                key = IsKeyChar(folded) ? folded : Separator;
            }

            if (key == Separator)
            {
                pendingSpace = true;
                continue;
            }

            if (pendingSpace && length > 0)
            {
                destination[length++] = ' ';
            }

            destination[length++] = key;
            pendingSpace = false;
        }

        return length;
    }

    /// <summary>A folded character a key keeps: letters, digits and "%"; the rest only separate words.</summary>
    private static bool IsKeyChar(char folded) => char.IsLetterOrDigit(folded) || folded == '%';

    /// <summary>Collapses runs of white space (NBSP included) to one space and trims.</summary>
    public static string Squeeze(string text)
    {
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in Normalize(text))
        {
            if (IsSqueezedSpace(c))
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

    /// <summary>A character <see cref="Squeeze"/> treats as white space: Unicode's, NBSP, zero-width space and BOM.</summary>
    internal static bool IsSqueezedSpace(char c) => char.IsWhiteSpace(c) || c is '\u00A0' or '\u200B' or '\uFEFF';

    private static char FoldChar(char c) => c < FoldTable.Length ? FoldTable[c] : Decompose(c);

    private static bool IsComposed(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!IsComposedAsIs(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The invariant lower case of <paramref name="c"/>, as <see cref="char.ToLowerInvariant"/> gives it.</summary>
    internal static char ToLower(char c) => c < LowerTable.Length ? LowerTable[c] : char.ToLowerInvariant(c);

    private static char[] BuildLowerTable()
    {
        var table = new char[0x2070];
        for (var i = 0; i < table.Length; i++)
        {
            table[i] = char.ToLowerInvariant((char)i);
        }

        return table;
    }

    private static char[] BuildKeyTable()
    {
        var table = new char[FoldTable.Length];
        for (var i = 0; i < table.Length; i++)
        {
            var folded = FoldTable[i];
            table[i] = !IsComposedAsIs((char)i) ? NeedsComposing : IsKeyChar(folded) ? folded : Separator;
        }

        return table;
    }

    private static char[] BuildFoldTable()
    {
        var table = new char[0x2070];
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

        if (c == ReversedByteOrderMark)
        {
            return '\uFFFD';
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
