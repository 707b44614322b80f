using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Cchc.OpenXml.Writing;

/// <summary>
/// Legacy notes (what Excel calls Notes, formerly Comments): the comments part holds the text, a VML drawing the
/// yellow box Excel shows on hover. Both are kept in step, and notes other people wrote are never touched.
/// </summary>
internal static class ExcelNotes
{
    private static readonly XNamespace V = "urn:schemas-microsoft-com:vml";
    private static readonly XNamespace O = "urn:schemas-microsoft-com:office:office";
    private static readonly XNamespace X = "urn:schemas-microsoft-com:office:excel";

    private static readonly Type[] AfterLegacyDrawing =
    [
        typeof(LegacyDrawingHeaderFooter), typeof(DrawingHeaderFooter), typeof(Picture), typeof(OleObjects), typeof(Controls),
        typeof(WebPublishItems), typeof(TableParts), typeof(WorksheetExtensionList),
    ];

    public static bool HasForeignNote(WorksheetPart sheet, string reference) =>
        sheet.WorksheetCommentsPart?.Comments?.CommentList?.Elements<Comment>()
            .Any(c => string.Equals(c.Reference?.Value, reference, StringComparison.OrdinalIgnoreCase) && !Marks.IsOurs(c.CommentText?.InnerText ?? string.Empty)) == true;

    public static void Add(WorkbookPart workbook, WorksheetPart sheet, string reference, string author, string text)
    {
        var drawing = Drawing(workbook, sheet);
        if (drawing is null)
        {
            // A VML drawing we cannot parse is somebody else's content: better no note than a damaged drawing.
            return;
        }

        var part = sheet.WorksheetCommentsPart ?? sheet.AddNewPart<WorksheetCommentsPart>();
        part.Comments ??= new Comments(new Authors(), new CommentList());
        var comments = part.Comments;
        var authors = comments.Authors ??= new Authors();
        var authorId = authors.Elements<Author>().TakeWhile(a => a.Text != author).Count();
        if (authorId == authors.Elements<Author>().Count())
        {
            authors.Append(new Author(author));
        }

        var list = comments.CommentList ??= new CommentList();
        list.Append(new Comment(
            new CommentText(new Run(
                new RunProperties(new FontSize { Val = 9 }, new RunFont { Val = "Tahoma" }),
                new Text(text) { Space = SpaceProcessingModeValues.Preserve })))
        {
            Reference = reference,
            AuthorId = (uint)authorId,
        });

        var (vml, part2) = drawing.Value;
        vml.Root!.Add(Shape(vml, ExcelCells.RowOf(reference), ExcelCells.ColumnOf(reference)));
        Save(part2, vml);
    }

    /// <summary>Removes our notes from <paramref name="sheet"/>; the reference and text of each.</summary>
    public static List<(string Reference, string Text)> RemoveOurs(WorksheetPart sheet)
    {
        var removed = new List<(string Reference, string Text)>();
        var comments = sheet.WorksheetCommentsPart?.Comments;
        var list = comments?.CommentList;
        if (list is null)
        {
            return removed;
        }

        foreach (var comment in list.Elements<Comment>().ToList())
        {
            var text = comment.CommentText?.InnerText ?? string.Empty;
            if (Marks.IsOurs(text) && comment.Reference?.Value is { } reference)
            {
                removed.Add((reference, text));
                comment.Remove();
            }
        }

        if (removed.Count == 0)
        {
            return removed;
        }

        var vmlPart = LegacyPart(sheet);
        if (vmlPart is not null && Load(vmlPart) is { } vml)
        {
            var cells = removed.Select(r => (ExcelCells.RowOf(r.Reference), ExcelCells.ColumnOf(r.Reference))).ToHashSet();
            foreach (var shape in vml.Root!.Elements(V + "shape").Where(s => IsNoteAt(s, cells)).ToList())
            {
                shape.Remove();
            }

            if (!list.HasChildren && !vml.Root.Elements(V + "shape").Any())
            {
                sheet.Worksheet!.GetFirstChild<LegacyDrawing>()?.Remove();
                sheet.DeletePart(vmlPart);
            }
            else
            {
                Save(vmlPart, vml);
            }
        }

        if (!list.HasChildren)
        {
            sheet.DeletePart(sheet.WorksheetCommentsPart!);
        }

        return removed;
    }

