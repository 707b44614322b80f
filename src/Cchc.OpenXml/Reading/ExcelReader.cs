using System.Globalization;
using System.Text;
using System.Xml;
using Cchc.Appendix.Table;

namespace Cchc.OpenXml.Reading;

/// <summary>
/// Every worksheet of a .xlsx as one <see cref="TableBlock"/> covering A1 to the last cell that holds a value,
/// every position present, so that a cell's index is its column and a row's index its worksheet row − 1.
/// The parts are found by their relationships (<see cref="PackageParts"/>); their XML is walked once with <see cref="XmlReader"/>, never as a tree.
/// </summary>
internal sealed class ExcelReader(string name, ReadLimits limits, PartBudget budget)
{
    private const string S = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    private readonly List<string> _sharedStrings = [];
    private readonly Dictionary<uint, string> _customFormats = [];
    private readonly List<uint> _styleFormats = [];
    private long _rows;
    private long _sharedCharacters;

    public List<DocumentBlock> Read(PackageParts package)
    {
        var workbook = package.MainPart();
        var relationships = package.Relationships(workbook);
        if (PackageParts.Related(relationships, "sharedStrings") is { } sharedStrings)
        {
            ReadSharedStrings(package.OpenXml(sharedStrings));
        }

        if (PackageParts.Related(relationships, "styles") is { } styles)
        {
            ReadStyles(package.OpenXml(styles));
        }

        var blocks = new List<DocumentBlock>();
        foreach (var (id, sheetName) in Sheets(package.OpenXml(workbook)))
        {
            var worksheet = id is null ? null : relationships.Find(r => r.Id == id);
            if (worksheet is null || !worksheet.Type.EndsWith("/worksheet", StringComparison.Ordinal))
            {
                // Chart sheets and dialog sheets hold no cells.
                continue;
            }

            using var reader = package.OpenXml(worksheet.Target);
            blocks.Add(ReadSheet(reader, sheetName ?? string.Empty));
        }

        return blocks;
    }

    /// <summary>The relationship id and name of each sheet, in the order of the workbook's first sheets list.</summary>
    private static List<(string? Id, string? Name)> Sheets(XmlReader workbook)
    {
        using var reader = workbook;
        var sheets = new List<(string?, string?)>();
        if (reader.MoveToContent() != XmlNodeType.Element || reader.IsEmptyElement)
        {
            return sheets;
        }

        reader.Read();
        while (reader.Depth > 0)
        {
            if (reader.NodeType == XmlNodeType.Element && Is(reader, "sheets"))
            {
                XmlWalk.Children(reader, sheets, (r, list) =>
                {
                    if (Is(r, "sheet"))
                    {
                        list.Add((r.GetAttribute("id", R), r.GetAttribute("name")));
                    }

                    XmlWalk.Skip(r);
                });
                break;
            }

            XmlWalk.Skip(reader);
        }

        return sheets;
    }

    private void ReadSharedStrings(XmlReader sharedStrings)
    {
        using var reader = sharedStrings;
        if (reader.MoveToContent() != XmlNodeType.Element || !Is(reader, "sst"))
        {
            return;
        }

        // The table is held in memory while every sheet is read, so its size is bounded as it grows, not after.
        XmlWalk.Children(reader, _sharedStrings, (r, strings) =>
        {
            if (Is(r, "si"))
            {
                var text = RichText(r);
                _sharedCharacters += text.Length;
                if (strings.Count >= limits.MaxSharedStrings)
                {
                    throw ReadFailures.TooManySharedStrings(name, limits.MaxSharedStrings, characters: false);
                }

                if (_sharedCharacters > limits.MaxSharedStringCharacters)
                {
                    throw ReadFailures.TooManySharedStrings(name, limits.MaxSharedStringCharacters, characters: true);
                }

                strings.Add(text);
            }
            else
            {
                XmlWalk.Skip(r);
            }
        });
    }

