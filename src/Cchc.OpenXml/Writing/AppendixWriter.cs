using Cchc.Appendix.Editing;
using Cchc.Appendix.Table;
using Cchc.OpenXml.Reading;
using DocumentFormat.OpenXml.Packaging;

namespace Cchc.OpenXml.Writing;

/// <summary>
/// Writes corrections and marks into a .docx or .xlsx: the document is read again with the reader, so the edits'
/// row numbers find the same cells, and everything the edits do not name is left as it was.
/// </summary>
public static class AppendixWriter
{
    /// <summary>
    /// Reads the document in <paramref name="input"/>, removes the marks an earlier run left, applies
    /// <paramref name="edits"/> and <paramref name="marks"/> (nothing with <see cref="WriteOptions.Clear"/>), and writes
    /// the result to <paramref name="output"/>. <paramref name="fileName"/> only names the file in messages.
    /// </summary>
    /// <exception cref="DocumentReadException">The input is not a readable Word or Excel document, holds no appendix, or is too
    /// large or nested too deep to be loaded as a tree (<see cref="ReadLimits.MaxTreeBytes"/>, <see cref="ReadLimits.MaxNestingDepth"/>).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled before the result was written.</exception>
    public static WriteResult Apply(
        Stream input,
        Stream output,
        string fileName,
        IReadOnlyList<CellEdit> edits,
        IReadOnlyList<CellMark> marks,
        WriteOptions? options = null,
        ReadLimits? limits = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(edits);
        ArgumentNullException.ThrowIfNull(marks);
        options ??= WriteOptions.Default;
        limits ??= ReadLimits.Default;
        var name = AppendixDocument.DisplayName(fileName);
        var bytes = PackageInspector.Buffer(input, name, limits);
        // Every XML part is walked for depth and counted before any of them is loaded as a tree.
        var kind = PackageInspector.InspectForWriting(bytes, name, limits, cancellationToken);
        var blocks = AppendixDocument.ReadBlocks(bytes, kind, name, limits, cancellationToken);
        var search = SnapshotBuilder.Find(blocks, SourceKind.File);
        var snapshot = search.Snapshot ?? throw ReadFailures.NoAppendix(name, search);

        cancellationToken.ThrowIfCancellationRequested();
        using var memory = new MemoryStream();
        memory.Write(bytes);
        memory.Position = 0;
        WriteResult result;
        try
        {
            if (kind == DocumentKind.Docx)
            {
                using var word = WordprocessingDocument.Open(memory, true, AppendixDocument.OpenSettingsFor(limits));
                result = new WordWriter(word, snapshot, options).Apply(edits, marks) with { Tracked = options.Track && !options.Clear };
            }
            else
            {
                using var excel = SpreadsheetDocument.Open(memory, true, AppendixDocument.OpenSettingsFor(limits));
                result = new ExcelWriter(excel, blocks, snapshot, options).Apply(edits, marks);
            }
        }
        catch (Exception e) when (AppendixDocument.IsMalformedDocument(e))
        {
            throw ReadFailures.Corrupt(name, e);
        }

        cancellationToken.ThrowIfCancellationRequested();
        memory.Position = 0;
        memory.CopyTo(output);
        return result;
    }
}
