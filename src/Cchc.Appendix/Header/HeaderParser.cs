using System.Globalization;
using System.Text.RegularExpressions;
using Cchc.Appendix.Text;

namespace Cchc.Appendix.Header;

/// <summary>Reads unit, period, report number and date from the title lines above the appendix.</summary>
public static partial class HeaderParser
{
    private static readonly string[] ReferenceFields = ["year", "month", "day", "number"];

    public static ReportHeader Parse(IReadOnlyList<string> titleLines)
    {
        string? unit = null;
        ReportPeriod? period = null;
        int? periodLine = null;
        string? number = null;
        DateOnly? date = null;
        int? referenceYear = null;
        int? referenceLine = null;

        for (var i = 0; i < titleLines.Count; i++)
        {
            var original = VietnameseText.Squeeze(titleLines[i]);
            var folded = VietnameseText.Fold(original);

            if (referenceLine is null && ReferencePattern().Match(folded) is { Success: true } reference)
            {
                referenceLine = i;
                number = Blank(reference.Groups["number"].Value) ? null : original.Substring(reference.Groups["number"].Index, reference.Groups["number"].Length).Trim();
                var day = Digits(reference.Groups["day"].Value);
                var month = Digits(reference.Groups["month"].Value);
                if (reference.Groups["year"].Success)
                {
                    referenceYear = int.Parse(reference.Groups["year"].Value, CultureInfo.InvariantCulture);
                    if (day is >= 1 and <= 31 && month is >= 1 and <= 12 && day <= DateTime.DaysInMonth(referenceYear.Value, month.Value))
                    {
                        date = new DateOnly(referenceYear.Value, month.Value, day.Value);
                    }
                }

                continue;
            }

            if (period is null && TryParsePeriod(folded, out var parsed, out var end))
            {
                period = parsed;
                periodLine = i;
                var of = OfPattern().Match(folded, end);
                if (of.Success)
                {
                    unit = original[(of.Index + of.Length)..].Trim().TrimEnd('*', ' ', '.');
                }
            }
        }

        return new ReportHeader(unit is { Length: > 0 } ? unit : null, period, number, date, referenceYear, referenceLine is not null)
        {
            PeriodLine = periodLine,
            ReferenceLine = referenceLine,
        };
    }

    /// <summary>Finds a period in folded (upper-case, diacritic-free) text.</summary>
    public static bool TryParsePeriod(string folded, out ReportPeriod period, out int end)
    {
        period = null!;
        end = 0;
        var match = PeriodPattern().Match(folded);
        if (!match.Success)
        {
            return false;
        }

        var year = int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture);
        end = match.Index + match.Length;
        if (match.Groups["quarter"].Success)
        {
            var quarter = match.Groups["quarter"].Value switch
            {
                "I" or "1" => 1,
                "II" or "2" => 2,
                "III" or "3" => 3,
                _ => 4,
            };
            period = ReportPeriod.Quarter(quarter, year);
        }
        else if (match.Groups["months"].Success)
        {
            period = match.Groups["months"].Value is "6" or "SAU" ? ReportPeriod.SixMonths(year) : ReportPeriod.NineMonths(year);
        }
        else
        {
            period = ReportPeriod.FullYear(year);
        }

        return true;
    }

    /// <summary>
    /// <paramref name="line"/> with the period it names replaced by <paramref name="period"/> ("QUÝ III NĂM 2022 CỦA …"
    /// → "QUÝ IV NĂM 2022 CỦA …"), or null when it names none.
    /// </summary>
    public static string? WithPeriod(string line, ReportPeriod period)
    {
        var squeezed = VietnameseText.Squeeze(line);
        var match = PeriodPattern().Match(VietnameseText.Fold(squeezed));
        return match.Success ? squeezed[..match.Index] + period.ToTitleText() + squeezed[(match.Index + match.Length)..] : null;
    }

    /// <summary>
    /// The "(Kèm theo Báo cáo số …)" line made ready for a new report: number and date emptied to "…", the year
    /// set to <paramref name="year"/>; null when <paramref name="line"/> is not such a line.
    /// </summary>
    public static string? BlankReference(string line, int year)
    {
        var squeezed = VietnameseText.Squeeze(line);
        var match = ReferencePattern().Match(VietnameseText.Fold(squeezed));
        if (!match.Success)
        {
            return null;
        }

        var builder = new System.Text.StringBuilder(squeezed);
        var groups = ReferenceFields
            .Select(name => match.Groups[name])
            .Where(g => g.Success)
            .OrderByDescending(g => g.Index);
        foreach (var group in groups)
        {
            builder.Remove(group.Index, group.Length);
            builder.Insert(group.Index, group.Name == "year" ? year.ToString(CultureInfo.InvariantCulture) : "…");
        }

        return builder.ToString();
    }

    private static bool Blank(string text) => text.All(c => !char.IsLetterOrDigit(c));

    private static int? Digits(string text)
    {
        var digits = new string(text.Where(char.IsAsciiDigit).ToArray());
        return digits.Length is > 0 and <= 2 ? int.Parse(digits, CultureInfo.InvariantCulture) : null;
    }

    [GeneratedRegex(@"\bQUY\s+(?<quarter>IV|I{1,3}|[1-4])\s+NAM\s+(?<year>\d{4})|\b(?<months>6|9|SAU|CHIN)\s+THANG(\s+DAU\s+NAM|\s+CUOI\s+NAM)?\s*(NAM\s+)?(?<year>\d{4})|\bNAM\s+(?<year>\d{4})")]
    private static partial Regex PeriodPattern();

    [GeneratedRegex(@"\G\s*CUA\s+")]
    private static partial Regex OfPattern();

    [GeneratedRegex(@"KEM\s+THEO\s+BAO\s+CAO\s+SO\s*(?<number>[^/]*?)\s*/\s*BC[^\s]*\s+NGAY\s*(?<day>[\d\s.…_]*?)\s*/\s*(?<month>[\d\s.…_]*?)\s*/\s*(?<year>\d{4})?")]
    private static partial Regex ReferencePattern();
}
