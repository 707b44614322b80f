using System.Runtime.CompilerServices;
using System.Xml;

namespace Cchc.OpenXml.Reading;

/// <summary>
/// Walking XML parts with a forward-only <see cref="XmlReader"/>, shared by the Word and Excel readers and the
/// inspection before a writer loads a tree. Nesting deeper than <see cref="ReadLimits.MaxNestingDepth"/> is refused
/// everywhere: a stack overflow cannot be caught, so depth that comes from a file must be bounded before anything
/// recurses on it.
/// </summary>
internal static class XmlWalk
{
    /// <summary>The settings every part is parsed with: no DTD (entity expansion, external entities), no resolver.</summary>
    public static XmlReaderSettings Settings(long maxCharacters, bool closeInput) => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersInDocument = maxCharacters,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = closeInput,
    };

    /// <summary>Reads a whole part and refuses it when its elements nest deeper than the limit; builds nothing.</summary>
    /// <exception cref="DocumentReadException">Nested too deep.</exception>
    /// <exception cref="XmlException">Not well-formed, or holds a DTD.</exception>
    public static void CheckDepth(Stream content, string name)
    {
        using var reader = XmlReader.Create(content, Settings(0, closeInput: false));
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.Depth >= ReadLimits.MaxNestingDepth)
            {
                throw ReadFailures.TooDeep(name, ReadLimits.MaxNestingDepth);
            }
        }
    }

    /// <summary>
    /// Calls <paramref name="child"/> on each child element of the element the reader is on (each call consumes
    /// its element), and leaves the reader after the element. Every recursion of the readers passes here, so the
    /// depth check here bounds all of them.
    /// </summary>
    /// <exception cref="NestingTooDeepException">The element is nested deeper than <see cref="ReadLimits.MaxNestingDepth"/>.</exception>
    public static void Children<T>(XmlReader reader, T state, Action<XmlReader, T> child)
    {
        if (reader.Depth >= ReadLimits.MaxNestingDepth)
        {
            throw new NestingTooDeepException();
        }

        // Belt and braces for a thread with a small stack: fails this file instead of the process.
        RuntimeHelpers.EnsureSufficientExecutionStack();
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return;
        }

        var depth = reader.Depth;
        reader.Read();
        while (reader.Depth > depth)
        {
            if (reader.NodeType == XmlNodeType.Element)
            {
                child(reader, state);
            }
            else
            {
                reader.Read();
            }
        }

        reader.Read();
    }

    /// <summary>
    /// Moves past the element the reader is on, with everything inside it, as <see cref="XmlReader.Skip"/> does, but
    /// depth-checked: what a reader skips is refused for nesting as what it reads is, so checking and fixing a file agree.
    /// </summary>
    /// <exception cref="NestingTooDeepException">Something inside nests deeper than <see cref="ReadLimits.MaxNestingDepth"/>.</exception>
    public static void Skip(XmlReader reader)
    {
        if (reader.NodeType != XmlNodeType.Element || reader.IsEmptyElement)
        {
            reader.Read();
            return;
        }

        var depth = reader.Depth;
        while (reader.Read() && reader.Depth > depth)
        {
            if (reader.Depth >= ReadLimits.MaxNestingDepth)
            {
                throw new NestingTooDeepException();
            }
        }

        // On the end tag of the skipped element: step past it.
        reader.Read();
    }
}

/// <summary>A part nests deeper than <see cref="ReadLimits.MaxNestingDepth"/>; turned into the file's own sentence by its caller, who knows its name.</summary>
internal sealed class NestingTooDeepException() : Exception("Elements nest deeper than the limit.");

/// <summary>A read-only stream that reports every read to <c>count</c> (which may throw) and honours cancellation between reads.</summary>
internal sealed class CountedStream(Stream inner, Action<int> count, CancellationToken cancellationToken) : Stream
{
    private long _read;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => _read;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Counted(inner.Read(buffer, offset, count));

    public override int Read(Span<byte> buffer) => Counted(inner.Read(buffer));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Counted(await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private int Counted(int read)
    {
        // Checked per buffer the parser asks for, so a long part stops within a few kilobytes of a cancellation.
        cancellationToken.ThrowIfCancellationRequested();
        _read += read;
        count(read);
        return read;
    }
}
