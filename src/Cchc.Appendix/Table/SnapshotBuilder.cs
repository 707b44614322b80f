using Cchc.Appendix.Text;

namespace Cchc.Appendix.Table;

/// <summary>Finds the appendix among a document's blocks and builds its snapshot.</summary>
/// <remarks>
/// Every cell is folded at most a couple of times and every row visited once, so the build is linear in
/// the size of the document: a 100,000-row sheet costs what reading it costs.
/// </remarks>
public static class SnapshotBuilder
{
    /// <summary>Title paragraphs kept above a Word table: enough for "Phụ lục", two title lines, the period and the reference.</summary>
    private const int MaxTitleParagraphs = 8;

    /// <summary>A cell longer than this is never a header label; it spares folding long note cells.</summary>
    private const int MaxHeaderCellLength = 80;

    /// <summary>Signature phrases are short ("TM. ỦY BAN NHÂN DÂN", "Nơi nhận:"); indicator labels rarely are.</summary>
    private const int MaxSignatureLength = 40;

    private const string LabelHeaderKey = "TEN CHI TIEU";

    /// <summary>
    /// The appendix of <paramref name="blocks"/>, or null when no table has a header row naming TÊN CHỈ TIÊU.
    /// </summary>
    public static TableSnapshot? TryBuild(IReadOnlyList<DocumentBlock> blocks, SourceKind source)
    {
        ArgumentNullException.ThrowIfNull(blocks);

        var tableIndex = -1;
        for (var b = 0; b < blocks.Count; b++)
        {
            if (blocks[b] is not TableBlock table)
            {
                continue;
            }

            tableIndex++;
            var headerRow = FindHeaderRow(table, 0);
            if (headerRow < 0)
            {
                continue;
            }

            var titles = new List<string>();
            var sources = new List<TitleSource>();
            if (table.Sheet is null)
            {
                AddParagraphTitles(blocks, b, titles, sources);
            }

            for (var r = 0; r < headerRow; r++)
            {
                AddTitleLines(JoinCells(table.Rows[r]), titles, sources, b, r);
            }

            var rows = new List<AppendixRow>();
            var layout = ColumnLayout.FromHeader(table.Rows[headerRow]);
            var ended = ReadRows(table, tableIndex, headerRow + 1, ref layout, rows);

            // A sheet is a whole used range; Word splits one appendix into one table per page.
            if (table.Sheet is null && !ended)
            {
                ReadContinuations(blocks, b + 1, tableIndex, layout, rows);
            }

            return new TableSnapshot(titles, rows, source) { TitleSources = sources };
        }

        return null;
    }

    private static void ReadContinuations(IReadOnlyList<DocumentBlock> blocks, int start, int tableIndex, ColumnLayout layout, List<AppendixRow> rows)
    {
        for (var b = start; b < blocks.Count; b++)
        {
            switch (blocks[b])
            {
                case ParagraphBlock paragraph when IsSignatureText(paragraph.Text):
                    return;
                case TableBlock table:
                    tableIndex++;
                    if (table.Sheet is not null || LooksLikeSignature(table))
                    {
                        return;
                    }

                    var headerRow = FindHeaderRow(table, 0, maxRows: 3);
                    int first;
                    if (headerRow >= 0)
                    {
                        layout = ColumnLayout.FromHeader(table.Rows[headerRow]);
                        first = headerRow + 1;
                    }
                    else if (GridWidth(table) == layout.Width)
                    {
                        first = 0;
                    }
                    else
                    {
                        return;
                    }

                    if (ReadRows(table, tableIndex, first, ref layout, rows))
                    {
                        return;
                    }

                    break;
            }
        }
    }

