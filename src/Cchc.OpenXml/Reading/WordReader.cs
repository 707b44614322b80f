using System.Text;
using Cchc.Appendix.Table;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Cchc.OpenXml.Reading;

/// <summary>
/// The body of a .docx as blocks: paragraphs and tables in reading order. Body children are loaded one at
/// a time from a forward-only reader, so a long report never sits in memory as one tree.
/// </summary>
internal sealed class WordReader(string name, ReadLimits limits)
{
    private int _rows;
    private int _tables;

    public List<DocumentBlock> Read(WordprocessingDocument document)
    {
        var blocks = new List<DocumentBlock>();
        var main = document.MainDocumentPart;
        if (main is null)
        {
            throw ReadFailures.Corrupt(name);
        }

        using var reader = OpenXmlReader.Create(main);
        while (reader.Read())
        {
            if (reader.ElementType != typeof(Body) || !reader.IsStartElement)
            {
                continue;
            }

            if (!reader.ReadFirstChild())
            {
                break;
            }

            // LoadCurrentElement leaves the reader on the loaded element's end, so the next sibling follows.
            do
            {
                if (reader.IsStartElement && reader.ElementType == typeof(Table))
                {
                    blocks.Add(ReadTable(StreamedRows(reader)));
                }
                else if (reader.IsStartElement && IsBlock(reader.ElementType))
                {
                    AddBlock(reader.LoadCurrentElement()!, blocks);
                }
            }
            while (reader.ReadNextSibling());

            break;
        }

        return blocks;
    }

    private static bool IsBlock(Type type) =>
        type == typeof(Paragraph) || type == typeof(Table) || type == typeof(SdtBlock) || type == typeof(CustomXmlBlock);

    private void AddBlock(OpenXmlElement element, List<DocumentBlock> blocks)
    {
        foreach (var block in Flatten(element))
        {
            blocks.Add(block is Table table ? ReadTable(Rows(table)) : new ParagraphBlock(Bounded(ParagraphText((Paragraph)block))));
        }
    }

    /// <summary>
    /// The paragraphs and tables of a body in the order <see cref="Read"/> turns them into blocks, for writers that
    /// must find a block again by its index: content controls and custom XML are looked through.
    /// </summary>
    internal static IEnumerable<OpenXmlElement> BodyBlocks(Body body) =>
        body.ChildElements.Where(c => IsBlock(c.GetType())).SelectMany(Flatten);

    private static IEnumerable<OpenXmlElement> Flatten(OpenXmlElement element) => element switch
    {
        Paragraph or Table => [element],
        SdtBlock or CustomXmlBlock or SdtContentBlock => element.ChildElements.SelectMany(Flatten),
        _ => [],
    };

    private TableBlock ReadTable(IEnumerable<TableRow> tableRows)
    {
        var tableNumber = ++_tables;
        var rows = new List<RawRow>();
        foreach (var row in tableRows)
        {
            if (++_rows > limits.MaxRows)
            {
                throw ReadFailures.TooManyRows(name, limits.MaxRows);
            }

            var cells = new List<RawCell>();
            foreach (var cell in Cells(row))
            {
                var properties = cell.TableCellProperties;
                var span = properties?.GridSpan?.Val?.Value ?? 1;
                var merge = properties?.VerticalMerge;

                // A vMerge continuation repeats no text: the value belongs to the cell where the merge starts.
                var continuation = merge is not null && merge.Val?.Value != MergedCellValues.Restart;
                var text = continuation ? string.Empty : CellText(cell);
                if (text.Length > limits.MaxCellCharacters)
                {
                    throw ReadFailures.CellTooLong(
                        name,
                        $"Ô thứ {cells.Count + 1} của dòng {rows.Count + 1} trong bảng {tableNumber}",
                        $"Cell {cells.Count + 1} of row {rows.Count + 1} in table {tableNumber}",
                        limits.MaxCellCharacters);
                }

                cells.Add(text.Length == 0 && span <= 1 ? RawCell.Empty : new RawCell(text, ColumnSpan: Math.Max(span, 1)));
            }

            rows.Add(new RawRow(cells));
        }

        return new TableBlock(rows);
    }

