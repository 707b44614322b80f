using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Cchc.Testing.Forms;

/// <summary>
/// Writes a <see cref="FormDocument"/> as an Excel workbook laid out as officers do: the report body on a first
/// sheet or above the appendix, title rows merged across the table, merged header cells, bordered cells (blank
/// ones too), shared strings, numbers stored as <see cref="ExcelValue"/> decides, the signature underneath.
/// </summary>
public static class XlsxWriter
{
    public static byte[] Write(FormDocument form)
    {
        var sheets = new List<SheetBuilder>();
        var appendixSheet = new SheetBuilder(form.Excel.SheetName, form.Excel.FirstColumn);
        if (form.Excel.BodySheetName is { } bodySheetName)
        {
            var bodySheet = new SheetBuilder(bodySheetName, 0);
            bodySheet.AddBody(form.Body);
            sheets.Add(bodySheet);
        }
        else if (form.Body.Count > 0)
        {
            appendixSheet.AddBody(form.Body);
            appendixSheet.SkipRow();
        }

        if (form.Appendix is { } appendix)
        {
            appendixSheet.AddAppendix(form.TitleLines, appendix, form.Excel);
        }

        if (form.Signature is { } signature)
        {
            appendixSheet.SkipRow();
            appendixSheet.AddSignature(signature, form.Appendix?.Width ?? 4);
        }

        sheets.Add(appendixSheet);
        return Package(sheets);
    }

    private static byte[] Package(IReadOnlyList<SheetBuilder> sheets)
    {
        using var memory = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(memory, DocumentFormat.OpenXml.SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            workbookPart.Workbook = new Workbook(new Sheets());
            var stylesPart = workbookPart.AddNewPart<WorkbookStylesPart>();
            stylesPart.Stylesheet = Styles.Sheet();
            var strings = new SharedStrings(workbookPart.AddNewPart<SharedStringTablePart>());
            uint sheetId = 1;
            foreach (var sheet in sheets)
            {
                var worksheetPart = workbookPart.AddNewPart<WorksheetPart>();
                worksheetPart.Worksheet = sheet.ToWorksheet(strings);
                workbookPart.Workbook.Sheets!.Append(new Sheet { Name = sheet.Name, SheetId = sheetId++, Id = workbookPart.GetIdOfPart(worksheetPart) });
            }

            strings.Save();
        }

        return memory.ToArray();
    }

    /// <summary>Rows of one sheet as they are added, top to bottom, with the merged ranges among them.</summary>
    private sealed class SheetBuilder(string name, int firstColumn)
    {
        private readonly List<List<SheetCell>> _rows = [];
        private readonly List<(int Row, int Column, int LastRow, int LastColumn)> _merges = [];
        private readonly Dictionary<int, double> _widths = [];

        public string Name => name;

        public void SkipRow() => _rows.Add([]);

        public void AddBody(IEnumerable<BodyBlock> body)
        {
            foreach (var block in body)
            {
                switch (block)
                {
                    case BodyParagraph p:
                        _rows.Add([SheetCell.Plain(0, p.Text, p.Bold ? Styles.Id.Title : Styles.Id.Default)]);
                        break;
                    case BodyTable t:
                        foreach (var cells in t.Rows)
                        {
                            _rows.Add([.. cells.Select((text, c) => SheetCell.Plain(c, text, t.Borderless ? Styles.Id.Title : Styles.Id.Text))]);
                        }

                        break;
                }
            }
        }

