using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Cchc.OpenXml.Writing;

namespace Cchc.OpenXml.Consolidation;

/// <summary>The cell styles of the consolidation workbook, by their index in <see cref="Stylesheet"/>.</summary>
internal enum Style : uint
{
    Default = 0,
    Header = 1,
    Text = 2,
    Count = 3,
    Rate = 4,
    Heading = 5,
    Good = 6,
    Bad = 7,
    Warn = 8,
    Absent = 9,
    Title = 10,
    CountBad = 11,
    RateBad = 12,
    Italic = 13,
}

/// <summary>
/// A worksheet written from scratch, cells in any order: cells are kept as plain values and streamed out sorted when the
/// sheet is written (a workbook of 3,321 units has a million cells; as SDK elements they would not fit the memory
/// budget), with widths, merges, a frozen corner, an auto-filter, notes and a drawing each in the place the schema asks.
/// </summary>
internal sealed class SheetBuilder(string name)
{
    private readonly SortedDictionary<int, List<(int Column, CellData Cell)>> _rows = [];
    private readonly List<(int Column, double Width)> _widths = [];
    private readonly List<string> _merges = [];
    private readonly List<(int Row, int Column, string Text)> _notes = [];
    private (int Rows, int Columns)? _frozen;

    public string Name { get; } = name;

    public string? FilterRange { get; private set; }

    public void Text(int row, int column, string? text, Style style = Style.Text) => Put(row, column, new CellData(text ?? string.Empty, null, style));

    /// <summary>A number as a number; the style's format shows it the reader's way (1.730 and 97,3 in Vietnamese Excel).</summary>
    public void Number(int row, int column, decimal? value, Style style = Style.Count) =>
        Put(row, column, value is null ? new CellData(string.Empty, null, style) : new CellData(null, value, style));

    public void Width(int column, double width) => _widths.Add((column, width));

    public void Merge(int row, int firstColumn, int lastColumn) =>
        _merges.Add($"{ExcelCells.Reference(row, firstColumn)}:{ExcelCells.Reference(row, lastColumn)}");

    /// <summary>Keeps the first <paramref name="rows"/> rows and <paramref name="columns"/> columns in view while scrolling.</summary>
    public void Freeze(int rows, int columns) => _frozen = (rows, columns);

    public void Filter(int headerRow, int lastRow, int lastColumn) =>
        FilterRange = $"{ExcelCells.Reference(headerRow, 0)}:{ExcelCells.Reference(Math.Max(lastRow, headerRow), lastColumn)}";

    public void Note(int row, int column, string text) => _notes.Add((row, column, text));

    /// <param name="noteBlock">A block of note shape ids no other sheet of the workbook uses: its position, say.</param>
    /// <param name="drawing">Adds the sheet's drawing part (a chart) and returns its relationship id, or null for none.</param>
    public WorksheetPart Write(WorkbookPart workbook, int noteBlock, Func<WorksheetPart, string?>? drawing = null)
    {
        var part = workbook.AddNewPart<WorksheetPart>();
        var drawingId = drawing?.Invoke(part);
        var notesId = _notes.Count > 0 ? ExcelNotes.WriteAll(part, noteBlock, "Tổng hợp CCHC", _notes) : null;

        using var writer = OpenXmlWriter.Create(part);
        writer.WriteStartElement(new Worksheet());
        writer.WriteElement(new SheetViews(View()));
        writer.WriteElement(new SheetFormatProperties { DefaultRowHeight = 15.75 });
        if (_widths.Count > 0)
        {
            writer.WriteElement(new Columns(_widths.OrderBy(w => w.Column).Select(w => new Column
            {
                Min = (uint)w.Column + 1,
                Max = (uint)w.Column + 1,
                Width = w.Width,
                CustomWidth = true,
            })));
        }

        writer.WriteStartElement(new SheetData());
        foreach (var (index, cells) in _rows)
        {
            writer.WriteStartElement(new Row(), [new OpenXmlAttribute("r", string.Empty, (index + 1).ToString(CultureInfo.InvariantCulture))]);
            // A cell written twice keeps its last value: the sort is stable, so the later one comes last.
            var ordered = cells.OrderBy(c => c.Column).ToList();
            for (var i = 0; i < ordered.Count; i++)
            {
                if (i + 1 < ordered.Count && ordered[i + 1].Column == ordered[i].Column)
                {
                    continue;
                }

                writer.WriteElement(ordered[i].Cell.ToCell(ExcelCells.Reference(index, ordered[i].Column)));
            }

            writer.WriteEndElement();
        }

        writer.WriteEndElement();
        if (FilterRange is not null)
        {
            writer.WriteElement(new AutoFilter { Reference = FilterRange });
        }

        if (_merges.Count > 0)
        {
            writer.WriteElement(new MergeCells(_merges.Select(m => new MergeCell { Reference = m })));
        }

        writer.WriteElement(new PageMargins { Left = 0.5, Right = 0.5, Top = 0.75, Bottom = 0.75, Header = 0.3, Footer = 0.3 });
        if (drawingId is not null)
        {
            writer.WriteElement(new Drawing { Id = drawingId });
        }

        if (notesId is not null)
        {
            writer.WriteElement(new LegacyDrawing { Id = notesId });
        }

        writer.WriteEndElement();
        return part;
    }

