using Cchc.Appendix.Numbers;
using Cchc.Appendix.Templates;
using Cchc.Appendix.Text;

namespace Cchc.Appendix.Table;

/// <summary>
/// Finds the appendix among a document's blocks and builds its snapshot. Every table is a candidate: one whose
/// header names an indicator column and a unit or value column (<see cref="HeaderReader"/>), else one shaped like an
/// appendix (<see cref="TableShape"/>). The best wins — the most complete header, then the most rows — so a report
/// body's own tables and the signature block never are; Word, Excel, the pane and files all decide here.
/// </summary>
/// <remarks>
/// Every cell is folded at most a couple of times and every row visited a bounded number of times, so the build is
/// linear in the size of the document: a 100,000-row sheet costs what reading it costs.
/// </remarks>
public static class SnapshotBuilder
{
    /// <summary>Title paragraphs kept above a Word table: enough for "Phụ lục", two title lines, the period and the reference.</summary>
    private const int MaxTitleParagraphs = 8;

    /// <summary>Signature phrases are short ("TM. ỦY BAN NHÂN DÂN", "Nơi nhận:"); indicator labels rarely are.</summary>
    private const int MaxSignatureLength = 40;

    /// <summary>How far down a table its header may sit: a sheet has the title rows above it.</summary>
    private const int MaxHeaderRow = 40;

    /// <summary>A table with a recognised header always beats one recognised by its shape alone.</summary>
    private const int HeaderBonus = 10_000;

    /// <summary>
    /// The appendix of <paramref name="blocks"/>, or null when no table is one; <see cref="Find"/> also says what
    /// was found instead.
    /// </summary>
    public static TableSnapshot? TryBuild(IReadOnlyList<DocumentBlock> blocks, SourceKind source) => Find(blocks, source).Snapshot;

    /// <summary>The appendix of <paramref name="blocks"/>, or what each table was when none is one.</summary>
    public static AppendixSearch Find(IReadOnlyList<DocumentBlock> blocks, SourceKind source)
    {
        ArgumentNullException.ThrowIfNull(blocks);

        var candidates = new List<Candidate>();
        var seen = new List<TableSeen>();
        var tableIndex = -1;
        for (var b = 0; b < blocks.Count; b++)
        {
            if (blocks[b] is not TableBlock table)
            {
                continue;
            }

            tableIndex++;
            if (Evaluate(table, b, tableIndex, out var verdict) is { } candidate)
            {
                candidates.Add(candidate);
            }
            else
            {
                seen.Add(new TableSeen(tableIndex, table.Sheet, FirstRowText(table), verdict));
            }
        }

        if (candidates.Count == 0)
        {
            return new AppendixSearch(null, seen);
        }

        var best = candidates[0];
        foreach (var candidate in candidates)
        {
            if (candidate.Score > best.Score)
            {
                best = candidate;
            }
        }

        // Word splits one appendix into a table per page, each with the header repeated: start at the first page.
        for (var i = candidates.IndexOf(best) - 1; i >= 0; i--)
        {
            var earlier = candidates[i];
            if (earlier.Table != best.Table - 1 || !earlier.HasHeader || earlier.Layout.Signature != best.Layout.Signature
                || SignatureBetween(blocks, earlier.Block, best.Block))
            {
                break;
            }

            best = earlier;
        }

        return new AppendixSearch(Build(blocks, best, source), seen);
    }

    private static TableSnapshot Build(IReadOnlyList<DocumentBlock> blocks, Candidate chosen, SourceKind source)
    {
        var table = (TableBlock)blocks[chosen.Block];
        var (titles, sources) = Titles(blocks, chosen, table);

        var rows = new List<AppendixRow>();
        var layout = chosen.Layout;
        var ended = ReadRows(table, chosen.Table, chosen.DataStart, ref layout, rows);

        // A sheet is a whole used range; Word splits one appendix into one table per page.
        if (table.Sheet is null && !ended)
        {
            ReadContinuations(blocks, chosen.Block + 1, chosen.Table, layout, rows);
        }

        return new TableSnapshot(titles, rows, source)
        {
            TitleSources = sources,
            ValueColumns = chosen.Layout.ValueColumns.Count > 0 ? chosen.Layout.ValueColumns : ValueColumn.OnlyOne,
            HasHeaderRow = chosen.HasHeader,
        };
    }

