using Cchc.Appendix.Checking;
using Cchc.Appendix.Findings;
using Cchc.Appendix.Reporting;
using Cchc.Appendix.Table;
using Cchc.Testing.Forms;

namespace Cchc.OpenXml.Tests.Reading;

/// <summary>
/// Today's commune and department appendices, as real .docx and .xlsx files, read and checked end to end: every
/// planted fault is reported at least as severely as planted, and no consistent row — nor any trap of nested
/// subsets — draws an error or a false total.
/// </summary>
public class SampleFormCheckTests
{
    public static TheoryData<string, string> Files()
    {
        var data = new TheoryData<string, string>();
        foreach (var form in SampleForms.WithAppendix)
        {
            data.Add(form.Name, "docx");
            data.Add(form.Name, "xlsx");
        }

        return data;
    }

    private static TableSnapshot Read(FormDocument form, string kind)
    {
        var bytes = kind == "docx" ? DocxWriter.Write(form) : XlsxWriter.Write(form);
        return AppendixDocument.Read(new MemoryStream(bytes), $"{form.Name}.{kind}");
    }

    private static (TableSnapshot Snapshot, CheckReport Report) Check(string name, string kind)
    {
        var form = SampleForms.ByName(name);
        var snapshot = Read(form, kind);
        var previous = form.Previous is { } before ? Read(before, kind) : null;
        return (snapshot, AppendixChecker.Default.Check(snapshot, previous));
    }

