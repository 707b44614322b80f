using System.IO.Compression;
using System.Xml;

namespace Cchc.OpenXml.Reading;

/// <summary>
/// Bounds the inflation of the parts a reader parses while it parses them, so each part is inflated once.
/// A part may not inflate past the size its zip entry declares (those sizes were checked against the limits
/// before anything was read) nor past <see cref="ReadLimits.MaxPartBytes"/>, and all parts together may not pass
/// <see cref="ReadLimits.MaxUncompressedBytes"/>: a header that lies is caught within its own claim, never after the
/// bomb has gone off. Cancellation is honoured on every buffer inflated, so a timeout stops a read within kilobytes.
/// What the readers keep is bounded too: cells and characters of text (<see cref="Cell"/>, <see cref="Text"/>).
/// </summary>
internal sealed class PartBudget(string name, ReadLimits limits, IReadOnlyDictionary<string, long>? declaredLengths, CancellationToken cancellationToken)
{
    // One table of element and attribute names for every part of the package: each part's reader would otherwise
    // build its own, entering the same few dozen names again.
    private readonly NameTable _names = new();
    private long _total;
    private int _cells;
    private long _characters;

    /// <summary>A forward-only reader over the part in <paramref name="entry"/> that refuses DTDs and counts every byte it inflates.</summary>
    public XmlReader OpenXml(ZipArchiveEntry entry)
    {
        var declared = DeclaredLength(entry.FullName);
        var max = PackageInspector.MaxPartBytes(entry.FullName, limits);
        long read = 0;
        var stream = new CountedStream(
            entry.Open(),
            count =>
            {
                read += count;
                _total += count;
                if (read > declared || _total > limits.MaxUncompressedBytes)
                {
                    throw ReadFailures.ZipBomb(name, limits.MaxUncompressedBytes);
                }

                if (read > max)
                {
                    throw ReadFailures.PartTooLarge(name, max);
                }
            },
            cancellationToken);
        var settings = XmlWalk.Settings(limits.MaxPartBytes, closeInput: true);
        settings.NameTable = _names;
        return XmlReader.Create(stream, settings);
    }

    public void ThrowIfCancellationRequested() => cancellationToken.ThrowIfCancellationRequested();

    /// <summary>Counts one cell the reader keeps, with its text, against <see cref="ReadLimits.MaxCells"/> and <see cref="ReadLimits.MaxTextCharacters"/>.</summary>
    public void Cell(int characters)
    {
        if (++_cells > limits.MaxCells)
        {
            throw ReadFailures.TooManyCells(name, limits.MaxCells);
        }

        Text(characters);
    }

    /// <summary>Counts text the reader keeps outside cells (paragraphs), against <see cref="ReadLimits.MaxTextCharacters"/>.</summary>
    public void Text(int characters)
    {
        _characters += characters;
        if (_characters > limits.MaxTextCharacters)
        {
            throw ReadFailures.TooMuchText(name, limits.MaxTextCharacters);
        }
    }

    /// <summary>Counts cells a reader visits without keeping them (under a merged area), in the same count as kept ones.</summary>
    public void Covered(long cells)
    {
        if (cells > limits.MaxCells - _cells)
        {
            throw ReadFailures.TooManyCells(name, limits.MaxCells);
        }

        _cells += (int)cells;
    }

    private long DeclaredLength(string entry)
    {
        if (declaredLengths is not null
            && (declaredLengths.TryGetValue(entry, out var length) || declaredLengths.TryGetValue(Uri.UnescapeDataString(entry), out length)))
        {
            return length;
        }

        // Not named in the inspection (the writer inflated every part before): the part and total limits bound it.
        return long.MaxValue;
    }
}