    /// <summary>Reads the data rows of <paramref name="table"/> from <paramref name="first"/>; true when a signature row ended the appendix.</summary>
    private static bool ReadRows(TableBlock table, int tableIndex, int first, ref ColumnLayout layout, List<AppendixRow> rows)
    {
        var afterHeader = true;
        for (var r = first; r < table.Rows.Count; r++)
        {
            var raw = table.Rows[r];
            if (IsHeaderRow(raw))
            {
                layout = ColumnLayout.FromHeader(raw);
                afterHeader = true;
                continue;
            }

            if (afterHeader && IsNumberingRow(raw))
            {
                afterHeader = false;
                continue;
            }

            if (IsBlankRow(raw))
            {
                continue;
            }

            afterHeader = false;
            if (IsSignatureRow(raw))
            {
                return true;
            }

            var cells = layout.Map(raw);
            var row = new AppendixRow(
                rows.Count + 1,
                Value(raw, cells[0]),
                Value(raw, cells[1]),
                Value(raw, cells[2]),
                Value(raw, cells[3]),
                Value(raw, cells[4]),
                new RowLocation(tableIndex, r, table.Sheet) { Cells = cells });
            if (!row.IsEmpty)
            {
                rows.Add(row);
            }
        }

        return false;
    }

    private static CellValue Value(RawRow row, int cell)
    {
        if (cell < 0)
        {
            return CellValue.Empty;
        }

        var raw = row.Cells[cell];
        var text = raw.Text.Trim();
        return raw.Number is null && raw.NumberFormat is null
            ? (text.Length == 0 ? CellValue.Empty : new CellValue(text))
            : new CellValue(text, raw.Number, raw.NumberFormat);
    }

    private static void AddParagraphTitles(IReadOnlyList<DocumentBlock> blocks, int tableBlock, List<string> titles, List<TitleSource> sources)
    {
        var paragraphs = new List<(string Text, int Block)>();
        for (var b = tableBlock - 1; b >= 0 && blocks[b] is not TableBlock && paragraphs.Count < MaxTitleParagraphs; b--)
        {
            if (blocks[b] is ParagraphBlock paragraph && !string.IsNullOrWhiteSpace(paragraph.Text))
            {
                paragraphs.Add((paragraph.Text, b));
            }
        }

        paragraphs.Reverse();

        // When the appendix follows the report body, "Phụ lục" opens the appendix's own title: the body's
        // closing paragraphs before it are not title lines.
        var start = paragraphs.FindLastIndex(p => VietnameseText.LabelKey(p.Text).StartsWith("PHU LUC", StringComparison.Ordinal));
        for (var i = Math.Max(start, 0); i < paragraphs.Count; i++)
        {
            AddTitleLines(paragraphs[i].Text, titles, sources, paragraphs[i].Block, -1);
        }
    }

