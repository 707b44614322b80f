namespace Cchc.Appendix.Table;

/// <summary>The five columns of an appendix row, plus the title lines above the table.</summary>
public enum AppendixColumn
{
    No,
    Label,
    Unit,
    Value,
    Note,
    Header,
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
/// (No, Label, Unit, Value, Note; -1 where the row had no cell for it, as merged rows do).
/// </summary>
public sealed record RowLocation(int Table, int TableRow, string? Sheet = null)
{
    public IReadOnlyList<int> Cells { get; init; } = [0, 1, 2, 3, 4];

    /// <summary>The raw cell index of <paramref name="column"/>, or -1.</summary>
    public int CellOf(AppendixColumn column) => column == AppendixColumn.Header ? -1 : Cells[(int)column];
}

/// <summary>
/// A data row of the appendix. <see cref="Row"/> is 1-based over data rows only: header rows and
/// repeated headers of continuation tables are not counted, and numbering continues across tables.
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

    /// <summary>True when every cell is blank: a spacer row that real documents are full of.</summary>
    public bool IsEmpty => No.IsBlank && Label.IsBlank && Unit.IsBlank && Value.IsBlank && Note.IsBlank;
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