    /// <summary>The table as an appendix candidate, or null with the reason it is not one.</summary>
    private static Candidate? Evaluate(TableBlock table, int block, int tableIndex, out TableVerdict verdict)
    {
        if (table.Rows.Count == 0 || table.Rows.All(IsBlankRow))
        {
            verdict = TableVerdict.Empty;
            return null;
        }

        // A sheet is a whole used range: its signature rows sit under whatever else it holds.
        if (table.Sheet is null && LooksLikeSignature(table))
        {
            verdict = TableVerdict.Signature;
            return null;
        }

        var headerRow = HeaderReader.Find(table, 0, MaxHeaderRow);
        if (headerRow >= 0)
        {
            var layout = HeaderReader.Read(table, headerRow, out var dataStart);
            var (dataRows, textColumns) = Survey(table, dataStart, layout);

            // Without a unit column, a "Kết quả" column of words is a table of tasks; with one, it is an appendix whose
            // figures are wrong, and saying so is the point.
            if (textColumns.Count == layout.Values.Count && layout.Values.Count > 0 && !layout.HasUnit)
            {
                verdict = TableVerdict.TextValues;
                return null;
            }

            layout = textColumns.Count > 0 && textColumns.Count < layout.Values.Count ? layout.Without(textColumns) : layout;
            verdict = TableVerdict.Appendix;
            return new Candidate(block, tableIndex, layout, true, headerRow, dataStart, HeaderBonus + layout.Quality * 100 + Math.Min(dataRows, 99));
        }

        if (TableShape.Infer(table) is { } shape)
        {
            var (dataRows, _) = Survey(table, shape.DataStart, shape.Layout);
            verdict = TableVerdict.Appendix;
            return new Candidate(block, tableIndex, shape.Layout, false, shape.DataStart, shape.DataStart, shape.Layout.Quality * 100 + Math.Min(dataRows, 99));
        }

        verdict = HasLabelHeader(table) ? TableVerdict.NoValueColumn : TableVerdict.NoHeader;
        return null;
    }

