using System.Globalization;
using System.Text.RegularExpressions;
using Cchc.Appendix.Header;
using Cchc.Appendix.Text;

namespace Cchc.Appendix.Consolidation;

/// <summary>
/// Reads a period as people type it on a command line or in a query: "quý II 2026", "quý II năm 2026", "Q2 2026",
/// "2026-q2", "6 tháng 2026", "2026-6-thang", "năm 2026", "2026-nam".
/// </summary>
public static partial class PeriodText
{
    public static bool TryParse(string? text, out ReportPeriod? period)
    {
        period = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var folded = VietnameseText.Fold(text.Trim());
        if (ReportPeriod.TryParseYearSlug(folded, out period))
        {
            return true;
        }

        if (Quarter().Match(folded) is { Success: true } quarter)
        {
            var number = quarter.Groups["n"].Value switch
            {
                "I" or "1" => 1,
                "II" or "2" => 2,
                "III" or "3" => 3,
                _ => 4,
            };
            period = ReportPeriod.Quarter(number, int.Parse(quarter.Groups["year"].Value, CultureInfo.InvariantCulture));
            return true;
        }

        // "6 tháng 2026", "năm 2026" and full title wordings are what the title parser reads.
        if (HeaderParser.TryParsePeriod(folded, out var parsed, out _))
        {
            period = parsed;
            return true;
        }

        return false;
    }

    [GeneratedRegex(@"^(QUY|Q)\s*(?<n>IV|I{1,3}|[1-4])\s*[/,.-]?\s*(NAM\s+)?(?<year>\d{4})$")]
    private static partial Regex Quarter();
}