    /// <summary>The family of faults (DOMAIN.md) each rule code belongs to.</summary>
    private static string Family(string code) => code switch
    {
        "VALUE_MISSING" or "UNIT_MISSING" => Families.Missing,
        "VALUE_NOT_NUMBER" or "COUNT_NEGATIVE" or "COUNT_NOT_WHOLE" or "PERCENT_OUT_OF_RANGE" or "YESNO_INVALID" or "CODE_INVALID" or "VALUE_FORMAT" => Families.Type,
        "UNIT_MISMATCH" or "UNIT_LABEL_CONFLICT" => Families.Unit,
        "TOTAL_MISMATCH" or "TOTAL_BELOW_PARTS" => Families.Total,
        "PART_EXCEEDS_WHOLE" or "CUMULATIVE_BELOW_PERIOD" => Families.Order,
        "RATE_MISMATCH" => Families.Ratio,
        "CUMULATIVE_DECREASE" or "CUMULATIVE_INCONSISTENT" or "STOCK_JUMP" or "YEAR_PLAN_INCOMPLETE" or "PREVIOUS_REPORT_MISMATCH" => Families.Period,
        _ when code.StartsWith("NUMBERING_", StringComparison.Ordinal) => Families.Numbering,
        _ when code.StartsWith("HEADER_", StringComparison.Ordinal) => Families.Header,
        "LABEL_WORDING" or "LABEL_REPEATED_WORDS" or "ROW_UNKNOWN" or "ROW_MISSING" => Families.Label,
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, "a code no family names"),
    };

    private static int Rank(Severity severity) => severity switch
    {
        Severity.Error => 2,
        Severity.Warning => 1,
        _ => 0,
    };

    private static bool On(Finding finding, string labelContains) => finding.Label.Contains(labelContains, StringComparison.OrdinalIgnoreCase);

    [Theory]
    [MemberData(nameof(Files))]
    public void Check_SampleForm_ReportsEveryPlantedFault(string name, string kind)
    {
        var form = SampleForms.ByName(name);
        var (snapshot, report) = Check(name, kind);

        var missed = new List<string>();
        foreach (var expected in form.Expected)
        {
            bool Matches(Finding f) =>
                Family(f.Code) == expected.Family && Rank(f.Severity) >= Severities.Rank(expected.Severity) && expected switch
                {
                    { Column: FindingColumns.Header, LabelContains: null } => f.Row == 0,
                    { Column: FindingColumns.Header } => f.Row == 0 && f.TitleLine is int line && snapshot.TitleLines[line].Contains(expected.LabelContains!, StringComparison.OrdinalIgnoreCase),

                    // A row gone since last period is reported beside where it stood, naming it.
                    { OnlyInPrevious: true } => f.Message.Contains(expected.LabelContains!, StringComparison.OrdinalIgnoreCase),
                    _ => On(f, expected.LabelContains!) && WireNames.Of(f.Column) == expected.Column && (expected.ValueColumn is null || f.ValueColumn == expected.ValueColumn),
                };

            if (!report.Findings.Any(Matches))
            {
                missed.Add(expected.ToString());
            }
        }

        Assert.True(missed.Count == 0, $"Not reported in {name}.{kind}:\n{string.Join('\n', missed)}\nFindings:\n{Describe(report)}");
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Check_SampleForm_NoFalseErrorsAndNoFalseTotals(string name, string kind)
    {
        var form = SampleForms.ByName(name);
        var (_, report) = Check(name, kind);

        var wrong = new List<string>();
        foreach (var clean in form.Clean)
        {
            wrong.AddRange(report.Findings
                .Where(f => On(f, clean.LabelContains) && (f.Severity == Severity.Error || clean.SilentFamilies.Contains(Family(f.Code))))
                .Select(f => $"{clean.LabelContains}: {f.Code} {f.Severity} {f.Message}"));
        }

        Assert.True(wrong.Count == 0, $"False findings in {name}.{kind}:\n{string.Join('\n', wrong)}");
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Check_SampleForm_EveryErrorIsAPlantedFault(string name, string kind)
    {
        var form = SampleForms.ByName(name);
        var (_, report) = Check(name, kind);

        // An error is the engine being sure: each must sit on a row where a fault was planted (a stricter engine may
        // call a planted warning an error, never a clean row's figure).
        var planted = form.Expected.Where(e => e.LabelContains is not null).ToList();
        var unexplained = report.Findings
            .Where(f => f.Severity == Severity.Error && !planted.Any(e => f.Row == 0 ? e.Column == FindingColumns.Header : On(f, e.LabelContains!)))
            .Select(f => $"{f.Code} on “{f.Label}”: {f.Message}")
            .ToList();

        Assert.True(unexplained.Count == 0, $"Unplanted errors in {name}.{kind}:\n{string.Join('\n', unexplained)}");
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Read_SampleForm_WordAndExcelGiveTheSameFindings(string name, string kind)
    {
        _ = kind;
        var word = Check(name, "docx").Report.Findings.Select(f => (f.Row, f.Column, f.ValueColumn, f.Code, f.Severity));
        var excel = Check(name, "xlsx").Report.Findings.Select(f => (f.Row, f.Column, f.ValueColumn, f.Code, f.Severity));

        Assert.Equal(word, excel);
    }

    [Fact]
    public void Read_ReportWithoutAppendix_SaysWhatEachTableIs()
    {
        var form = SampleForms.ReportWithoutAppendix();

        foreach (var bytes in new[] { DocxWriter.Write(form), XlsxWriter.Write(form) })
        {
            var error = Assert.Throws<DocumentReadException>(() => AppendixDocument.Read(new MemoryStream(bytes), form.Name));

            Assert.Equal(ReadError.NoAppendix, error.Error);
            Assert.Contains("Họ và tên", error.Message, StringComparison.Ordinal);
            Assert.Contains("“Tên chỉ tiêu”, “Nội dung chỉ tiêu”", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Check_QuarterPair_LearnsTheFormFromQuarterOne()
    {
        var (_, report) = Check(SampleForms.CommuneQuarterTwo().Name, "docx");

        Assert.Equal(FormSource.PreviousReport, report.Template.Source);
    }

    [Fact]
    public void Check_TwoValueColumns_ReadsBothColumnsFromBothFiles()
    {
        foreach (var kind in new[] { "docx", "xlsx" })
        {
            var snapshot = Read(SampleForms.CommuneTwoValueColumns(), kind);

            Assert.Equal([ValueRole.Period, ValueRole.Cumulative], snapshot.ValueColumns.Select(c => c.Role));
        }
    }

    private static string Describe(CheckReport report) =>
        string.Join('\n', report.Findings.Select(f => $"  {f.Row} {f.Column}[{f.ValueColumn}] {f.Severity} {f.Code} “{f.Label}” {f.Message}"));
}