    /// <summary>
    /// Data rows under the header, and the value columns that hold mostly words: "Nguồn số liệu" or "Kết quả" in a
    /// table of tasks is not a column of figures.
    /// </summary>
    private static (int DataRows, HashSet<int> TextColumns) Survey(TableBlock table, int dataStart, ColumnLayout layout)
    {
        var numbers = new int[layout.Values.Count];
        var words = new int[layout.Values.Count];
        Span<int> cells = stackalloc int[5];
        var valueCells = new int[layout.Values.Count];
        var dataRows = 0;
        for (var r = dataStart; r < table.Rows.Count; r++)
        {
            var raw = table.Rows[r];
            if (IsBlankRow(raw))
            {
                continue;
            }

            if (IsSignatureRow(raw))
            {
                break;
            }

            dataRows++;
            layout.Map(raw, cells, valueCells);
            for (var v = 0; v < valueCells.Length; v++)
            {
                if (valueCells[v] < 0)
                {
                    continue;
                }

                var cell = raw.Cells[valueCells[v]];
                var text = cell.Text.Trim();
                if (cell.Number is not null || (text.Length > 0 && VietnameseNumber.TryParse(text, IndicatorType.Count, out _)))
                {
                    numbers[v]++;
                }
                else if (text.Length > 0)
                {
                    words[v]++;
                }
            }
        }

        var textColumns = new HashSet<int>();
        for (var v = 0; v < numbers.Length; v++)
        {
            if (words[v] >= 3 && words[v] > numbers[v])
            {
                textColumns.Add(v);
            }
        }

        return (dataRows, textColumns);
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

                    var headerRow = HeaderReader.Find(table, 0, maxRows: 3);
                    int first;
                    if (headerRow >= 0)
                    {
                        layout = HeaderReader.Read(table, headerRow, out first);
                    }
                    else if (table.GridWidth() == layout.Width)
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
        for (var r = first; r < table.Rows.Count; r++)
        {
            var raw = table.Rows[r];
            if (HeaderReader.IsHeaderRow(raw))
            {
                // A header repeated inside the table (a printed page break in Excel) says the same again.
                var repeated = HeaderReader.Read(table, r, out var next);
                if (repeated.Values.Count == layout.Values.Count)
                {
                    layout = repeated;
                }

                r = next - 1;
                continue;
            }

            if (IsBlankRow(raw))
            {
                continue;
            }

            if (IsSignatureRow(raw))
            {
                return true;
            }

            var (cells, valueCells) = layout.Map(raw);
            var row = new AppendixRow(
                rows.Count + 1,
                Value(raw, cells[0]),
                Value(raw, cells[1]),
                Value(raw, cells[2]),
                Value(raw, cells[3]),
                Value(raw, cells[4]),
                new RowLocation(tableIndex, r, table.Sheet) { Cells = cells, ValueCells = valueCells.Length > 1 ? valueCells : [] })
            {
                OtherValues = OtherValues(raw, valueCells),
            };
            if (!row.IsEmpty)
            {
                rows.Add(row);
            }
        }

        return false;
    }

