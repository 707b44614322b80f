using System.Globalization;
using Cchc.Appendix.Checking;
using Cchc.Appendix.Findings;

namespace Cchc.Appendix.Rules;

/// <summary>The title names no period (quý I–IV, 6 tháng, 9 tháng, năm) with its year.</summary>
internal sealed class HeaderPeriodMissingRule : Rule
{
    public override string Code => "HEADER_PERIOD_MISSING";

    public override Severity Severity => Severity.Error;

    public override MessageTemplate Message { get; } = new(
        "Tiêu đề phụ lục không ghi kỳ báo cáo (ví dụ “QUÝ III NĂM 2022”).",
        "The appendix title names no reporting period (e.g. “QUÝ III NĂM 2022”).");

    public override IEnumerable<Finding> Check(CheckContext context) =>
        context.Header.Period is null ? [AtHeader(Args(), null, string.Empty)] : [];
}

/// <summary>The period line names no reporting unit ("… CỦA UBND THỊ XÃ NGÃ NĂM").</summary>
internal sealed class HeaderUnitMissingRule : Rule
{
    public override string Code => "HEADER_UNIT_MISSING";

    public override Severity Severity => Severity.Warning;

    public override MessageTemplate Message { get; } = new(
        "Tiêu đề phụ lục không ghi đơn vị báo cáo (ví dụ “… CỦA UBND THỊ XÃ NGÃ NĂM”).",
        "The appendix title names no reporting unit (e.g. “… CỦA UBND THỊ XÃ NGÃ NĂM”).");

    public override IEnumerable<Finding> Check(CheckContext context) =>
        context.Header.Period is not null && context.Header.Unit is null
            ? [AtHeader(Args(), context.Header.PeriodLine, PreviousReportRule.Title(context))]
            : [];
}

/// <summary>The year of the reference line differs from the year of the title.</summary>
internal sealed class HeaderYearMismatchRule : Rule
{
    public override string Code => "HEADER_YEAR_MISMATCH";

    public override Severity Severity => Severity.Warning;

    public override MessageTemplate Message { get; } = new(
        "Dòng “Kèm theo Báo cáo số …” ghi năm {reference}, nhưng tiêu đề là {period}.",
        "The “Kèm theo Báo cáo số …” line says {reference}, but the title says {period}.");

    public override IEnumerable<Finding> Check(CheckContext context)
    {
        var header = context.Header;
        if (header.Period is null || header.ReferenceYear is not int year || header.ReferenceLine is not int line || year == header.Period.Year)
        {
            yield break;
        }

        var text = context.Snapshot.TitleLines[line];
        var yearText = year.ToString(CultureInfo.InvariantCulture);
        var at = text.LastIndexOf(yearText, StringComparison.Ordinal);
        var corrected = at < 0 ? null : text[..at] + header.Period.Year.ToString(CultureInfo.InvariantCulture) + text[(at + yearText.Length)..];
        yield return AtHeader(Args(("reference", year), ("period", header.Period.ToString())), line, text,
            corrected is null ? null : new Proposal(corrected, ProposalSource.Header));
    }
}

/// <summary>The report number is still a placeholder; it must be filled before signing.</summary>
internal sealed class HeaderNumberBlankRule : Rule
{
    public override string Code => "HEADER_NUMBER_BLANK";

    public override Severity Severity => Severity.Warning;

    public override MessageTemplate Message { get; } = new(
        "Chưa điền số báo cáo ở dòng “Kèm theo Báo cáo số …”; cần điền trước khi ký.",
        "The report number in the “Kèm theo Báo cáo số …” line is blank; fill it in before signing.");

    public override IEnumerable<Finding> Check(CheckContext context) =>
        context.Header is { HasReferenceLine: true, ReportNumber: null }
            ? [AtHeader(Args(), context.Header.ReferenceLine, context.Snapshot.TitleLines[context.Header.ReferenceLine!.Value])]
            : [];
}

/// <summary>The report date is still a placeholder.</summary>
internal sealed class HeaderDateBlankRule : Rule
{
    public override string Code => "HEADER_DATE_BLANK";

    public override Severity Severity => Severity.Warning;

    public override MessageTemplate Message { get; } = new(
        "Chưa điền đủ ngày, tháng của báo cáo ở dòng “Kèm theo Báo cáo số …”; cần điền trước khi ký.",
        "The report date in the “Kèm theo Báo cáo số …” line is incomplete; fill it in before signing.");

    public override IEnumerable<Finding> Check(CheckContext context) =>
        context.Header is { HasReferenceLine: true, ReportDate: null }
            ? [AtHeader(Args(), context.Header.ReferenceLine, context.Snapshot.TitleLines[context.Header.ReferenceLine!.Value])]
            : [];
}

/// <summary>The title's period is one the matched form is not used for (a "QUÝ III" title on a yearly form).</summary>
internal sealed class HeaderPeriodTemplateRule : Rule
{
    public override string Code => "HEADER_PERIOD_TEMPLATE";

    public override Severity Severity => Severity.Warning;

    public override MessageTemplate Message { get; } = new(
        "Tiêu đề ghi {period}, nhưng mẫu “{template}” không dùng cho kỳ này.",
        "The title says {period}, but the form “{template}” is not used for that period.");

    public override IEnumerable<Finding> Check(CheckContext context)
    {
        var template = context.Template?.Template;
        var period = context.Header.Period;
        if (template is null || period is null || template.Periods.Count == 0 || template.Periods.Contains(period.KindName, StringComparer.Ordinal))
        {
            return [];
        }

        return [AtHeader(Args(("period", period.ToString()), ("template", template.Name)), context.Header.PeriodLine, PreviousReportRule.Title(context))];
    }
}

/// <summary>The appendix was recognised by its shape: it has no header row naming its columns.</summary>
internal sealed class HeaderRowMissingRule : Rule
{
    public override string Code => "HEADER_ROW_MISSING";

    public override Severity Severity => Severity.Info;

    public override MessageTemplate Message { get; } = new(
        "Bảng phụ lục không có hàng tiêu đề (STT, Tên chỉ tiêu, Đơn vị tính, Số liệu, Ghi chú); các cột đã được nhận ra theo nội dung, nên thêm hàng tiêu đề để người đọc không nhầm.",
        "The appendix table has no header row (STT, Tên chỉ tiêu, Đơn vị tính, Số liệu, Ghi chú); its columns were recognised by their content. Add a header row so readers do not misread it.");

    public override IEnumerable<Finding> Check(CheckContext context) =>
        context.Snapshot.HasHeaderRow ? [] : [AtHeader(Args(), null, string.Empty)];
}
