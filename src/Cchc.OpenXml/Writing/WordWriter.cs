using System.Globalization;
using Cchc.Appendix.Editing;
using Cchc.Appendix.Table;
using Cchc.OpenXml.Reading;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Cchc.OpenXml.Writing;

/// <summary>
/// Writes edits and marks into a .docx whose appendix was read into <paramref name="snapshot"/>. Cells are found
/// again through the snapshot's locations, over the same block order the reader used; only the runs whose text
/// changes are touched.
/// </summary>
internal sealed class WordWriter(WordprocessingDocument document, TableSnapshot snapshot, WriteOptions options)
{
    private static readonly HighlightColorValues MarkColour = HighlightColorValues.Yellow;

    private readonly MainDocumentPart _main = document.MainDocumentPart!;
    private List<OpenXmlElement>? _blocks;
    private int _nextId = -1;

    private List<OpenXmlElement> Blocks => _blocks ??= [.. WordReader.BodyBlocks(_main.Document!.Body!)];

    public WriteResult Apply(IReadOnlyList<CellEdit> edits, IReadOnlyList<CellMark> marks)
    {
        var cleared = RemoveOurMarks();
        if (options.Clear)
        {
            return new WriteResult([], [], 0, cleared);
        }

        var applied = new List<CellEdit>();
        var skipped = new List<SkippedEdit>();
        var revisions = options.Track ? new Revisions(options.Author, options.Now, NextId) : null;
        foreach (var edit in edits)
        {
            var reason = ApplyEdit(edit, revisions);
            if (reason is null)
            {
                applied.Add(edit);
            }
            else
            {
                skipped.Add(new SkippedEdit(edit, reason.Value));
            }
        }

        var marked = 0;
        foreach (var mark in marks)
        {
            if (Locate(mark.Row, mark.Column, mark.ValueColumn, mark.TitleLine, verify: false) is { } target)
            {
                AddComment(target.Text, Marks.Lines(mark));
                marked++;
            }
        }

        return new WriteResult(applied, skipped, marked, cleared);
    }

    private SkipReason? ApplyEdit(CellEdit edit, Revisions? revisions)
    {
        if (Locate(edit.Row, edit.Column, edit.ValueColumn, edit.TitleLine, verify: true) is not { } target)
        {
            return SkipReason.CellNotFound;
        }

        var (text, start, end) = target;
        var current = text.Text[start..end];
        if (current == edit.NewText)
        {
            return SkipReason.AlreadyApplied;
        }

        if (edit.OldText is { } old && current != old)
        {
            return SkipReason.CellChanged;
        }

        // Only what differs is replaced, whole words at a time: "QUÝ III" → "QUÝ IV" strikes "III", not the title.
        var (prefix, suffix) = CommonEnds(current, edit.NewText);
        text.Replace(start + prefix, end - suffix, edit.NewText[prefix..^suffix], revisions);
        return null;
    }

    /// <summary>
    /// The text holding a cell or title line, and the span of it the snapshot saw (trimmed), or null. With
    /// <paramref name="verify"/>, the span must read as the snapshot read it; marks skip that, since an edit of this
    /// same run may have changed the cell they flag.
    /// </summary>
    private (WordText Text, int Start, int End)? Locate(int row, AppendixColumn column, int valueColumn, int? titleLine, bool verify)
    {
        string expected;
        WordText? text;
        var lineIndex = 0;
        if (row == 0)
        {
            if (titleLine is not { } t || t < 0 || t >= snapshot.TitleSources.Count)
            {
                return null;
            }

            var source = snapshot.TitleSources[t];
            expected = snapshot.TitleLines[t];
            lineIndex = source.Line;
            if (source.Block >= Blocks.Count)
            {
                return null;
            }

            text = Blocks[source.Block] switch
            {
                Paragraph paragraph when source.TableRow < 0 => new WordText([paragraph]),
                Table table when source.TableRow >= 0 => TitleRowText(table, source.TableRow),
                _ => null,
            };
            if (text is null)
            {
                return null;
            }
        }
        else
        {
            if (row < 1 || row > snapshot.Rows.Count || snapshot.Rows[row - 1].Location is not { } location)
            {
                return null;
            }

            expected = snapshot.Rows[row - 1].Cell(column, valueColumn).Text;
            var cellIndex = location.CellOf(column, valueColumn);
            var table = Blocks.OfType<Table>().ElementAtOrDefault(location.Table);
            var tableRow = table is null ? null : WordReader.Rows(table).ElementAtOrDefault(location.TableRow);
            var cell = tableRow is null || cellIndex < 0 ? null : WordReader.Cells(tableRow).ElementAtOrDefault(cellIndex);
            if (cell is null || cell.Descendants<Table>().Any())
            {
                return null;
            }

            text = new WordText(WordText.CellParagraphs(cell));
            if (text.Paragraphs.Count == 0)
            {
                return null;
            }
        }

        // The line the snapshot took, trimmed as the snapshot trims it.
        var lines = text.Text.Split('\n');
        if (lineIndex >= lines.Length)
        {
            return null;
        }

        var lineStart = lines.Take(lineIndex).Sum(l => l.Length + 1);
        var whole = row == 0 ? lines[lineIndex] : text.Text;
        var lead = whole.Length - whole.TrimStart().Length;
        var start = lineStart + lead;
        var end = lineStart + whole.TrimEnd().Length;
        if (end < start)
        {
            end = start;
        }

        // A cell that reads differently here than in the snapshot is not the cell the edit was planned for.
        return !verify || text.Text[start..end] == expected ? (text, start, end) : null;
    }

