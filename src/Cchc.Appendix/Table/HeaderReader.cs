using System.Globalization;
using Cchc.Appendix.Text;
using Cchc.Appendix.Vocabulary;

namespace Cchc.Appendix.Table;

/// <summary>
/// Recognises an appendix's header by what its cells mean, not by one wording: numbering ("STT", "TT", "Thứ tự"),
/// indicator ("Tên chỉ tiêu", "Nội dung chỉ tiêu", "Chỉ tiêu", "Nội dung"), unit ("ĐVT", "Đơn vị tính"), value
/// ("Số liệu", "Kết quả", "Số lượng/tỷ lệ", "Giá trị", "Quý này", "Lũy kế", "Kế hoạch", "Tỷ lệ (%)") and note
/// ("Ghi chú"), in any order, case or Unicode form, over one header row or two (a "Kết quả" cell spanning "Quý này
/// | Lũy kế" below it), followed or not by a row numbering the columns.
/// </summary>
internal static class HeaderReader
{
    /// <summary>A cell longer than this is never a header label; it spares folding long note cells.</summary>
    private const int MaxHeaderCellLength = 80;

    /// <summary>The first row of <paramref name="table"/> (from <paramref name="start"/>, within <paramref name="maxRows"/>) that reads as an appendix header; -1 when none.</summary>
    public static int Find(TableBlock table, int start, int maxRows)
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

    /// <summary>True when the row names an indicator column and a unit or value column.</summary>
    public static bool IsHeaderRow(RawRow row)
    {
        // Most rows are data: a number, or no cell that could name the indicator column, settles it without folding.
        var mightBe = false;
        foreach (var cell in row.CellSpan)
        {
            if (cell.Number is not null)
            {
                return false;
            }

            mightBe |= MightNameLabelColumn(cell.Text);
        }

        if (!mightBe)
        {
            return false;
        }

        var label = false;
        var other = false;
        foreach (var cell in row.CellSpan)
        {
            switch (Classify(cell)?.Kind)
            {
                case HeaderKind.Label:
                    label = true;
                    break;
                case HeaderKind.Unit or HeaderKind.Value:
                    other = true;
                    break;
            }
        }

        return label && other;
    }

    /// <summary>
    /// A cheap test that spares folding most cells: "chỉ tiêu" and "tiêu chí" keep the letters "ch" and "ti" in either
    /// Unicode form, since only vowels carry their diacritics; "Nội dung" starts with N.
    /// </summary>
    private static bool MightNameLabelColumn(string text)
    {
        var trimmed = text.AsSpan().TrimStart();
        return trimmed.Length is > 0 and <= MaxHeaderCellLength
            && ((trimmed.Contains("CH", StringComparison.OrdinalIgnoreCase) && trimmed.Contains("TI", StringComparison.OrdinalIgnoreCase))
                || trimmed[0] is 'N' or 'n');
    }

    /// <summary>
    /// The layout the header at <paramref name="headerRow"/> describes, with the row its data starts at: after a
    /// second header row and a column-numbering row where the table has them.
    /// </summary>
    public static ColumnLayout Read(TableBlock table, int headerRow, out int dataStart)
    {
        var top = Positions(table.Rows[headerRow]);
        var width = top.Count == 0 ? 0 : top[^1].Start + top[^1].Span;
        var kinds = new Dictionary<int, (HeaderKind Kind, ValueRole Role, string Text)>();
        var unnamed = new List<int>();
        foreach (var (start, span, cell) in top)
        {
            if (Classify(cell) is { } c)
            {
                kinds[start] = (c.Kind, c.Role, Clean(cell.Text));
            }
            else
            {
                unnamed.Add(start);
            }
        }

        dataStart = headerRow + 1;
        if (dataStart < table.Rows.Count && ReadSecondRow(table.Rows[dataStart], top, kinds, unnamed))
        {
            dataStart++;
        }

        if (dataStart < table.Rows.Count && IsNumberingRow(table.Rows[dataStart]))
        {
            dataStart++;
        }

        FillByOrder(kinds, unnamed);
        return Build(kinds, width);
    }

    /// <summary>
    /// "(1) (2) (3) (4) (5)", "1 2 3 4 5" or "A B 1 2 3" under a header: the columns' numbers, not data.
    /// </summary>
    public static bool IsNumberingRow(RawRow row)
    {
        var expected = 1;
        var letter = 'A';
        var any = 0;
        foreach (var cell in row.CellSpan)
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

            any++;
            if (expected == 1 && text.Length == 1 && text[0] == letter)
            {
                letter++;
                continue;
            }

            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n != expected)
            {
                return false;
            }

