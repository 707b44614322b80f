using Cchc.Appendix.Table;

namespace Cchc.Appendix.Tests.Fixtures;

/// <summary>
/// Reads the text export of a fixture appendix (title lines, then one tab-separated line per table row) into a
/// snapshot, so that engine tests depend on neither OpenXml nor Office.
/// </summary>
internal static class TextFixture
{
    public static TableSnapshot Load(string fileName) => Parse(File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Fixtures", fileName)));

    public static TableSnapshot Parse(IEnumerable<string> lines)
    {
        var titles = new List<string>();
        var rows = new List<AppendixRow>();
        var inTable = false;
        foreach (var line in lines)
        {
            if (!inTable)
            {
                if (line.Contains("TÊN CHỈ TIÊU", StringComparison.Ordinal))
                {
                    inTable = true;
                }
                else if (!string.IsNullOrWhiteSpace(line))
                {
                    titles.Add(line.Trim());
                }

                continue;
            }

            var cells = line.Split('\t');
            if (cells.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            string Cell(int i) => i < cells.Length ? cells[i].Trim() : string.Empty;
            rows.Add(new AppendixRow(rows.Count + 1, Cell(0), Cell(1), Cell(2), Cell(3), Cell(4)));
        }

        return new TableSnapshot(titles, rows);
    }

    /// <summary>The fixture with one cell replaced, found by the row's label (the n-th occurrence).</summary>
    public static TableSnapshot With(this TableSnapshot snapshot, string label, AppendixColumn column, string text, int occurrence = 1)
    {
        var seen = 0;
        var rows = snapshot.Rows.Select(row =>
        {
            if (row.Label.Text != label || ++seen != occurrence)
            {
                return row;
            }

            return column switch
            {
                AppendixColumn.No => row with { No = text },
                AppendixColumn.Label => row with { Label = text },
                AppendixColumn.Unit => row with { Unit = text },
                AppendixColumn.Value => row with { Value = text },
                _ => row with { Note = text },
            };
        }).ToList();
        if (seen < occurrence)
        {
            throw new ArgumentException($"No row labelled '{label}' (occurrence {occurrence}).", nameof(label));
        }

        return snapshot with { Rows = rows };
    }
}