    /// <summary>True when a signature paragraph stands between two blocks: the second table is not the first's next page.</summary>
    private static bool SignatureBetween(IReadOnlyList<DocumentBlock> blocks, int from, int to)
    {
        for (var b = from + 1; b < to; b++)
        {
            if (blocks[b] is ParagraphBlock paragraph && IsSignatureText(paragraph.Text))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A table with a cell that names an indicator column, but nothing that names a unit or value column.</summary>
    private static bool HasLabelHeader(TableBlock table)
    {
        foreach (var row in table.Rows.Take(MaxHeaderRow))
        {
            foreach (var cell in row.CellSpan)
            {
                if (HeaderReader.Classify(cell)?.Kind == Vocabulary.HeaderKind.Label)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// How a user recognises the table: its first row of several cells (a sheet's title rows above it are one cell
    /// each), else its first row with text; cells joined by " | ", shortened.
    /// </summary>
    private static string FirstRowText(TableBlock table)
    {
        List<string>? first = null;
        foreach (var row in table.Rows.Take(MaxHeaderRow))
        {
            var cells = row.Cells.Select(c => VietnameseText.Squeeze(c.Text)).Where(t => t.Length > 0).ToList();
            if (cells.Count >= (table.Sheet is null ? 1 : 3))
            {
                first = cells;
                break;
            }

            first ??= cells.Count > 0 ? cells : null;
        }

        if (first is null)
        {
            return string.Empty;
        }

        var text = string.Join(" | ", first);
        return text.Length <= 80 ? text : text[..79].TrimEnd() + "…";
    }

    /// <summary>A table that could be the appendix: where its header and data start and how well it fits.</summary>
    private sealed record Candidate(int Block, int Table, ColumnLayout Layout, bool HasHeader, int TitleRows, int DataStart, int Score);

    /// <summary>
    /// The cells of the value columns after the first. Written as a loop: a lambda over the row would capture it, and
    /// the capture is allocated for every row, whether or not the row has a second value column.
    /// </summary>
    private static CellValue[] OtherValues(RawRow row, int[] valueCells)
    {
        if (valueCells.Length <= 1)
        {
            return [];
        }

        var values = new CellValue[valueCells.Length - 1];
        for (var v = 1; v < valueCells.Length; v++)
        {
            values[v - 1] = Value(row, valueCells[v]);
        }

        return values;
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

    /// <summary>
    /// The title lines: the paragraphs just above a Word table and the rows above the header inside the table or
    /// sheet. When the appendix follows a report body, "Phụ lục" opens the appendix's own title: the body's letterhead
    /// and closing lines before it are not title lines.
    /// </summary>
    private static (List<string> Titles, List<TitleSource> Sources) Titles(IReadOnlyList<DocumentBlock> blocks, Candidate chosen, TableBlock table)
    {
        var candidates = new List<(string Text, int Block, int TableRow)>();
        if (table.Sheet is null)
        {
            for (var b = chosen.Block - 1; b >= 0 && blocks[b] is not TableBlock && candidates.Count < MaxTitleParagraphs; b--)
            {
                if (blocks[b] is ParagraphBlock paragraph && !string.IsNullOrWhiteSpace(paragraph.Text))
                {
                    candidates.Add((paragraph.Text, b, -1));
                }
            }

            candidates.Reverse();
        }

        for (var r = 0; r < chosen.TitleRows; r++)
        {
            candidates.Add((JoinCells(table.Rows[r]), chosen.Block, r));
        }

        var titles = new List<string>();
        var sources = new List<TitleSource>();
        var start = candidates.FindLastIndex(c => VietnameseText.LabelKey(c.Text).StartsWith("PHU LUC", StringComparison.Ordinal));
        for (var i = Math.Max(start, 0); i < candidates.Count; i++)
        {
            AddTitleLines(candidates[i].Text, titles, sources, candidates[i].Block, candidates[i].TableRow);
        }

        return (titles, sources);
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

    private static bool IsBlankRow(RawRow row)
    {
        foreach (var cell in row.CellSpan)
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
        foreach (var cell in row.CellSpan)
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

    private static bool IsSignatureText(string text) => IsSignatureText(text.AsSpan());

    private static bool IsSignatureText(ReadOnlySpan<char> text)
    {
        // Every cell of a table is asked: most are settled by length and first letter, without folding. Only ASCII
        // letters upper-case to these, so the letter is compared as written.
        var trimmed = text.Trim();
        if (trimmed.Length is < 2 or > MaxSignatureLength || trimmed[0] is not ('N' or 'T' or 'K' or 'C' or 'P' or 'n' or 't' or 'k' or 'c' or 'p'))
        {
            return false;
        }

        Span<char> buffer = stackalloc char[MaxSignatureLength];
        var length = VietnameseText.WriteLabelKey(trimmed, buffer);
        ReadOnlySpan<char> key = length < 0 ? VietnameseText.LabelKey(trimmed.ToString()) : buffer[..length];
        return key.StartsWith("NOI NHAN", StringComparison.Ordinal)
            || key.StartsWith("TM UY BAN", StringComparison.Ordinal)
            || key.StartsWith("TM UBND", StringComparison.Ordinal)
            || key.StartsWith("KT CHU TICH", StringComparison.Ordinal)
            || key.StartsWith("NGUOI LAP BIEU", StringComparison.Ordinal)
            || key.StartsWith("THU TRUONG DON VI", StringComparison.Ordinal)
            || key.SequenceEqual("CHU TICH") || key.SequenceEqual("PHO CHU TICH") || key.SequenceEqual("NGUOI LAP") || key.SequenceEqual("THU TRUONG");
    }

    /// <summary>A signature table: a few columns, nothing that reads as a number, a signature phrase somewhere.</summary>
    private static bool LooksLikeSignature(TableBlock table)
    {
        var signature = false;
        foreach (var row in table.Rows)
        {
            foreach (var cell in row.CellSpan)
            {
                if (cell.Number is not null)
                {
                    return false;
                }

                var text = cell.Text.AsSpan();
                foreach (var line in text.Split('\n'))
                {
                    signature |= IsSignatureText(text[line]);
                }
            }
        }

        return signature;
    }
}
