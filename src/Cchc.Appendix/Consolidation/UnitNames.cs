using System.Text;
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
        var folded = VietnameseText.Fold(unit);
        var builder = new StringBuilder(folded.Length);
        var pendingSpace = false;
        foreach (var c in folded)
        {
            if (char.IsAsciiLetterOrDigit(c))
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

        var key = builder.ToString();
        foreach (var prefix in Committee)
        {
            if (key.StartsWith(prefix, StringComparison.Ordinal))
            {
                return key[prefix.Length..];
            }
        }

        return key;
    }
}
