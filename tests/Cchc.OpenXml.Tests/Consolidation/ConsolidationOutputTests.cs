using System.Globalization;
using Cchc.Appendix.Checking;
using Cchc.Appendix.Consolidation;
using Cchc.OpenXml.Consolidation;
using Cchc.Testing.Forms;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using static Cchc.Testing.Forms.ConsolidationSet;
using C = DocumentFormat.OpenXml.Drawing.Charts;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Cchc.OpenXml.Tests.Consolidation;

/// <summary>
/// The province's quarter of <see cref="ConsolidationSet"/> read from real .docx and .xlsx files, consolidated, and
/// written as the workbook and the Word table: valid for the SDK's validator, numbers stored as numbers, each total
/// with its note, a native line chart.
/// </summary>
public class ConsolidationOutputTests
{
    private static readonly Lazy<(ConsolidatedReport Report, IReadOnlyList<TrendSeries> Trends)> Consolidated = new(() =>
    {
        var files = Files();
        var sources = files.Select(f => new UnitSource(f.Name, _ => ValueTask.FromResult<Stream>(new MemoryStream(f.Content)))).ToList();
        var reading = UnitReader.ReadAsync(sources, AppendixChecker.Default, workers: 2).GetAwaiter().GetResult();
        var options = new ConsolidationOptions { Units = UnitList };
        var report = Consolidator.Consolidate(reading.Reports, reading.Unreadable, options);
        var byPeriod = Trends.ConsolidateEach(reading.Reports, Trends.PeriodsUpTo(report.Period!, reading.Reports), options);
        return (report, Trends.Of(byPeriod, Trends.DefaultIds(report)));
    });

    private static List<UnitFigures> Counted => Files().Where(f => f.Kind == SetFileKind.Report).Select(f => f.Figures!).ToList();

    private static byte[] Workbook()
    {
        using var output = new MemoryStream();
        ConsolidationWorkbook.Write(Consolidated.Value.Report, Consolidated.Value.Trends, output);
        return output.ToArray();
    }

    [Fact]
    public void UnitReader_UnitSetFiles_ReadsEveryDocumentAndNamesTheBrokenOne()
    {
        var report = Consolidated.Value.Report;

        Assert.Equal(14, report.Units.Count(u => u.State == UnitState.Received));
        var broken = Assert.Single(report.Excluded, e => e.Kind == ExclusionKind.Unreadable);
        Assert.Equal(BrokenFile, broken.File);
        Assert.Contains("Không đọc được tệp", broken.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Workbook_UnitSet_ValidFiveSheetsInOrder()
    {
        var bytes = Workbook();

        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var errors = new OpenXmlValidator().Validate(document).Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}").ToList();
        Assert.Empty(errors);
        Assert.Equal(
            [ConsolidationWorkbook.StatusSheet, ConsolidationWorkbook.SummarySheet, ConsolidationWorkbook.DetailSheet, ConsolidationWorkbook.ErrorSheet, ConsolidationWorkbook.TrendSheet],
            document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value));
    }