    private SheetView View()
    {
        var view = new SheetView { WorkbookViewId = 0 };
        if (_frozen is { } frozen && (frozen.Rows > 0 || frozen.Columns > 0))
        {
            var corner = ExcelCells.Reference(frozen.Rows, frozen.Columns);
            var pane = frozen switch
            {
                { Rows: > 0, Columns: > 0 } => PaneValues.BottomRight,
                { Rows: > 0 } => PaneValues.BottomLeft,
                _ => PaneValues.TopRight,
            };
            view.Append(new Pane
            {
                HorizontalSplit = frozen.Columns > 0 ? frozen.Columns : null,
                VerticalSplit = frozen.Rows > 0 ? frozen.Rows : null,
                TopLeftCell = corner,
                ActivePane = pane,
                State = PaneStateValues.Frozen,
            });
            view.Append(new Selection { Pane = pane, ActiveCell = corner, SequenceOfReferences = new ListValue<StringValue> { InnerText = corner } });
        }

        return view;
    }

    private void Put(int row, int column, CellData cell)
    {
        if (!_rows.TryGetValue(row, out var cells))
        {
            _rows[row] = cells = [];
        }

        cells.Add((column, cell));
    }

    /// <summary>A cell as written: text inline, or a number; the style's index.</summary>
    private readonly record struct CellData(string? Text, decimal? Number, Style Style)
    {
        public Cell ToCell(string reference) => Number is { } number
            ? new Cell { CellReference = reference, CellValue = new CellValue(number), DataType = CellValues.Number, StyleIndex = (uint)Style }
            : new Cell
            {
                CellReference = reference,
                DataType = CellValues.InlineString,
                InlineString = new InlineString(new Text(Text ?? string.Empty) { Space = SpaceProcessingModeValues.Preserve }),
                StyleIndex = (uint)Style,
            };
    }

    /// <summary>The styles <see cref="Style"/> names, in its order.</summary>
    public static Stylesheet Styles()
    {
        const string Font = "Times New Roman";
        Font MakeFont(bool bold = false, bool italic = false, double size = 12)
        {
            var font = new DocumentFormat.OpenXml.Spreadsheet.Font();
            if (bold)
            {
                font.Append(new Bold());
            }

            if (italic)
            {
                font.Append(new Italic());
            }

            font.Append(new FontSize { Val = size }, new FontName { Val = Font });
            return font;
        }

        Fill Solid(string rgb) => new(new PatternFill(new ForegroundColor { Rgb = rgb }, new BackgroundColor { Indexed = 64 }) { PatternType = PatternValues.Solid });
        var thin = new Border(
            new LeftBorder(new Color { Indexed = 64 }) { Style = BorderStyleValues.Thin },
            new RightBorder(new Color { Indexed = 64 }) { Style = BorderStyleValues.Thin },
            new TopBorder(new Color { Indexed = 64 }) { Style = BorderStyleValues.Thin },
            new BottomBorder(new Color { Indexed = 64 }) { Style = BorderStyleValues.Thin },
            new DiagonalBorder());

        CellFormat Format(uint font, uint fill, uint border, uint numberFormat = 0, bool wrap = false, bool center = false) => new(
            new Alignment { WrapText = wrap ? true : null, Vertical = VerticalAlignmentValues.Top, Horizontal = center ? HorizontalAlignmentValues.Center : null })
        {
            FontId = font,
            FillId = fill,
            BorderId = border,
            NumberFormatId = numberFormat,
            ApplyFont = font > 0 ? true : null,
            ApplyFill = fill > 0 ? true : null,
            ApplyBorder = border > 0 ? true : null,
            ApplyNumberFormat = numberFormat > 0 ? true : null,
            ApplyAlignment = true,
        };

        // Built-in 3 is "#,##0"; 164 adds one decimal for rates. Both show the reader's own separators.
        const uint Count = 3, Rate = 164;
        return new Stylesheet(
            new NumberingFormats(new NumberingFormat { NumberFormatId = Rate, FormatCode = "#,##0.0" }) { Count = 1 },
            new Fonts(MakeFont(), MakeFont(bold: true), MakeFont(bold: true, size: 14), MakeFont(italic: true)) { Count = 4 },
            new Fills(
                new Fill(new PatternFill { PatternType = PatternValues.None }),
                new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
                Solid("FFD9D9D9"),
                Solid("FFC6EFCE"),
                Solid("FFFFC7CE"),
                Solid("FFFFEB9C"),
                Solid("FFEDEDED")) { Count = 7 },
            new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()), thin) { Count = 2 },
            new CellStyleFormats(new CellFormat { FontId = 0, FillId = 0, BorderId = 0, NumberFormatId = 0 }) { Count = 1 },
            new CellFormats(
                new CellFormat { FontId = 0, FillId = 0, BorderId = 0, NumberFormatId = 0 },
                Format(1, 2, 1, wrap: true, center: true),
                Format(0, 0, 1, wrap: true),
                Format(0, 0, 1, Count),
                Format(0, 0, 1, Rate),
                Format(1, 0, 1, wrap: true),
                Format(0, 3, 1, wrap: true),
                Format(0, 4, 1, wrap: true),
                Format(0, 5, 1, wrap: true),
                Format(0, 6, 1, wrap: true),
                Format(2, 0, 0),
                Format(0, 4, 1, Count),
                Format(0, 4, 1, Rate),
                Format(3, 0, 0, wrap: false)) { Count = 14 },
            new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });
    }
}
