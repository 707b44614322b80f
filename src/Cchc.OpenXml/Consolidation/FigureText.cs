using System.Globalization;
using Cchc.Appendix.Consolidation;
using Cchc.Appendix.Numbers;
using Cchc.Appendix.Table;
using Cchc.Appendix.Templates;

namespace Cchc.OpenXml.Consolidation;

/// <summary>What the workbook and the Word table say about a consolidated figure, in Vietnamese: how many units it covers and how it was worked out.</summary>
internal static class FigureText
{
    public static string Number(decimal value) => VietnameseNumber.Format(value);

    public static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>"14/15 đơn vị".</summary>
    public static string Coverage(ConsolidatedFigure figure) => $"{figure.Reported}/{figure.Of} đơn vị";

    /// <summary>The note on a total: what it adds up, over how many units, what it leaves out.</summary>
    public static string Note(ConsolidatedFigure figure)
    {
        var text = figure.Method switch
        {
            FigureMethod.Sum => $"Tổng của {Coverage(figure)} có số liệu.",
            FigureMethod.YesCount => $"Số đơn vị trả lời Có (= 1): {Number(figure.Value ?? 0)} trên {figure.Reported} đơn vị trả lời ({Number(figure.Share ?? 0)}%); {figure.Of} đơn vị phải báo cáo.",
            FigureMethod.Recomputed when figure.Value is not null =>
                $"Tính lại từ tổng tử số {Number(figure.Numerator!.Value)} và tổng mẫu số {Number(figure.Denominator!.Value)} của {Coverage(figure)}, không lấy trung bình các tỷ lệ.",
            FigureMethod.Recomputed => $"Không tính được: không đơn vị nào có đủ tử số và mẫu số ({Coverage(figure)}).",
            _ => $"Không cộng và không lấy trung bình tỷ lệ: {Spread(figure)} ({Coverage(figure)}).",
        };
        if (figure.Method == FigureMethod.Recomputed && figure.Min is not null)
        {
            text += $" Tỷ lệ của từng đơn vị: {Spread(figure)}.";
        }

        if (figure.LeftOutWithErrors > 0)
        {
            text += $" Không tính {figure.LeftOutWithErrors} số liệu có lỗi.";
        }

        return text;
    }

    /// <summary>"thấp nhất 90; trung vị 93,5; cao nhất 99", or that no unit gave the figure.</summary>
    public static string Spread(ConsolidatedFigure figure) => figure.Min is null
        ? "chưa đơn vị nào có số liệu"
        : $"thấp nhất {Number(figure.Min.Value)}; trung vị {Number(figure.Median!.Value)}; cao nhất {Number(figure.Max!.Value)}";

    /// <summary>The short note in the table's own "Ghi chú" column.</summary>
    public static string Remark(ConsolidatedRow row)
    {
        var parts = new List<string>();
        foreach (var figure in row.Figures.OfType<ConsolidatedFigure>())
        {
            var prefix = row.Figures.Count(f => f is not null) > 1 ? $"{Role(figure.Role)}: " : string.Empty;
            parts.Add(prefix + (figure.Method == FigureMethod.Spread ? $"{Spread(figure)} ({Coverage(figure)})" : Coverage(figure)));
        }

        return string.Join("; ", parts);
    }

    public static string Role(ValueRole role) => role switch
    {
        ValueRole.Cumulative => "lũy kế",
        ValueRole.Plan => "kế hoạch",
        ValueRole.Rate => "tỷ lệ",
        ValueRole.SamePeriodLastYear => "cùng kỳ",
        _ => "kỳ này",
    };

    public static string Kind(IndicatorKind kind) => kind switch
    {
        IndicatorKind.Stock => "tồn tại thời điểm báo cáo",
        IndicatorKind.Cumulative => "lũy kế từ đầu năm",
        _ => "phát sinh trong kỳ",
    };

    public static string Method(FigureMethod method) => method switch
    {
        FigureMethod.Sum => "cộng",
        FigureMethod.YesCount => "đếm đơn vị có",
        FigureMethod.Recomputed => "tính lại từ tử và mẫu số",
        _ => "thấp nhất / trung vị / cao nhất",
    };

    public static string State(UnitStatus unit) => unit.State == UnitState.Missing
        ? "Chưa nộp"
        : unit.Errors > 0 ? "Có lỗi" : unit.ReadyToSign ? "Sẵn sàng ký" : "Còn cảnh báo";

    public static string Form(UnitStatus unit) => unit.Template switch
    {
        null => string.Empty,
        { TemplateId: { } id } => $"Mẫu {id}",
        { Source: Appendix.Checking.FormSource.PreviousReport } => "Theo báo cáo kỳ trước",
        _ => "Không khớp mẫu nào (kiểm tra chung)",
    };

    /// <summary>The value a cell of the consolidated table holds: the total, count or recomputed rate; none for a spread.</summary>
    public static decimal? CellValue(ConsolidatedFigure? figure) => figure?.Method == FigureMethod.Spread ? null : figure?.Value;

    public static bool IsRate(ConsolidatedFigure figure) => figure.Type == IndicatorType.Percent;
}