    private static bool IsNoteAt(XElement shape, HashSet<(int, int)> cells)
    {
        var data = shape.Element(X + "ClientData");
        if (data?.Attribute("ObjectType")?.Value != "Note")
        {
            return false;
        }

        return int.TryParse(data.Element(X + "Row")?.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var row)
            && int.TryParse(data.Element(X + "Column")?.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var column)
            && cells.Contains((row, column));
    }

    private static VmlDrawingPart? LegacyPart(WorksheetPart sheet) =>
        sheet.Worksheet?.GetFirstChild<LegacyDrawing>()?.Id?.Value is { } id && sheet.TryGetPartById(id, out var part) ? part as VmlDrawingPart : null;

    /// <summary>The sheet's VML drawing, created with the note shape type when the sheet has none; null when it cannot be read.</summary>
    private static (XDocument Vml, VmlDrawingPart Part)? Drawing(WorkbookPart workbook, WorksheetPart sheet)
    {
        if (LegacyPart(sheet) is { } existing)
        {
            return Load(existing) is { } loaded ? (loaded, existing) : null;
        }

        var part = sheet.AddNewPart<VmlDrawingPart>();
        var vml = NewVml(NextIdBlock(workbook));
        Save(part, vml);

        var legacy = new LegacyDrawing { Id = sheet.GetIdOfPart(part) };
        var worksheet = sheet.Worksheet!;
        var before = worksheet.ChildElements.FirstOrDefault(c => AfterLegacyDrawing.Contains(c.GetType()));
        if (before is null)
        {
            worksheet.Append(legacy);
        }
        else
        {
            before.InsertBeforeSelf(legacy);
        }

        return (vml, part);
    }

    /// <summary>
    /// Writes many notes on a sheet the caller is writing itself, in one pass: the comments part and the VML drawing,
    /// shape ids from <paramref name="idBlock"/> (unique within the workbook). Returns the drawing's relationship id for
    /// the sheet's <c>legacyDrawing</c> element, which the caller writes.
    /// </summary>
    public static string WriteAll(WorksheetPart sheet, int idBlock, string author, IReadOnlyList<(int Row, int Column, string Text)> notes)
    {
        var list = new CommentList();
        var vml = NewVml(idBlock);
        for (var i = 0; i < notes.Count; i++)
        {
            var (row, column, text) = notes[i];
            list.Append(new Comment(
                new CommentText(new Run(
                    new RunProperties(new FontSize { Val = 9 }, new RunFont { Val = "Tahoma" }),
                    new Text(text) { Space = SpaceProcessingModeValues.Preserve })))
            {
                Reference = ExcelCells.Reference(row, column),
                AuthorId = 0,
            });
            vml.Root!.Add(Shape((idBlock * 1024) + i + 1, row, column));
        }

        sheet.AddNewPart<WorksheetCommentsPart>().Comments = new Comments(new Authors(new Author(author)), list);
        var part = sheet.AddNewPart<VmlDrawingPart>();
        Save(part, vml);
        return sheet.GetIdOfPart(part);
    }

