using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Cchc.OpenXml.Writing;

/// <summary>
/// The visible text of a run of paragraphs (a cell, a title paragraph) as the reader sees it, with each
/// character traced back to the run that shows it, so that an edit can cut runs exactly where the text changes
/// and leave every other run, with its formatting, where it was.
/// </summary>
internal sealed class WordText
{
    private readonly List<Paragraph> _paragraphs;
    private readonly List<(Run Run, int Start, int End)> _runs = [];

    public WordText(IEnumerable<Paragraph> paragraphs)
    {
        _paragraphs = [.. paragraphs];
        Text = Measure();
    }

    /// <summary>The paragraphs' visible texts joined by '\n', as the reader builds a cell's text.</summary>
    public string Text { get; private set; }

    public IReadOnlyList<Paragraph> Paragraphs => _paragraphs;

    /// <summary>Runs that show text, in order.</summary>
    public IEnumerable<Run> VisibleRuns => _runs.Select(r => r.Run);

    /// <summary>The paragraphs of a cell, as the reader reads them: through content controls, never into nested tables or text boxes.</summary>
    public static IEnumerable<Paragraph> CellParagraphs(OpenXmlElement container)
    {
        foreach (var child in container.ChildElements)
        {
            switch (child)
            {
                case Paragraph paragraph:
                    yield return paragraph;
                    break;
                case SdtBlock or SdtContentBlock or CustomXmlBlock:
                    foreach (var inner in CellParagraphs(child))
                    {
                        yield return inner;
                    }

                    break;
            }
        }
    }

    /// <summary>
    /// Replaces the characters [<paramref name="start"/>, <paramref name="end"/>) with <paramref name="text"/>:
    /// tracked (the old runs inside a w:del, the new one inside a w:ins) or plainly. The new run copies the formatting
    /// of the first replaced run, else of the run before, else of the paragraph mark.
    /// </summary>
    public void Replace(int start, int end, string text, Revisions? revisions)
    {
        var inside = Isolate(start, end);
        Text = Measure();
        var before = RunBefore(start);
        OpenXmlElement? template = inside.Count > 0 ? inside[0].RunProperties : (OpenXmlElement?)before?.RunProperties ?? MarkProperties(ParagraphAt(start));

        // The new text goes where the old began: after the deletions of the first paragraph the region touches.
        var first = inside.Count > 0 ? inside[0].Ancestors<Paragraph>().FirstOrDefault() : null;
        OpenXmlElement? anchor = null;
        foreach (var run in inside)
        {
            var inFirst = run.Ancestors<Paragraph>().FirstOrDefault() == first;
            var left = Delete(run, revisions);
            if (inFirst)
            {
                anchor = left ?? anchor;
            }
        }

        if (text.Length > 0)
        {
            var run = NewRun(text, template);
            OpenXmlElement insertion = revisions is null ? run : revisions.Inserted(run);
            if (anchor is not null && anchor.Parent is not null)
            {
                anchor.InsertAfterSelf(insertion);
            }
            else if (before is not null)
            {
                InsertAfterRun(before, insertion);
            }
            else
            {
                InsertAtStart(ParagraphAt(start), insertion);
            }
        }

        Text = Measure();
    }

    /// <summary>The run ending at <paramref name="position"/> (showing the character before it), or null at a paragraph's start.</summary>
    private Run? RunBefore(int position)
    {
        var paragraph = ParagraphAt(position);
        Run? found = null;
        foreach (var (run, s, e) in _runs)
        {
            if (e <= position && e > s && run.Ancestors<Paragraph>().FirstOrDefault() == paragraph)
            {
                found = run;
            }
        }

        return found;
    }

    private Paragraph ParagraphAt(int position)
    {
        var offset = 0;
        foreach (var paragraph in _paragraphs)
        {
            var length = ParagraphLength(paragraph);
            if (position <= offset + length)
            {
                return paragraph;
            }

            offset += length + 1;
        }

        return _paragraphs[^1];
    }

    private int ParagraphLength(Paragraph paragraph) =>
        _runs.Where(r => r.Run.Ancestors<Paragraph>().FirstOrDefault() == paragraph).Sum(r => r.End - r.Start);

    /// <summary>Splits runs at the region's edges; the runs wholly inside, in order.</summary>
    private List<Run> Isolate(int start, int end)
    {
        var inside = new List<Run>();
        if (end <= start)
        {
            return inside;
        }

        foreach (var (run, s, e) in _runs.ToList())
        {
            if (e <= start || s >= end || e == s)
            {
                continue;
            }

            var current = run;
            var currentStart = s;
            if (currentStart < start)
            {
                current = Split(current, start - currentStart);
                currentStart = start;
            }

            if (e > end)
            {
                Split(current, end - currentStart);
            }

            inside.Add(current);
        }

        return inside;
    }

