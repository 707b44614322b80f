using Cchc.Appendix.Editing;

namespace Cchc.OpenXml.Writing;

/// <summary>
/// How a writer changes the document. <paramref name="Track"/> writes Word edits as tracked changes a reviewer can
/// accept or reject; <paramref name="Clear"/> only removes the comments, notes, highlights and fills an earlier run
/// left, and applies nothing; <paramref name="Author"/> signs revisions and comments; <paramref name="Time"/> dates them.
/// </summary>
public sealed record WriteOptions(bool Track = true, bool Clear = false, string Author = WriteOptions.DefaultAuthor, TimeProvider? Time = null)
{
    public const string DefaultAuthor = "Kiểm tra phụ lục CCHC";

    public static WriteOptions Default { get; } = new();

    internal DateTime Now => (Time ?? TimeProvider.System).GetUtcNow().UtcDateTime;
}

/// <summary>Why an edit was not written.</summary>
public enum SkipReason
{
    /// <summary>The cell already holds the new text: a second run changes nothing.</summary>
    AlreadyApplied,

    /// <summary>The cell no longer holds the text the edit was planned against; the user's text is kept.</summary>
    CellChanged,

    /// <summary>The row, column or title line could not be found again in the document.</summary>
    CellNotFound,

    /// <summary>The cell holds a formula; the proposal went into a note instead.</summary>
    FormulaCell,

    /// <summary>The new text would start a formula in a spreadsheet (= + - @); it is never written.</summary>
    FormulaText,
}

/// <summary>An edit that was not written, and why.</summary>
public sealed record SkippedEdit(CellEdit Edit, SkipReason Reason);

/// <summary>What a write did: edits applied and skipped, cells marked, marks of an earlier run removed.</summary>
public sealed record WriteResult(IReadOnlyList<CellEdit> Applied, IReadOnlyList<SkippedEdit> Skipped, int Marked, int Cleared)
{
    /// <summary>The edits went in as Word revisions a reviewer accepts or rejects; a workbook has none, whatever was asked.</summary>
    public bool Tracked { get; init; }
}
