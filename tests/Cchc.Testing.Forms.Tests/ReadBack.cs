using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using S = DocumentFormat.OpenXml.Spreadsheet;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Cchc.Testing.Forms.Tests;

/// <summary>
/// Reads written files back with the OpenXml SDK alone, as text on a grid, the way a person sees them: a merged
/// cell's text in its first slot, numbers shown by their number format in Vietnamese style (0.6 under "0%" is
/// "60", 1730 under "#,##0" is "1.730"). Independent of the writers, so a writer's mistake shows.
/// </summary>
internal static class ReadBack
{
    /// <summary>Every top-level table of the document's body, in order, each as rows of grid text.</summary>
    public static IReadOnlyList<IReadOnlyList<string[]>> WordTables(byte[] docx)
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(docx), false);
        return [.. document.MainDocumentPart!.Document!.Body!.Elements<W.Table>().Select(WordGrid)];
    }

    /// <summary>The body's paragraphs outside tables, in order.</summary>
    public static IReadOnlyList<string> WordParagraphs(byte[] docx)
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(docx), false);
        return [.. document.MainDocumentPart!.Document!.Body!.Elements<W.Paragraph>().Select(p => p.InnerText)];
    }

    private static IReadOnlyList<string[]> WordGrid(W.Table table)
    {
        var width = table.GetFirstChild<W.TableGrid>()!.Elements<W.GridColumn>().Count();
        var rows = new List<string[]>();
        foreach (var row in table.Elements<W.TableRow>())
        {
            var cells = Enumerable.Repeat(string.Empty, width).ToArray();
            var column = 0;
            foreach (var cell in row.Elements<W.TableCell>())
            {
                cells[column] = string.Join('\n', cell.Elements<W.Paragraph>().Select(p => p.InnerText));
                column += cell.TableCellProperties?.GridSpan?.Val?.Value ?? 1;
            }

            rows.Add(cells);
        }

        return rows;
    }

    /// <summary>The sheets of a workbook by name, in tab order.</summary>
    public static IReadOnlyList<string> SheetNames(byte[] xlsx)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        return [.. document.WorkbookPart!.Workbook!.Sheets!.Elements<S.Sheet>().Select(s => s.Name!.Value!)];
    }

    /// <summary>One sheet as shown text by (row, column), both 0-based, with its merged ranges ("B5:C5").</summary>
    public static Sheet ExcelSheet(byte[] xlsx, string name)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        var workbook = document.WorkbookPart!;
        var sheet = workbook.Workbook!.Sheets!.Elements<S.Sheet>().Single(s => s.Name == name);
        var worksheet = ((WorksheetPart)workbook.GetPartById(sheet.Id!)).Worksheet!;
        var shared = workbook.SharedStringTablePart?.SharedStringTable?.Elements<S.SharedStringItem>().Select(i => i.InnerText).ToArray() ?? [];
        var stylesheet = workbook.WorkbookStylesPart?.Stylesheet;
        var formatOfStyle = stylesheet?.CellFormats?.Elements<S.CellFormat>().Select(f => f.NumberFormatId?.Value ?? 0U).ToArray() ?? [];
        var customFormats = stylesheet?.NumberingFormats?.Elements<S.NumberingFormat>()
            .ToDictionary(f => f.NumberFormatId!.Value, f => f.FormatCode!.Value!) ?? [];

        var cells = new Dictionary<(int Row, int Column), Cell>();
        foreach (var cell in worksheet.Descendants<S.Cell>())
        {
            var (row, column) = Position(cell.CellReference!.Value!);
            var formatId = cell.StyleIndex is { } style ? formatOfStyle[style.Value] : 0U;
            var format = formatId switch
            {
                0 => "General",
                3 => "#,##0",
                9 => "0%",
                _ => customFormats[formatId],
            };
            cells[(row, column)] = cell.DataType?.Value == S.CellValues.SharedString
                ? new Cell(shared[int.Parse(cell.CellValue!.Text, CultureInfo.InvariantCulture)], null, format)
                : cell.CellValue is { } value
                    ? new Cell(Shown(decimal.Parse(value.Text, NumberStyles.Float, CultureInfo.InvariantCulture), format), decimal.Parse(value.Text, NumberStyles.Float, CultureInfo.InvariantCulture), format)
                    : new Cell(string.Empty, null, format);
        }

        var merges = worksheet.Descendants<S.MergeCell>().Select(m => m.Reference!.Value!).ToList();
        return new Sheet(cells, merges);
    }

    /// <summary>A number as a Vietnamese reader sees it under its format: "." groups thousands, "," marks decimals.</summary>
    private static string Shown(decimal number, string format) => format switch
    {
        "0%" => (number * 100).ToString("0", CultureInfo.InvariantCulture),
        "0.0%" => (number * 100).ToString("0.0", CultureInfo.InvariantCulture).Replace('.', ','),
        "#,##0" => number.ToString("#,##0", CultureInfo.InvariantCulture).Replace(',', '.'),
        "General" => number.ToString(CultureInfo.InvariantCulture).Replace('.', ','),
        _ => throw new NotSupportedException(format),
    };

    private static (int Row, int Column) Position(string reference)
    {
        var column = 0;
        var i = 0;
        for (; char.IsAsciiLetterUpper(reference[i]); i++)
        {
            column = (column * 26) + (reference[i] - 'A' + 1);
        }

        return (int.Parse(reference[i..], CultureInfo.InvariantCulture) - 1, column - 1);
    }

    /// <summary>A cell as shown, the stored number where there is one, and its number format.</summary>
    public sealed record Cell(string Text, decimal? Number, string Format);

    public sealed record Sheet(IReadOnlyDictionary<(int Row, int Column), Cell> Cells, IReadOnlyList<string> Merges)
    {
        public string Text(int row, int column) => Cells.TryGetValue((row, column), out var cell) ? cell.Text : string.Empty;

        public string[] Row(int row, int firstColumn, int width) =>
            [.. Enumerable.Range(firstColumn, width).Select(c => Text(row, c))];

        public int RowCount => Cells.Count == 0 ? 0 : Cells.Keys.Max(k => k.Row) + 1;

        /// <summary>The first row at which <paramref name="expected"/> appears from <paramref name="firstColumn"/>, or -1.</summary>
        public int Find(IReadOnlyList<string> expected, int firstColumn) =>
            Enumerable.Range(0, RowCount).Where(r => Row(r, firstColumn, expected.Count).SequenceEqual(expected)).DefaultIfEmpty(-1).First();
    }
}