        public void AddAppendix(IReadOnlyList<string> titleLines, AppendixTable appendix, ExcelLayout layout)
        {
            var last = firstColumn + appendix.Width - 1;
            foreach (var line in titleLines)
            {
                _merges.Add((_rows.Count, firstColumn, _rows.Count, last));
                _rows.Add([SheetCell.Plain(firstColumn, line, Styles.Id.Title)]);
            }

            if (titleLines.Count > 0)
            {
                SkipRow();
            }

            for (var c = 0; c < appendix.Width; c++)
            {
                _widths[firstColumn + c] = Width(appendix.Columns[c]);
            }

            foreach (var slots in appendix.HeaderLayout())
            {
                var row = new List<SheetCell>();
                foreach (var slot in slots)
                {
                    // Every slot of a merged range is written blank and bordered, as Excel itself leaves them.
                    for (var c = slot.Column; c < slot.Column + slot.ColumnSpan; c++)
                    {
                        var text = c == slot.Column ? slot.Cell?.Text ?? string.Empty : string.Empty;
                        row.Add(SheetCell.Plain(firstColumn + c, text, Styles.Id.Header));
                    }

                    if (slot.Cell is { } cell && (cell.ColumnSpan > 1 || cell.RowSpan > 1))
                    {
                        _merges.Add((_rows.Count, firstColumn + slot.Column, _rows.Count + cell.RowSpan - 1, firstColumn + slot.Column + cell.ColumnSpan - 1));
                    }
                }

                _rows.Add(row);
            }

            if (appendix.NumberingRow is { } numbering)
            {
                _rows.Add([.. numbering.Select((text, c) => Typed(firstColumn + c, text, percentCell: false, layout, Styles.Id.Header))]);
            }

            var valueIndex = appendix.Columns.Select((_, c) => appendix.Columns.Take(c).Count(r => r == ColumnRole.Value)).ToArray();
            foreach (var data in appendix.Rows)
            {
                _rows.Add([.. appendix.Cells(data).Select((text, c) => appendix.Columns[c] switch
                {
                    ColumnRole.No => Typed(firstColumn + c, text, percentCell: false, layout, data.IsHeading ? Styles.Id.Bold : Styles.Id.Text),
                    ColumnRole.Value => Typed(firstColumn + c, text, data.Unit == "%" || layout.PercentValueColumns.Contains(valueIndex[c]), layout, Styles.Id.Text),
                    ColumnRole.Label when data.IsHeading => SheetCell.Plain(firstColumn + c, text, Styles.Id.Bold),
                    _ => SheetCell.Plain(firstColumn + c, text, Styles.Id.Text),
                })]);
            }
        }

        public void AddSignature(SignatureBlock signature, int tableWidth)
        {
            var right = firstColumn + Math.Max(tableWidth - 2, 1);
            for (var i = 0; i < Math.Max(signature.Left.Count, signature.Right.Count); i++)
            {
                var row = new List<SheetCell>();
                if (i < signature.Left.Count)
                {
                    row.Add(SheetCell.Plain(firstColumn, signature.Left[i], Styles.Id.Default));
                }

                if (i < signature.Right.Count)
                {
                    row.Add(SheetCell.Plain(right, signature.Right[i], Styles.Id.Title));
                }

                _rows.Add(row);
            }
        }

        public Worksheet ToWorksheet(SharedStrings strings)
        {
            var worksheet = new Worksheet();
            if (_widths.Count > 0)
            {
                worksheet.Append(new Columns(_widths.OrderBy(w => w.Key).Select(w =>
                    new Column { Min = (uint)w.Key + 1, Max = (uint)w.Key + 1, Width = w.Value, CustomWidth = true })));
            }

            var sheetData = new SheetData();
            for (var r = 0; r < _rows.Count; r++)
            {
                var row = new Row { RowIndex = (uint)r + 1 };
                foreach (var (column, text, format, number, style) in _rows[r].OrderBy(c => c.Column))
                {
                    var cell = new Cell { CellReference = Reference(r, column), StyleIndex = (uint)Styles.For(format, style) };
                    if (format != ExcelFormat.Text)
                    {
                        cell.CellValue = new CellValue(number);
                    }
                    else if (text.Length > 0)
                    {
                        cell.DataType = CellValues.SharedString;
                        cell.CellValue = new CellValue(strings.IndexOf(text));
                    }

                    row.Append(cell);
                }

                sheetData.Append(row);
            }

            worksheet.Append(sheetData);
            if (_merges.Count > 0)
            {
                worksheet.Append(new MergeCells(_merges.Select(m =>
                    new MergeCell { Reference = $"{Reference(m.Row, m.Column)}:{Reference(m.LastRow, m.LastColumn)}" })));
            }

            return worksheet;
        }

        private static SheetCell Typed(int column, string text, bool percentCell, ExcelLayout layout, Styles.Id style)
        {
            var (format, number) = ExcelValue.Plan(text, percentCell, layout);
            return new(column, text, format, number, style);
        }

        private static double Width(ColumnRole role) => role switch
        {
            ColumnRole.No => 6,
            ColumnRole.Label => 58,
            ColumnRole.Unit => 16,
            ColumnRole.Value => 12,
            _ => 32,
        };
    }

    /// <summary>One cell to write; <see cref="Number"/> is stored unless the format is text.</summary>
    private readonly record struct SheetCell(int Column, string Text, ExcelFormat Format, decimal Number, Styles.Id Style)
    {
        public static SheetCell Plain(int column, string text, Styles.Id style) => new(column, text, ExcelFormat.Text, 0, style);
    }

