using System.Globalization;
using System.Text.RegularExpressions;
using Cchc.Appendix.Matching;
using Cchc.Appendix.Templates;
using Cchc.Appendix.Text;
using Cchc.Appendix.Vocabulary;

namespace Cchc.Appendix.Units;

/// <summary>What a unit cell says about the value beside it.</summary>
/// <param name="Type">Percent, yes/no, code or count; null for a blank unit.</param>
/// <param name="Noun">For a count, the counted noun as a comparison key ("HO SO", "THU TUC").</param>
/// <param name="Codes">For a code list, its codes.</param>
public sealed record UnitInfo(IndicatorType? Type, string Noun, IReadOnlyList<int> Codes)
{
    public static readonly UnitInfo Blank = new(null, string.Empty, []);

    public bool IsBlank => Type is null;
}

/// <summary>
/// Reads unit texts in their many variants: "%", "Có = 1 Không = 0", "Không = 0; Có = 1",
/// "Trực tuyến = 0 Phát phiếu = 1 Kết hợp = 2", "Hồ sơ", "Cơ quan, đơn vị"…
/// </summary>
public static partial class UnitText
{
    /// <summary>
    /// Unit wordings already read. A report uses a dozen over two hundred rows, and every report of a province the same
    /// dozen, so each is read once for the process rather than once a row; wordings longer than any unit are not kept.
    /// </summary>
    private static readonly BoundedCache<string, UnitInfo> Known = new(4096, StringComparer.Ordinal);

    private const int LongestKeptUnit = 120;

    public static UnitInfo Parse(string text) =>
        text.Length > LongestKeptUnit ? Read(text) : Known.GetOrAdd(text, static (unit, _) => Read(unit), 0);

    private static UnitInfo Read(string text)
    {
        var key = VietnameseText.LabelKey(text);
        if (key.Length == 0)
        {
            return UnitInfo.Blank;
        }

        if (key == "%" || key.StartsWith("TY LE", StringComparison.Ordinal) || key == "PHAN TRAM")
        {
            return new UnitInfo(IndicatorType.Percent, string.Empty, []);
        }

        var codes = CodePattern().Matches(text).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToList();
        if (codes.Count >= 2)
        {
            var isYesNo = codes.Count == 2 && codes.Contains(0) && codes.Contains(1);
            return new UnitInfo(isYesNo ? IndicatorType.YesNo : IndicatorType.Code, string.Empty, codes.Distinct().Order().ToList());
        }

        return new UnitInfo(IndicatorType.Count, Words.Default.UnitSynonyms.GetValueOrDefault(key, key), []);
    }

    /// <summary>
    /// The type a label's wording implies: "Tỷ lệ …" a percent, "Số …"/"Tổng số …" a count, "Có …"/"Có thực hiện …"
    /// a yes/no code. Read with diacritics, since "Có" (yes) and "Cơ" (organ) fold to the same letters.
    /// </summary>
    public static IndicatorType? TypeFromLabel(string label)
    {
        // Read on every row of a form without a template: the label's opening words are squeezed, stripped of list
        // marks and lower-cased into a small buffer, as far as the longest prefix reaches, rather than into new strings.
        var types = Words.Default.LabelTypes;
        Span<char> opening = stackalloc char[Words.Default.LongestLabelPrefix];
        var length = 0;
        var leading = true;
        var pendingSpace = false;
        foreach (var c in VietnameseText.Normalize(label))
        {
            if (length == opening.Length)
            {
                break;
            }

            var space = VietnameseText.IsSqueezedSpace(c);
            if (leading)
            {
                leading = space || c is '-' or '+' or '*' or '•';
                if (leading)
                {
                    continue;
                }
            }

            if (space)
            {
                pendingSpace = true;
                continue;
            }

            if (pendingSpace)
            {
                opening[length++] = ' ';
                pendingSpace = false;
                if (length == opening.Length)
                {
                    break;
                }
            }

            opening[length++] = VietnameseText.ToLower(c);
        }

        var text = opening[..length];
        foreach (var (prefix, type) in types)
        {
            if (text.StartsWith(prefix, StringComparison.Ordinal))
            {
                return type;
            }
        }

        return null;
    }

    /// <summary>
    /// True when a unit of type <paramref name="unit"/> contradicts what a label's words imply: a count marked "%",
    /// a rate counted in things or coded, a yes/no question counted or given as a rate.
    /// </summary>
    public static bool Contradicts(IndicatorType? implied, IndicatorType? unit) => (implied, unit) switch
    {
        (IndicatorType.Count, IndicatorType.Percent) => true,
        (IndicatorType.Percent, IndicatorType.Count or IndicatorType.YesNo or IndicatorType.Code) => true,
        (IndicatorType.YesNo, IndicatorType.Percent or IndicatorType.Count) => true,
        _ => false,
    };

    /// <summary>True when <paramref name="key"/> (a label key) names a counted thing of the vocabulary: "HO SO", "CO QUAN DON VI".</summary>
    public static bool IsKnownNoun(string key)
    {
        var nouns = Words.Default.UnitNouns;
        return nouns.Contains(key) || nouns.Contains(Words.Default.UnitSynonyms.GetValueOrDefault(key, key)) || nouns.Any(n => Words.HasPhrase(key, n) && key.Length <= n.Length + 12);
    }

    [GeneratedRegex(@"=\s*(\d{1,3})\b")]
    private static partial Regex CodePattern();
}
