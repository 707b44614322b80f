using System.Globalization;
using System.Text.RegularExpressions;
using Cchc.Appendix.Templates;
using Cchc.Appendix.Text;

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
    /// <summary>Nouns that name the same thing in this domain: a procedure is a TTHC.</summary>
    private static readonly Dictionary<string, string> Synonyms = new(StringComparer.Ordinal)
    {
        ["TTHC"] = "THU TUC",
        ["THU TUC HANH CHINH"] = "THU TUC",
        ["DON VI"] = "CO QUAN DON VI",
        ["CO QUAN"] = "CO QUAN DON VI",
        ["TIN"] = "TIN BAI",
        ["BAI"] = "TIN BAI",
    };

    public static UnitInfo Parse(string text)
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

        return new UnitInfo(IndicatorType.Count, Synonyms.GetValueOrDefault(key, key), []);
    }

    /// <summary>The type a label's wording implies: "Tỷ lệ …" a percent, "Số …" a count, "Có thực hiện …" a yes/no.</summary>
    public static IndicatorType? TypeFromLabel(string label)
    {
        var key = VietnameseText.LabelKey(label);
        if (key.StartsWith("TY LE", StringComparison.Ordinal))
        {
            return IndicatorType.Percent;
        }

        if (key.StartsWith("SO ", StringComparison.Ordinal) || key.StartsWith("TONG SO", StringComparison.Ordinal))
        {
            return IndicatorType.Count;
        }

        if (key.StartsWith("CO THUC HIEN", StringComparison.Ordinal) || key.StartsWith("DA THUC HIEN", StringComparison.Ordinal))
        {
            return IndicatorType.YesNo;
        }

        return null;
    }

    [GeneratedRegex(@"=\s*(\d{1,3})\b")]
    private static partial Regex CodePattern();
}
