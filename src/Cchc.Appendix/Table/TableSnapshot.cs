namespace Cchc.Appendix.Table;

/// <summary>
/// The five columns of an appendix row, plus the title lines above the table. A form with several value columns
/// ("Quý này | Lũy kế", "Kế hoạch | Thực hiện | Tỷ lệ") has one <see cref="Value"/> column kind; which of them a
/// cell is, is its value column index (<see cref="ValueColumn"/>).
/// </summary>
public enum AppendixColumn
{
    No,
    Label,
    Unit,
    Value,
    Note,
    Header,
}

/// <summary>What a value column holds, as its header says.</summary>
public enum ValueRole
{
    /// <summary>The figure of the reporting period: "Số lượng", "Kết quả", "Quý này", "Thực hiện".</summary>
    Period,

    /// <summary>Accumulated since the start of the year: "Lũy kế từ đầu năm".</summary>
    Cumulative,

    /// <summary>The planned figure: "Kế hoạch năm".</summary>
    Plan,

    /// <summary>A rate between other value columns: "Tỷ lệ (%)", "So với kế hoạch".</summary>
    Rate,

    /// <summary>The same period a year before: "Cùng kỳ năm trước".</summary>
    SamePeriodLastYear,
}

/// <summary>
/// One value column of the appendix: its 0-based <see cref="Index"/> among value columns, its header text as
/// written (the lower header row's where the header spans two rows), and what it holds.
/// </summary>
public sealed record ValueColumn(int Index, string Header, ValueRole Role)
{
    /// <summary>The one value column of a classic appendix.</summary>
    public static IReadOnlyList<ValueColumn> OnlyOne { get; } = [new(0, string.Empty, ValueRole.Period)];

    /// <summary>Totals and parts add up within this column (a rate column's cells do not).</summary>
    public bool IsAdditive => Role is not ValueRole.Rate;
}

/// <summary>Where a snapshot came from; checks do not depend on it, messages and writers may.</summary>
public enum SourceKind
{
    File,
    Word,
    Excel,
    Browser,
}

/// <summary>
/// One cell as the document holds it. <see cref="Text"/> is what the reader sees; <see cref="Number"/>
/// is set only where the host stored a number (an Excel numeric cell), with its number format, because
/// a cell showing "60%" holds 0.6 and only the format tells the two apart.
/// </summary>
public sealed record CellValue(string Text, double? Number = null, string? NumberFormat = null)
{
    public static readonly CellValue Empty = new(string.Empty);

    public bool IsBlank => Number is null && string.IsNullOrWhiteSpace(Text);

    public static implicit operator CellValue(string text) => new(text);

    public override string ToString() => Text;
}

/// <summary>
/// Where a row sits in the blocks it was built from, for adapters that must find its cells again:
/// <see cref="Table"/> is the index of the <see cref="TableBlock"/> among the tables of the block list
/// (every table of the document counts, not only the appendix's), <see cref="TableRow"/> the index into
/// that block's rows, and <see cref="Cells"/> the index of the raw cell that gave each of the five columns
/// (No, Label, Unit, Value, Note; -1 where the row had no cell for it, as merged rows do). Where the appendix has
/// several value columns, <see cref="ValueCells"/> holds the raw cell of each, the first being <c>Cells[3]</c>.
/// </summary>
public sealed record RowLocation(int Table, int TableRow, string? Sheet = null)
{
    /// <summary>One cell per column in order, shared: a new array per row was copied from a literal and then replaced.</summary>
    private static readonly int[] InColumnOrder = [0, 1, 2, 3, 4];

    public IReadOnlyList<int> Cells { get; init; } = InColumnOrder;

    /// <summary>The raw cell index of each value column; empty means the one value cell of <see cref="Cells"/>.</summary>
    public IReadOnlyList<int> ValueCells { get; init; } = [];

