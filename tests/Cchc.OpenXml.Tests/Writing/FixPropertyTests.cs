using Cchc.Appendix.Editing;
using Cchc.Appendix.Table;
using CsCheck;
using static Cchc.OpenXml.Tests.Writing.WriteHarness;

namespace Cchc.OpenXml.Tests.Writing;

/// <summary>Faults of the families that carry proposals, planted at random into the clean Q2 appendix.</summary>
public class FixPropertyTests
{
    private enum Fault
    {
        WrongUnit,
        BlankValue,
        WrongNumber,
        BlankUnit,
    }

    [Theory]
    [InlineData("ngan-nam-2022-q2.docx")]
    [InlineData("ngan-nam-2022-q2.xlsx")]
    public void FixThenCheck_PlantedFaults_NeverReRaisesAFixedFault(string name)
    {
        var clean = File.ReadAllBytes(TestFiles.Fixture(name));
        var rows = Read(clean, name).Rows;
        var faults = Gen.Select(Gen.Int[1, rows.Count], Gen.Enum<Fault>()).Array[1, 6];
        var fixedCount = 0;

        faults.Sample(
            planted =>
            {
                var edits = planted.Select(p => Plant(rows[p.Item1 - 1], p.Item2)).OfType<CellEdit>()
                    .GroupBy(e => (e.Row, e.Column)).Select(g => g.First()).ToList();
                var (faulty, _) = Write(clean, name, edits, [], Options(track: false));

                var (output, result, _) = Fix(faulty, name);
                var after = Check(output, name);
                Interlocked.Add(ref fixedCount, result.Applied.Count);

                foreach (var edit in result.Applied)
                {
                    Assert.DoesNotContain(after.Findings, f => f.Row == edit.Row && f.Column == edit.Column && f.Code == edit.Code && f.Proposal is not null);
                }
            },
            iter: 8);

        // Not vacuous: the planted faults did get fixed.
        Assert.True(fixedCount > 0);
    }

    private static CellEdit? Plant(AppendixRow row, Fault fault) => fault switch
    {
        Fault.WrongUnit when row.Unit.Text is { Length: > 0 } unit && unit != "%" => Planted(row.Row, AppendixColumn.Unit, "%"),
        Fault.BlankUnit when row.Unit.Text.Length > 0 => Planted(row.Row, AppendixColumn.Unit, string.Empty),
        Fault.BlankValue when !row.Value.IsBlank => Planted(row.Row, AppendixColumn.Value, string.Empty),
        Fault.WrongNumber when int.TryParse(row.No.Text, out var n) => Planted(row.Row, AppendixColumn.No, (n + 7).ToString(System.Globalization.CultureInfo.InvariantCulture)),
        _ => null,
    };

    private static CellEdit Planted(int row, AppendixColumn column, string text) => new(row, column, text, "PLANTED", "Lỗi cài sẵn", "Planted fault");
}