    /// <summary>An empty VML drawing with the note shape type, its shape ids in <paramref name="block"/>.</summary>
    private static XDocument NewVml(int block) =>
        new XDocument(new XElement(
            "xml",
            new XAttribute(XNamespace.Xmlns + "v", V),
            new XAttribute(XNamespace.Xmlns + "o", O),
            new XAttribute(XNamespace.Xmlns + "x", X),
            new XElement(O + "shapelayout", new XAttribute(V + "ext", "edit"), new XElement(O + "idmap", new XAttribute(V + "ext", "edit"), new XAttribute("data", block))),
            new XElement(
                V + "shapetype",
                new XAttribute("id", "_x0000_t202"),
                new XAttribute("coordsize", "21600,21600"),
                new XAttribute(O + "spt", "202"),
                new XAttribute("path", "m,l,21600r21600,l21600,xe"),
                new XElement(V + "stroke", new XAttribute("joinstyle", "miter")),
                new XElement(V + "path", new XAttribute("gradientshapeok", "t"), new XAttribute(O + "connecttype", "rect")))));

    private static XElement Shape(XDocument vml, int row, int column)
    {
        var block = int.TryParse(vml.Root!.Element(O + "shapelayout")?.Element(O + "idmap")?.Attribute("data")?.Value?.Split(',')[0], NumberStyles.None, CultureInfo.InvariantCulture, out var b) ? b : 1;
        var used = vml.Root.Elements(V + "shape")
            .Select(s => s.Attribute("id")?.Value ?? string.Empty)
            .Select(id => int.TryParse(id.Replace("_x0000_s", string.Empty, StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0)
            .DefaultIfEmpty(block * 1024)
            .Max();
        return Shape(Math.Max(used, block * 1024) + 1, row, column);
    }

    private static XElement Shape(int id, int row, int column)
    {
        var anchor = string.Join(", ", column + 1, 15, Math.Max(row - 1, 0), 10, column + 3, 15, row + 4, 4);
        return new XElement(
            V + "shape",
            new XAttribute("id", "_x0000_s" + id.ToString(CultureInfo.InvariantCulture)),
            new XAttribute("type", "#_x0000_t202"),
            new XAttribute("style", "position:absolute;margin-left:59.25pt;margin-top:1.5pt;width:180pt;height:90pt;z-index:1;visibility:hidden"),
            new XAttribute("fillcolor", "#ffffe1"),
            new XAttribute(O + "insetmode", "auto"),
            new XElement(V + "fill", new XAttribute("color2", "#ffffe1")),
            new XElement(V + "shadow", new XAttribute("on", "t"), new XAttribute("color", "black"), new XAttribute("obscured", "t")),
            new XElement(V + "path", new XAttribute(O + "connecttype", "none")),
            new XElement(V + "textbox", new XAttribute("style", "mso-direction-alt:auto"), new XElement("div", new XAttribute("style", "text-align:left"))),
            new XElement(
                X + "ClientData",
                new XAttribute("ObjectType", "Note"),
                new XElement(X + "MoveWithCells"),
                new XElement(X + "SizeWithCells"),
                new XElement(X + "Anchor", anchor),
                new XElement(X + "AutoFill", "False"),
                new XElement(X + "Row", row.ToString(CultureInfo.InvariantCulture)),
                new XElement(X + "Column", column.ToString(CultureInfo.InvariantCulture))));
    }

    /// <summary>A shape-id block no other drawing of the workbook uses: Excel repairs a workbook whose note ids collide.</summary>
    private static int NextIdBlock(WorkbookPart workbook)
    {
        var max = 0;
        foreach (var part in workbook.WorksheetParts.SelectMany(s => s.VmlDrawingParts))
        {
            var data = Load(part)?.Root?.Element(O + "shapelayout")?.Element(O + "idmap")?.Attribute("data")?.Value ?? string.Empty;
            foreach (var value in data.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
                {
                    max = Math.Max(max, n);
                }
            }
        }

        return max + 1;
    }

    private static XDocument? Load(VmlDrawingPart part)
    {
        try
        {
            using var stream = part.GetStream(FileMode.Open, FileAccess.Read);
            using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            return XDocument.Load(reader);
        }
        catch (XmlException)
        {
            return null;
        }
    }

    private static void Save(VmlDrawingPart part, XDocument vml)
    {
        using var stream = part.GetStream(FileMode.Create, FileAccess.Write);
        vml.Save(stream, SaveOptions.DisableFormatting);
    }
}