    private static void AddTitleLines(string text, List<string> titles, List<TitleSource> sources, int block, int tableRow)
    {
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var trimmed = lines[i].Trim();
            if (trimmed.Length > 0)
            {
                titles.Add(trimmed);
                sources.Add(new TitleSource(block, tableRow, i));
            }
        }
    }

    private static string JoinCells(RawRow row) =>
        string.Join(' ', row.Cells.Select(c => c.Text.Trim()).Where(t => t.Length > 0));

    private static int FindHeaderRow(TableBlock table, int start, int maxRows = int.MaxValue)
    {
        var end = (int)Math.Min(table.Rows.Count, (long)start + maxRows);
        for (var r = start; r < end; r++)
        {
            if (IsHeaderRow(table.Rows[r]))
            {
                return r;
            }
        }

        return -1;
    }

    private static bool IsHeaderRow(RawRow row)
    {
        foreach (var cell in row.Cells)
        {
            if (cell.Number is null && MightNameLabelColumn(cell.Text)
                && VietnameseText.LabelKey(cell.Text).Contains(LabelHeaderKey, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A cheap test that spares folding most cells: "TÊN CHỈ TIÊU" keeps the ASCII pairs "CH" and "TI" in
    /// either Unicode form, since only vowels carry its diacritics.
    /// </summary>
    private static bool MightNameLabelColumn(string text) =>
        text.Length is >= 12 and <= MaxHeaderCellLength
        && text.Contains("CH", StringComparison.OrdinalIgnoreCase)
        && text.Contains("TI", StringComparison.OrdinalIgnoreCase);

    /// <summary>"(1) (2) (3) (4) (5)" or "1 2 3 4 5" under a header: the columns' numbers, not data.</summary>
    private static bool IsNumberingRow(RawRow row)
    {
        var expected = 1;
        foreach (var cell in row.Cells)
        {
            var text = cell.Text.Trim();
            if (text.Length == 0)
            {
                continue;
            }

            if (text.Length > 2 && text[0] == '(' && text[^1] == ')')
            {
                text = text[1..^1].Trim();
            }

            if (!int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) || n != expected)
            {
                return false;
            }

            expected++;
        }

        return expected > 3;
    }

    private static bool IsBlankRow(RawRow row)
    {
        foreach (var cell in row.Cells)
        {
            if (cell.Number is not null || !string.IsNullOrWhiteSpace(cell.Text))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// A row of the signature block written below the table in the same table or sheet ("Nơi nhận:",
    /// "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"). Judged on whole cells, so a label that merely mentions a chairman
    /// stays data.
    /// </summary>
    private static bool IsSignatureRow(RawRow row)
    {
        var signature = false;
        foreach (var cell in row.Cells)
        {
            if (cell.Number is not null)
            {
                return false;
            }

            if (IsSignatureText(cell.Text))
            {
                signature = true;
            }
        }

        return signature;
    }

    private static bool IsSignatureText(string text)
    {
        var trimmed = text.AsSpan().Trim();
        if (trimmed.Length is < 2 or > MaxSignatureLength || char.ToUpperInvariant(trimmed[0]) is not ('N' or 'T' or 'K' or 'C' or 'P'))
        {
            return false;
        }

        var key = VietnameseText.LabelKey(text);
        return key.StartsWith("NOI NHAN", StringComparison.Ordinal)
            || key.StartsWith("TM UY BAN", StringComparison.Ordinal)
            || key.StartsWith("TM UBND", StringComparison.Ordinal)
            || key.StartsWith("KT CHU TICH", StringComparison.Ordinal)
            || key.StartsWith("NGUOI LAP BIEU", StringComparison.Ordinal)
            || key.StartsWith("THU TRUONG DON VI", StringComparison.Ordinal)
            || key is "CHU TICH" or "PHO CHU TICH" or "NGUOI LAP" or "THU TRUONG";
    }

    /// <summary>A signature table: a few columns, nothing that reads as a number, a signature phrase somewhere.</summary>
    private static bool LooksLikeSignature(TableBlock table)
    {
        var signature = false;
        foreach (var row in table.Rows)
        {
            foreach (var cell in row.Cells)
            {
                if (cell.Number is not null)
                {
                    return false;
                }

                foreach (var line in cell.Text.Split('\n'))
                {
                    signature |= IsSignatureText(line.Trim());
                }
            }
        }

        return signature;
    }

    private static int GridWidth(TableBlock table)
    {
        var width = 0;
        foreach (var row in table.Rows)
        {
            var w = 0;
            foreach (var cell in row.Cells)
            {
                w += Math.Max(cell.ColumnSpan, 1);
            }

            width = Math.Max(width, w);
        }

        return width;
    }

    /// <summary>Which grid column holds each of the five appendix columns, as the header row says.</summary>
    private readonly struct ColumnLayout
    {
        private static readonly AppendixColumn[] Order = [AppendixColumn.No, AppendixColumn.Label, AppendixColumn.Unit, AppendixColumn.Value, AppendixColumn.Note];

        /// <summary>Grid column of No, Label, Unit, Value, Note; -1 where the header has no such column.</summary>
        private readonly int[] _grid;

        private ColumnLayout(int[] grid, int width)
        {
            _grid = grid;
            Width = width;
        }

        /// <summary>Grid columns of the header row.</summary>
        public int Width { get; }

        public static ColumnLayout FromHeader(RawRow header)
        {
            int[] grid = [-1, -1, -1, -1, -1];
            var unnamed = new List<int>();
            var position = 0;
            foreach (var cell in header.Cells)
            {
                var column = Classify(cell.Text);
                if (column is { } c && grid[(int)c] < 0)
                {
                    grid[(int)c] = position;
                }
                else if (column is null)
                {
                    unnamed.Add(position);
                }

                position += Math.Max(cell.ColumnSpan, 1);
            }

            // A header cell left blank or worded unusually still holds its column: the form's order decides.
            foreach (var c in Order)
            {
                if (grid[(int)c] >= 0 || grid[(int)AppendixColumn.Label] < 0)
                {
                    continue;
                }

                var label = grid[(int)AppendixColumn.Label];
                var candidate = c == AppendixColumn.No
                    ? unnamed.LastOrDefault(p => p < label, -1)
                    : unnamed.FirstOrDefault(p => p > PreviousGrid(grid, c), -1);
                if (candidate >= 0)
                {
                    grid[(int)c] = candidate;
                    unnamed.Remove(candidate);
                }
            }

            return new ColumnLayout(grid, position);
        }

        /// <summary>The raw cell index of each of the five columns in <paramref name="row"/> (-1 where none).</summary>
        public int[] Map(RawRow row)
        {
            int[] cells = [-1, -1, -1, -1, -1];
            var count = row.Cells.Count;
            var rowWidth = 0;
            var spansKnown = false;
            foreach (var cell in row.Cells)
            {
                rowWidth += Math.Max(cell.ColumnSpan, 1);
                spansKnown |= cell.ColumnSpan > 1;
            }

            if (spansKnown || rowWidth >= Width)
            {
                var position = 0;
                for (var i = 0; i < count; i++)
                {
                    for (var c = 0; c < cells.Length; c++)
                    {
                        if (_grid[c] == position && cells[c] < 0)
                        {
                            cells[c] = i;
                        }
                    }

                    position += Math.Max(row.Cells[i].ColumnSpan, 1);
                }

                return cells;
            }

            // Fewer cells than the header and no spans to say where they sit: cells merged away, most often
            // the numbering column merged down from the row above, or everything after the label merged.
            var present = PresentColumns();
            if (count == 1)
            {
                var only = IsNumbering(row.Cells[0].Text) ? AppendixColumn.No : AppendixColumn.Label;
                cells[(int)only] = _grid[(int)only] >= 0 ? 0 : -1;
                return cells;
            }

            var skip = 0;
            if (count < present.Count && _grid[(int)AppendixColumn.No] >= 0 && LooksLikeLabel(row.Cells[0].Text))
            {
                skip = Math.Min(present.Count - count, 1);
            }

            for (var i = 0; i < count && i + skip < present.Count; i++)
            {
                cells[(int)present[i + skip]] = i;
            }

            return cells;
        }

        private List<AppendixColumn> PresentColumns()
        {
            var grid = _grid;
            return [.. Order.Where(c => grid[(int)c] >= 0).OrderBy(c => grid[(int)c])];
        }

        private static int PreviousGrid(int[] grid, AppendixColumn column)
        {
            for (var c = (int)column - 1; c >= 0; c--)
            {
                if (grid[c] >= 0)
                {
                    return grid[c];
                }
            }

            return -1;
        }

        private static AppendixColumn? Classify(string text)
        {
            if (text.Length > MaxHeaderCellLength)
            {
                return null;
            }

            var key = VietnameseText.LabelKey(text);
            if (key.Length == 0)
            {
                return null;
            }

            if (key.Contains(LabelHeaderKey, StringComparison.Ordinal))
            {
                return AppendixColumn.Label;
            }

            if (key is "STT" or "TT" or "SO TT" || key.Contains("THU TU", StringComparison.Ordinal))
            {
                return AppendixColumn.No;
            }

            if (key.Contains("DON VI TINH", StringComparison.Ordinal) || key is "DVT" or "DV TINH")
            {
                return AppendixColumn.Unit;
            }

            if (key.Contains("GHI CHU", StringComparison.Ordinal))
            {
                return AppendixColumn.Note;
            }

            if (key.Contains("SO LUONG", StringComparison.Ordinal) || key.Contains("TY LE", StringComparison.Ordinal)
                || key.Contains("SO LIEU", StringComparison.Ordinal) || key.Contains("KET QUA", StringComparison.Ordinal)
                || key.Contains("GIA TRI", StringComparison.Ordinal))
            {
                return AppendixColumn.Value;
            }

            return null;
        }

        /// <summary>"I", "12", "2.3", "a)": what the numbering column holds.</summary>
        private static bool IsNumbering(string text)
        {
            var t = text.Trim().TrimEnd('.', ')');
            if (t.Length is 0 or > 6)
            {
                return false;
            }

            return t.All(c => char.IsAsciiDigit(c) || c == '.') || t.All(c => c is 'I' or 'V' or 'X' or 'L') || (t.Length == 1 && char.IsAsciiLetterLower(t[0]));
        }

        /// <summary>Words, not a numbering token: a label that lost the numbering cell before it.</summary>
        private static bool LooksLikeLabel(string text) => text.Trim().Length > 6 && !IsNumbering(text);
    }
}
