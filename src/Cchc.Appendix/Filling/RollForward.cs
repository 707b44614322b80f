using Cchc.Appendix.Checking;
using Cchc.Appendix.Editing;
using Cchc.Appendix.Header;
using Cchc.Appendix.Numbers;
using Cchc.Appendix.Table;
using Cchc.Appendix.Templates;

namespace Cchc.Appendix.Filling;

/// <summary>
/// Builds next period's appendix from this one: the title names the next period, the report number and date
/// are emptied, stock values stay, period flows are cleared, cumulative values are cleared with last figure kept
/// in the note as the floor (a new year starts from nothing), and the form's numbering, units and wording are
/// restored. The result is a list of edits, applied by a writer like any other.
/// </summary>
public sealed class RollForward(AppendixChecker checker)
{
    public const string Code = "ROLL_FORWARD";

    private static readonly string[] StructuralCodes =
        ["NUMBERING_DUPLICATE", "NUMBERING_SEQUENCE", "NUMBERING_SUBITEM", "NUMBERING_SECTION", "UNIT_MISSING", "UNIT_MISMATCH", "LABEL_WORDING"];

    public static RollForward Default { get; } = new(AppendixChecker.Default);

    /// <summary>The edits that make <paramref name="current"/> into the next period's appendix; none when the title names no period.</summary>
    public IReadOnlyList<CellEdit> Plan(TableSnapshot current)
    {
        var context = checker.Analyse(current, CheckOptions.Default);
        if (context.Header.Period is not { } period)
        {
            return [];
        }

        var next = period.Next();
        var edits = new List<CellEdit>();
        edits.AddRange(TitleEdits(current, context.Header, next));
        foreach (var cell in context.Rows.Where(r => r.ExpectsValue).SelectMany(r => r.Values).Where(c => c.State != ValueState.Blank))
        {
            edits.AddRange(ValueEdits(cell, next));
        }

        // The form's own numbering, units and wording carry into the new report; values are the officer's.
        var structural = checker.Check(current, options: new CheckOptions(StructuralCodes.ToHashSet()));
        var planned = edits.Select(e => (e.Row, e.Column, e.ValueColumn)).ToHashSet();
        edits.AddRange(Corrections.Edits(structural, current).Where(e => !planned.Contains((e.Row, e.Column, e.ValueColumn))));
        // A row cumulative in two columns records one floor in its one note.
        return edits.DistinctBy(e => (e.Row, e.Column, e.ValueColumn, e.TitleLine)).OrderBy(e => e.Row).ThenBy(e => e.Column).ThenBy(e => e.ValueColumn).ToList();
    }

    private static IEnumerable<CellEdit> TitleEdits(TableSnapshot current, ReportHeader header, ReportPeriod next)
    {
        if (header.PeriodLine is int periodLine && HeaderParser.WithPeriod(current.TitleLines[periodLine], next) is { } title)
        {
            yield return new CellEdit(0, AppendixColumn.Header, title, Code, $"Chuyển sang {next}.", $"Rolled forward to {next}.")
            {
                TitleLine = periodLine,
                OldText = current.TitleLines[periodLine],
            };
        }

        if (header.ReferenceLine is int referenceLine && HeaderParser.BlankReference(current.TitleLines[referenceLine], next.Year) is { } reference)
        {
            yield return new CellEdit(0, AppendixColumn.Header, reference, Code, "Số và ngày báo cáo để trống cho kỳ mới.", "Report number and date left blank for the new period.")
            {
                TitleLine = referenceLine,
                OldText = current.TitleLines[referenceLine],
            };
        }
    }

    /// <summary>
    /// What becomes of a written value: a stock and the year's plan stay (the plan until a new year), a flow, a rate
    /// and last year's figure are cleared, and a cumulative figure is cleared with itself kept in the note as the floor
    /// (a new year starts from nothing).
    /// </summary>
    private static IEnumerable<CellEdit> ValueEdits(ValueFacts cell, ReportPeriod next)
    {
        var row = cell.Row;
        var cumulative = cell.Role == ValueRole.Cumulative || (cell.Role == ValueRole.Period && row.Kind == IndicatorKind.Cumulative);
        switch (cell.Role)
        {
            case ValueRole.Period when row.Kind == IndicatorKind.Stock:
            case ValueRole.Plan when !next.StartsYear:
                yield break;
            case ValueRole.Plan:
                yield return Clear(cell, "Kế hoạch năm mới: để trống.", "A new year's plan: cleared.");
                yield break;
            case ValueRole.Rate:
                yield return Clear(cell, "Tỷ lệ tính lại cho kỳ mới.", "The rate is worked out anew for the new period.");
                yield break;
            case ValueRole.SamePeriodLastYear:
                yield return Clear(cell, "Số cùng kỳ năm trước của kỳ mới khác kỳ này.", "The new period's same period last year is another one.");
                yield break;
        }

        if (!cumulative)
        {
            yield return Clear(cell, "Số liệu phát sinh trong kỳ: để trống cho kỳ mới.", "A flow of the period: cleared for the new period.");
            yield break;
        }

        if (next.StartsYear)
        {
            yield return Clear(cell, "Số lũy kế bắt đầu lại từ đầu năm.", "Cumulative values restart with the year.");
            yield break;
        }

        var floor = cell.Number is decimal n ? VietnameseNumber.Format(n) : cell.Cell.Text.Trim();
        yield return Clear(cell, $"Số lũy kế: không được nhỏ hơn {floor} của kỳ trước.", $"Cumulative: not below last period's {floor}.");
        var note = row.Row.Note.Text.Trim();
        var floorNote = $"Lũy kế kỳ trước: {floor}";
        if (!note.Contains(floorNote, StringComparison.Ordinal))
        {
            yield return new CellEdit(row.Row.Row, AppendixColumn.Note, note.Length == 0 ? floorNote : $"{note}; {floorNote}", Code, "Ghi mức sàn lũy kế của kỳ trước.", "Records last period's cumulative floor.")
            {
                OldText = row.Row.Note.Text,
            };
        }
    }

    private static CellEdit Clear(ValueFacts cell, string reason, string reasonEn) =>
        new(cell.Row.Row.Row, AppendixColumn.Value, string.Empty, Code, reason, reasonEn) { OldText = cell.Cell.Text, ValueColumn = cell.Column };
}
