using Cchc.Appendix.Consolidation;
using Cchc.Appendix.Findings;
using Cchc.Appendix.Reporting;
using Cchc.Appendix.Templates;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Cchc.OpenXml.Consolidation;

/// <summary>
/// The province's workbook for one period: "Tình trạng" (every unit's status, coloured, with what was left out and
/// what did not align), "Tổng hợp" (the consolidated appendix in the common form's layout, each total with a note
/// saying how many units it covers), "Chi tiết" (indicator × unit), "Lỗi" (every error by unit) and "Xu hướng"
/// (chosen indicators by period, with a native line chart). Numbers are numbers; Excel shows them the reader's way.
/// </summary>
public static class ConsolidationWorkbook
{
    public const string StatusSheet = "Tình trạng";
    public const string SummarySheet = "Tổng hợp";
    public const string DetailSheet = "Chi tiết";
    public const string ErrorSheet = "Lỗi";
    public const string TrendSheet = "Xu hướng";

    public static void Write(ConsolidatedReport report, IReadOnlyList<TrendSeries> trends, Stream output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(trends);
        using var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        workbook.Workbook = new Workbook();
        workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = SheetBuilder.Styles();

        // One sheet at a time: built, written, let go. A country's unit matrix alone is a million cells.
        var chartRows = 0;
        var sheets = new List<(Func<SheetBuilder> Build, Func<WorksheetPart, string?>? Drawing)>
        {
            (() => Status(report), null),
            (() => Summary(report), null),
            (() => Detail(report), null),
            (() => Errors(report), null),
            (() => TrendTable(report, trends, out chartRows), part => TrendChart.Add(part, TrendSheet, trends, chartRows)),
        };

        var sheetList = new Sheets();
        var names = new DefinedNames();
        for (var i = 0; i < sheets.Count; i++)
        {
            var builder = sheets[i].Build();
            var part = builder.Write(workbook, noteBlock: i + 1, sheets[i].Drawing);
            sheetList.Append(new Sheet { Name = builder.Name, SheetId = (uint)i + 1, Id = workbook.GetIdOfPart(part) });
            if (builder.FilterRange is { } range)
            {
                // Excel keeps an auto-filter's range in this hidden name; without it some versions drop the filter.
                names.Append(new DefinedName($"'{builder.Name}'!{Absolute(range)}") { Name = "_xlnm._FilterDatabase", LocalSheetId = (uint)i, Hidden = true });
            }
        }

        workbook.Workbook.Append(new BookViews(new WorkbookView { ActiveTab = 0 }), sheetList);
        if (names.HasChildren)
        {
            workbook.Workbook.Append(names);
        }
    }

    private static SheetBuilder Status(ConsolidatedReport report)
    {
        var sheet = new SheetBuilder(StatusSheet);
        string[] headers = ["STT", "Đơn vị", "Tình trạng", "Tệp", "Mẫu", "Lỗi", "Cảnh báo", "Lưu ý", "Sẵn sàng ký", "Số báo cáo", "Ngày báo cáo"];
        double[] widths = [6, 30, 16, 32, 26, 8, 10, 8, 12, 16, 14];
        for (var c = 0; c < headers.Length; c++)
        {
            sheet.Text(0, c, headers[c], Style.Header);
            sheet.Width(c, widths[c]);
        }

        var row = 1;
        foreach (var unit in report.Units)
        {
            var colour = unit.State == UnitState.Missing ? Style.Absent : unit.Errors > 0 ? Style.Bad : unit.ReadyToSign ? Style.Good : Style.Warn;
            sheet.Number(row, 0, row, Style.Count);
            sheet.Text(row, 1, unit.Unit);
            sheet.Text(row, 2, FigureText.State(unit), colour);
            sheet.Text(row, 3, unit.File);
            sheet.Text(row, 4, FigureText.Form(unit));
            var received = unit.State == UnitState.Received;
            sheet.Number(row, 5, received ? unit.Errors : null, unit.Errors > 0 ? Style.CountBad : Style.Count);
            sheet.Number(row, 6, received ? unit.Warnings : null);
            sheet.Number(row, 7, received ? unit.Infos : null);
            sheet.Text(row, 8, received ? (unit.ReadyToSign ? "Có" : "Chưa") : string.Empty, colour);
            sheet.Text(row, 9, unit.ReportNumber);
            sheet.Text(row, 10, unit.ReportDate is { } date ? FigureText.Date(date) : string.Empty);
            row++;
        }

        sheet.Filter(0, row - 1, headers.Length - 1);
        sheet.Freeze(1, 2);

        row++;
        var receivedCount = report.Units.Count(u => u.State == UnitState.Received);
        sheet.Text(row++, 1, $"Đã nhận {receivedCount}/{report.Units.Count} đơn vị; sẵn sàng ký {report.Units.Count(u => u.ReadyToSign)}; có lỗi {report.Units.Count(u => u.Errors > 0)}.", Style.Italic);
        if (report.Excluded.Count > 0)
        {
            row++;
            sheet.Text(row, 1, "Tệp không tính vào tổng hợp", Style.Header);
            sheet.Text(row, 2, "Lý do", Style.Header);
            sheet.Merge(row, 2, 6);
            row++;
            foreach (var excluded in report.Excluded)
            {
                sheet.Text(row, 1, excluded.File);
                sheet.Text(row, 2, excluded.Reason);
                sheet.Merge(row, 2, 6);
                row++;
            }
        }

        if (report.Unaligned.Count > 0)
        {
            row++;
            sheet.Text(row, 1, "Không khớp với mẫu chung", Style.Header);
            sheet.Text(row, 2, "Cách xử lý", Style.Header);
            sheet.Merge(row, 2, 6);
            sheet.Text(row, 7, "Đơn vị", Style.Header);
            sheet.Merge(row, 7, 10);
            row++;
            foreach (var unaligned in report.Unaligned)
            {
                sheet.Text(row, 1, unaligned.Label);
                sheet.Text(row, 2, unaligned.Reason);
                sheet.Merge(row, 2, 6);
                sheet.Text(row, 7, string.Join(", ", unaligned.Units));
                sheet.Merge(row, 7, 10);
                row++;
            }
        }

        return sheet;
    }

