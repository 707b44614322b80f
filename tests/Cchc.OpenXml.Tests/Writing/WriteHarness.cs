using Cchc.Appendix.Checking;
using Cchc.Appendix.Editing;
using Cchc.Appendix.Findings;
using Cchc.Appendix.Table;
using Cchc.OpenXml.Writing;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Microsoft.Extensions.Time.Testing;

namespace Cchc.OpenXml.Tests.Writing;

/// <summary>Check, fix and validate documents held in memory, the way the command line does with files.</summary>
internal static class WriteHarness
{
    public static readonly DateTimeOffset Now = new(2022, 10, 5, 8, 30, 0, TimeSpan.Zero);

    public static WriteOptions Options(bool track = true, bool clear = false) => new(track, clear, Time: new FakeTimeProvider(Now));

    public static TableSnapshot Read(byte[] document, string name = "test.docx") => AppendixDocument.Read(new MemoryStream(document), name);

    public static CheckReport Check(byte[] document, string name = "test.docx", byte[]? previous = null) =>
        AppendixChecker.Default.Check(Read(document, name), previous is null ? null : Read(previous, name));

    /// <summary>Checks, then writes every proposal as an edit and every finding as a mark.</summary>
    public static (byte[] Output, WriteResult Result, CheckReport Before) Fix(byte[] document, string name, WriteOptions? options = null, byte[]? previous = null)
    {
        var snapshot = Read(document, name);
        var report = AppendixChecker.Default.Check(snapshot, previous is null ? null : Read(previous, name));
        var edits = Corrections.Edits(report, snapshot);
        var marks = Corrections.Marks(report);
        var (output, result) = Write(document, name, edits, marks, options ?? Options());
        return (output, result, report);
    }

    public static (byte[] Output, WriteResult Result) Write(byte[] document, string name, IReadOnlyList<CellEdit> edits, IReadOnlyList<CellMark> marks, WriteOptions options)
    {
        using var output = new MemoryStream();
        var result = AppendixWriter.Apply(new MemoryStream(document), output, name, edits, marks, options);
        return (output.ToArray(), result);
    }

    public static (byte[] Output, WriteResult Result) Clear(byte[] document, string name) => Write(document, name, [], [], Options(clear: true));

    /// <summary>Validation errors as "part: description" lines, for comparing a document before and after.</summary>
    public static List<string> ValidationErrors(byte[] document)
    {
        var validator = new OpenXmlValidator();
        using var memory = new MemoryStream(document);
        using OpenXmlPackage package = AppendixDocument.Sniff(new MemoryStream(document), "x") == DocumentKind.Docx
            ? WordprocessingDocument.Open(memory, false)
            : SpreadsheetDocument.Open(memory, false);
        return [.. validator.Validate(package).Select(e => $"{e.Part?.Uri}: {e.Id} {e.Description}")];
    }

    /// <summary>Errors the output has beyond the input's, each as many times as it occurs more often.</summary>
    public static List<string> NewValidationErrors(byte[] before, byte[] after)
    {
        var remaining = ValidationErrors(before).GroupBy(e => e).ToDictionary(g => g.Key, g => g.Count());
        var added = new List<string>();
        foreach (var error in ValidationErrors(after))
        {
            if (remaining.TryGetValue(error, out var n) && n > 0)
            {
                remaining[error] = n - 1;
            }
            else
            {
                added.Add(error);
            }
        }

        return added;
    }

    public static (int Row, AppendixColumn Column, int? Title, string Code) Key(Finding f) => (f.Row, f.Column, f.TitleLine, f.Code);
}
