namespace Cchc.Appendix.Checking;

/// <summary>
/// The families of checks, by stable name, with how a user is told which ran: with a template every family runs;
/// without one, only those the document (and the previous report) can support.
/// </summary>
public static class CheckFamilies
{
    public const string Header = "header";
    public const string Numbering = "numbering";
    public const string Missing = "missing";
    public const string Type = "type";
    public const string Unit = "unit";
    public const string Totals = "totals";
    public const string Ratios = "ratios";
    public const string Columns = "columns";
    public const string Period = "period";
    public const string Rows = "rows";
    public const string Labels = "labels";

    public static string Vietnamese(string family) => family switch
    {
        Header => "tiêu đề",
        Numbering => "số thứ tự",
        Missing => "ô trống",
        Type => "kiểu số liệu",
        Unit => "đơn vị tính",
        Totals => "tổng và dòng con",
        Ratios => "tỷ lệ",
        Columns => "giữa các cột số liệu",
        Period => "so với kỳ trước",
        Rows => "dòng thêm, thiếu",
        Labels => "tên chỉ tiêu",
        _ => family,
    };

    public static string English(string family) => family switch
    {
        Header => "title",
        Numbering => "numbering",
        Missing => "blank cells",
        Type => "value types",
        Unit => "units",
        Totals => "totals and sub-rows",
        Ratios => "rates",
        Columns => "across value columns",
        Period => "against the previous period",
        Rows => "added and missing rows",
        Labels => "indicator labels",
        _ => family,
    };

    /// <summary>What a user reads when no template matched: which rules were used, in one sentence.</summary>
    public static (string Vi, string En) Summary(TemplateMatch match) => match.Source switch
    {
        FormSource.PreviousReport => (
            $"Không khớp mẫu nào: đã kiểm tra theo quy tắc chung và theo báo cáo kỳ trước ({match.TemplateName}) — {string.Join(", ", match.Checks.Select(Vietnamese))}.",
            $"No form matched: checked by the general rules and against the previous report ({match.TemplateName}) — {string.Join(", ", match.Checks.Select(English))}."),
        FormSource.DocumentOnly => (
            $"Không khớp mẫu nào: đã kiểm tra theo quy tắc chung — {string.Join(", ", match.Checks.Select(Vietnamese))}.",
            $"No form matched: checked by the general rules — {string.Join(", ", match.Checks.Select(English))}."),
        _ => ($"Theo mẫu “{match.TemplateName}”.", $"Against the form “{match.TemplateName}”."),
    };

    internal static IReadOnlyList<string> Ran(FormSource source, bool hasPrevious, int valueColumns)
    {
        var families = new List<string> { Header, Numbering, Missing, Type, Unit, Totals, Ratios };
        if (valueColumns > 1)
        {
            families.Add(Columns);
        }

        if (hasPrevious)
        {
            families.Add(Period);
        }

        if (source != FormSource.DocumentOnly)
        {
            families.Add(Rows);
            families.Add(Labels);
        }

        return families;
    }
}