    private static SheetBuilder Summary(ConsolidatedReport report)
    {
        var sheet = new SheetBuilder(SummarySheet);
        var columns = report.Columns;
        var last = 3 + columns.Count;
        sheet.Text(0, 0, "Phụ lục", Style.Title);
        sheet.Text(1, 0, $"TỔNG HỢP SỐ LIỆU BÁO CÁO CẢI CÁCH HÀNH CHÍNH {report.Period?.ToTitleText()}".Trim(), Style.Title);
        var received = report.Units.Count(u => u.State == UnitState.Received);
        sheet.Text(2, 0, $"(Tổng hợp từ phụ lục của {received}/{report.Units.Count} đơn vị; mỗi số liệu có ghi chú số đơn vị đã báo cáo)", Style.Italic);
        sheet.Merge(0, 0, last);
        sheet.Merge(1, 0, last);
        sheet.Merge(2, 0, last);

        const int HeaderRow = 4;
        sheet.Text(HeaderRow, 0, "STT", Style.Header);
        sheet.Text(HeaderRow, 1, "Tên chỉ tiêu", Style.Header);
        sheet.Text(HeaderRow, 2, "Đơn vị tính", Style.Header);
        for (var c = 0; c < columns.Count; c++)
        {
            sheet.Text(HeaderRow, 3 + c, columns[c].Header.Length > 0 ? columns[c].Header : "Số liệu tổng hợp", Style.Header);
            sheet.Width(3 + c, 16);
        }

        sheet.Text(HeaderRow, last, "Ghi chú", Style.Header);
        sheet.Width(0, 7);
        sheet.Width(1, 60);
        sheet.Width(2, 14);
        sheet.Width(last, 40);

        var row = HeaderRow + 1;
        foreach (var line in report.Rows)
        {
            sheet.Text(row, 0, line.No, line.IsHeading ? Style.Heading : Style.Text);
            sheet.Text(row, 1, line.Label, line.IsHeading ? Style.Heading : Style.Text);
            sheet.Text(row, 2, line.Unit, line.IsHeading ? Style.Heading : Style.Text);
            for (var c = 0; c < columns.Count; c++)
            {
                var figure = c < line.Figures.Count ? line.Figures[c] : null;
                if (figure is null)
                {
                    sheet.Text(row, 3 + c, string.Empty, line.IsHeading ? Style.Heading : Style.Text);
                    continue;
                }

                sheet.Number(row, 3 + c, FigureText.CellValue(figure), FigureText.IsRate(figure) ? Style.Rate : Style.Count);
                sheet.Note(row, 3 + c, FigureText.Note(figure));
            }

            sheet.Text(row, last, line.IsHeading ? string.Empty : FigureText.Remark(line), line.IsHeading ? Style.Heading : Style.Text);
            row++;
        }

        sheet.Freeze(HeaderRow + 1, 0);
        return sheet;
    }

