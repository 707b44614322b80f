using System.Globalization;
using System.Text;
using System.Xml;
using Cchc.Appendix.Table;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Cchc.OpenXml.Reading;

/// <summary>
/// The body of a .docx as blocks: paragraphs and tables in reading order. <see cref="Read"/> walks the main
/// part once with <see cref="XmlReader"/> and builds no element tree (a tree cost several kilobytes per row,
/// 70 times the bytes of the part); the static helpers below give writers, which hold the tree anyway, the
/// same blocks, rows, cells and text, so a location read here finds its element there.
/// </summary>
internal sealed class WordReader(string name, ReadLimits limits, PartBudget budget)
{
    private const string W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private const string M = "http://schemas.openxmlformats.org/officeDocument/2006/math";
    private const string Mc = "http://schemas.openxmlformats.org/markup-compatibility/2006";

    private int _rows;
    private int _tables;

    public List<DocumentBlock> Read(PackageParts package)
    {
        var blocks = new List<DocumentBlock>();
        using var reader = package.OpenXml(package.MainPart());
        if (reader.MoveToContent() != XmlNodeType.Element || reader.IsEmptyElement)
        {
            return blocks;
        }

        // The body is a child of the root; anything after it (there is nothing in a valid part) is not read.
        var rootDepth = reader.Depth;
        reader.Read();
        while (reader.Depth > rootDepth)
        {
            if (reader.NodeType == XmlNodeType.Element && Is(reader, "body"))
            {
                XmlWalk.Children(reader, blocks, ReadBlock);
                break;
            }

            Skip(reader);
        }

        return blocks;
    }

    /// <summary>A body child, or a child of a content control or custom XML around blocks (<see cref="Flatten"/>).</summary>
    private void ReadBlock(XmlReader reader, List<DocumentBlock> blocks)
    {
        if (Is(reader, "p"))
        {
            var text = Bounded(ParagraphText(reader));
            budget.Text(text.Length);
            blocks.Add(new ParagraphBlock(text));
        }
        else if (Is(reader, "tbl"))
        {
            blocks.Add(ReadTable(reader));
        }
        else if (Is(reader, "sdt"))
        {
            XmlWalk.Children(reader, blocks, (r, b) => Within(r, "sdtContent", b, ReadBlock));
        }
        else if (Is(reader, "customXml"))
        {
            XmlWalk.Children(reader, blocks, ReadBlock);
        }
        else
        {
            Skip(reader);
        }
    }

    private TableBlock ReadTable(XmlReader reader)
    {
        var tableNumber = ++_tables;
        var rows = new List<RawRow>();
        XmlWalk.Children(reader, rows, (r, list) => TableRows(r, list, (row, l) => l.Add(ReadRow(row, l.Count, tableNumber))));
        return new TableBlock(rows);
    }

    private RawRow ReadRow(XmlReader reader, int rowIndex, int tableNumber)
    {
        if (++_rows > limits.MaxRows)
        {
            throw ReadFailures.TooManyRows(name, limits.MaxRows);
        }

        budget.ThrowIfCancellationRequested();
        var cells = new List<RawCell>();
        XmlWalk.Children(reader, cells, (r, list) => RowCells(r, list, (cell, l) => l.Add(ReadCell(cell, l.Count, rowIndex, tableNumber))));
        return new RawRow(cells);
    }

    private RawCell ReadCell(XmlReader reader, int cellIndex, int rowIndex, int tableNumber)
    {
        var span = 1;
        var continuation = false;
        var seenProperties = false;
        var lines = new List<string>();
        XmlWalk.Children(reader, lines, (r, l) =>
        {
            if (Is(r, "tcPr") && !seenProperties)
            {
                seenProperties = true;
                (span, continuation) = CellProperties(r);
            }
            else
            {
                CellLine(r, l);
            }
        });

        // A vMerge continuation repeats no text: the value belongs to the cell where the merge starts.
        var text = continuation ? string.Empty : string.Join('\n', lines);
        if (text.Length > limits.MaxCellCharacters)
        {
            throw ReadFailures.CellTooLong(
                name,
                $"Ô thứ {cellIndex + 1} của dòng {rowIndex + 1} trong bảng {tableNumber}",
                $"Cell {cellIndex + 1} of row {rowIndex + 1} in table {tableNumber}",
                limits.MaxCellCharacters);
        }

        budget.Cell(text.Length);
        return text.Length == 0 && span <= 1 ? RawCell.Empty : new RawCell(text, ColumnSpan: Math.Max(span, 1));
    }

    /// <summary>The first gridSpan and vMerge of a cell's properties, read as the SDK reads GridSpan.Val and VerticalMerge.Val.</summary>
    private static (int Span, bool Continuation) CellProperties(XmlReader reader)
    {
        int? span = null;
        bool? continuation = null;
        XmlWalk.Children(reader, reader, (r, _) =>
        {
            if (Is(r, "gridSpan") && span is null)
            {
                var value = r.GetAttribute("val", W);
                span = value is null ? 1 : int.TryParse(value.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) ? n : throw new FormatException("gridSpan");
            }
            else if (Is(r, "vMerge") && continuation is null)
            {
                continuation = r.GetAttribute("val", W) != "restart";
            }

            Skip(r);
        });
        return (span ?? 1, continuation ?? false);
    }

