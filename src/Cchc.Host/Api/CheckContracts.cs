namespace Cchc.Host.Api;

/// <summary>The document as the pane read it: title lines and every row of the table(s) it found.</summary>
public sealed record CheckRequest(
    string? Host,
    IReadOnlyList<string>? TitleLines,
    IReadOnlyList<TableDto>? Tables,
    string? DocumentUrl = null,
    DocumentDto? Previous = null);

/// <summary>The previous period's document, in the same shape.</summary>
public sealed record DocumentDto(IReadOnlyList<string>? TitleLines, IReadOnlyList<TableDto>? Tables);

public sealed record TableDto(string? Sheet, IReadOnlyList<RowDto>? Rows);

public sealed record RowDto(IReadOnlyList<CellDto>? Cells);

/// <summary>A cell as read; <c>Number</c>/<c>Format</c> only where Excel stored a number, <c>Span</c> Word's gridSpan.</summary>
public sealed record CellDto(string? Text, double? Number = null, string? Format = null, int? Span = null);

public sealed record PeriodDto(string Kind, int? Number, int Year, string Text, string Slug);

public sealed record TemplateDto(string? Id, string? Version, string? Name, int MatchedRows, int UnmatchedRows);

/// <summary>Where the previous period came from: <c>inline</c>, <c>archive</c> or <c>file</c>.</summary>
public sealed record PreviousDto(string Source, PeriodDto? Period, string? FileName);

public sealed record RowResultDto(
    int Row,
    string? Section,
    string No,
    string Label,
    string Unit,
    string Value,
    string Note,
    int Table,
    int TableRow,
    IReadOnlyList<int> Cells);

public sealed record ProposalDto(string Value, string Source, string? PreviousValue);

public sealed record FindingDto(
    int Row,
    string Column,
    string Label,
    string Code,
    string Severity,
    string Message,
    string MessageEn,
    string? Section,
    string? IndicatorId,
    int? TitleLine,
    int Table,
    int TableRow,
    int Cell,
    ProposalDto? Proposal);

/// <summary><c>ReadyToSign</c>: no errors and no warnings left.</summary>
public sealed record SummaryDto(int Errors, int Warnings, int Infos, bool ReadyToSign);

public sealed record CheckResponse(
    string? Unit,
    PeriodDto? Period,
    string? ReportNumber,
    string? ReportDate,
    TemplateDto Template,
    PreviousDto? Previous,
    string? PreviousReason,
    IReadOnlyList<RowResultDto> Rows,
    IReadOnlyList<FindingDto> Findings,
    SummaryDto Summary)
{
    /// <summary>The uploaded file's name, for <c>/api/files/check</c>.</summary>
    public string? File { get; init; }
}
