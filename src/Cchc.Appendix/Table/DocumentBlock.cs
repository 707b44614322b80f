namespace Cchc.Appendix.Table;

/// <summary>
/// A document as adapters hand it to the engine: paragraphs and tables in reading order. Adapters
/// translate (Word body, Excel sheet, the pane's read) and never decide which table is the appendix;
/// <see cref="SnapshotBuilder"/> does.
/// </summary>
public abstract record DocumentBlock;

/// <summary>A paragraph of text outside any table (a title line, the report body).</summary>
public sealed record ParagraphBlock(string Text) : DocumentBlock;

/// <summary>
/// A table as read, rows of cells in document order. Rows may have unequal lengths (merged cells).
/// For a worksheet, one block holds the used range with every row and column in place, empty cells
/// included, so that a cell's index is its column offset and a row's index its row offset.
/// </summary>
public sealed record TableBlock(IReadOnlyList<RawRow> Rows, string? Sheet = null) : DocumentBlock
{
    /// <summary>Grid columns of the widest row, a cell spanning two columns counting as two.</summary>
    public int GridWidth()
    {
        var width = 0;
        foreach (var row in Rows)
        {
            var w = 0;
            foreach (var cell in row.CellSpan)
            {
                w += Math.Max(cell.ColumnSpan, 1);
            }

            width = Math.Max(width, w);
        }

        return width;
    }
}

/// <summary>A table row as read.</summary>
public sealed record RawRow(IReadOnlyList<RawCell> Cells)
{
    private readonly RawCell[] _cells = Cells as RawCell[] ?? [.. Cells];

    /// <summary>The cells as given; read-only, so that <c>with</c> cannot leave <see cref="CellSpan"/> behind.</summary>
    public IReadOnlyList<RawCell> Cells { get; } = Cells;

    /// <summary>
    /// The cells to loop over: finding the appendix reads every row several times, and a loop over the list would
    /// allocate an enumerator each time.
    /// </summary>
    public ReadOnlySpan<RawCell> CellSpan => _cells;
}

/// <summary>
/// A table cell as read: its text (paragraphs joined by a line break), the stored number and number
/// format where the host kept one (Excel), and how many grid columns it spans (Word's gridSpan).
/// </summary>
public sealed record RawCell(string Text, double? Number = null, string? NumberFormat = null, int ColumnSpan = 1)
{
    public static readonly RawCell Empty = new(string.Empty);

    public CellValue ToCellValue() => Number is null && NumberFormat is null ? new CellValue(Text) : new CellValue(Text, Number, NumberFormat);
}
