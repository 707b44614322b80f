using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Cchc.Testing.Forms;

/// <summary>
/// Writes a <see cref="FormDocument"/> as a Word document laid out the way officers lay out the report: body,
/// title lines, the appendix table (tblGrid, gridSpan, vMerge, a repeated header row), the signature block as a
/// borderless two-column table. Times New Roman 13 pt in the body and 12 pt in tables, as Decree 30/2020 asks.
/// </summary>
public static class DocxWriter
{
    private const string Font = "Times New Roman";
    private const int BodySize = 26;
    private const int TableSize = 24;

    /// <summary>The width between the margins of an A4 page: 11906 less 1701 and 851 twips.</summary>
    private const int TextWidth = 9354;

    public static byte[] Write(FormDocument form)
    {
        using var memory = new MemoryStream();
        using (var document = WordprocessingDocument.Create(memory, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new Document(new Body(Blocks(form)));
        }

        return memory.ToArray();
    }

    private static IEnumerable<OpenXmlElement> Blocks(FormDocument form)
    {
        foreach (var block in form.Body)
        {
            yield return block switch
            {
                BodyParagraph p => Paragraph(p.Text, BodySize, p.Bold, centered: p.Centered),
                BodyTable t => PlainTable(t),
                _ => throw new NotSupportedException(block.GetType().Name),
            };
        }

        foreach (var line in form.TitleLines)
        {
            // "Phụ lục" and the title are bold; the reference line is italic, as printed.
            var reference = line.StartsWith('(');
            yield return Paragraph(line, BodySize, bold: !reference, italic: reference, centered: true);
        }

        if (form.Appendix is { } appendix)
        {
            yield return AppendixTable(appendix);
        }

        if (form.Signature is { } signature)
        {
            yield return Paragraph(string.Empty, BodySize);
            yield return SignatureTable(signature);
        }

        // A4 portrait with the margins of Decree 30/2020; the last child of the body, as the schema wants.
        yield return new SectionProperties(
            new PageSize { Width = 11906U, Height = 16838U },
            new PageMargin { Top = 1134, Right = 851U, Bottom = 1134, Left = 1701U, Header = 720U, Footer = 720U, Gutter = 0U });
    }

    private static Table AppendixTable(AppendixTable appendix)
    {
        var table = new Table(
            TableProperties(borders: true),
            new TableGrid(appendix.Columns.Select(role => new GridColumn { Width = Invariant(Twips(role)) })));

        foreach (var slots in appendix.HeaderLayout())
        {
            var row = new TableRow(new TableRowProperties(new TableHeader()));
            foreach (var slot in slots)
            {
                var width = Enumerable.Range(slot.Column, slot.ColumnSpan).Sum(c => Twips(appendix.Columns[c]));
                var properties = new TableCellProperties(CellWidth(width));
                if (slot.ColumnSpan > 1)
                {
                    properties.Append(new GridSpan { Val = slot.ColumnSpan });
                }

                if (slot.Cell is null)
                {
                    // A continuing vMerge carries no val attribute.
                    properties.Append(new VerticalMerge());
                }
                else if (slot.Cell.RowSpan > 1)
                {
                    properties.Append(new VerticalMerge { Val = MergedCellValues.Restart });
                }

                properties.Append(new TableCellVerticalAlignment { Val = TableVerticalAlignmentValues.Center });
                row.Append(new TableCell(properties, Paragraph(slot.Cell?.Text ?? string.Empty, TableSize, bold: true, centered: true)));
            }

            table.Append(row);
        }

        if (appendix.NumberingRow is { } numbering)
        {
            table.Append(new TableRow(numbering.Select((text, c) => Cell(text, appendix.Columns[c], italic: true, centered: true))));
        }

        foreach (var data in appendix.Rows)
        {
            var cells = appendix.Cells(data);
            table.Append(new TableRow(cells.Select((text, c) =>
                Cell(text, appendix.Columns[c], bold: data.IsHeading && appendix.Columns[c] is ColumnRole.No or ColumnRole.Label,
                    centered: appendix.Columns[c] is not (ColumnRole.Label or ColumnRole.Note)))));
        }

        return table;
    }

    private static Table PlainTable(BodyTable body)
    {
        var columns = body.Rows.Max(r => r.Count);
        var width = TextWidth / columns;
        var table = new Table(
            TableProperties(borders: !body.Borderless),
            new TableGrid(Enumerable.Range(0, columns).Select(_ => new GridColumn { Width = Invariant(width) })));
        foreach (var cells in body.Rows)
        {
            table.Append(new TableRow(cells.Select(text => LinesCell(width, text, bold: body.Borderless, centered: body.Borderless))));
        }

        return table;
    }

    private static Table SignatureTable(SignatureBlock signature) => new(
        TableProperties(borders: false),
        new TableGrid(new GridColumn { Width = Invariant(TextWidth / 2) }, new GridColumn { Width = Invariant(TextWidth / 2) }),
        new TableRow(
            LinesCell(TextWidth / 2, string.Join('\n', signature.Left), bold: false, centered: false),
            LinesCell(TextWidth / 2, string.Join('\n', signature.Right), bold: true, centered: true)));

    private static TableProperties TableProperties(bool borders)
    {
        var style = borders ? BorderValues.Single : BorderValues.Nil;
        var size = borders ? 4U : 0U;
        return new TableProperties(
            new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct },
            new TableBorders(
                new TopBorder { Val = style, Size = size },
                new LeftBorder { Val = style, Size = size },
                new BottomBorder { Val = style, Size = size },
                new RightBorder { Val = style, Size = size },
                new InsideHorizontalBorder { Val = style, Size = size },
                new InsideVerticalBorder { Val = style, Size = size }),
            new TableLayout { Type = TableLayoutValues.Fixed });
    }

