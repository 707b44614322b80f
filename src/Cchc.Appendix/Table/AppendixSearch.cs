namespace Cchc.Appendix.Table;

/// <summary>Why a table of the document is not the appendix.</summary>
public enum TableVerdict
{
    /// <summary>It is the appendix, or a candidate for it.</summary>
    Appendix,

    /// <summary>No row names an indicator column, and its shape is not an appendix's.</summary>
    NoHeader,

    /// <summary>A header names an indicator column but no unit or value column.</summary>
    NoValueColumn,

    /// <summary>Its value column holds words, not figures: a table of tasks or of results in prose.</summary>
    TextValues,

    /// <summary>The signature block.</summary>
    Signature,

    /// <summary>No text at all.</summary>
    Empty,
}

/// <summary>A table that was looked at and not taken: its place, its first row as a user would recognise it, and why.</summary>
public sealed record TableSeen(int Table, string? Sheet, string FirstRow, TableVerdict Verdict);

/// <summary>
/// The result of looking for the appendix: the snapshot, or what was looked for and what each table was instead, in
/// a sentence a user can act on.
/// </summary>
public sealed record AppendixSearch(TableSnapshot? Snapshot, IReadOnlyList<TableSeen> Tables)
{
    private const int MaxTablesDescribed = 5;

    private const string LookedFor =
        "cần một bảng có cột chỉ tiêu (“Tên chỉ tiêu”, “Nội dung chỉ tiêu”, “Chỉ tiêu”, “Nội dung”) cùng cột đơn vị tính hoặc số liệu (“ĐVT”, “Đơn vị tính”, “Số liệu”, “Kết quả”, “Số lượng”, “Giá trị”), hoặc một bảng có các mục I, II… với cột số liệu";

    private const string LookedForEn =
        "a table with an indicator column (“Tên chỉ tiêu”, “Nội dung chỉ tiêu”, “Chỉ tiêu”, “Nội dung”) and a unit or value column (“ĐVT”, “Đơn vị tính”, “Số liệu”, “Kết quả”, “Số lượng”, “Giá trị”) is needed, or a table with sections I, II… and a column of figures";

    public bool Found => Snapshot is not null;

    /// <summary>What was looked for and what the document holds instead, in Vietnamese.</summary>
    public string Explanation => $"Không tìm thấy bảng phụ lục: {LookedFor}. {Contents(vietnamese: true)}";

    /// <summary>The same in English.</summary>
    public string ExplanationEn => $"No appendix table found: {LookedForEn}. {Contents(vietnamese: false)}";

    private string Contents(bool vietnamese)
    {
        if (Tables.Count == 0)
        {
            return vietnamese ? "Tài liệu không có bảng nào." : "The document has no table.";
        }

        var described = Tables.Take(MaxTablesDescribed).Select(t => Describe(t, vietnamese));
        var more = Tables.Count > MaxTablesDescribed
            ? vietnamese ? $"; và {Tables.Count - MaxTablesDescribed} bảng khác" : $"; and {Tables.Count - MaxTablesDescribed} more"
            : string.Empty;
        return vietnamese
            ? $"Tài liệu có {Tables.Count} bảng: {string.Join("; ", described)}{more}."
            : $"The document has {Tables.Count} table(s): {string.Join("; ", described)}{more}.";
    }

    private static string Describe(TableSeen table, bool vietnamese)
    {
        var where = table.Sheet is not null
            ? vietnamese ? $"trang tính “{table.Sheet}”" : $"sheet “{table.Sheet}”"
            : vietnamese ? $"bảng {table.Table + 1}" : $"table {table.Table + 1}";
        var first = table.FirstRow.Length > 0 ? $" (“{table.FirstRow}”)" : string.Empty;
        var why = (table.Verdict, vietnamese) switch
        {
            (TableVerdict.NoValueColumn, true) => "có cột chỉ tiêu nhưng không có cột đơn vị tính hay số liệu",
            (TableVerdict.NoValueColumn, false) => "has an indicator column but no unit or value column",
            (TableVerdict.TextValues, true) => "cột kết quả ghi bằng chữ, không phải số liệu",
            (TableVerdict.TextValues, false) => "its result column holds words, not figures",
            (TableVerdict.Signature, true) => "là khối chữ ký",
            (TableVerdict.Signature, false) => "is the signature block",
            (TableVerdict.Empty, true) => "trống",
            (TableVerdict.Empty, false) => "is empty",
            (_, true) => "không có hàng tiêu đề của phụ lục",
            (_, false) => "has no appendix header row",
        };
        return $"{where}{first} {why}";
    }
}