    /// <summary>Rows of a table as <see cref="Rows"/> finds them: through content controls and custom XML.</summary>
    private static void TableRows<T>(XmlReader reader, T state, Action<XmlReader, T> row)
    {
        if (Is(reader, "tr"))
        {
            row(reader, state);
        }
        else if (Is(reader, "sdt"))
        {
            XmlWalk.Children(reader, state, (r, s) => Within(r, "sdtContent", s, (c, t) => TableRows(c, t, row)));
        }
        else if (Is(reader, "customXml"))
        {
            XmlWalk.Children(reader, state, (r, s) => TableRows(r, s, row));
        }
        else
        {
            Skip(reader);
        }
    }

    /// <summary>Cells of a row as <see cref="Cells"/> finds them.</summary>
    private static void RowCells<T>(XmlReader reader, T state, Action<XmlReader, T> cell)
    {
        if (Is(reader, "tc"))
        {
            cell(reader, state);
        }
        else if (Is(reader, "sdt"))
        {
            XmlWalk.Children(reader, state, (r, s) => Within(r, "sdtContent", s, (c, t) => RowCells(c, t, cell)));
        }
        else if (Is(reader, "customXml"))
        {
            XmlWalk.Children(reader, state, (r, s) => RowCells(r, s, cell));
        }
        else
        {
            Skip(reader);
        }
    }

    /// <summary>One child of a cell as <see cref="CollectCellLines"/> reads it.</summary>
    private static void CellLine(XmlReader reader, List<string> lines)
    {
        if (Is(reader, "p"))
        {
            lines.Add(ParagraphText(reader));
        }
        else if (Is(reader, "tbl"))
        {
            XmlWalk.Children(reader, lines, (r, l) => TableRows(r, l, (row, rowLines) =>
            {
                var texts = new List<string>();
                XmlWalk.Children(row, texts, (c, t) => RowCells(c, t, (cell, cellTexts) =>
                {
                    var cellLines = new List<string>();
                    XmlWalk.Children(cell, cellLines, CellLine);
                    cellTexts.Add(string.Join('\n', cellLines));
                }));
                rowLines.Add(string.Join(' ', texts.Where(t => t.Length > 0)));
            }));
        }
        else if (Is(reader, "sdt") || Is(reader, "sdtContent") || Is(reader, "customXml"))
        {
            XmlWalk.Children(reader, lines, CellLine);
        }
        else
        {
            Skip(reader);
        }
    }

    private static string ParagraphText(XmlReader reader)
    {
        var builder = new StringBuilder();
        XmlWalk.Children(reader, builder, (r, b) => AppendText(r, b, inRun: false));
        return builder.ToString();
    }

    /// <summary><see cref="AppendText(OpenXmlElement, StringBuilder)"/> over the reader: run content counts only inside a run, as the SDK types it only there.</summary>
    private static void AppendText(XmlReader reader, StringBuilder builder, bool inRun)
    {
        var ns = reader.NamespaceURI;
        var local = reader.LocalName;
        if (ns == W && inRun && local == "t")
        {
            builder.Append(reader.ReadElementContentAsString());
            return;
        }

        if (ns == W && inRun && local is "tab" or "ptab" or "br" or "cr" or "noBreakHyphen")
        {
            builder.Append(local switch { "tab" or "ptab" => ' ', "noBreakHyphen" => '-', _ => '\n' });
        }
        else if (!(ns == W && local is "delText" or "del" or "moveFrom" or "instrText" or "delInstrText" or "drawing" or "pict" or "object" or "pPr" or "rPr")
            && !(ns == Mc && local == "AlternateContent"))
        {
            var run = local == "r" && ns is W or M;
            XmlWalk.Children(reader, builder, (r, b) => AppendText(r, b, run));
            return;
        }

        Skip(reader);
    }

    private static bool Is(XmlReader reader, string localName) => reader.LocalName == localName && reader.NamespaceURI == W;


    private static void Within<T>(XmlReader reader, string localName, T state, Action<XmlReader, T> child)
    {
        if (Is(reader, localName))
        {
            XmlWalk.Children(reader, state, child);
        }
        else
        {
            Skip(reader);
        }
    }

    /// <summary>Moves past the node the reader is on, with everything inside it.</summary>
    private static void Skip(XmlReader reader) => XmlWalk.Skip(reader);

    /// <summary>
    /// The paragraphs and tables of a body in the order <see cref="Read"/> turns them into blocks, for writers that
    /// must find a block again by its index: content controls and custom XML are looked through.
    /// </summary>
    internal static IEnumerable<OpenXmlElement> BodyBlocks(Body body) => body.ChildElements.SelectMany(Flatten);

    private static IEnumerable<OpenXmlElement> Flatten(OpenXmlElement element) => element switch
    {
        Paragraph or Table => [element],
        SdtBlock or CustomXmlBlock or SdtContentBlock => element.ChildElements.SelectMany(Flatten),
        _ => [],
    };

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