    private static SheetBuilder Detail(ConsolidatedReport report)
    {
        var sheet = new SheetBuilder(DetailSheet);
        string[] fixedHeaders = ["Mã", "Chỉ tiêu", "Đơn vị tính", "Cột", "Loại", "Cách tổng hợp", "Tổng hợp", "Số đơn vị"];
        double[] widths = [22, 50, 12, 12, 18, 18, 12, 10];
        for (var c = 0; c < fixedHeaders.Length; c++)
        {
            sheet.Text(0, c, fixedHeaders[c], Style.Header);
            sheet.Width(c, widths[c]);
        }

        var first = fixedHeaders.Length;
        for (var u = 0; u < report.Units.Count; u++)
        {
            sheet.Text(0, first + u, report.Units[u].Unit, report.Units[u].State == UnitState.Missing ? Style.Absent : Style.Header);
            sheet.Width(first + u, 14);
        }

        var row = 1;
        foreach (var line in report.Rows.Where(r => !r.IsHeading))
        {
            foreach (var figure in line.Figures.OfType<ConsolidatedFigure>())
            {
                var rate = FigureText.IsRate(figure);
                sheet.Text(row, 0, figure.Id);
                sheet.Text(row, 1, line.Label);
                sheet.Text(row, 2, rate ? "%" : line.Unit);
                sheet.Text(row, 3, report.Columns[figure.Column].Header.Length > 0 ? report.Columns[figure.Column].Header : FigureText.Role(figure.Role));
                sheet.Text(row, 4, FigureText.Kind(figure.Kind));
                sheet.Text(row, 5, FigureText.Method(figure.Method));
                sheet.Number(row, 6, FigureText.CellValue(figure), rate ? Style.Rate : Style.Count);
                sheet.Text(row, 7, $"{figure.Reported}/{figure.Of}");
                for (var u = 0; u < figure.ByUnit.Count; u++)
                {
                    if (figure.ByUnit[u] is not { } cell)
                    {
                        continue;
                    }

                    if (cell.Value is null)
                    {
                        sheet.Text(row, first + u, "(không phải số)", Style.Bad);
                        continue;
                    }

                    // Red where the check found an error; the "Lỗi" sheet says which, and the total's note how many it left out.
                    sheet.Number(row, first + u, cell.Value, cell.HasError ? (rate ? Style.RateBad : Style.CountBad) : rate ? Style.Rate : Style.Count);
                }

                row++;
            }
        }

        sheet.Filter(0, row - 1, first + report.Units.Count - 1);
        sheet.Freeze(1, 2);
        return sheet;
    }

    private static SheetBuilder Errors(ConsolidatedReport report)
    {
        var sheet = new SheetBuilder(ErrorSheet);
        string[] headers = ["Đơn vị", "Tệp", "Dòng", "Chỉ tiêu", "Cột", "Mã lỗi", "Nội dung"];
        double[] widths = [24, 28, 7, 50, 10, 22, 70];
        for (var c = 0; c < headers.Length; c++)
        {
            sheet.Text(0, c, headers[c], Style.Header);
            sheet.Width(c, widths[c]);
        }

        var row = 1;
        foreach (var (unit, file, finding) in report.Errors)
        {
            sheet.Text(row, 0, unit);
            sheet.Text(row, 1, file);
            sheet.Number(row, 2, finding.Row > 0 ? finding.Row : null);
            sheet.Text(row, 3, finding.Label);
            sheet.Text(row, 4, ColumnName(finding));
            sheet.Text(row, 5, finding.Code);
            sheet.Text(row, 6, finding.Message);
            row++;
        }

        if (row == 1)
        {
            sheet.Text(1, 0, "Không đơn vị nào có lỗi.", Style.Italic);
        }

        sheet.Filter(0, Math.Max(row - 1, 1), headers.Length - 1);
        sheet.Freeze(1, 0);
        return sheet;
    }

    private static SheetBuilder TrendTable(ConsolidatedReport report, IReadOnlyList<TrendSeries> trends, out int firstDataRow)
    {
        var sheet = new SheetBuilder(TrendSheet);
        var periods = trends.Count > 0 ? trends[0].Points.Select(p => p.Period).ToList() : report.Period is null ? [] : [report.Period];
        sheet.Text(0, 0, "Chỉ tiêu", Style.Header);
        sheet.Width(0, 50);
        for (var p = 0; p < periods.Count; p++)
        {
            sheet.Text(0, 1 + p, periods[p].ToString(), Style.Header);
            sheet.Width(1 + p, 16);
        }

        firstDataRow = 1;
        var row = 1;
        foreach (var series in trends)
        {
            var suffix = series.Method == FigureMethod.Spread ? " (trung vị)" : string.Empty;
            sheet.Text(row, 0, $"{series.Label} ({series.Unit}){suffix}");
            for (var p = 0; p < series.Points.Count; p++)
            {
                sheet.Number(row, 1 + p, series.Points[p].Value, series.Type == IndicatorType.Percent ? Style.Rate : Style.Count);
                sheet.Note(row, 1 + p, $"{series.Points[p].Reported}/{series.Points[p].Of} đơn vị");
            }

            row++;
        }

        if (trends.Count == 0)
        {
            sheet.Text(1, 0, "Chưa có chỉ tiêu nào để vẽ xu hướng.", Style.Italic);
        }

        sheet.Freeze(1, 1);
        return sheet;
    }

    private static string ColumnName(Finding finding) => finding.Column == Appendix.Table.AppendixColumn.Value
        ? $"số liệu {finding.ValueColumn + 1}"
        : WireNames.Of(finding.Column);

    private static string Absolute(string range) => string.Join(':', range.Split(':').Select(r =>
    {
        var letters = new string(r.TakeWhile(char.IsAsciiLetter).ToArray());
        return $"${letters}${r[letters.Length..]}";
    }));
}
