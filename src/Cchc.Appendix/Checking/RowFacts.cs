using Cchc.Appendix.Header;
using Cchc.Appendix.Numbers;
using Cchc.Appendix.Table;
using Cchc.Appendix.Templates;
using Cchc.Appendix.Units;

namespace Cchc.Appendix.Checking;

internal enum ValueState
{
    Blank,
    Number,
    Invalid,
}

/// <summary>
/// One row as the rules see it: the template row it matched (if any), the type it should hold, its unit
/// read, and its value parsed by that type.
/// </summary>
internal sealed class RowFacts
{
    public required AppendixRow Row { get; init; }

    /// <summary>0-based position among the snapshot's rows.</summary>
    public required int Index { get; init; }

    public required string? Section { get; init; }

    public TemplateEntry? Entry { get; init; }

    public double Similarity { get; init; }

    public TemplateRow? Template => Entry?.Row;

    public bool IsSectionRow { get; init; }

    /// <summary>The type the value must have: the template's, else what unit or label implies; null when unknown.</summary>
    public IndicatorType? Type { get; init; }

    public IndicatorKind Kind { get; init; }

    public bool ExpectsValue { get; init; }

    public required UnitInfo Unit { get; init; }

    public ValueState State { get; init; }

    public decimal? Number { get; init; }

    public NumberNotation Notation { get; init; }

    public bool HasNote => !Row.Note.IsBlank;

    public string Label => Row.Label.Text;

    public string LabelKey { get; init; } = string.Empty;

    public static RowFacts Create(AppendixRow row, int index, string labelKey, UnitInfo unit, string? section, TemplateEntry? entry, double similarity, ReportPeriod? period)
    {
        var isSection = entry is { IsSection: true } || (entry is null && SectionNumbers.Parse(row.No.Text) is not null);
        var template = entry?.Row;

        IndicatorType? type;
        IndicatorKind kind = IndicatorKind.Flow;
        bool expectsValue;
        if (isSection)
        {
            type = IndicatorType.Heading;
            expectsValue = false;
        }
        else if (template is not null)
        {
            type = template.Type;
            kind = template.Kind;
            expectsValue = template.ExpectsValue && RequiredIn(template, period);
        }
        else
        {
            type = unit.Type ?? UnitText.TypeFromLabel(row.Label.Text);
            expectsValue = !unit.IsBlank && type is not null;
            if (type is null && row.Value.IsBlank)
            {
                type = IndicatorType.Heading;
            }
        }

        var (state, number, notation) = ParseValue(row.Value, type);
        return new RowFacts
        {
            Row = row,
            Index = index,
            Section = section,
            Entry = entry,
            Similarity = similarity,
            IsSectionRow = isSection,
            Type = type,
            Kind = kind,
            ExpectsValue = expectsValue,
            Unit = unit,
            State = state,
            Number = number,
            Notation = notation,
            LabelKey = labelKey,
        };
    }

    private static bool RequiredIn(TemplateRow template, ReportPeriod? period) =>
        template.RequiredIn is null || (period is not null && template.RequiredIn.Contains(period.KindName, StringComparer.Ordinal));

    private static (ValueState, decimal?, NumberNotation) ParseValue(CellValue cell, IndicatorType? type)
    {
        if (cell.Number is double stored)
        {
            if (double.IsNaN(stored) || double.IsInfinity(stored) || Math.Abs(stored) > 1e15)
            {
                return (ValueState.Invalid, null, NumberNotation.Stored);
            }

            var value = (decimal)stored;
            if (cell.NumberFormat?.Contains('%', StringComparison.Ordinal) == true)
            {
                value *= 100;
            }

            // A double carries binary noise (0.6 × 100 = 60.000000000000007); ten decimals is far beyond any report.
            return (ValueState.Number, Math.Round(value, 10), NumberNotation.Stored);
        }

        if (cell.IsBlank)
        {
            return (ValueState.Blank, null, NumberNotation.Plain);
        }

        if (VietnameseNumber.TryParse(cell.Text, type ?? IndicatorType.Count, out var parsed)
            && (parsed.Notation != NumberNotation.Word || type == IndicatorType.YesNo))
        {
            return (ValueState.Number, parsed.Value, parsed.Notation);
        }

        return (ValueState.Invalid, null, NumberNotation.Plain);
    }
}
