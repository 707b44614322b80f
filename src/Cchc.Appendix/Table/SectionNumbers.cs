namespace Cchc.Appendix.Table;

/// <summary>The Roman numerals that head the appendix's sections.</summary>
public static class SectionNumbers
{
    public static IReadOnlyList<string> All { get; } = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"];

    /// <summary>The Roman numeral a THỨ TỰ cell holds ("I", "IV.", "v)"), upper-cased, or null.</summary>
    public static string? Parse(string no)
    {
        var trimmed = no.Trim().TrimEnd('.', ')').ToUpperInvariant();
        return All.Contains(trimmed) ? trimmed : null;
    }
}
