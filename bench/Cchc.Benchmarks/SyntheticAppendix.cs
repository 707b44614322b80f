using Cchc.Appendix.Numbers;
using Cchc.Appendix.Table;
using Cchc.Appendix.Templates;

namespace Cchc.Benchmarks;

/// <summary>
/// Appendices of any length built from the real one: each section keeps its heading and has its items
/// repeated with numbering that goes on (1…n, n+1…2n), labels and units as the officer wrote them, values
/// varied around the real ones, and a few faults of the kinds real reports carry (blank units, text in a
/// count, negative counts, percentages over 100). Seeded, so every run checks the same table.
/// </summary>
public static class SyntheticAppendix
{
    /// <summary>Share of value rows given a fault; the real Q3 appendix has a fault in roughly one row of twenty.</summary>
    private const double FaultRate = 0.05;

    public static TableSnapshot Build(TableSnapshot real, int rows, int seed = 2022)
    {
        ArgumentNullException.ThrowIfNull(real);
        ArgumentOutOfRangeException.ThrowIfLessThan(rows, 1);

        var sections = Sections(real.Rows);
        var itemRows = sections.Sum(s => s.Items.Count);
        var copies = Math.Max(1, (int)Math.Ceiling((rows - sections.Count) / (double)itemRows));
        var random = new Random(seed);
        var output = new List<AppendixRow>(rows);

        foreach (var section in sections)
        {
            if (section.Heading is { } heading)
            {
                output.Add(heading with { Row = output.Count + 1, Location = null });
            }

            var itemsPerCopy = section.Items.Count(r => IsItemNumber(r.No.Text));
            for (var copy = 0; copy < copies; copy++)
            {
                foreach (var row in section.Items)
                {
                    var no = IsItemNumber(row.No.Text) ? (int.Parse(row.No.Text.Trim().TrimEnd('.'), System.Globalization.CultureInfo.InvariantCulture) + (copy * itemsPerCopy)).ToString(System.Globalization.CultureInfo.InvariantCulture) : row.No.Text;
                    output.Add(Vary(row with { Row = output.Count + 1, No = no, Location = null }, random, copy));
                }
            }
        }

        // Whole copies overshoot; the cut falls in the last section, as a long report cut at a page would.
        return new TableSnapshot(real.TitleLines, output.Count > rows ? output.GetRange(0, rows) : output, real.Source);
    }

    private static List<(AppendixRow? Heading, List<AppendixRow> Items)> Sections(IReadOnlyList<AppendixRow> rows)
    {
        var sections = new List<(AppendixRow? Heading, List<AppendixRow> Items)>();
        foreach (var row in rows)
        {
            if (SectionNumbers.Parse(row.No.Text) is not null || sections.Count == 0)
            {
                var isHeading = SectionNumbers.Parse(row.No.Text) is not null;
                sections.Add((isHeading ? row : null, isHeading ? [] : [row]));
            }
            else
            {
                sections[^1].Items.Add(row);
            }
        }

        return sections;
    }

    private static bool IsItemNumber(string no) =>
        int.TryParse(no.Trim().TrimEnd('.'), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _);

    /// <summary>The first copy keeps the real values (and the real faults); later copies vary them and plant new faults.</summary>
    private static AppendixRow Vary(AppendixRow row, Random random, int copy)
    {
        if (copy == 0 || !VietnameseNumber.TryParse(row.Value.Text, IndicatorType.Count, out var parsed) || parsed.Notation == NumberNotation.Word)
        {
            return row;
        }

        var percent = row.Unit.Text.Contains('%', StringComparison.Ordinal);
        if (random.NextDouble() < FaultRate)
        {
            return random.Next(4) switch
            {
                0 => row with { Unit = string.Empty },
                1 => row with { Value = $"khoảng {row.Value.Text}" },
                2 => row with { Value = percent ? "130" : "-" + row.Value.Text },
                _ => row with { Value = string.Empty },
            };
        }

        // Yes/no and code values stay as they are; counts and percentages move around the real figure.
        if (parsed.Value is 0 or 1 && !percent)
        {
            return row;
        }

        var varied = percent
            ? Math.Round((decimal)random.Next(0, 1001) / 10, 1)
            : Math.Max(0, decimal.Round(parsed.Value * (decimal)(0.8 + (random.NextDouble() * 0.4))));
        return row with { Value = VietnameseNumber.Format(varied) };
    }
}
