using System.Text.RegularExpressions;

namespace Cchc.Testing.Forms.Tests;

/// <summary>
/// The data cannot lie: every relation is recomputed from the cells, every clean row's values fit their unit, and
/// every planted fault really is in the cell it names.
/// </summary>
public sealed partial class ArithmeticTests
{
    public static TheoryData<string> Appendices => [.. SampleForms.WithAppendix.Select(f => f.Name)];

    [Theory]
    [MemberData(nameof(Appendices))]
    public void Relation_RecomputedFromTheCells_HoldsOrBreaksAsDeclared(string name)
    {
        var form = SampleForms.ByName(name);

        foreach (var relation in form.Relations)
        {
            var target = Figures.Value(form, relation.Target);
            var parts = relation.Parts.Select(p => Figures.Value(form, p)).ToList();
            var what = $"{name}: {relation.Kind} of “{relation.Target.LabelContains}” (column {relation.Target.ValueColumn})";
            switch (relation.Kind)
            {
                case RelationKind.Sum:
                    Assert.True(target == parts.Sum() == relation.Holds, $"{what}: {target} against parts summing to {parts.Sum()}");
                    break;
                case RelationKind.Nested:
                    // Each part within the whole, and together not the whole: a partition would not be a trap.
                    Assert.All(parts, part => Assert.True(part <= target, $"{what}: part {part} exceeds {target}"));
                    Assert.True(parts.Sum() != target, $"{what}: the parts add up to the whole after all");
                    break;
                case RelationKind.Ratio:
                    var exact = parts[0] / parts[1] * 100;
                    var rounded = Math.Round(exact, Figures.Decimals(Figures.Text(form, relation.Target)), MidpointRounding.AwayFromZero);
                    Assert.True(rounded == target == relation.Holds, $"{what}: written {target}, computed {exact:0.###}");
                    // A broken rate is off by a clear margin, never by a rounding a careful officer might make.
                    Assert.True(relation.Holds || Math.Abs(exact - target) >= 1, $"{what}: off by less than one point");
                    break;
                case RelationKind.NotBelow:
                    Assert.True(target >= parts[0] == relation.Holds, $"{what}: {target} against {parts[0]}");
                    break;
            }
        }
    }

    [Theory]
    [MemberData(nameof(Appendices))]
    public void CleanRow_EveryValueFitsItsUnit(string name)
    {
        var form = SampleForms.ByName(name);
        var appendix = form.Appendix!;

        foreach (var row in form.Clean.Select(c => form.Row(c.LabelContains)))
        {
            if (row.IsHeading)
            {
                // A section row, clean when it is only a title.
                Assert.Empty(row.Unit);
                continue;
            }

            Assert.NotEmpty(row.Unit);
            Assert.Equal(appendix.ValueColumnCount, row.Values.Count);
            for (var v = 0; v < row.Values.Count; v++)
            {
                Assert.True(
                    Figures.FitsUnit(row.Values[v], row.Unit, form.Excel.PercentValueColumns.Contains(v)),
                    $"{name}: “{row.Label}” holds “{row.Values[v]}” in value column {v}, which its unit “{row.Unit}” does not allow");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Appendices))]
    public void PlantedFault_IsReallyInTheCellItNames(string name)
    {
        var form = SampleForms.ByName(name);

        foreach (var expected in form.Expected.Where(e => e.Column != FindingColumns.Header && !e.OnlyInPrevious))
        {
            var row = form.Row(expected.LabelContains!);
            var value = expected.ValueColumn is { } v ? row.Values[v] : null;
            var why = $"{name}: “{row.Label}” was planted as {expected.Family} in {expected.Column}";
            Assert.True(expected.Family switch
            {
                Families.Missing => (expected.Column == FindingColumns.Unit ? row.Unit : value) == string.Empty,
                Families.Type => !Figures.FitsUnit(value!, row.Unit, form.Excel.PercentValueColumns.Contains(expected.ValueColumn!.Value)),
                Families.Unit => ContradictsLabel(row) || form.Previous?.Row(expected.LabelContains!).Unit is { } before && before != row.Unit,
                Families.Numbering => BreaksNumbering(form.Appendix!.Rows, row),
                Families.Label => HasDoubledWords(row.Label) || form.Previous is { } previous && !previous.RowsLabelled(expected.LabelContains!).Any(),
                _ => true,
            }, why);
        }
    }

    [Theory]
    [MemberData(nameof(Appendices))]
    public void HeaderFault_IsInTheTitleLinesOrTheMissingHeaderRow(string name)
    {
        var form = SampleForms.ByName(name);

        foreach (var expected in form.Expected.Where(e => e.Column == FindingColumns.Header))
        {
            if (expected.LabelContains is null)
            {
                Assert.Empty(form.Appendix!.HeaderRows);
                continue;
            }

            var line = form.TitleLines.Single(l => l.Contains(expected.LabelContains, StringComparison.Ordinal));
            var years = form.TitleLines.SelectMany(l => Year().Matches(l).Select(m => m.Value)).Distinct().Count();
            Assert.True(BlankNumber().IsMatch(line) || years > 1, $"{name}: “{line}” holds no header fault");
        }
    }

    /// <summary>"Tỷ lệ …" counted in a noun, or "Số …" in percent.</summary>
    private static bool ContradictsLabel(DataRow row)
    {
        var label = row.Label.TrimStart('-', '+', ' ');
        return (label.StartsWith("Tỷ lệ", StringComparison.Ordinal) && row.Unit != "%")
            || (label.StartsWith("Số", StringComparison.Ordinal) && row.Unit == "%");
    }

    /// <summary>
    /// The row's number breaks the sequence of its section (after a fault, counting resumes from the number
    /// written), a sub-item ("- ", "+ ") carries a number, or a section numeral is not the next one.
    /// </summary>
    private static bool BreaksNumbering(IReadOnlyList<DataRow> rows, DataRow faulty)
    {
        string[] romans = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"];
        var section = 0;
        var item = 0;
        foreach (var row in rows.Where(r => r.No.Length > 0))
        {
            var roman = Array.IndexOf(romans, row.No) + 1;
            var broken = roman > 0
                ? roman != section + 1
                : row.Label.StartsWith('-') || row.Label.StartsWith('+') || int.Parse(row.No, Figures.Invariant) != item + 1;
            if (row == faulty)
            {
                return broken;
            }

            (section, item) = roman > 0 ? (roman, 0) : (section, int.Parse(row.No, Figures.Invariant));
        }

        return false;
    }

    /// <summary>A word or a two-word phrase typed twice in a row: "Số văn bản văn bản".</summary>
    private static bool HasDoubledWords(string label)
    {
        var words = label.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return Enumerable.Range(0, words.Length).Any(i =>
            (i + 1 < words.Length && words[i] == words[i + 1])
            || (i + 3 < words.Length && words[i] == words[i + 2] && words[i + 1] == words[i + 3]));
    }

    [GeneratedRegex(@"\b20\d\d\b")]
    private static partial Regex Year();

    [GeneratedRegex(@"[Ss]ố\s{2,}/")]
    private static partial Regex BlankNumber();
}