    [Fact]
    public void Workbook_SummarySheet_TotalsAreNumbersWithNotesOfTheirCoverage()
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(Workbook()), false);
        var sheet = SheetPart(document, ConsolidationWorkbook.SummarySheet);
        var received = RowLabelled(sheet, Received);
        var rate = RowLabelled(sheet, OnTimeRate);

        var total = CellAt(received, "D");
        Assert.Equal(CellValues.Number, total.DataType!.Value);
        Assert.Equal(Counted.Sum(u => u[Received]!.Value), decimal.Parse(total.CellValue!.Text, CultureInfo.InvariantCulture));
        var recomputed = Math.Round((decimal)Counted.Sum(u => u[OnTime]!.Value) / Counted.Sum(u => u[Resolved]!.Value) * 100, 1, MidpointRounding.AwayFromZero);
        Assert.Equal(recomputed, decimal.Parse(CellAt(rate, "D").CellValue!.Text, CultureInfo.InvariantCulture));

        var notes = sheet.WorksheetCommentsPart!.Comments!.CommentList!.Elements<Comment>().ToDictionary(c => c.Reference!.Value!, c => c.InnerText);
        Assert.Contains("14/15 đơn vị", notes[total.CellReference!.Value!], StringComparison.Ordinal);
        Assert.Contains("tổng tử số", notes[CellAt(rate, "D").CellReference!.Value!], StringComparison.Ordinal);
        Assert.Contains(sheet.VmlDrawingParts, _ => true);
    }

    [Fact]
    public void Workbook_Sheets_FrozenHeadersFiltersAndColouredStatus()
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(Workbook()), false);

        foreach (var name in new[] { ConsolidationWorkbook.StatusSheet, ConsolidationWorkbook.SummarySheet, ConsolidationWorkbook.DetailSheet, ConsolidationWorkbook.ErrorSheet })
        {
            var pane = SheetPart(document, name).Worksheet!.Descendants<Pane>().Single();
            Assert.Equal(PaneStateValues.Frozen, pane.State!.Value);
        }

        var status = SheetPart(document, ConsolidationWorkbook.StatusSheet);
        Assert.Equal("A1:K16", status.Worksheet!.GetFirstChild<AutoFilter>()!.Reference!.Value);
        Assert.NotNull(SheetPart(document, ConsolidationWorkbook.DetailSheet).Worksheet!.GetFirstChild<AutoFilter>());
        var missing = RowLabelled(status, MissingUnit);
        Assert.Equal("Chưa nộp", Text(CellAt(missing, "C")));
        var flagged = RowLabelled(status, CommuneWithError);
        Assert.Equal("Có lỗi", Text(CellAt(flagged, "C")));
        Assert.NotEqual(CellAt(missing, "C").StyleIndex!.Value, CellAt(RowLabelled(status, "Xã An Bình"), "C").StyleIndex!.Value);

        var errors = SheetPart(document, ConsolidationWorkbook.ErrorSheet).Worksheet!.Descendants<Row>().Skip(1).ToList();
        var error = Assert.Single(errors);
        Assert.Equal(CommuneWithError, Text(CellAt(error, "A")));
        Assert.Equal("COUNT_NEGATIVE", Text(CellAt(error, "F")));
    }

    [Fact]
    public void Workbook_TrendSheet_NativeLineChartOverTheQuarters()
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(Workbook()), false);
        var sheet = SheetPart(document, ConsolidationWorkbook.TrendSheet);

        var chart = sheet.DrawingsPart!.ChartParts.Single().ChartSpace!;
        var line = chart.Descendants<C.LineChart>().Single();
        var series = line.Elements<C.LineChartSeries>().ToList();
        Assert.Equal(Consolidated.Value.Trends.Count, series.Count);
        Assert.Contains(series, s => s.InnerText.Contains(OnTimeRate, StringComparison.Ordinal));
        var categories = series[0].GetFirstChild<C.CategoryAxisData>()!.Descendants<C.StringPoint>().Select(p => p.InnerText).ToList();
        Assert.Equal(["quý I năm 2026", "quý II năm 2026"], categories);
        Assert.Contains("'Xu hướng'!", series[0].GetFirstChild<C.Values>()!.InnerText, StringComparison.Ordinal);
    }

    [Fact]
    public void WordTable_UnitSet_ValidWithTheConsolidatedFiguresInVietnamese()
    {
        using var output = new MemoryStream();
        ConsolidationDocument.Write(Consolidated.Value.Report, output);

        using var document = WordprocessingDocument.Open(new MemoryStream(output.ToArray()), false);
        Assert.Empty(new OpenXmlValidator().Validate(document));
        var rows = document.MainDocumentPart!.Document!.Body!.Descendants<W.TableRow>().ToList();
        var received = rows.Single(r => r.Elements<W.TableCell>().ElementAt(1).InnerText == Received);
        var total = Counted.Sum(u => u[Received]!.Value).ToString("#,0", CultureInfo.GetCultureInfo("vi-VN"));
        Assert.Equal(total, received.Elements<W.TableCell>().ElementAt(3).InnerText);
        Assert.Contains("14/15 đơn vị", received.Elements<W.TableCell>().Last().InnerText, StringComparison.Ordinal);
        Assert.NotNull(rows[0].TableRowProperties?.GetFirstChild<W.TableHeader>());
    }

    private static WorksheetPart SheetPart(SpreadsheetDocument document, string name)
    {
        var sheet = document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == name);
        return (WorksheetPart)document.WorkbookPart.GetPartById(sheet.Id!.Value!);
    }

    private static Row RowLabelled(WorksheetPart sheet, string label) =>
        sheet.Worksheet!.Descendants<Row>().First(r => r.Elements<Cell>().Any(c => Text(c) == label));

    private static Cell CellAt(Row row, string column) => row.Elements<Cell>().Single(c => c.CellReference!.Value == column + row.RowIndex!.Value);

    private static string Text(Cell cell) => cell.InlineString?.InnerText ?? cell.CellValue?.Text ?? string.Empty;
}
