using Cchc.Appendix.Numbers;
using Cchc.Appendix.Templates;
using Cchc.Appendix.Text;
using Cchc.Appendix.Units;

namespace Cchc.Appendix.Table;

/// <summary>
/// Recognises an appendix that has no header row by its shape: a column of Roman section numbers, a column of
/// long indicator texts, a column of short unit words and a column of numbers, with the note column after the
/// values where one has text.
/// </summary>
internal static class TableShape
{
    /// <summary>Fewer numbers than this and a table is not an appendix, whatever its shape.</summary>
    private const int MinNumbers = 3;

    /// <summary>Section rows needed: one "I" is a list, "I" and "II" a structure.</summary>
    private const int MinSections = 2;

    private const int MinLabelLength = 15;

    private const int MaxUnitLength = 40;

    public static (ColumnLayout Layout, int DataStart)? Infer(TableBlock table)
    {
        var width = table.GridWidth();
        if (width < 3)
        {
            return null;
        }

        var roman = new int[width];
        var longText = new int[width];
        var unitLike = new int[width];
        var numeric = new int[width];
        var text = new int[width];
        var labelled = 0;
        foreach (var row in table.Rows)
        {
            var hasLabel = false;
            foreach (var (start, _, cell) in HeaderReader.Positions(row))
            {
                var t = cell.Text.Trim();
                if (cell.Number is not null || (t.Length > 0 && VietnameseNumber.TryParse(t, IndicatorType.Count, out _)))
                {
                    numeric[start]++;
                    continue;
                }

                if (t.Length == 0)
                {
                    continue;
                }

                text[start]++;
                if (SectionNumbers.Parse(t) is not null)
                {
                    roman[start]++;
                }
                else if (t.Length >= MinLabelLength)
                {
                    longText[start]++;
                    hasLabel = true;
                }

                if (t.Length <= MaxUnitLength && IsUnitWord(t))
                {
                    unitLike[start]++;
                }
            }

            labelled += hasLabel ? 1 : 0;
        }

        var section = ArgMax(roman, _ => true);
        if (section < 0 || roman[section] < MinSections)
        {
            return null;
        }

        var label = ArgMax(longText, p => p > section);
        if (label < 0 || longText[label] < MinSections)
        {
            return null;
        }

        var unit = ArgMax(unitLike, p => p > label);
        if (unit < 0 || unitLike[unit] < Math.Max(2, labelled / 4))
        {
            return null;
        }

        var threshold = Math.Max(MinNumbers, labelled / 4);
        var values = Enumerable.Range(0, width).Where(p => p > label && p != unit && numeric[p] >= threshold && numeric[p] >= text[p]).ToList();
        if (values.Count == 0)
        {
            return null;
        }

        var note = Enumerable.Range(values[^1] + 1, Math.Max(width - values[^1] - 1, 0)).FirstOrDefault(p => p != unit && text[p] > 0, -1);
        var layout = new ColumnLayout(
            section,
            label,
            unit,
            note,
            values.Select((p, i) => (p, new ValueColumn(i, string.Empty, ValueRole.Period))).ToList(),
            width);

        var dataStart = 0;
        while (dataStart < table.Rows.Count && !StartsSection(table.Rows[dataStart], section))
        {
            dataStart++;
        }

        return (layout, dataStart);
    }

    private static bool StartsSection(RawRow row, int section)
    {
        foreach (var (start, _, cell) in HeaderReader.Positions(row))
        {
            if (start == section)
            {
                return SectionNumbers.Parse(cell.Text) is not null;
            }
        }

        return false;
    }

    /// <summary>"%", "Có = 1 Không = 0", "Hồ sơ", "Cơ quan, đơn vị": a unit, not a label or a note.</summary>
    private static bool IsUnitWord(string text)
    {
        var unit = UnitText.Parse(text);
        return unit.Type is IndicatorType.Percent or IndicatorType.YesNo or IndicatorType.Code || UnitText.IsKnownNoun(VietnameseText.LabelKey(text));
    }

    private static int ArgMax(int[] counts, Func<int, bool> allowed)
    {
        var best = -1;
        for (var p = 0; p < counts.Length; p++)
        {
            if (allowed(p) && counts[p] > 0 && (best < 0 || counts[p] > counts[best]))
            {
                best = p;
            }
        }

        return best;
    }
}