    /// <summary>"A1" style reference of a 0-based row and column.</summary>
    private static string Reference(int row, int column)
    {
        var letters = string.Empty;
        for (var c = column + 1; c > 0; c = (c - 1) / 26)
        {
            letters = (char)('A' + ((c - 1) % 26)) + letters;
        }

        return $"{letters}{row + 1}";
    }

    /// <summary>The shared string table, each text once.</summary>
    private sealed class SharedStrings(SharedStringTablePart part)
    {
        private readonly Dictionary<string, int> _indexes = new(StringComparer.Ordinal);
        private readonly SharedStringTable _table = new();

        public int IndexOf(string text)
        {
            if (!_indexes.TryGetValue(text, out var index))
            {
                index = _indexes.Count;
                _indexes.Add(text, index);
                _table.Append(new SharedStringItem(new Text(text) { Space = DocumentFormat.OpenXml.SpaceProcessingModeValues.Preserve }));
            }

            return index;
        }

        public void Save()
        {
            _table.Count = (uint)_indexes.Count;
            _table.UniqueCount = (uint)_indexes.Count;
            part.SharedStringTable = _table;
        }
    }

    /// <summary>The styles part: Times New Roman, thin borders, and the number formats officers' workbooks carry.</summary>
    private static class Styles
    {
        public enum Id : uint
        {
            Default = 0,
            Title = 1,
            Header = 2,
            Text = 3,
            Number = 4,
            Percent = 5,
            PercentOneDecimal = 6,
            Grouped = 7,
            Bold = 8,
        }

        /// <summary>"0.0%" has no built-in id; 164 is the first id a workbook may define.</summary>
        private const uint PercentOneDecimalFormat = 164;

        /// <summary>Built-in format ids: 3 is "#,##0", 9 is "0%".</summary>
        private const uint GroupedFormat = 3;
        private const uint PercentFormat = 9;

        public static Id For(ExcelFormat format, Id style) => format switch
        {
            ExcelFormat.Number => Id.Number,
            ExcelFormat.Grouped => Id.Grouped,
            ExcelFormat.Percent => Id.Percent,
            ExcelFormat.PercentOneDecimal => Id.PercentOneDecimal,
            _ => style,
        };

        public static Stylesheet Sheet() => new(
            new NumberingFormats(new NumberingFormat { NumberFormatId = PercentOneDecimalFormat, FormatCode = "0.0%" }) { Count = 1 },
            new Fonts(Font(bold: false), Font(bold: true)) { Count = 2 },
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
            new Borders(
                new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()),
                new Border(
                    new LeftBorder { Style = BorderStyleValues.Thin },
                    new RightBorder { Style = BorderStyleValues.Thin },
                    new TopBorder { Style = BorderStyleValues.Thin },
                    new BottomBorder { Style = BorderStyleValues.Thin },
                    new DiagonalBorder())) { Count = 2 },
            new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
            new CellFormats(
                Format(0, font: 0, border: 0, HorizontalAlignmentValues.General, wrap: false),
                Format(0, font: 1, border: 0, HorizontalAlignmentValues.Center, wrap: false),
                Format(0, font: 1, border: 1, HorizontalAlignmentValues.Center, wrap: true),
                Format(0, font: 0, border: 1, HorizontalAlignmentValues.Left, wrap: true),
                Format(0, font: 0, border: 1, HorizontalAlignmentValues.Center, wrap: false),
                Format(PercentFormat, font: 0, border: 1, HorizontalAlignmentValues.Center, wrap: false),
                Format(PercentOneDecimalFormat, font: 0, border: 1, HorizontalAlignmentValues.Center, wrap: false),
                Format(GroupedFormat, font: 0, border: 1, HorizontalAlignmentValues.Center, wrap: false),
                Format(0, font: 1, border: 1, HorizontalAlignmentValues.Left, wrap: true)) { Count = 9 },
            new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });

        private static Font Font(bool bold)
        {
            var font = new Font();
            if (bold)
            {
                font.Append(new Bold());
            }

            font.Append(new FontSize { Val = 12 }, new FontName { Val = "Times New Roman" }, new FontFamilyNumbering { Val = 1 });
            return font;
        }

        private static CellFormat Format(uint numberFormat, uint font, uint border, HorizontalAlignmentValues horizontal, bool wrap) => new(
            new Alignment { Horizontal = horizontal, Vertical = VerticalAlignmentValues.Center, WrapText = wrap })
        {
            NumberFormatId = numberFormat,
            FontId = font,
            FillId = 0,
            BorderId = border,
            FormatId = 0,
            ApplyNumberFormat = numberFormat != 0,
            ApplyFont = font != 0,
            ApplyBorder = border != 0,
            ApplyAlignment = true,
        };
    }
}