    private static TableCell Cell(string text, ColumnRole role, bool bold = false, bool italic = false, bool centered = false) =>
        new(new TableCellProperties(CellWidth(Twips(role))),
            Paragraph(text, TableSize, bold, italic, centered));

    /// <summary>A cell whose text runs over several paragraphs, one per line; a cell always holds at least one.</summary>
    private static TableCell LinesCell(int width, string text, bool bold, bool centered) =>
        new([new TableCellProperties(CellWidth(width)), .. text.Split('\n').Select(line => Paragraph(line, TableSize, bold, centered: centered))]);

    private static Paragraph Paragraph(string text, int size, bool bold = false, bool italic = false, bool centered = false)
    {
        var paragraphProperties = new ParagraphProperties(new SpacingBetweenLines { Before = "0", After = "0" });
        if (centered)
        {
            paragraphProperties.Append(new Justification { Val = JustificationValues.Center });
        }

        var paragraph = new Paragraph(paragraphProperties);
        if (text.Length == 0)
        {
            return paragraph;
        }

        var runProperties = new RunProperties(new RunFonts { Ascii = Font, HighAnsi = Font, ComplexScript = Font });
        if (bold)
        {
            runProperties.Append(new Bold());
        }

        if (italic)
        {
            runProperties.Append(new Italic());
        }

        runProperties.Append(new FontSize { Val = Invariant(size) });
        paragraph.Append(new Run(runProperties, new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
        return paragraph;
    }

    private static TableCellWidth CellWidth(int twips) => new() { Width = Invariant(twips), Type = TableWidthUnitValues.Dxa };

    private static string Invariant(int number) => number.ToString(CultureInfo.InvariantCulture);

    /// <summary>Column widths in twentieths of a point: the label column takes what the page leaves.</summary>
    private static int Twips(ColumnRole role) => role switch
    {
        ColumnRole.No => 680,
        ColumnRole.Label => 3900,
        ColumnRole.Unit => 1250,
        ColumnRole.Value => 1150,
        _ => 1800,
    };
}
