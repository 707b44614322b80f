using System.Globalization;
using System.Text;
using Cchc.Appendix.Checking;
using Cchc.Appendix.Table;
using Cchc.OpenXml;
using CsCheck;

namespace Cchc.Robustness.Tests;

/// <summary>
/// The check answers to the figures, not to how the text was typed: the same appendix gives the same
/// findings every time, on any thread, and whatever whitespace or Unicode form its labels and units use.
/// </summary>
public class CheckPropertyTests
{
    private static readonly TableSnapshot Q3 = Read("ngan-nam-2022-q3.docx");
    private static readonly TableSnapshot Q2 = Read("ngan-nam-2022-q2.docx");

    /// <summary>Ways a label or unit is retyped without changing a word.</summary>
    private enum Retyping
    {
        AsIs,
        Decomposed,
        DoubledSpaces,
        NonBreakingSpaces,
        Padded,
        DecomposedAndPadded,
    }

    [Fact]
    public void Check_SameAppendixTwice_GivesTheSameFindings()
    {
        // Changing a few values keeps the property honest: not only the fixture's own findings are compared.
        Gen.Select(Gen.Int[0, Q3.Rows.Count - 1], Gen.Int[0, 2000]).Array[0, 5].Sample(changes =>
        {
            var snapshot = WithValues(Q3, changes);

            Assert.Equal(Findings(AppendixChecker.Default.Check(snapshot, Q2)), Findings(AppendixChecker.Default.Check(snapshot, Q2)));
        }, iter: 30);
    }

    [Fact]
    public void Check_ConcurrentCalls_GiveTheSameFindingsAsOne()
    {
        var expected = Findings(AppendixChecker.Default.Check(Q3, Q2));

        var results = Enumerable.Range(0, 8).AsParallel().WithDegreeOfParallelism(4)
            .Select(_ => Findings(AppendixChecker.Default.Check(Q3, Q2)))
            .ToList();

        Assert.All(results, actual => Assert.Equal(expected, actual));
    }

    [Fact]
    public void Check_LabelsAndUnitsRetyped_GivesTheSameFindings()
    {
        var expected = Findings(AppendixChecker.Default.Check(Q3, Q2));
        var retypings = Gen.Enum<Retyping>().Array[Q3.Rows.Count];

        Gen.Select(retypings, retypings).Sample((labels, units) =>
        {
            var rows = Q3.Rows.Select((row, i) => row with
            {
                Label = Retype(row.Label, labels[i]),
                Unit = Retype(row.Unit, units[i]),
            }).ToList();

            Assert.Equal(expected, Findings(AppendixChecker.Default.Check(Q3 with { Rows = rows }, Q2)));
        }, iter: 30);
    }

    [Fact]
    public void Check_TitleLinesInDecomposedForm_GivesTheSameFindings()
    {
        var expected = Findings(AppendixChecker.Default.Check(Q3, Q2));
        var titles = Q3.TitleLines.Select(t => t.Normalize(NormalizationForm.FormD)).ToList();

        Assert.Equal(expected, Findings(AppendixChecker.Default.Check(Q3 with { TitleLines = titles }, Q2)));
    }

    /// <summary>What a user sees of a finding, less the label as written and the messages that quote it.</summary>
    private static List<string> Findings(CheckReport report) =>
        report.Findings.Select(f => string.Join(
            '|',
            f.Row.ToString(CultureInfo.InvariantCulture),
            f.Column,
            f.Code,
            f.Severity,
            f.IndicatorId,
            f.Section,
            f.Proposal?.Value,
            f.Proposal?.Source)).ToList();

    private static CellValue Retype(CellValue cell, Retyping how)
    {
        if (cell.IsBlank || cell.Number is not null)
        {
            return cell;
        }

        var text = how switch
        {
            Retyping.Decomposed => cell.Text.Normalize(NormalizationForm.FormD),
            Retyping.DoubledSpaces => cell.Text.Replace(" ", "  ", StringComparison.Ordinal),
            Retyping.NonBreakingSpaces => cell.Text.Replace(' ', '\u00A0'),
            Retyping.Padded => " " + cell.Text + "\u00A0 ",
            Retyping.DecomposedAndPadded => "\u00A0" + cell.Text.Normalize(NormalizationForm.FormD) + "  ",
            _ => cell.Text,
        };
        return cell with { Text = text };
    }

    private static TableSnapshot WithValues(TableSnapshot snapshot, (int Row, int Value)[] changes)
    {
        var rows = snapshot.Rows.ToArray();
        foreach (var (row, value) in changes)
        {
            if (!rows[row].Value.IsBlank)
            {
                rows[row] = rows[row] with { Value = value.ToString(CultureInfo.InvariantCulture) };
            }
        }

        return snapshot with { Rows = rows };
    }

    private static TableSnapshot Read(string name)
    {
        using var stream = File.OpenRead(HostileCorpus.Fixture(name));
        return AppendixDocument.Read(stream, name);
    }
}
