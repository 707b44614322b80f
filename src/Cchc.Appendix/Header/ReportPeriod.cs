using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Cchc.Appendix.Header;

/// <summary>The reporting periods of the CCHC calendar.</summary>
public enum PeriodKind
{
    Quarter,
    SixMonths,
    NineMonths,
    Year,
}

/// <summary>
/// A reporting period: quý I–IV (with <see cref="Number"/> 1–4), 6 tháng, 9 tháng or năm of a year.
/// </summary>
public sealed record ReportPeriod(PeriodKind Kind, int Number, int Year)
{
    public static ReportPeriod Quarter(int number, int year)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(number, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(number, 4);
        return new(PeriodKind.Quarter, number, year);
    }

    public static ReportPeriod SixMonths(int year) => new(PeriodKind.SixMonths, 0, year);

    public static ReportPeriod NineMonths(int year) => new(PeriodKind.NineMonths, 0, year);

    public static ReportPeriod FullYear(int year) => new(PeriodKind.Year, 0, year);

    /// <summary>
    /// The period whose report this one follows: quý I follows quý IV of the year before (and cumulative
    /// values restart), 6 tháng follows quý I, 9 tháng follows 6 tháng, năm follows 9 tháng.
    /// </summary>
    public ReportPeriod Previous() => Kind switch
    {
        PeriodKind.Quarter when Number == 1 => Quarter(4, Year - 1),
        PeriodKind.Quarter => Quarter(Number - 1, Year),
        PeriodKind.SixMonths => Quarter(1, Year),
        PeriodKind.NineMonths => SixMonths(Year),
        _ => NineMonths(Year),
    };

    /// <summary>The period a roll-forward of this report produces.</summary>
    public ReportPeriod Next() => Kind switch
    {
        PeriodKind.Quarter when Number == 4 => Quarter(1, Year + 1),
        PeriodKind.Quarter => Quarter(Number + 1, Year),
        PeriodKind.SixMonths => NineMonths(Year),
        PeriodKind.NineMonths => FullYear(Year),
        _ => Quarter(1, Year + 1),
    };

    /// <summary>True when cumulative ("lũy kế") values of this period continue those of <paramref name="previous"/>.</summary>
    public bool ContinuesYearOf(ReportPeriod previous) => previous.Year == Year && !StartsYear;

    /// <summary>
    /// True when the period runs from the start of its year (quý I, 6 tháng, 9 tháng, năm): its own figure and the
    /// year's cumulative figure are then the same.
    /// </summary>
    public bool CoversYearToDate => Kind != PeriodKind.Quarter || Number == 1;

    /// <summary>Quý I opens a new year: cumulative values restart from nothing.</summary>
    public bool StartsYear => Kind == PeriodKind.Quarter && Number == 1;

    /// <summary>
    /// Orders periods by year, then as they fall due within it: quý I, quý II, 6 tháng, quý III, 9 tháng, quý IV, năm.
    /// </summary>
    public int CalendarKey() => (Year * 100) + Kind switch
    {
        PeriodKind.Quarter => Number * 10,
        PeriodKind.SixMonths => 25,
        PeriodKind.NineMonths => 35,
        _ => 50,
    };

    /// <summary>Stable machine name of the kind: quarter, six-months, nine-months, year.</summary>
    public string KindName => Kind switch
    {
        PeriodKind.Quarter => "quarter",
        PeriodKind.SixMonths => "six-months",
        PeriodKind.NineMonths => "nine-months",
        _ => "year",
    };

    /// <summary>The period as a title writes it: "QUÝ III NĂM 2022", "6 THÁNG NĂM 2022", "NĂM 2022".</summary>
    public string ToTitleText() => Kind switch
    {
        PeriodKind.Quarter => $"QUÝ {Roman(Number)} NĂM {Year}",
        PeriodKind.SixMonths => $"6 THÁNG NĂM {Year}",
        PeriodKind.NineMonths => $"9 THÁNG NĂM {Year}",
        _ => $"NĂM {Year}",
    };

    /// <summary>A short slug for file and folder names: q3, 6-thang, 9-thang, nam.</summary>
    public string Slug => Kind switch
    {
        PeriodKind.Quarter => $"q{Number}",
        PeriodKind.SixMonths => "6-thang",
        PeriodKind.NineMonths => "9-thang",
        _ => "nam",
    };

    /// <summary>The period with its year, as a query, a route or a file name writes it: 2022-q3, 2022-6-thang, 2022-nam.</summary>
    public string YearSlug => $"{Year.ToString(CultureInfo.InvariantCulture)}-{Slug}";

    /// <summary>Reads <see cref="Slug"/> back, for a period folder of <paramref name="year"/>: q1…q4, 6-thang, 9-thang, nam.</summary>
    public static bool TryParseSlug(string? slug, int year, [NotNullWhen(true)] out ReportPeriod? period)
    {
        period = slug switch
        {
            "q1" or "q2" or "q3" or "q4" => Quarter(slug[1] - '0', year),
            "6-thang" => SixMonths(year),
            "9-thang" => NineMonths(year),
            "nam" => FullYear(year),
            _ => null,
        };
        return period is not null;
    }

    /// <summary>Reads <see cref="YearSlug"/> back, in any case and with spaces around it: 2022-q3, 2022-6-thang, 2022-nam.</summary>
    public static bool TryParseYearSlug(string? text, [NotNullWhen(true)] out ReportPeriod? period)
    {
        period = null;
        var trimmed = text?.Trim().ToLowerInvariant() ?? string.Empty;
        return trimmed.Length > 5
            && trimmed[4] == '-'
            && int.TryParse(trimmed.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            && TryParseSlug(trimmed[5..], year, out period);
    }

    public override string ToString() => Kind switch
    {
        PeriodKind.Quarter => $"quý {Roman(Number)} năm {Year}",
        PeriodKind.SixMonths => $"6 tháng năm {Year}",
        PeriodKind.NineMonths => $"9 tháng năm {Year}",
        _ => $"năm {Year}",
    };

    /// <summary>The period in English: "Q3 2022", "the first six months of 2022", "the year 2022".</summary>
    public string ToEnglishString() => Kind switch
    {
        PeriodKind.Quarter => $"Q{Number} {Year}",
        PeriodKind.SixMonths => $"the first six months of {Year}",
        PeriodKind.NineMonths => $"the first nine months of {Year}",
        _ => $"the year {Year}",
    };

    internal static string Roman(int number) => number switch
    {
        1 => "I",
        2 => "II",
        3 => "III",
        4 => "IV",
        _ => number.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
