using System.Globalization;
using Cchc.Appendix.Editing;
using Cchc.Appendix.Table;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Cchc.OpenXml.Writing;

/// <summary>
/// Writes edits and marks into a .xlsx whose appendix was read into <paramref name="snapshot"/>: numbers as numbers
/// under the cell's own number format, text as shared strings, formulas never overwritten, and a note plus a fill
/// on every changed or flagged cell, both of which a clear takes away again.
/// </summary>
internal sealed class ExcelWriter(SpreadsheetDocument document, IReadOnlyList<DocumentBlock> blocks, TableSnapshot snapshot, WriteOptions options)
{
    private const string OriginalStyleLabel = "Kiểu ô gốc / original style: #";

    private readonly WorkbookPart _workbook = document.WorkbookPart!;
    private readonly Dictionary<(WorksheetPart Sheet, string Reference), (List<string> Lines, uint? Style)> _notes = [];
    private ExcelStyles? _styles;

    private ExcelStyles Styles => _styles ??= new ExcelStyles(_workbook);

    public WriteResult Apply(IReadOnlyList<CellEdit> edits, IReadOnlyList<CellMark> marks)
    {
        var cleared = RemoveOurMarks();
        if (options.Clear)
        {
            return new WriteResult([], [], 0, cleared);
        }

        var applied = new List<CellEdit>();
        var skipped = new List<SkippedEdit>();
        foreach (var edit in edits)
        {
            var reason = ApplyEdit(edit);
            if (reason is null)
            {
                applied.Add(edit);
            }
            else
            {
                skipped.Add(new SkippedEdit(edit, reason.Value));
            }
        }

        var marked = 0;
        foreach (var mark in marks)
        {
            if (Locate(mark.Row, mark.Column, mark.ValueColumn, mark.TitleLine) is { } target)
            {
                var cell = ExcelCells.GetOrCreate(target.Sheet, target.Row, target.Column);
                AddNote(target.Sheet, cell, Marks.Lines(mark), fill: true);
                marked++;
            }
        }

        foreach (var ((sheet, reference), (lines, style)) in _notes)
        {
            var cell = ExcelCells.GetOrCreate(sheet, ExcelCells.RowOf(reference), ExcelCells.ColumnOf(reference));
            if (style is { } original)
            {
                lines.Add(OriginalStyleLabel + original.ToString(CultureInfo.InvariantCulture));
                cell.StyleIndex = Styles.Flagged(original);
            }

            ExcelNotes.Add(_workbook, sheet, reference, options.Author, string.Join('\n', lines));
        }

        return new WriteResult(applied, skipped, marked, cleared);
    }

    private SkipReason? ApplyEdit(CellEdit edit)
    {
        if (Locate(edit.Row, edit.Column, edit.ValueColumn, edit.TitleLine) is not { } target)
        {
            return SkipReason.CellNotFound;
        }

        var cell = ExcelCells.Find(target.Sheet, target.Row, target.Column);
        var format = Styles.FormatCode(cell?.StyleIndex?.Value ?? 0);
        var percent = ExcelStyles.IsPercent(format);
        decimal? stored = edit.Number is { } n ? (percent ? n / 100m : n) : null;

        if (target.Text == edit.NewText || (stored is { } s && cell?.CellFormula is null && cell?.DataType is null
            && decimal.TryParse(cell?.CellValue?.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var current) && current == s))
        {
            // The change of an earlier run: its note was cleared with the other marks and is put back, so a re-run
            // leaves the workbook as the first run did.
            if (cell is not null && edit.OldText is { } before && before != edit.NewText)
            {
                AddNote(target.Sheet, cell, Marks.Lines(edit, before, applied: true), fill: false);
            }

            return SkipReason.AlreadyApplied;
        }

        if (edit.OldText is { } old && target.Text != old)
        {
            return SkipReason.CellChanged;
        }

        if (cell?.CellFormula is not null)
        {
            // A formula is the workbook's own logic: the proposal is shown beside it, never written over it.
            AddNote(target.Sheet, cell, Marks.Lines(edit, target.Text, applied: false), fill: false);
            return SkipReason.FormulaCell;
        }

        if (stored is null && Marks.LooksLikeFormula(edit.NewText))
        {
            return SkipReason.FormulaText;
        }

        cell ??= ExcelCells.GetOrCreate(target.Sheet, target.Row, target.Column);
        cell.InlineString = null;
        if (stored is { } number)
        {
            cell.DataType = null;
            cell.CellValue = new DocumentFormat.OpenXml.Spreadsheet.CellValue(number.ToString(CultureInfo.InvariantCulture));
        }
        else if (edit.NewText.Length == 0)
        {
            cell.DataType = null;
            cell.CellValue = null;
        }
        else
        {
            cell.DataType = CellValues.SharedString;
            cell.CellValue = new DocumentFormat.OpenXml.Spreadsheet.CellValue(ExcelCells.SharedString(_workbook, edit.NewText).ToString(CultureInfo.InvariantCulture));
        }

        AddNote(target.Sheet, cell, Marks.Lines(edit, target.Text, applied: true), fill: false);
        return null;
    }

