using System.Globalization;
using System.Text;
using Cchc.Appendix.Table;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Cchc.OpenXml.Reading;

/// <summary>
/// Every worksheet of a .xlsx as one <see cref="TableBlock"/> covering A1 to the last cell that holds a value,
/// every position present, so that a cell's index is its column and a row's index its worksheet row − 1.
/// Sheet data is read with the forward-only reader: one cell at a time is ever a tree.
/// </summary>
internal sealed class ExcelReader(string name, ReadLimits limits)
{
    private readonly List<string> _sharedStrings = [];
    private readonly Dictionary<uint, string> _customFormats = [];
    private readonly List<uint> _styleFormats = [];
    private long _rows;

    public List<DocumentBlock> Read(SpreadsheetDocument document)
    {
        var workbookPart = document.WorkbookPart ?? throw ReadFailures.Corrupt(name);
        ReadSharedStrings(workbookPart.SharedStringTablePart);
        ReadStyles(workbookPart.WorkbookStylesPart);

        var blocks = new List<DocumentBlock>();
        var sheets = workbookPart.Workbook?.Sheets?.Elements<Sheet>() ?? [];
        foreach (var sheet in sheets)
        {
            var id = sheet.Id?.Value;
            if (id is null || !workbookPart.TryGetPartById(id, out var part) || part is not WorksheetPart worksheet)
            {
                // Chart sheets and dialog sheets hold no cells.
                continue;
            }

            blocks.Add(ReadSheet(worksheet, sheet.Name?.Value ?? string.Empty));
        }

        return blocks;
    }

    private void ReadSharedStrings(SharedStringTablePart? part)
    {
        if (part is null)
        {
            return;
        }

        using var reader = OpenXmlReader.Create(part);
        while (reader.Read())
        {
            if (reader.IsStartElement && reader.ElementType == typeof(SharedStringItem))
            {
                _sharedStrings.Add(RichText(reader.LoadCurrentElement()!));
            }
        }
    }

    private void ReadStyles(WorkbookStylesPart? part)
    {
        var stylesheet = part?.Stylesheet;
        if (stylesheet is null)
        {
            return;
        }

        foreach (var format in stylesheet.NumberingFormats?.Elements<NumberingFormat>() ?? [])
        {
            if (format.NumberFormatId?.Value is { } id && format.FormatCode?.Value is { } code)
            {
                _customFormats[id] = code;
            }
        }

        foreach (var xf in stylesheet.CellFormats?.Elements<CellFormat>() ?? [])
        {
            _styleFormats.Add(xf.NumberFormatId?.Value ?? 0);
        }
    }

