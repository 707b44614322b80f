using System.Globalization;
using Cchc.Appendix.Numbers;
using Cchc.Appendix.Table;
using Cchc.Appendix.Templates;

namespace Cchc.OpenXml.Tests.Reading;

public class SampleDocumentTests
{
    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    /// <summary>A row as a user compares it: the value as a number wherever it reads as one.</summary>
    private static (string No, string Label, string Unit, string Value, string Note) Comparable(string no, string label, string unit, CellValue value, string note)
    {
        string shown;
        if (value.Number is { } number)
        {
            shown = number.ToString(CultureInfo.InvariantCulture);
        }
        else if (VietnameseNumber.TryParse(value.Text, IndicatorType.Count, out var parsed))
        {
            shown = parsed.Value.ToString(CultureInfo.InvariantCulture);
        }
        else
        {
            shown = value.Text.Trim();
        }

        return (no.Trim(), label.Trim(), unit.Trim(), shown, note.Trim());
    }

    private static List<(string, string, string, string, string)> Rows(TableSnapshot snapshot) =>
        [.. snapshot.Rows.Select(r => Comparable(r.No.Text, r.Label.Text, r.Unit.Text, r.Value, r.Note.Text))];

    /// <summary>The tab-separated transcript: the lines after the header, spacer lines left out.</summary>
    private static List<(string, string, string, string, string)> Transcript(string name)
    {
        var lines = File.ReadAllLines(Fixture(name));
        var header = Array.FindIndex(lines, l => l.Contains("TÊN CHỈ TIÊU", StringComparison.Ordinal));
        return [.. lines.Skip(header + 1)
            .Select(l => l.Split('\t'))
            .Where(c => c.Any(t => t.Trim().Length > 0))
            .Select(c => Comparable(c[0], c[1], c[2], new CellValue(c[3]), c[4]))];
    }

    [Theory]
    [InlineData("ngan-nam-2022-q3.docx")]
    [InlineData("ngan-nam-2022-q3.xlsx")]
    public void ReadFile_Q3_MatchesTranscript(string file)
    {
        var snapshot = AppendixDocument.ReadFile(Fixture(file));

        Assert.Equal(Transcript("ngan-nam-2022-q3.txt"), Rows(snapshot));
        Assert.Equal(SourceKind.File, snapshot.Source);
    }

    [Theory]
    [InlineData("ngan-nam-2022-q3")]
    [InlineData("ngan-nam-2022-q2")]
    public void ReadFile_SameAppendixAsDocxAndXlsx_GivesSameRowsAndTitles(string name)
    {
        var word = AppendixDocument.ReadFile(Fixture(name + ".docx"));
        var excel = AppendixDocument.ReadFile(Fixture(name + ".xlsx"));

        Assert.Equal(Rows(word), Rows(excel));
        Assert.Equal(word.TitleLines, excel.TitleLines);
        Assert.Equal(211, word.Rows.Count);
    }

    [Fact]
    public void ReadFile_Q3Docx_TitleLinesCarryPeriodAndReference()
    {
        var snapshot = AppendixDocument.ReadFile(Fixture("ngan-nam-2022-q3.docx"));

        Assert.Equal("Phụ lục", snapshot.TitleLines[0]);
        Assert.Contains("QUÝ III NĂM 2022 CỦA UBND THỊ XÃ NGÃ NĂM", snapshot.TitleLines);
        Assert.StartsWith("(Kèm theo Báo cáo số", snapshot.TitleLines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void ReadFile_Q3Xlsx_KeepsStoredNumberFormatAndLocation()
    {
        var snapshot = AppendixDocument.ReadFile(Fixture("ngan-nam-2022-q3.xlsx"));

        var received = snapshot.Rows.Single(r => r.Label.Text == "Số hồ sơ TTHC do UBND cấp huyện tiếp nhận");
        Assert.Equal(new CellValue("1.730", 1730, "#,##0"), received.Value);
        Assert.Equal("Phu luc", received.Location!.Sheet);
        Assert.Equal(75, received.Location.TableRow);
        Assert.Equal([0, 1, 2, 3, 4], received.Location.Cells);
    }

    [Fact]
    public void Read_XlsxContentNamedDocx_SniffsContent()
    {
        using var stream = File.OpenRead(Fixture("ngan-nam-2022-q3.xlsx"));

        var snapshot = AppendixDocument.Read(stream, "bao-cao.docx");

        Assert.Equal("Phu luc", snapshot.Rows[0].Location!.Sheet);
    }

    [Theory]
    [InlineData("ngan-nam-2022-q3.docx", DocumentKind.Docx)]
    [InlineData("ngan-nam-2022-q3.xlsx", DocumentKind.Xlsx)]
    public void Sniff_Samples_TellsKind(string file, DocumentKind expected)
    {
        using var stream = File.OpenRead(Fixture(file));

        Assert.Equal(expected, AppendixDocument.Sniff(stream, "x.bin"));
    }
}
