using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Cchc.OpenXml.Writing;

/// <summary>Finding and creating worksheet cells by position, keeping rows and cells in the order Excel requires.</summary>
internal static class ExcelCells
{
    public static string Reference(int row, int column)
    {
        var letters = string.Empty;
        for (var c = column + 1; c > 0; c = (c - 1) / 26)
        {
            letters = (char)('A' + ((c - 1) % 26)) + letters;
        }

        return letters + (row + 1).ToString(CultureInfo.InvariantCulture);
    }

    public static int RowOf(string reference) =>
        int.Parse(reference.AsSpan(reference.TakeWhile(char.IsAsciiLetter).Count()), NumberStyles.None, CultureInfo.InvariantCulture) - 1;

    public static int ColumnOf(string reference)
    {
        var column = 0;
        foreach (var c in reference.TakeWhile(char.IsAsciiLetter))
        {
            column = (column * 26) + (char.ToUpperInvariant(c) - 'A' + 1);
        }

        return column - 1;
    }

    public static Cell? Find(WorksheetPart sheet, int row, int column)
    {
        var reference = Reference(row, column);
        return RowElement(sheet, row, create: false)?.Elements<Cell>().FirstOrDefault(c => string.Equals(c.CellReference?.Value, reference, StringComparison.OrdinalIgnoreCase));
    }

    public static Cell GetOrCreate(WorksheetPart sheet, int row, int column)
    {
        if (Find(sheet, row, column) is { } existing)
        {
            return existing;
        }

        var rowElement = RowElement(sheet, row, create: true)!;
        var cell = new Cell { CellReference = Reference(row, column) };
        var after = rowElement.Elements<Cell>().FirstOrDefault(c => c.CellReference?.Value is { } r && ColumnOf(r) > column);
        if (after is null)
        {
            rowElement.Append(cell);
        }
        else
        {
            after.InsertBeforeSelf(cell);
        }

        // A row's spans are an optimisation hint; a cell outside them would mislead Excel, so they go.
        rowElement.Spans = null;
        return cell;
    }

    /// <summary>The index of <paramref name="text"/> in the shared strings, added when absent.</summary>
    public static int SharedString(WorkbookPart workbook, string text)
    {
        var part = workbook.SharedStringTablePart ?? workbook.AddNewPart<SharedStringTablePart>();
        part.SharedStringTable ??= new SharedStringTable();
        var table = part.SharedStringTable;
        var index = 0;
        foreach (var item in table.Elements<SharedStringItem>())
        {
            if (item.Text?.Text == text && item.ChildElements.Count == 1)
            {
                return index;
            }

            index++;
        }

        table.Append(new SharedStringItem(new Text(text) { Space = DocumentFormat.OpenXml.SpaceProcessingModeValues.Preserve }));
        table.UniqueCount = (uint)(index + 1);
        if (table.Count is not null)
        {
            table.Count = table.Count.Value + 1;
        }

        return index;
    }

    private static Row? RowElement(WorksheetPart sheet, int row, bool create)
    {
        var worksheet = sheet.Worksheet!;
        var data = worksheet.GetFirstChild<SheetData>();
        if (data is null)
        {
            if (!create)
            {
                return null;
            }

            data = worksheet.AppendChild(new SheetData());
        }

        var index = (uint)(row + 1);
        Row? after = null;
        foreach (var element in data.Elements<Row>())
        {
            var r = element.RowIndex?.Value;
            if (r == index)
            {
                return element;
            }

            if (r > index)
            {
                after = element;
                break;
            }
        }

        if (!create)
        {
            return null;
        }

        var created = new Row { RowIndex = index };
        if (after is null)
        {
            data.Append(created);
        }
        else
        {
            after.InsertBeforeSelf(created);
        }

        return created;
    }
}