    private TableBlock ReadSheet(WorksheetPart part, string sheetName)
    {
        // Sparse while reading: a sheet's cells arrive row by row, and its width is known only at the end.
        var rows = new List<(int Row, List<(int Column, RawCell Cell)> Cells)>();
        var merges = new List<(int Row1, int Col1, int Row2, int Col2)>();
        var lastRow = -1;
        var lastColumn = -1;
        var width = 0;
        List<(int Column, RawCell Cell)>? current = null;

        using var reader = OpenXmlReader.Create(part);
        while (reader.Read())
        {
            if (!reader.IsStartElement)
            {
                continue;
            }

            if (reader.ElementType == typeof(Row))
            {
                var r = Attribute(reader, "r");
                lastRow = r is not null && int.TryParse(r, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n - 1 : lastRow + 1;
                lastColumn = -1;
                current = null;
            }
            else if (reader.ElementType == typeof(Cell))
            {
                var cell = (Cell)reader.LoadCurrentElement()!;
                var (row, column) = Position(cell.CellReference?.Value, lastRow, lastColumn + 1);
                lastRow = row;
                lastColumn = column;
                if (column >= limits.MaxColumns)
                {
                    continue;
                }

                var raw = ReadCell(cell, sheetName);
                if (raw is null)
                {
                    continue;
                }

                if (row >= limits.MaxRows)
                {
                    throw ReadFailures.TooManyRows(name, limits.MaxRows);
                }

                if (current is null || rows[^1].Row != row)
                {
                    if (++_rows > limits.MaxRows)
                    {
                        throw ReadFailures.TooManyRows(name, limits.MaxRows);
                    }

                    current = [];
                    rows.Add((row, current));
                }

                current.Add((column, raw));
                width = Math.Max(width, column + 1);
            }
            else if (reader.ElementType == typeof(MergeCell))
            {
                if (Attribute(reader, "ref") is { } reference && reference.Split(':') is [var from, var to])
                {
                    var (r1, c1) = Position(from, -1, -1);
                    var (r2, c2) = Position(to, -1, -1);
                    if (r1 >= 0 && c1 >= 0 && r2 >= r1 && c2 >= c1)
                    {
                        merges.Add((r1, c1, r2, c2));
                    }
                }
            }
        }

        return Dense(rows, merges, width, sheetName);
    }

    private static TableBlock Dense(List<(int Row, List<(int Column, RawCell Cell)> Cells)> sparse, List<(int Row1, int Col1, int Row2, int Col2)> merges, int width, string sheetName)
    {
        // Rows may come out of order in hand-made files; a later duplicate of a position wins, as in Excel's own load.
        sparse.Sort((a, b) => a.Row.CompareTo(b.Row));
        var height = sparse.Count == 0 ? 0 : sparse[^1].Row + 1;
        var rows = new RawRow[height];
        var empty = new RawRow([.. Enumerable.Repeat(RawCell.Empty, width)]);
        Array.Fill(rows, empty);
        foreach (var (row, cells) in sparse)
        {
            var dense = rows[row] == empty ? new RawCell[width] : [.. rows[row].Cells];
            if (rows[row] == empty)
            {
                Array.Fill(dense, RawCell.Empty);
            }

            foreach (var (column, cell) in cells)
            {
                dense[column] = cell;
            }

            rows[row] = new RawRow(dense);
        }

        // A merged area shows its top-left value only; anything stored under the rest of it is invisible.
        foreach (var (r1, c1, r2, c2) in merges)
        {
            for (var r = r1; r <= Math.Min(r2, height - 1); r++)
            {
                if (rows[r] == empty)
                {
                    continue;
                }

                var cells = (RawCell[])rows[r].Cells;
                for (var c = c1; c <= Math.Min(c2, width - 1); c++)
                {
                    if (r != r1 || c != c1)
                    {
                        cells[c] = RawCell.Empty;
                    }
                }
            }
        }

        return new TableBlock(rows, sheetName);
    }

    /// <summary>The cell as read, or null when it holds nothing (formatting only).</summary>
    private RawCell? ReadCell(Cell cell, string sheetName)
    {
        var type = cell.DataType?.Value;
        var stored = cell.CellValue?.Text;
        string text;

        if (type == CellValues.InlineString)
        {
            text = cell.InlineString is null ? stored ?? string.Empty : RichText(cell.InlineString);
        }
        else if (stored is null)
        {
            return null;
        }
        else if (type == CellValues.SharedString)
        {
            text = int.TryParse(stored, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < _sharedStrings.Count
                ? _sharedStrings[index]
                : string.Empty;
        }
        else if (type == CellValues.Boolean)
        {
            text = stored.Trim() is "1" or "true" ? "TRUE" : "FALSE";
        }
        else if (type == CellValues.Error || type == CellValues.String || type == CellValues.Date)
        {
            // Errors show as their text (#DIV/0!), formula strings as their cached result, never evaluated.
            text = stored;
        }
        else if (double.TryParse(stored, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            var code = FormatOf(cell.StyleIndex?.Value);
            return new RawCell(NumberFormats.Display(number, code), number, code);
        }
        else
        {
            text = stored;
        }

        if (text.Length > limits.MaxCellCharacters)
        {
            var reference = cell.CellReference?.Value ?? "?";
            throw ReadFailures.CellTooLong(name, $"Ô {reference} của trang tính \"{sheetName}\"", $"Cell {reference} of sheet \"{sheetName}\"", limits.MaxCellCharacters);
        }

        return text.Length == 0 ? null : new RawCell(text);
    }

    private string FormatOf(uint? style)
    {
        var id = style is { } s && s < _styleFormats.Count ? _styleFormats[(int)s] : 0;
        return NumberFormats.CodeOf(id, _customFormats);
    }

    /// <summary>Text of a shared or inline string: plain text or rich-text runs joined; phonetic hints left out.</summary>
    private static string RichText(OpenXmlElement item)
    {
        var builder = new StringBuilder();
        foreach (var child in item.ChildElements)
        {
            switch (child)
            {
                case Text text:
                    builder.Append(text.Text);
                    break;
                case Run run:
                    foreach (var t in run.Elements<Text>())
                    {
                        builder.Append(t.Text);
                    }

                    break;
            }
        }

        return builder.ToString();
    }

    private static string? Attribute(OpenXmlReader reader, string localName)
    {
        foreach (var attribute in reader.Attributes)
        {
            if (attribute.LocalName == localName && string.IsNullOrEmpty(attribute.NamespaceUri))
            {
                return attribute.Value;
            }
        }

        return null;
    }

    /// <summary>Zero-based (row, column) of "B12"; the given fallbacks where the reference is missing or malformed.</summary>
    private static (int Row, int Column) Position(string? reference, int fallbackRow, int fallbackColumn)
    {
        if (string.IsNullOrEmpty(reference))
        {
            return (fallbackRow, fallbackColumn);
        }

        var i = 0;
        long column = 0;
        while (i < reference.Length && char.IsAsciiLetter(reference[i]) && column <= 16_384)
        {
            column = (column * 26) + (char.ToUpperInvariant(reference[i]) - 'A' + 1);
            i++;
        }

        if (i == 0 || column > 16_384 || !int.TryParse(reference.AsSpan(i), NumberStyles.None, CultureInfo.InvariantCulture, out var row) || row < 1)
        {
            return (fallbackRow, fallbackColumn);
        }

        return (row - 1, (int)column - 1);
    }
}