    /// <summary>The worksheet, zero-based row and column of a cell or title line, and the text the reader sees there.</summary>
    private (WorksheetPart Sheet, int Row, int Column, string Text)? Locate(int row, AppendixColumn column, int valueColumn, int? titleLine)
    {
        TableBlock? block;
        int tableRow;
        int cellIndex;
        string text;
        if (row == 0)
        {
            if (titleLine is not { } t || t < 0 || t >= snapshot.TitleSources.Count)
            {
                return null;
            }

            var source = snapshot.TitleSources[t];
            block = source.Block < blocks.Count ? blocks[source.Block] as TableBlock : null;
            if (block is null || source.TableRow < 0 || source.TableRow >= block.Rows.Count)
            {
                return null;
            }

            // A title line is writable where it is the whole text of a single cell: rows joined from several cells are not.
            var filled = block.Rows[source.TableRow].Cells.Select((c, i) => (c, i)).Where(x => x.c.Text.Trim().Length > 0).ToList();
            if (filled.Count != 1 || filled[0].c.Text.Trim() != snapshot.TitleLines[t])
            {
                return null;
            }

            tableRow = source.TableRow;
            cellIndex = filled[0].i;
            text = snapshot.TitleLines[t];
        }
        else
        {
            if (row < 1 || row > snapshot.Rows.Count || snapshot.Rows[row - 1].Location is not { } location || location.Sheet is null)
            {
                return null;
            }

            block = blocks.OfType<TableBlock>().ElementAtOrDefault(location.Table);
            tableRow = location.TableRow;
            cellIndex = location.CellOf(column, valueColumn);
            text = snapshot.Rows[row - 1].Cell(column, valueColumn).Text;
            if (cellIndex < 0)
            {
                return null;
            }
        }

        var sheet = block?.Sheet is { } name ? SheetPart(name) : null;
        return sheet is null ? null : (sheet, tableRow, cellIndex, text);
    }

    private WorksheetPart? SheetPart(string name)
    {
        var sheet = _workbook.Workbook?.Sheets?.Elements<Sheet>().FirstOrDefault(s => s.Name?.Value == name);
        return sheet?.Id?.Value is { } id && _workbook.TryGetPartById(id, out var part) ? part as WorksheetPart : null;
    }

    /// <summary>Queues note lines for a cell; every cell gets one note however many edits and findings it has.</summary>
    private void AddNote(WorksheetPart sheet, Cell cell, IReadOnlyList<string> lines, bool fill)
    {
        var reference = cell.CellReference!.Value!;
        if (ExcelNotes.HasForeignNote(sheet, reference))
        {
            // A cell holds one note and this one is somebody's: it is neither replaced nor coloured without a note to undo it.
            return;
        }

        if (!_notes.TryGetValue((sheet, reference), out var note))
        {
            note = ([], null);
        }

        if (note.Lines.Count > 0)
        {
            note.Lines.Add(string.Empty);
        }

        note.Lines.AddRange(lines);
        _notes[(sheet, reference)] = (note.Lines, fill ? cell.StyleIndex?.Value ?? 0 : note.Style);
    }

    /// <summary>Removes our notes, and the fill of the cells they flagged; the number removed.</summary>
    private int RemoveOurMarks()
    {
        var removed = 0;
        foreach (var sheet in _workbook.WorksheetParts)
        {
            foreach (var (reference, text) in ExcelNotes.RemoveOurs(sheet))
            {
                removed++;
                var line = text.Split('\n').LastOrDefault(l => l.StartsWith(OriginalStyleLabel, StringComparison.Ordinal));
                if (line is null || !uint.TryParse(line.AsSpan(OriginalStyleLabel.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var original))
                {
                    continue;
                }

                var cell = ExcelCells.Find(sheet, ExcelCells.RowOf(reference), ExcelCells.ColumnOf(reference));
                if (cell is not null && Styles.IsFlagged(cell.StyleIndex?.Value ?? 0))
                {
                    cell.StyleIndex = original == 0 ? null : original;
                }
            }
        }

        return removed;
    }
}
