namespace Cchc.Appendix.Table;

/// <summary>
/// Which grid column of a table holds each appendix column: numbering, label, unit, note, and one or more value
/// columns. Grid columns count a cell spanning two columns as two, so rows with merged cells map by position.
/// </summary>
internal sealed class ColumnLayout
{
    private readonly int[] _grid;

    /// <param name="no">Grid column of the numbering, -1 where none; likewise <paramref name="label"/>, <paramref name="unit"/>, <paramref name="note"/>.</param>
    /// <param name="values">Grid column of each value column, in column order.</param>
    public ColumnLayout(int no, int label, int unit, int note, IReadOnlyList<(int Position, ValueColumn Column)> values, int width)
    {
        _grid = [no, label, unit, note];
        Values = values;
        Width = width;
        ValueColumns = values.Select(v => v.Column).ToArray();
        Slots = BuildSlots();
    }

    /// <summary>Grid columns of the header.</summary>
    public int Width { get; }

    public IReadOnlyList<(int Position, ValueColumn Column)> Values { get; }

    public IReadOnlyList<ValueColumn> ValueColumns { get; }

    public int Label => _grid[1];

    public bool HasUnit => _grid[2] >= 0;

    /// <summary>How completely the header names the appendix's columns: what tells an appendix from another table.</summary>
    public int Quality =>
        (_grid[0] >= 0 ? 1 : 0) + (_grid[1] >= 0 ? 2 : 0) + (_grid[2] >= 0 ? 3 : 0) + (Values.Count > 0 ? 3 : 0) + (_grid[3] >= 0 ? 1 : 0);

    /// <summary>The kinds of column in grid order, so a page's repeated header is known for the same layout.</summary>
    public string Signature => string.Join('|', Slots.Select(s => s.Kind == AppendixColumn.Value ? $"V{s.ValueIndex}:{Values[s.ValueIndex].Column.Role}" : s.Kind.ToString()));

    /// <summary>Every column the layout knows, in grid order.</summary>
    private List<Slot> Slots { get; }

    /// <summary>This layout without the value columns at <paramref name="dropped"/> (indexes among value columns).</summary>
    public ColumnLayout Without(IReadOnlySet<int> dropped)
    {
        var kept = Values.Where((_, i) => !dropped.Contains(i)).ToList();
        var renumbered = kept.Select((v, i) => (v.Position, v.Column with { Index = i })).ToList();
        return new ColumnLayout(_grid[0], _grid[1], _grid[2], _grid[3], renumbered, Width);
    }

    /// <summary>
    /// The raw cell index of No, Label, Unit, the first value and Note in <paramref name="row"/> (-1 where none),
    /// and of every value column.
    /// </summary>
    public (int[] Cells, int[] ValueCells) Map(RawRow row)
    {
        var cells = new int[5];
        var valueCells = new int[Values.Count];
        Map(row, cells, valueCells);
        return (cells, valueCells);
    }

    /// <summary>
    /// As <see cref="Map(RawRow)"/>, into <paramref name="cells"/> (five) and <paramref name="valueCells"/> (one per
    /// value column) that the caller owns: surveying a table maps every row and keeps nothing of it.
    /// </summary>
    public void Map(RawRow row, Span<int> cells, Span<int> valueCells)
    {
        cells.Fill(-1);
        valueCells.Fill(-1);
        var count = row.Cells.Count;
        var rowWidth = 0;
        var spansKnown = false;
        foreach (var cell in row.CellSpan)
        {
            rowWidth += Math.Max(cell.ColumnSpan, 1);
            spansKnown |= cell.ColumnSpan > 1;
        }

        if (spansKnown || rowWidth >= Width)
        {
            var position = 0;
            var slot = 0;
            for (var i = 0; i < count && slot < Slots.Count; i++)
            {
                var span = Math.Max(row.Cells[i].ColumnSpan, 1);

                // A slot is filled by the cell that starts at its grid column; a cell spanning several columns
                // belongs to the first of them only.
                while (slot < Slots.Count && Slots[slot].Position < position)
                {
                    slot++;
                }

                if (slot < Slots.Count && Slots[slot].Position == position)
                {
                    Assign(cells, valueCells, Slots[slot], i);
                    slot++;
                }

                position += span;
            }

            return;
        }

        // Fewer cells than the header and no spans to say where they sit: cells merged away, most often the
        // numbering column merged down from the row above, or everything after the label merged.
        if (count == 1)
        {
            var only = IsNumbering(row.Cells[0].Text) ? AppendixColumn.No : AppendixColumn.Label;
            if (_grid[(int)only] >= 0)
            {
                cells[(int)only] = 0;
            }

            return;
        }

        var skip = 0;
        if (count < Slots.Count && _grid[0] >= 0 && LooksLikeLabel(row.Cells[0].Text))
        {
            skip = Math.Min(Slots.Count - count, 1);
        }

        for (var i = 0; i < count && i + skip < Slots.Count; i++)
        {
            Assign(cells, valueCells, Slots[i + skip], i);
        }
    }

    /// <summary>"I", "12", "2.3", "a)": what the numbering column holds.</summary>
    public static bool IsNumbering(string text)
    {
        var t = SectionNumbers.Written(text);
        if (t.Length is 0 or > 6)
        {
            return false;
        }

        return t.All(c => char.IsAsciiDigit(c) || c == '.') || t.All(c => c is 'I' or 'V' or 'X' or 'L') || (t.Length == 1 && char.IsAsciiLetterLower(t[0]));
    }

    private static void Assign(Span<int> cells, Span<int> valueCells, Slot slot, int cell)
    {
        switch (slot.Kind)
        {
            case AppendixColumn.Value:
                valueCells[slot.ValueIndex] = cell;
                if (slot.ValueIndex == 0)
                {
                    cells[(int)AppendixColumn.Value] = cell;
                }

                break;
            default:
                cells[(int)slot.Kind] = cell;
                break;
        }
    }

    /// <summary>Words, not a numbering token: a label that lost the numbering cell before it.</summary>
    private static bool LooksLikeLabel(string text) => text.Trim().Length > 6 && !IsNumbering(text);

    private List<Slot> BuildSlots()
    {
        var slots = new List<Slot>();
        AppendixColumn[] kinds = [AppendixColumn.No, AppendixColumn.Label, AppendixColumn.Unit, AppendixColumn.Note];
        for (var k = 0; k < kinds.Length; k++)
        {
            if (_grid[k] >= 0)
            {
                slots.Add(new Slot(_grid[k], kinds[k], -1));
            }
        }

        for (var v = 0; v < Values.Count; v++)
        {
            slots.Add(new Slot(Values[v].Position, AppendixColumn.Value, v));
        }

        slots.Sort((a, b) => a.Position.CompareTo(b.Position));
        return slots;
    }

    private readonly record struct Slot(int Position, AppendixColumn Kind, int ValueIndex);
}
