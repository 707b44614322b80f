using Cchc.Appendix.Table;

namespace Cchc.Appendix.Editing;

/// <summary>
/// One change to write into the document: the new text of a cell of snapshot row <see cref="Row"/> (1-based), or,
/// with <see cref="Row"/> 0 and <see cref="AppendixColumn.Header"/>, of title line <see cref="TitleLine"/>. Writers
/// find the cell through the row's <see cref="RowLocation"/>; they translate, they never decide.
/// </summary>
/// <param name="Code">The rule or action behind the change (UNIT_MISMATCH, PREFILL, ROLL_FORWARD…), shown to the reviewer.</param>
/// <param name="Reason">Why, in Vietnamese, for the comment or note beside the change.</param>
public sealed record CellEdit(int Row, AppendixColumn Column, string NewText, string Code, string Reason, string ReasonEn)
{
    public int? TitleLine { get; init; }

    /// <summary>The text the cell held when the edit was planned; a writer refuses to apply it over anything else.</summary>
    public string? OldText { get; init; }

    /// <summary>The number the new text means, when it is one, so spreadsheet writers store a number, not text.</summary>
    public decimal? Number { get; init; }

    /// <summary>For a value cell, which value column (0-based) of a form with several.</summary>
    public int ValueColumn { get; init; }
}

/// <summary>A flagged cell to mark (comment and highlight) without changing it.</summary>
public sealed record CellMark(int Row, AppendixColumn Column, string Code, string Severity, string Message, string? Proposal)
{
    public int? TitleLine { get; init; }

    /// <summary>For a value cell, which value column (0-based) of a form with several.</summary>
    public int ValueColumn { get; init; }
}