            expected++;
        }

        return any > 3 && expected > 2;
    }

    public static (HeaderKind Kind, ValueRole Role)? Classify(RawCell cell)
    {
        if (cell.Number is not null || cell.Text.Length is 0 or > MaxHeaderCellLength)
        {
            return null;
        }

        // Folded into a buffer: header detection asks every cell of a table's first rows and of any row that might
        // repeat the header, and one string per cell was most of what finding the appendix allocated.
        Span<char> key = stackalloc char[MaxHeaderCellLength];
        var length = VietnameseText.WriteLabelKey(cell.Text, key);
        return length < 0 ? Words.Default.Headers.Classify(VietnameseText.LabelKey(cell.Text)) : Words.Default.Headers.Classify(key[..length]);
    }

    /// <summary>Each cell of <paramref name="row"/> with the grid column it starts at and how many it spans.</summary>
    public static List<(int Start, int Span, RawCell Cell)> Positions(RawRow row)
    {
        var positions = new List<(int, int, RawCell)>(row.Cells.Count);
        var at = 0;
        foreach (var cell in row.CellSpan)
        {
            var span = Math.Max(cell.ColumnSpan, 1);
            positions.Add((at, span, cell));
            at += span;
        }

        return positions;
    }

    /// <summary>
    /// A second header row refines the first where the first's cell spans several columns or is blank above it (a
    /// merge): "Kết quả" over "Quý này | Lũy kế", or "Chỉ tiêu" over "STT | Tên | ĐVT". True when the row was one.
    /// </summary>
    private static bool ReadSecondRow(
        RawRow row,
        List<(int Start, int Span, RawCell Cell)> top,
        Dictionary<int, (HeaderKind Kind, ValueRole Role, string Text)> kinds,
        List<int> unnamed)
    {
        var below = new List<(int Start, HeaderKind Kind, ValueRole Role, string Text)>();
        foreach (var (start, _, cell) in Positions(row))
        {
            if (cell.Number is not null || SectionNumbers.Parse(cell.Text) is not null)
            {
                return false;
            }

            if (cell.Text.Trim().Length == 0)
            {
                continue;
            }

            if (Classify(cell) is not { } c)
            {
                return false;
            }

            below.Add((start, c.Kind, c.Role, Clean(cell.Text)));
        }

        var groups = Groups(top, kinds);
        var dissolved = new HashSet<int>();
        var refined = false;
        foreach (var (start, kind, role, text) in below)
        {
            var group = groups.FirstOrDefault(g => g.Start <= start && start < g.End);
            if (group.End == 0 || (group.End - group.Start == 1 && group.Named is not null))
            {
                continue;
            }

            // The group's own cell gives way to what is below it; a value group passes its role to a sub-column
            // that says no more than "this period" ("Lũy kế" over "Số lượng | Tỷ lệ").
            if (dissolved.Add(group.Start))
            {
                kinds.Remove(group.Start);
            }

            var subRole = kind == HeaderKind.Value && role == ValueRole.Period && group.Named is { Kind: HeaderKind.Value } named ? named.Role : role;
            kinds[start] = (kind, subRole, text);
            unnamed.Remove(start);
            refined = true;
        }

        return refined;
    }

    /// <summary>
    /// The top row's cells as column groups: a cell with its span, and a value cell also over the blank cells right of
    /// it, since Excel leaves the rest of a merged area blank.
    /// </summary>
    private static List<(int Start, int End, (HeaderKind Kind, ValueRole Role, string Text)? Named)> Groups(
        List<(int Start, int Span, RawCell Cell)> top,
        Dictionary<int, (HeaderKind Kind, ValueRole Role, string Text)> kinds)
    {
        var groups = new List<(int, int, (HeaderKind, ValueRole, string)?)>();
        for (var i = 0; i < top.Count; i++)
        {
            var (start, span, _) = top[i];
            (HeaderKind Kind, ValueRole Role, string Text)? named = kinds.TryGetValue(start, out var k) ? k : null;
            var end = start + span;
            while (named?.Kind == HeaderKind.Value && i + 1 < top.Count && top[i + 1].Cell.Text.Trim().Length == 0)
            {
                i++;
                end = top[i].Start + top[i].Span;
            }

            groups.Add((start, end, named));
        }

        return groups;
    }

    /// <summary>A header cell left blank or worded unusually still holds its column: the form's order decides.</summary>
    private static void FillByOrder(Dictionary<int, (HeaderKind Kind, ValueRole Role, string Text)> kinds, List<int> unnamed)
    {
        var label = kinds.Where(k => k.Value.Kind == HeaderKind.Label).Select(k => k.Key).DefaultIfEmpty(-1).Min();
        if (label < 0)
        {
            return;
        }

        bool Has(HeaderKind kind) => kinds.Values.Any(k => k.Kind == kind);
        int After(params HeaderKind[] previous) =>
            kinds.Where(k => previous.Contains(k.Value.Kind)).Select(k => k.Key).DefaultIfEmpty(label).Max();

        void Take(HeaderKind kind, int candidate)
        {
            if (candidate >= 0)
            {
                kinds[candidate] = (kind, ValueRole.Period, string.Empty);
                unnamed.Remove(candidate);
            }
        }

        if (!Has(HeaderKind.Numbering))
        {
            Take(HeaderKind.Numbering, unnamed.LastOrDefault(p => p < label, -1));
        }

        if (!Has(HeaderKind.Unit))
        {
            Take(HeaderKind.Unit, unnamed.FirstOrDefault(p => p > label, -1));
        }

        if (!Has(HeaderKind.Value))
        {
            Take(HeaderKind.Value, unnamed.FirstOrDefault(p => p > After(HeaderKind.Label, HeaderKind.Unit), -1));
        }

        if (!Has(HeaderKind.Note))
        {
            Take(HeaderKind.Note, unnamed.FirstOrDefault(p => p > After(HeaderKind.Label, HeaderKind.Unit, HeaderKind.Value), -1));
        }
    }

    private static ColumnLayout Build(Dictionary<int, (HeaderKind Kind, ValueRole Role, string Text)> kinds, int width)
    {
        int First(HeaderKind kind) => kinds.Where(k => k.Value.Kind == kind).Select(k => k.Key).DefaultIfEmpty(-1).Min();
        var values = kinds.Where(k => k.Value.Kind == HeaderKind.Value)
            .OrderBy(k => k.Key)
            .Select((k, i) => (k.Key, new ValueColumn(i, k.Value.Text, k.Value.Role)))
            .ToList();
        return new ColumnLayout(First(HeaderKind.Numbering), First(HeaderKind.Label), First(HeaderKind.Unit), First(HeaderKind.Note), values, width);
    }

    private static string Clean(string text) => VietnameseText.Squeeze(text);
}