    /// <summary>
    /// Rows of the table the reader stands on, loaded one at a time: a body table can hold the whole appendix
    /// (or 100,000 rows of a crafted file), and as one tree it would cost several kilobytes per row at once.
    /// The reader is left on the table's end, as <see cref="OpenXmlReader.LoadCurrentElement"/> would leave it.
    /// </summary>
    private static IEnumerable<TableRow> StreamedRows(OpenXmlReader reader)
    {
        if (!reader.ReadFirstChild())
        {
            yield break;
        }

        do
        {
            if (!reader.IsStartElement)
            {
                continue;
            }

            if (reader.ElementType == typeof(TableRow))
            {
                yield return (TableRow)reader.LoadCurrentElement()!;
            }
            else if (reader.ElementType == typeof(SdtRow) || reader.ElementType == typeof(CustomXmlRow))
            {
                foreach (var row in Rows(reader.LoadCurrentElement()!))
                {
                    yield return row;
                }
            }
        }
        while (reader.ReadNextSibling());
    }

    /// <summary>Rows of a table, including those wrapped in content controls or custom XML.</summary>
    internal static IEnumerable<TableRow> Rows(OpenXmlElement container)
    {
        foreach (var child in container.ChildElements)
        {
            switch (child)
            {
                case TableRow row:
                    yield return row;
                    break;
                case SdtRow or SdtContentRow or CustomXmlRow:
                    foreach (var inner in Rows(child))
                    {
                        yield return inner;
                    }

                    break;
            }
        }
    }

    internal static IEnumerable<TableCell> Cells(OpenXmlElement container)
    {
        foreach (var child in container.ChildElements)
        {
            switch (child)
            {
                case TableCell cell:
                    yield return cell;
                    break;
                case SdtCell or SdtContentCell or CustomXmlCell:
                    foreach (var inner in Cells(child))
                    {
                        yield return inner;
                    }

                    break;
            }
        }
    }

    /// <summary>A cell's paragraphs joined by line breaks; a table nested in the cell contributes its text, row by row.</summary>
    internal static string CellText(OpenXmlElement cell)
    {
        var lines = new List<string>();
        CollectCellLines(cell, lines);
        return string.Join('\n', lines);
    }

    private static void CollectCellLines(OpenXmlElement container, List<string> lines)
    {
        foreach (var child in container.ChildElements)
        {
            switch (child)
            {
                case Paragraph paragraph:
                    lines.Add(ParagraphText(paragraph));
                    break;
                case Table nested:
                    foreach (var row in Rows(nested))
                    {
                        lines.Add(string.Join(' ', Cells(row).Select(CellText).Where(t => t.Length > 0)));
                    }

                    break;
                case SdtBlock or SdtContentBlock or CustomXmlBlock:
                    CollectCellLines(child, lines);
                    break;
            }
        }
    }

    internal static string ParagraphText(Paragraph paragraph)
    {
        var builder = new StringBuilder();
        AppendText(paragraph, builder);
        return builder.ToString();
    }

    /// <summary>
    /// What a reader of the document sees: inserted revisions count, deleted and moved-away text does not,
    /// field codes are hidden behind their results, and drawings are left out (their fallback copies would
    /// double the text).
    /// </summary>
    private static void AppendText(OpenXmlElement element, StringBuilder builder)
    {
        foreach (var child in element.ChildElements)
        {
            switch (child)
            {
                case Text text:
                    builder.Append(text.Text);
                    break;
                case TabChar or PositionalTab:
                    builder.Append(' ');
                    break;
                case Break or CarriageReturn:
                    builder.Append('\n');
                    break;
                case NoBreakHyphen:
                    builder.Append('-');
                    break;
                case DeletedText or DeletedRun or MoveFromRun or FieldCode or DeletedFieldCode
                    or Drawing or Picture or EmbeddedObject or AlternateContent
                    or ParagraphProperties or RunProperties:
                    break;
                default:
                    AppendText(child, builder);
                    break;
            }
        }
    }

    /// <summary>Body paragraphs only feed the title lines, so an absurdly long one is cut rather than refused.</summary>
    private string Bounded(string text) => text.Length > limits.MaxCellCharacters ? text[..limits.MaxCellCharacters] : text;
}