    /// <summary>The raw cell index of <paramref name="column"/> (of value column <paramref name="valueColumn"/>), or -1.</summary>
    public int CellOf(AppendixColumn column, int valueColumn = 0)
    {
        if (column == AppendixColumn.Header)
        {
            return -1;
        }

        if (column == AppendixColumn.Value && valueColumn > 0)
        {
            return valueColumn < ValueCells.Count ? ValueCells[valueColumn] : -1;
        }

        return Cells[(int)column];
    }
}

/// <summary>
/// A data row of the appendix. <see cref="Row"/> is 1-based over data rows only: header rows and
/// repeated headers of continuation tables are not counted, and numbering continues across tables.
/// <see cref="Value"/> is the first value column; <see cref="OtherValues"/> the rest, in column order.
/// </summary>
public sealed record AppendixRow(
    int Row,
    CellValue No,
    CellValue Label,
    CellValue Unit,
    CellValue Value,
    CellValue Note,
    RowLocation? Location = null)
{
    public CellValue this[AppendixColumn column] => column switch
    {
        AppendixColumn.No => No,
        AppendixColumn.Label => Label,
        AppendixColumn.Unit => Unit,
        AppendixColumn.Value => Value,
        AppendixColumn.Note => Note,
        _ => CellValue.Empty,
    };

    /// <summary>The cells of the value columns after the first, where the appendix has several.</summary>
    public IReadOnlyList<CellValue> OtherValues { get; init; } = [];

    /// <summary>How many value cells the row has: one, plus <see cref="OtherValues"/>.</summary>
    public int ValueCount => 1 + OtherValues.Count;

    /// <summary>The cell of value column <paramref name="column"/> (0-based), blank past the row's last.</summary>
    public CellValue ValueAt(int column) => column == 0 ? Value : column - 1 < OtherValues.Count ? OtherValues[column - 1] : CellValue.Empty;

    /// <summary>The text of <paramref name="column"/>, the value column <paramref name="valueColumn"/> for values.</summary>
    public CellValue Cell(AppendixColumn column, int valueColumn) => column == AppendixColumn.Value ? ValueAt(valueColumn) : this[column];

    /// <summary>True when every cell is blank: a spacer row that real documents are full of.</summary>
    public bool IsEmpty => No.IsBlank && Label.IsBlank && Unit.IsBlank && Value.IsBlank && Note.IsBlank && OtherValues.All(v => v.IsBlank);
}

/// <summary>
/// The appendix as read from Word, Excel or a file: the title lines above the table (which carry the
/// unit, period and report number) and the data rows. The same document gives the same snapshot
/// whichever host read it.
/// </summary>
public sealed record TableSnapshot(
    IReadOnlyList<string> TitleLines,
    IReadOnlyList<AppendixRow> Rows,
    SourceKind Source = SourceKind.File)
{
    /// <summary>The value columns, in document order; one for the classic appendix.</summary>
    public IReadOnlyList<ValueColumn> ValueColumns { get; init; } = ValueColumn.OnlyOne;

    /// <summary>False when the table was recognised by its shape, having no header row naming its columns.</summary>
    public bool HasHeaderRow { get; init; } = true;

    /// <summary>
    /// Where each of <see cref="TitleLines"/> came from, index for index, when the snapshot was built from blocks;
    /// empty otherwise (the pane's and the archive's snapshots), which writers treat as "title not writable".
    /// </summary>
    public IReadOnlyList<TitleSource> TitleSources { get; init; } = [];
}

/// <summary>
/// The origin of one title line: <see cref="Block"/> indexes the block list the snapshot was built from (a
/// <see cref="ParagraphBlock"/>, or for title rows inside a table or sheet its <see cref="TableBlock"/>),
/// <see cref="TableRow"/> is the row of that table (-1 for a paragraph), and <see cref="Line"/> the index of the
/// line in that text split at '\n', blank lines counted, so a writer can split the same text the same way.
/// </summary>
public sealed record TitleSource(int Block, int TableRow, int Line);
