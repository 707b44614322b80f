using System.Text;

namespace Cchc.Testing.Forms.Tests;

/// <summary>
/// The expectations can be used as they are: every label finds exactly one row (even compared without case, as
/// a consumer may), every word is from the contract's vocabulary, and faults and clean rows do not contradict.
/// </summary>
public sealed class ExpectationTests
{
    public static TheoryData<string> Appendices => [.. SampleForms.WithAppendix.Select(f => f.Name)];

    private static readonly string[] AllFamilies =
        [Families.Missing, Families.Type, Families.Unit, Families.Total, Families.Order, Families.Ratio, Families.Period, Families.Numbering, Families.Header, Families.Label];

    [Theory]
    [MemberData(nameof(Appendices))]
    public void Expected_EveryLabel_FindsExactlyOneRow(string name)
    {
        var form = SampleForms.ByName(name);

        foreach (var expected in form.Expected)
        {
            if (expected.Column == FindingColumns.Header)
            {
                Assert.True(expected.LabelContains is null || Matches(form.TitleLines, expected.LabelContains) == 1, $"{name}: title “{expected.LabelContains}”");
            }
            else if (expected.OnlyInPrevious)
            {
                Assert.Equal(0, Matches(Labels(form), expected.LabelContains!));
                Assert.Equal(1, Matches(Labels(form.Previous!), expected.LabelContains!));
            }
            else
            {
                Assert.True(Matches(Labels(form), expected.LabelContains!) == 1, $"{name}: “{expected.LabelContains}” matches {Matches(Labels(form), expected.LabelContains!)} rows");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Appendices))]
    public void Clean_EveryLabel_FindsExactlyOneRow(string name)
    {
        var form = SampleForms.ByName(name);

        Assert.All(form.Clean, clean =>
            Assert.True(Matches(Labels(form), clean.LabelContains) == 1, $"{name}: “{clean.LabelContains}” matches {Matches(Labels(form), clean.LabelContains)} rows"));
    }

    [Theory]
    [MemberData(nameof(Appendices))]
    public void Expected_Words_AreTheContractsWords(string name)
    {
        var form = SampleForms.ByName(name);

        Assert.All(form.Expected, expected =>
        {
            Assert.Contains(expected.Family, AllFamilies);
            Assert.InRange(Severities.Rank(expected.Severity), 0, 2);
            Assert.Contains(expected.Column, new[] { FindingColumns.Value, FindingColumns.Unit, FindingColumns.No, FindingColumns.Label, FindingColumns.Header });
            if (expected.Column == FindingColumns.Value)
            {
                Assert.InRange(expected.ValueColumn!.Value, 0, form.Appendix!.ValueColumnCount - 1);
            }
            else
            {
                Assert.Null(expected.ValueColumn);
            }

            Assert.True(expected.LabelContains is not null || expected.Column == FindingColumns.Header);
        });
        Assert.All(form.Clean.SelectMany(c => c.SilentFamilies), family => Assert.Contains(family, AllFamilies));
    }

    [Theory]
    [MemberData(nameof(Appendices))]
    public void CleanRow_NeverCarriesAnExpectedError(string name)
    {
        var form = SampleForms.ByName(name);

        var errors = form.Expected.Where(e => e.Severity == Severities.Error && e.LabelContains is not null).Select(e => Row(form, e.LabelContains!));

        Assert.Empty(form.Clean.Select(c => Row(form, c.LabelContains)).Intersect(errors));
    }

    [Theory]
    [MemberData(nameof(Appendices))]
    public void BrokenRelation_HasAnExpectedFindingOnOneOfItsCells(string name)
    {
        var form = SampleForms.ByName(name);

        foreach (var relation in form.Relations.Where(r => !r.Holds))
        {
            var cells = new[] { relation.Target }.Concat(relation.Parts).Where(c => !c.InPrevious).ToList();
            Assert.True(
                form.Expected.Any(e => e.Column != FindingColumns.Header && !e.OnlyInPrevious && cells.Any(c =>
                    Row(form, c.LabelContains) == Row(form, e.LabelContains!) && (e.ValueColumn is null || e.ValueColumn == c.ValueColumn))),
                $"{name}: nothing expected on the broken {relation.Kind} of “{relation.Target.LabelContains}”");
        }
    }

    [Theory]
    [MemberData(nameof(Appendices))]
    public void HoldingRelation_EveryRowOfItIsClean(string name)
    {
        var form = SampleForms.ByName(name);
        var clean = form.Clean.Select(c => Row(form, c.LabelContains)).ToHashSet();

        var rows = form.Relations.Where(r => r.Holds).SelectMany(r => r.Parts.Append(r.Target)).Where(c => !c.InPrevious);

        Assert.All(rows, cell => Assert.True(clean.Contains(Row(form, cell.LabelContains)), $"{name}: “{cell.LabelContains}” is in a consistent group but not listed clean"));
    }

    [Theory]
    [MemberData(nameof(Appendices))]
    public void TotalRatioAndOrderFaults_AreBrokenRelationsOfTheirCell(string name)
    {
        var form = SampleForms.ByName(name);
        var arithmetic = new[] { Families.Total, Families.Ratio, Families.Order, Families.Period };

        foreach (var expected in form.Expected.Where(e => arithmetic.Contains(e.Family)))
        {
            Assert.Contains(form.Relations.Where(r => !r.Holds), r => r.Parts.Append(r.Target).Any(c =>
                !c.InPrevious && Row(form, c.LabelContains) == Row(form, expected.LabelContains!) && c.ValueColumn == expected.ValueColumn));
        }
    }

    [Fact]
    public void Catalogue_PlantsEveryFamilyAndTheTrap()
    {
        var forms = SampleForms.WithAppendix.ToList();

        Assert.Equal(AllFamilies.Order(StringComparer.Ordinal), forms.SelectMany(f => f.Expected).Select(e => e.Family).Distinct().Order(StringComparer.Ordinal));
        Assert.All(
            ["a-xa-my-tu-2026-q1", "b-phuong-vinh-chau-2026-q1", "c-xa-long-phu-2026-q2", "d-so-tu-phap-can-tho-2025"],
            name => Assert.Contains(SampleForms.ByName(name).Relations, r => r.Kind == RelationKind.Nested));
        Assert.Empty(SampleForms.CommuneQuarterOne().Expected);
        Assert.Equal(SampleForms.CommuneQuarterOne().Appendix!.GridText(), SampleForms.CommuneQuarterTwo().Previous!.Appendix!.GridText());
    }

    [Fact]
    public void CommuneSingleValue_HasTheRowCountOfARealCommuneForm()
    {
        var rows = SampleForms.CommuneSingleValue().Appendix!.Rows;

        Assert.InRange(rows.Count, 40, 70);
        Assert.Equal(["I", "II", "III", "IV", "V", "VI", "VII"], rows.Where(r => r.IsHeading && r.No.All(c => c is 'I' or 'V')).Select(r => r.No));
    }

    private static IReadOnlyList<string> Labels(FormDocument form) => [.. form.Appendix!.Rows.Select(r => r.Label)];

    /// <summary>How many texts contain the label, compared without case and in composed form, as a consumer may.</summary>
    private static int Matches(IEnumerable<string> texts, string labelContains) =>
        texts.Count(t => t.Normalize(NormalizationForm.FormC).Contains(labelContains.Normalize(NormalizationForm.FormC), StringComparison.OrdinalIgnoreCase));

    private static DataRow Row(FormDocument form, string labelContains) => form.Row(labelContains);
}
