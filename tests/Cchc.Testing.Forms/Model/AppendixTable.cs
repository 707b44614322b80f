namespace Cchc.Testing.Forms;

/// <summary>What a column of an appendix holds. A form may have several value columns and no note column.</summary>
public enum ColumnRole
{
    No,
    Label,
    Unit,
    Value,
    Note,
}

/// <summary>
/// A header cell. Spans count grid columns and header rows, as Word's gridSpan and vMerge and Excel's merged
/// ranges do; a cell with <see cref="RowSpan"/> 2 leaves its place in the next header row to the merge.
/// </summary>
public sealed record HeaderCell(string Text, int ColumnSpan = 1, int RowSpan = 1);

/// <summary>
/// Where a header cell sits in the grid of one header row. <see cref="Cell"/> is null where the slot continues
/// a cell merged down from the row above (Word writes an empty cell with a continuing vMerge there).
/// </summary>
public sealed record HeaderSlot(int Column, int ColumnSpan, HeaderCell? Cell);

/// <summary>
/// One row under the header, by meaning rather than by position, so one row reads the same in every column
/// order. Every text is as the officer typed it: values "1.730", "12,5", "Có", "khoảng 300" or blank. Values
/// are in the order of the form's value columns; a section or heading row has none.
/// </summary>
public sealed record DataRow(string No, string Label, string Unit, IReadOnlyList<string> Values, string Note = "")
{
    /// <summary>An empty row, as officers leave between groups.</summary>
    public static DataRow Blank { get; } = new(string.Empty, string.Empty, string.Empty, []);

    /// <summary>A section ("I") or heading ("3 Kiểm tra CCHC") row: numbered, with no unit and no value; printed bold.</summary>
    public bool IsHeading => No.Length > 0 && Unit.Length == 0 && Values.Count == 0;
}

/// <summary>
/// The appendix table: its columns in the document's order, header rows (none for a form without header),
/// an optional column-numbering row ("1 | 2 | 3" or "(1) | (2)") and the data rows.
/// </summary>
public sealed record AppendixTable(
    IReadOnlyList<ColumnRole> Columns,
    IReadOnlyList<IReadOnlyList<HeaderCell>> HeaderRows,
    IReadOnlyList<string>? NumberingRow,
    IReadOnlyList<DataRow> Rows)
{
    public int Width => Columns.Count;

    public int ValueColumnCount => Columns.Count(c => c == ColumnRole.Value);

    /// <summary>The cells of <paramref name="row"/> in the document's column order; missing values are blank.</summary>
    public IReadOnlyList<string> Cells(DataRow row)
    {
        if (row.Values.Count > ValueColumnCount)
        {
            throw new InvalidOperationException($"“{row.Label}” has {row.Values.Count} values for {ValueColumnCount} value columns.");
        }

        var values = row.Values.Concat(Enumerable.Repeat(string.Empty, ValueColumnCount - row.Values.Count)).ToArray();
        var next = 0;
        return Columns.Select(role => role switch
        {
            ColumnRole.No => row.No,
            ColumnRole.Label => row.Label,
            ColumnRole.Unit => row.Unit,
            ColumnRole.Note => row.Note,
            _ => values[next++],
        }).ToArray();
    }

    /// <summary>The grid column of the value column <paramref name="valueColumn"/> (0-based among value columns).</summary>
    public int GridColumnOfValue(int valueColumn) =>
        Columns.Select((role, index) => (role, index)).Where(c => c.role == ColumnRole.Value).ElementAt(valueColumn).index;

    /// <summary>
    /// The header rows laid out on the grid: which slot each cell starts at and which slots continue a cell
    /// merged down from above. Throws when the spans do not fill the grid exactly, so a form cannot be drawn wrong.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<HeaderSlot>> HeaderLayout()
    {
        var rows = new List<IReadOnlyList<HeaderSlot>>();
        var mergedDown = new (int Rows, int Span)[Width];
        foreach (var headerRow in HeaderRows)
        {
            var slots = new List<HeaderSlot>();
            var pending = new Queue<HeaderCell>(headerRow);
            var column = 0;
            while (column < Width)
            {
                if (mergedDown[column].Rows > 0)
                {
                    slots.Add(new HeaderSlot(column, mergedDown[column].Span, null));
                    mergedDown[column].Rows--;
                    column += mergedDown[column].Span;
                    continue;
                }

                if (!pending.TryDequeue(out var cell))
                {
                    throw new InvalidOperationException($"Header row {rows.Count + 1} leaves column {column + 1} empty.");
                }

                slots.Add(new HeaderSlot(column, cell.ColumnSpan, cell));
                mergedDown[column] = (cell.RowSpan - 1, cell.ColumnSpan);
                column += cell.ColumnSpan;
            }

            if (column != Width || pending.Count > 0)
            {
                throw new InvalidOperationException($"Header row {rows.Count + 1} does not fit {Width} columns.");
            }

            rows.Add(slots);
        }

        if (mergedDown.Any(m => m.Rows > 0))
        {
            throw new InvalidOperationException("A header cell is merged down below the last header row.");
        }

        return rows;
    }

    /// <summary>
    /// Every row of the table as text on the grid, as a reader sees it: header rows (a merged cell's text in its
    /// first slot, blanks in the rest), the numbering row, then the data rows.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<string>> GridText()
    {
        var grid = new List<IReadOnlyList<string>>();
        foreach (var slots in HeaderLayout())
        {
            var cells = Enumerable.Repeat(string.Empty, Width).ToArray();
            foreach (var slot in slots.Where(s => s.Cell is not null))
            {
                cells[slot.Column] = slot.Cell!.Text;
            }

            grid.Add(cells);
        }

        if (NumberingRow is not null)
        {
            grid.Add(NumberingRow);
        }

        grid.AddRange(Rows.Select(Cells));
        return grid;
    }
}
