using Cchc.Appendix.Consolidation;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Cchc.OpenXml.Consolidation;

/// <summary>
/// The consolidated appendix as a Word table in the form's layout (STT, indicator, unit, the value columns, notes),
/// ready to paste into the province's report: Times New Roman, the header repeated on every page, figures written
/// the Vietnamese way, each note saying how many units the figure covers.
/// </summary>
public static class ConsolidationDocument
{
    private const string Font = "Times New Roman";

    /// <summary>A4 less the margins of Decree 30/2020 (3 cm left, 2 cm right), in twentieths of a point.</summary>
    private const int TextWidth = 9638;

    public static void Write(ConsolidatedReport report, Stream output)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var document = WordprocessingDocument.Create(output, WordprocessingDocumentType.Document);
        var main = document.AddMainDocumentPart();
        var received = report.Units.Count(u => u.State == UnitState.Received);
        var body = new Body(
            Paragraph("Phụ lục", bold: true),
            Paragraph($"TỔNG HỢP SỐ LIỆU BÁO CÁO CẢI CÁCH HÀNH CHÍNH {report.Period?.ToTitleText()}".Trim(), bold: true),
            Paragraph($"(Tổng hợp từ phụ lục của {received}/{report.Units.Count} đơn vị)", italic: true),
            Table(report),
            Paragraph(string.Empty),
            Paragraph(
                "Số lượng là tổng của các đơn vị có số liệu; chỉ tiêu có/không là số đơn vị trả lời Có; tỷ lệ được tính lại từ tổng tử số và tổng mẫu số, "
                + "chỉ tiêu tỷ lệ không có tử và mẫu số ghi thấp nhất, trung vị và cao nhất, không lấy trung bình.",
                italic: true,
                centered: false),
            new SectionProperties(
                new PageSize { Width = 11906, Height = 16838 },
                new PageMargin { Top = 1134, Bottom = 1134, Left = 1701, Right = 1134, Header = 720, Footer = 720, Gutter = 0 }));
        main.Document = new Document(body);
    }

    private static Table Table(ConsolidatedReport report)
    {
        var columns = report.Columns;
        var valueWidth = 1300;
        int[] widths = [700, TextWidth - 700 - 1100 - (valueWidth * columns.Count) - 2000, 1100, .. Enumerable.Repeat(valueWidth, columns.Count), 2000];
        var table = new Table(
            new TableProperties(
                new TableWidth { Width = TextWidth.ToString(System.Globalization.CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
                new TableBorders(
                    new TopBorder { Val = BorderValues.Single, Size = 4 },
                    new LeftBorder { Val = BorderValues.Single, Size = 4 },
                    new BottomBorder { Val = BorderValues.Single, Size = 4 },
                    new RightBorder { Val = BorderValues.Single, Size = 4 },
                    new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 },
                    new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 }),
                new TableLayout { Type = TableLayoutValues.Fixed }),
            new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString(System.Globalization.CultureInfo.InvariantCulture) })));

        string[] header = ["STT", "Tên chỉ tiêu", "Đơn vị tính", .. columns.Select(c => c.Header.Length > 0 ? c.Header : "Số liệu tổng hợp"), "Ghi chú"];
        var headerRow = new TableRow(new TableRowProperties(new TableHeader()));
        headerRow.Append(header.Select((text, i) => Cell(text, widths[i], bold: true, centered: true)));
        table.Append(headerRow);

        foreach (var row in report.Rows)
        {
            var cells = new List<TableCell>
            {
                Cell(row.No, widths[0], bold: row.IsHeading, centered: true),
                Cell(row.Label, widths[1], bold: row.IsHeading),
                Cell(row.Unit, widths[2], centered: true),
            };
            for (var c = 0; c < columns.Count; c++)
            {
                var figure = c < row.Figures.Count ? row.Figures[c] : null;
                var value = FigureText.CellValue(figure);
                cells.Add(Cell(value is null ? string.Empty : FigureText.Number(value.Value), widths[3 + c], right: true));
            }

            cells.Add(Cell(row.IsHeading ? string.Empty : FigureText.Remark(row), widths[^1], small: true));
            table.Append(new TableRow(cells));
        }

        return table;
    }

    private static TableCell Cell(string text, int width, bool bold = false, bool centered = false, bool right = false, bool small = false) => new(
        new TableCellProperties(new TableCellWidth { Width = width.ToString(System.Globalization.CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa }),
        Paragraph(text, bold, centered: centered, right: right, size: small ? 20 : 24));

    private static Paragraph Paragraph(string text, bool bold = false, bool italic = false, bool centered = true, bool right = false, int size = 26)
    {
        var runProperties = new RunProperties(new RunFonts { Ascii = Font, HighAnsi = Font, ComplexScript = Font });
        if (bold)
        {
            runProperties.Append(new Bold());
        }

        if (italic)
        {
            runProperties.Append(new Italic());
        }

        runProperties.Append(new FontSize { Val = size.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        var justification = right ? JustificationValues.Right : centered ? JustificationValues.Center : JustificationValues.Both;
        return new Paragraph(
            new ParagraphProperties(new SpacingBetweenLines { Before = "0", After = "0" }, new Justification { Val = justification }),
            new Run(runProperties, new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
    }
}
