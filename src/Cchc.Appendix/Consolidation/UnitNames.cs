using Cchc.Appendix.Text;

namespace Cchc.Appendix.Consolidation;

/// <summary>
/// Tells whether two spellings name the same unit: "UBND XÃ PHONG ĐIỀN", "Ủy ban nhân dân xã Phong Điền",
/// "xã Phong Điền" and the archive's folder <c>ubnd-xa-phong-dien</c> are one unit. Titles write the committee or
/// not, in any case and either Unicode form; a list of units rarely writes it at all.
/// </summary>
public static class UnitNames
{
    private static readonly string[] Committee = ["UY BAN NHAN DAN ", "UBND "];

    /// <summary>The comparison key: folded, punctuation as single spaces, without a leading "UBND" or "Ủy ban nhân dân".</summary>
    public static string Key(string unit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        var key = VietnameseText.LabelKey(unit);
        foreach (var prefix in Committee)
        {
            if (key.StartsWith(prefix, StringComparison.Ordinal))
            {
                return key[prefix.Length..];
            }
        }

        return key;
    }

    /// <summary>
    /// <paramref name="units"/> with each name a folder slug stands for ("xa-an-binh") replaced by how the unit's latest
    /// report among <paramref name="reports"/> writes it, so an archive's units read as people name them.
    /// </summary>
    public static IReadOnlyList<string> AsReportsWriteThem(IEnumerable<string> units, IEnumerable<UnitReport> reports)
    {
        ArgumentNullException.ThrowIfNull(units);
        var written = reports
            .Where(r => r.Header.Unit is not null && r.Header.Period is not null)
            .GroupBy(r => Key(r.Header.Unit!), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(r => r.Header.Period!.CalendarKey()).First().Header.Unit!, StringComparer.Ordinal);
        return units.Select(u => written.TryGetValue(Key(u), out var name) ? name : u).ToList();
    }
}