    private void ReadStyles(XmlReader styles)
    {
        using var reader = styles;
        if (reader.MoveToContent() != XmlNodeType.Element || !Is(reader, "styleSheet"))
        {
            return;
        }

        // The stylesheet's first list of each kind is the one Excel uses, as Stylesheet.NumberingFormats/CellFormats.
        var seenFormats = false;
        var seenCellFormats = false;
        XmlWalk.Children(reader, this, (r, self) =>
        {
            if (Is(r, "numFmts") && !seenFormats)
            {
                seenFormats = true;
                XmlWalk.Children(r, self, (f, s) =>
                {
                    if (Is(f, "numFmt") && UnsignedAttribute(f, "numFmtId") is { } id && f.GetAttribute("formatCode") is { } code)
                    {
                        s._customFormats[id] = code;
                    }

                    XmlWalk.Skip(f);
                });
            }
            else if (Is(r, "cellXfs") && !seenCellFormats)
            {
                seenCellFormats = true;
                XmlWalk.Children(r, self, (xf, s) =>
                {
                    if (Is(xf, "xf"))
                    {
                        s._styleFormats.Add(UnsignedAttribute(xf, "numFmtId") ?? 0);
                    }

                    XmlWalk.Skip(xf);
                });
            }
            else
            {
                XmlWalk.Skip(r);
            }
        });
    }

    /// <summary>An unsigned attribute as the SDK's UInt32Value reads it: absent is null, unreadable is a malformed file.</summary>
    private static uint? UnsignedAttribute(XmlReader reader, string localName) =>
        reader.GetAttribute(localName) is not { } value ? null
        : uint.TryParse(value.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) ? number
        : throw new FormatException($"{localName}=\"{value}\"");