    /// <summary>A title written in a table row above the header: only a row whose text sits in one cell is writable.</summary>
    private static WordText? TitleRowText(Table table, int rowIndex)
    {
        var row = WordReader.Rows(table).ElementAtOrDefault(rowIndex);
        var filled = row is null ? [] : WordReader.Cells(row).Where(c => WordReader.CellText(c).Trim().Length > 0).ToList();
        return filled.Count == 1 ? new WordText(WordText.CellParagraphs(filled[0])) : null;
    }

    private static (int Prefix, int Suffix) CommonEnds(string old, string @new)
    {
        var prefix = 0;
        while (prefix < old.Length && prefix < @new.Length && old[prefix] == @new[prefix])
        {
            prefix++;
        }

        if (prefix < old.Length || prefix < @new.Length)
        {
            while (prefix > 0 && !char.IsWhiteSpace(old[prefix - 1]))
            {
                prefix--;
            }
        }

        var suffix = 0;
        var room = Math.Min(old.Length, @new.Length) - prefix;
        while (suffix < room && old[^(suffix + 1)] == @new[^(suffix + 1)])
        {
            suffix++;
        }

        while (suffix > 0 && !char.IsWhiteSpace(old[^suffix]))
        {
            suffix--;
        }

        return (prefix, suffix);
    }

    private void AddComment(WordText text, IReadOnlyList<string> lines)
    {
        var id = NextId();
        var commentsPart = _main.WordprocessingCommentsPart ?? _main.AddNewPart<WordprocessingCommentsPart>();
        commentsPart.Comments ??= new Comments();
        var comment = new Comment { Id = id, Author = options.Author, Initials = "CCHC", Date = options.Now };
        for (var i = 0; i < lines.Count; i++)
        {
            var paragraph = new Paragraph();
            if (i == 0)
            {
                paragraph.Append(new Run(new AnnotationReferenceMark()));
            }

            paragraph.Append(new Run(new Text(lines[i]) { Space = SpaceProcessingModeValues.Preserve }));
            comment.Append(paragraph);
        }

        commentsPart.Comments.Append(comment);

        // Added only where the run had no highlight of its own; clearing takes off the mark colour within the marked
        // cell, so an officer's own yellow there would go with it, any other colour stays.
        foreach (var run in text.VisibleRuns)
        {
            var properties = run.RunProperties ?? run.PrependChild(new RunProperties());
            properties.Highlight ??= new Highlight { Val = MarkColour };
        }

        var first = text.Paragraphs[0];
        var last = text.Paragraphs[^1];
        var start = new CommentRangeStart { Id = id };
        if (first.ParagraphProperties is { } properties1)
        {
            properties1.InsertAfterSelf(start);
        }
        else
        {
            first.PrependChild(start);
        }

        last.Append(new CommentRangeEnd { Id = id });
        last.Append(new Run(new CommentReference { Id = id }));
    }

    /// <summary>Removes every comment of ours with its anchors and the highlights it put on the text; the number removed.</summary>
    private int RemoveOurMarks()
    {
        var comments = _main.WordprocessingCommentsPart?.Comments;
        if (comments is null)
        {
            return 0;
        }

        var ours = comments.Elements<Comment>().Where(c => Marks.IsOurs(c.InnerText)).ToList();
        if (ours.Count == 0)
        {
            return 0;
        }

        var ids = ours.Select(c => c.Id?.Value).Where(id => id is not null).ToHashSet();
        var body = _main.Document!.Body!;
        foreach (var start in body.Descendants<CommentRangeStart>().Where(s => ids.Contains(s.Id?.Value)).ToList())
        {
            OpenXmlElement? container = start.Ancestors<TableCell>().FirstOrDefault() ?? (OpenXmlElement?)start.Ancestors<Paragraph>().FirstOrDefault();
            foreach (var highlight in container?.Descendants<Highlight>().Where(h => h.Val?.Value == MarkColour).ToList() ?? [])
            {
                var properties = highlight.Parent;
                highlight.Remove();
                if (properties is RunProperties { HasChildren: false })
                {
                    properties.Remove();
                }
            }

            start.Remove();
        }

        foreach (var end in body.Descendants<CommentRangeEnd>().Where(e => ids.Contains(e.Id?.Value)).ToList())
        {
            end.Remove();
        }

        foreach (var reference in body.Descendants<CommentReference>().Where(r => ids.Contains(r.Id?.Value)).ToList())
        {
            var run = reference.Parent;
            reference.Remove();
            if (run is Run && !run.ChildElements.Any(c => c is not RunProperties))
            {
                run.Remove();
            }
        }

        foreach (var comment in ours)
        {
            comment.Remove();
        }

        return ours.Count;
    }

    /// <summary>An id above every w:id in the document and its comments, so revisions and comments collide with nothing.</summary>
    private string NextId()
    {
        if (_nextId < 0)
        {
            var max = 0;
            IEnumerable<OpenXmlElement> roots = [_main.Document!, .. _main.WordprocessingCommentsPart?.Comments is { } c ? [c] : Array.Empty<OpenXmlElement>()];
            foreach (var element in roots.SelectMany(r => r.Descendants()))
            {
                foreach (var attribute in element.GetAttributes())
                {
                    if (attribute.LocalName == "id" && attribute.NamespaceUri == "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
                        && int.TryParse(attribute.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
                    {
                        max = Math.Max(max, n);
                    }
                }
            }

            _nextId = max + 1;
        }

        return (_nextId++).ToString(CultureInfo.InvariantCulture);
    }
}
