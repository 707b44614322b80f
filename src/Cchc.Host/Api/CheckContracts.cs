namespace Cchc.Host.Api;

// The request's types describe the body of /api/check and /api/prefill: OpenAPI documents them, and CheckBodyTests
// reads them with the serializer as the reference for CheckBody, which reads the same JSON straight into the engine's
// blocks (docs/performance.md, "Fifth pass").

/// <summary>The document as the pane read it: title lines and every row of the table(s) it found.</summary>
public sealed record CheckRequest
{
    public string? Host { get; set; }

    public IReadOnlyList<string>? TitleLines { get; set; }

    public IReadOnlyList<TableDto>? Tables { get; set; }

    public string? DocumentUrl { get; set; }

    public DocumentDto? Previous { get; set; }
}

/// <summary>The previous period's document, in the same shape.</summary>
public sealed record DocumentDto
{
    public IReadOnlyList<string>? TitleLines { get; set; }

    public IReadOnlyList<TableDto>? Tables { get; set; }
}

public sealed record TableDto
{
    public string? Sheet { get; set; }

    public IReadOnlyList<RowDto>? Rows { get; set; }
}

public sealed record RowDto
{
    public IReadOnlyList<CellDto>? Cells { get; set; }
}

/// <summary>A cell as read; <c>Number</c>/<c>Format</c> only where Excel stored a number, <c>Span</c> Word's gridSpan.</summary>
public sealed record CellDto
{
    public string? Text { get; set; }

    public double? Number { get; set; }

    public string? Format { get; set; }

    public int? Span { get; set; }
}

public sealed record PeriodDto(string Kind, int? Number, int Year, string Text, string Slug);

/// <summary>
/// The form the appendix was checked against: <c>Form</c> is <c>template</c> (a template of the catalogue, with its
/// id), <c>previous-report</c> (no template matched; last period's report served as the form, <c>Name</c> names its
/// period) or <c>document</c> (only the document itself); <c>Checks</c> lists the families of checks that ran, and
/// <c>Summary</c> says so in a sentence.
/// </summary>
public sealed record TemplateDto(string? Id, string? Version, string? Name, int MatchedRows, int UnmatchedRows)
{
    public string Form { get; init; } = "document";

    public IReadOnlyList<string> Checks { get; init; } = [];

    public string? Summary { get; init; }
}

/// <summary>A value column of the appendix: its 0-based index among value columns, header text and role.</summary>
public sealed record ValueColumnDto(int Index, string Header, string Role);

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
    IReadOnlyList<int> Cells)
{
    /// <summary>Every value cell's text, one per value column; <c>Value</c> is the first.</summary>
    public IReadOnlyList<string>? Values { get; init; }

    /// <summary>The raw cell index of each value column, where the appendix has several.</summary>
    public IReadOnlyList<int>? ValueCells { get; init; }
}

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
    ProposalDto? Proposal)
{
    /// <summary>For a finding on a value cell, its value column (0-based); null for other columns.</summary>
    public int? ValueColumn { get; init; }

    /// <summary>The value column's header where the appendix has several ("Lũy kế từ đầu năm"); null otherwise.</summary>
    public string? ValueHeader { get; init; }
}

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

    /// <summary>The appendix's value columns; one for a classic appendix.</summary>
    public IReadOnlyList<ValueColumnDto> ValueColumns { get; init; } = [];

    /// <summary>False when the table was recognised by its shape, having no header row.</summary>
    public bool HeaderRow { get; init; } = true;
}

/// <summary>Which rows a check's answer echoes (<c>?rows=</c>): every row, those the findings point at and the section headings, or none.</summary>
public enum RowEcho
{
    All,
    Findings,
    None,
}
