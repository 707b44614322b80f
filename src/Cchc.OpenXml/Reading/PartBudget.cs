using System.Xml;
using DocumentFormat.OpenXml.Packaging;

namespace Cchc.OpenXml.Reading;

/// <summary>
/// Bounds the inflation of the parts a reader parses while it parses them, so each part is inflated once.
/// A part may not inflate past the size its zip entry declares (those sizes were checked against the limits
/// before anything was read), and all parts together may not pass <see cref="ReadLimits.MaxUncompressedBytes"/>:
/// a header that lies is caught within its own claim, never after the bomb has gone off.
/// </summary>
internal sealed class PartBudget(string name, ReadLimits limits, IReadOnlyDictionary<string, long>? declaredLengths)
{
    private long _total;

    /// <summary>A forward-only reader over <paramref name="part"/> that refuses DTDs and counts every byte it inflates.</summary>
    public XmlReader OpenXml(OpenXmlPart part)
    {
        var stream = new CountingStream(part.GetStream(FileMode.Open, FileAccess.Read), DeclaredLength(part.Uri), this);
        return XmlReader.Create(stream, new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = limits.MaxUncompressedBytes,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            CloseInput = true,
        });
    }

    private long DeclaredLength(Uri partUri)
    {
        var entry = partUri.OriginalString.TrimStart('/');
        if (declaredLengths is not null
            && (declaredLengths.TryGetValue(entry, out var length) || declaredLengths.TryGetValue(Uri.UnescapeDataString(entry), out length)))
        {
            return length;
        }

        // Not named in the inspection (the writer inflated every part before): only the total bounds it.
        return long.MaxValue;
    }

    private void Count(int read)
    {
        _total += read;
        if (_total > limits.MaxUncompressedBytes)
        {
            throw ReadFailures.ZipBomb(name, limits.MaxUncompressedBytes);
        }
    }

    private DocumentReadException Lying() => ReadFailures.ZipBomb(name, limits.MaxUncompressedBytes);

    private sealed class CountingStream(Stream inner, long declared, PartBudget budget) : Stream
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
            _read += read;
            if (_read > declared)
            {
                throw budget.Lying();
            }

            budget.Count(read);
            return read;
        }
    }
}