    /// <summary>Removes <paramref name="run"/> from view; the element left in its place (a w:del), or null when it was removed outright.</summary>
    private static OpenXmlElement? Delete(Run run, Revisions? revisions)
    {
        var parent = run.Parent;
        if (revisions is null || (parent is InsertedRun ours && revisions.IsOurs(ours)))
        {
            // Plain writing, or taking back text we inserted ourselves: the run goes, leaving no revision behind.
            var previous = run.PreviousSibling() ?? (OpenXmlElement?)parent;
            run.Remove();
            if (parent is InsertedRun emptied && !emptied.HasChildren)
            {
                previous = emptied.PreviousSibling() ?? emptied.Parent;
                emptied.Remove();
            }

            return previous is Paragraph or null ? null : previous;
        }

        var deleted = revisions.Deleted();
        run.InsertBeforeSelf(deleted);
        run.Remove();
        foreach (var text in run.Elements<Text>().ToList())
        {
            text.InsertBeforeSelf(new DeletedText(text.Text) { Space = SpaceProcessingModeValues.Preserve });
            text.Remove();
        }

        foreach (var code in run.Elements<FieldCode>().ToList())
        {
            code.InsertBeforeSelf(new DeletedFieldCode(code.Text) { Space = SpaceProcessingModeValues.Preserve });
            code.Remove();
        }

        deleted.Append(run);
        return deleted;
    }

    /// <summary>Cuts <paramref name="run"/> after <paramref name="offset"/> visible characters; the right half, placed after it.</summary>
    private static Run Split(Run run, int offset)
    {
        var right = (Run)run.CloneNode(false);
        if (run.RunProperties is { } properties)
        {
            right.Append(properties.CloneNode(true));
        }

        var position = 0;
        foreach (var child in run.ChildElements.ToList())
        {
            if (child is RunProperties)
            {
                continue;
            }

            var length = VisibleLength(child);
            if (position >= offset)
            {
                child.Remove();
                right.Append(child);
            }
            else if (position + length > offset && child is Text text)
            {
                var cut = offset - position;
                right.Append(new Text(text.Text[cut..]) { Space = SpaceProcessingModeValues.Preserve });
                text.Text = text.Text[..cut];
                text.Space = SpaceProcessingModeValues.Preserve;
            }

            position += length;
        }

        run.InsertAfterSelf(right);
        return right;
    }

    private static void InsertAfterRun(Run before, OpenXmlElement insertion)
    {
        // After the run's own revision wrapper when it has one, so that our insertion is not nested in theirs.
        OpenXmlElement after = before.Parent is InsertedRun or DeletedRun ? before.Parent : before;
        after.InsertAfterSelf(insertion);
    }

    private static void InsertAtStart(Paragraph paragraph, OpenXmlElement insertion)
    {
        if (paragraph.ParagraphProperties is { } properties)
        {
            properties.InsertAfterSelf(insertion);
        }
        else
        {
            paragraph.PrependChild(insertion);
        }
    }

    private static Run NewRun(string text, OpenXmlElement? template)
    {
        var run = new Run();
        if (template is not null)
        {
            var properties = new RunProperties();
            foreach (var child in template.ChildElements)
            {
                // Revision marks belong to the run they were made on; copying them would forge a second revision.
                if (child is not (RunPropertiesChange or Inserted or Deleted or MoveFrom or MoveTo or Highlight))
                {
                    properties.Append(child.CloneNode(true));
                }
            }

            if (properties.HasChildren)
            {
                run.Append(properties);
            }
        }

        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0)
            {
                run.Append(new Break());
            }

            if (lines[i].Length > 0)
            {
                run.Append(new Text(lines[i]) { Space = SpaceProcessingModeValues.Preserve });
            }
        }

        return run;
    }

    private static ParagraphMarkRunProperties? MarkProperties(Paragraph paragraph) => paragraph.ParagraphProperties?.ParagraphMarkRunProperties;

    private string Measure()
    {
        _runs.Clear();
        var builder = new System.Text.StringBuilder();
        for (var i = 0; i < _paragraphs.Count; i++)
        {
            if (i > 0)
            {
                builder.Append('\n');
            }

            Collect(_paragraphs[i], builder);
        }

        return builder.ToString();
    }

    /// <summary>The reader's notion of visible text (WordReader.AppendText), run by run.</summary>
    private void Collect(OpenXmlElement element, System.Text.StringBuilder builder)
    {
        foreach (var child in element.ChildElements)
        {
            switch (child)
            {
                case Run run:
                    var start = builder.Length;
                    AppendRun(run, builder);
                    _runs.Add((run, start, builder.Length));
                    break;
                case DeletedRun or MoveFromRun or ParagraphProperties or AlternateContent:
                    break;
                default:
                    Collect(child, builder);
                    break;
            }
        }
    }

    private static void AppendRun(Run run, System.Text.StringBuilder builder)
    {
        foreach (var child in run.ChildElements)
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
            }
        }
    }

    private static int VisibleLength(OpenXmlElement child) => child switch
    {
        Text text => text.Text.Length,
        TabChar or PositionalTab or Break or CarriageReturn or NoBreakHyphen => 1,
        _ => 0,
    };
}

/// <summary>The w:ins and w:del a tracked write wraps runs in: one author, one date, ids that collide with nothing.</summary>
internal sealed class Revisions(string author, DateTime date, Func<string> nextId)
{
    public InsertedRun Inserted(Run run) => new(run) { Id = nextId(), Author = author, Date = date };

    public DeletedRun Deleted() => new() { Id = nextId(), Author = author, Date = date };

    public bool IsOurs(InsertedRun inserted) => inserted.Author?.Value == author;
}