    private TableBlock ReadSheet(XmlReader reader, string sheetName)
    {
        // Sparse while reading: a sheet's cells arrive row by row, and its width is known only at the end.
        var rows = new List<(int Row, List<(int Column, RawCell Cell)> Cells)>();
        var merges = new List<(int Row1, int Col1, int Row2, int Col2)>();
        var lastRow = -1;
        var lastColumn = -1;
        var width = 0;
        List<(int Column, RawCell Cell)>? current = null;
        var cell = new XmlCell();

        reader.MoveToContent();
        while (!reader.EOF)
        {
            // The sheet is read flat, so depth costs nothing here; it is refused as the writer's tree would refuse it.
            if (reader.Depth >= ReadLimits.MaxNestingDepth)
            {
                throw new NestingTooDeepException();
            }

            if (reader.NodeType != XmlNodeType.Element || reader.NamespaceURI != S)
            {
                reader.Read();
                continue;
            }

            if (reader.LocalName == "row")
            {
                var r = reader.GetAttribute("r");
                lastRow = r is not null && int.TryParse(r, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n - 1 : lastRow + 1;
                lastColumn = -1;
                current = null;
                reader.Read();
            }
            else if (reader.LocalName == "c")
            {
                ReadCellXml(reader, cell);
                var (row, column) = Position(cell.Reference, lastRow, lastColumn + 1);
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

                budget.Cell(raw.Text.Length);
                current.Add((column, raw));
                width = Math.Max(width, column + 1);
            }
            else if (reader.LocalName == "mergeCell")
            {
                if (reader.GetAttribute("ref") is { } reference && reference.Split(':') is [var from, var to])
                {
                    var (r1, c1) = Position(from, -1, -1);
                    var (r2, c2) = Position(to, -1, -1);
                    if (r1 >= 0 && c1 >= 0 && r2 >= r1 && c2 >= c1)
                    {
                        merges.Add((r1, c1, r2, c2));
                    }
                }

                reader.Read();
            }
            else
            {
                reader.Read();
            }
        }

        return Dense(rows, merges, width, sheetName, budget);
    }

    /// <summary>What a &lt;c&gt; holds, into <paramref name="cell"/>: its attributes, its first stored value, its first inline string; the reader is left after it.</summary>
    private static void ReadCellXml(XmlReader reader, XmlCell cell)
    {
        cell.Start(reader.GetAttribute("r"), reader.GetAttribute("t"), reader.GetAttribute("s"));
        XmlWalk.Children(reader, cell, (r, c) =>
        {
            if (Is(r, "v") && c.Value is null)
            {
                c.Value = r.ReadElementContentAsString();
            }
            else if (Is(r, "is") && c.InlineString is null)
            {
                c.InlineString = RichText(r);
            }
            else
            {
                XmlWalk.Skip(r);
            }
        });
    }

    /// <summary>The &lt;c&gt; being read; one per sheet, started again for each cell, since a sheet has thousands.</summary>
    private sealed class XmlCell
    {
        public string? Reference { get; private set; }

        public string? Type { get; private set; }

        public string? Style { get; private set; }

        public string? Value { get; set; }

        public string? InlineString { get; set; }

        public void Start(string? reference, string? type, string? style)
        {
            Reference = reference;
            Type = type;
            Style = style;
            Value = null;
            InlineString = null;
        }
    }

    private static TableBlock Dense(List<(int Row, List<(int Column, RawCell Cell)> Cells)> sparse, List<(int Row1, int Col1, int Row2, int Col2)> merges, int width, string sheetName, PartBudget budget)
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

        // A merged area shows its top-left value only; anything stored under the rest of it is invisible. The areas
        // are visited cell by cell, so what they cover within the sheet's used range is bounded like kept cells.
        long covered = 0;
        foreach (var (r1, c1, r2, c2) in merges)
        {
            covered += (long)Math.Max(0, Math.Min(r2, height - 1) - r1 + 1) * Math.Max(0, Math.Min(c2, width - 1) - c1 + 1);
        }

        budget.Covered(covered);
        foreach (var (r1, c1, r2, c2) in merges)
        {
            budget.ThrowIfCancellationRequested();
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
    private RawCell? ReadCell(XmlCell cell, string sheetName)
    {
        var type = cell.Type;
        var stored = cell.Value;
        string text;

        if (type == "inlineStr")
        {
            text = cell.InlineString ?? stored ?? string.Empty;
        }
        else if (stored is null)
        {
            return null;
        }
        else if (type == "s")
        {
            text = int.TryParse(stored, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < _sharedStrings.Count
                ? _sharedStrings[index]
                : string.Empty;
        }
        else if (type == "b")
        {
            text = stored.Trim() is "1" or "true" ? "TRUE" : "FALSE";
        }
        else if (type is "e" or "str" or "d")
        {
            // Errors show as their text (#DIV/0!), formula strings as their cached result, never evaluated.
            text = stored;
        }
        else if (double.TryParse(stored, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            var code = FormatOf(uint.TryParse(cell.Style, NumberStyles.None, CultureInfo.InvariantCulture, out var style) ? style : null);
            return new RawCell(NumberFormats.Display(number, code), number, code);
        }
        else
        {
            text = stored;
        }

        if (text.Length > limits.MaxCellCharacters)
        {
            var reference = cell.Reference ?? "?";
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
    private static string RichText(XmlReader reader)
    {
        var builder = new StringBuilder();
        XmlWalk.Children(reader, builder, (r, b) =>
        {
            if (Is(r, "t"))
            {
                b.Append(r.ReadElementContentAsString());
            }
            else if (Is(r, "r"))
            {
                XmlWalk.Children(r, b, (t, bb) =>
                {
                    if (Is(t, "t"))
                    {
                        bb.Append(t.ReadElementContentAsString());
                    }
                    else
                    {
                        XmlWalk.Skip(t);
                    }
                });
            }
            else
            {
                XmlWalk.Skip(r);
            }
        });
        return builder.ToString();
    }

    private static bool Is(XmlReader reader, string localName) => reader.LocalName == localName && reader.NamespaceURI == S;


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
