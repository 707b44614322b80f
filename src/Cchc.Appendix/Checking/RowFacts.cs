using Cchc.Appendix.Header;
using Cchc.Appendix.Numbers;
using Cchc.Appendix.Table;
using Cchc.Appendix.Templates;
using Cchc.Appendix.Units;

namespace Cchc.Appendix.Checking;

internal enum ValueState : byte
{
    Blank,
    Number,
    Invalid,
}

/// <summary>
/// One value cell as the rules see it: which value column it is, the type it must hold (a rate column's cells are
/// rates whatever the row counts), and its value parsed by that type. One is made for every value cell of every
/// check, so the type, state and notation are kept in a byte each and the number without a nullable's flag.
/// </summary>
internal sealed class ValueFacts
{
    private readonly decimal _number;
    private readonly byte _type;
    private readonly byte _notation;

    public required RowFacts Row { get; init; }

    /// <summary>0-based among the appendix's value columns.</summary>
    public required int Column { get; init; }

    public required ValueColumn Header { get; init; }

    public required CellValue Cell { get; init; }

    public IndicatorType? Type
    {
        get => Facts.DecodeType(_type);
        init => _type = Facts.EncodeType(value);
    }

    public ValueState State { get; init; }

    /// <summary>The value, where <see cref="State"/> is <see cref="ValueState.Number"/>; null otherwise.</summary>
    public decimal? Number
    {
        get => State == ValueState.Number ? _number : null;
        init => _number = value.GetValueOrDefault();
    }

    public NumberNotation Notation
    {
        get => (NumberNotation)_notation;
        init => _notation = checked((byte)value);
    }

    public ValueRole Role => Header.Role;

    public static ValueFacts Create(RowFacts row, int column, ValueColumn header, CellValue cell, IndicatorType? rowType)
    {
        // A rate column holds a percentage on every row with a value, whatever the row counts: 100 on a yes/no row
        // whose plan was done.
        var type = header.Role == ValueRole.Rate && rowType is IndicatorType.Count or IndicatorType.YesNo or IndicatorType.Code or IndicatorType.Percent
            ? IndicatorType.Percent
            : rowType;
        var (state, number, notation) = Parse(cell, type);
        return new ValueFacts { Row = row, Column = column, Header = header, Cell = cell, Type = type, State = state, Number = number, Notation = notation };
    }

    private static (ValueState, decimal?, NumberNotation) Parse(CellValue cell, IndicatorType? type)
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

/// <summary>
/// One row as the rules see it: the form row it matched (if any), the type it should hold, its unit read, and its
/// value cells parsed by that type. <see cref="State"/>, <see cref="Number"/> and <see cref="Notation"/> are the
/// first value column's, the one value of a classic appendix.
/// </summary>
internal sealed class RowFacts
{
    private readonly byte _type;
    private readonly byte _kind;

    public required AppendixRow Row { get; init; }

    /// <summary>0-based position among the snapshot's rows.</summary>
    public required int Index { get; init; }

    public required string? Section { get; init; }

    public TemplateEntry? Entry { get; init; }

    public double Similarity { get; init; }

    public TemplateRow? Template => Entry?.Row;

    public bool IsSectionRow { get; init; }

    /// <summary>The type the value must have: the form's, else what unit or label implies; null when unknown.</summary>
    public IndicatorType? Type
    {
        get => Facts.DecodeType(_type);
        init => _type = Facts.EncodeType(value);
    }

    public IndicatorKind Kind
    {
        get => (IndicatorKind)_kind;
        init => _kind = checked((byte)value);
    }

    public bool ExpectsValue { get; init; }

    public required UnitInfo Unit { get; init; }

    /// <summary>
    /// Every value cell, one per value column of the appendix: this row's stretch of the check's one array of cells
    /// (<see cref="CheckContext.Cells"/>), not an array of its own.
    /// </summary>
    public ArraySegment<ValueFacts> Values { get; private set; }

    public ValueFacts First => Values[0];

    public ValueState State => Values[0].State;

    public decimal? Number => Values[0].Number;

    public NumberNotation Notation => Values[0].Notation;

    public bool HasNote => !Row.Note.IsBlank;

    public string Label => Row.Label.Text;

    public string LabelKey { get; init; } = string.Empty;

    /// <summary>The type the label's own words imply (<see cref="UnitText.TypeFromLabel"/>), read when first asked.</summary>
    public IndicatorType? ImpliedType
    {
        get
        {
            // One field written once, whole: the facts of a previous report are shared by checks on several threads,
            // and a flag beside the value could be seen set before the value.
            var implied = Volatile.Read(ref _implied);
            if (implied == ImpliedUnread)
            {
                implied = Encode(UnitText.TypeFromLabel(Label));
                Volatile.Write(ref _implied, implied);
            }

            return implied == ImpliedNone ? null : (IndicatorType)implied;
        }
    }

    private const int ImpliedUnread = -2;
    private const int ImpliedNone = -1;

    private int _implied = ImpliedUnread;

    private static int Encode(IndicatorType? type) => type is { } known ? (int)known : ImpliedNone;

    public ValueFacts Value(int column) => Values[column];

    /// <summary>True when a value cell is in <paramref name="state"/>, in a column of <paramref name="role"/> when one is given.</summary>
    public bool HasValue(ValueState state, ValueRole? role = null)
    {
        // A loop, not Any(): rules ask this of every row, and a segment walked through LINQ is boxed with its enumerator.
        foreach (var cell in Values)
        {
            if (cell.State == state && (role is null || cell.Role == role))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The facts of <paramref name="row"/>, its value cells written into <paramref name="cells"/> from
    /// <paramref name="firstCell"/> on, one per value column (one when the appendix has none).
    /// </summary>
    public static RowFacts Create(
        AppendixRow row,
        int index,
        string labelKey,
        UnitInfo unit,
        string? section,
        TemplateEntry? entry,
        double similarity,
        ReportPeriod? period,
        IReadOnlyList<ValueColumn> columns,
        ValueFacts[] cells,
        int firstCell)
    {
        var isSection = entry is { IsSection: true } || (entry is null && SectionNumbers.Parse(row.No.Text) is not null);
        var template = entry?.Row;

        IndicatorType? type;
        IndicatorKind kind;
        var implied = ImpliedUnread;
        bool expectsValue;
        if (isSection)
        {
            type = IndicatorType.Heading;
            kind = FormInference.KindOf(labelKey);
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
            // Where the unit contradicts the label's own words ("Tỷ lệ …" counted in Hồ sơ), the unit is the fault
            // (it is reported) and the words say what the value is.
            var words = UnitText.TypeFromLabel(row.Label.Text);
            implied = Encode(words);
            kind = FormInference.KindOf(labelKey);
            type = UnitText.Contradicts(words, unit.Type) ? words : unit.Type ?? words;
            expectsValue = !unit.IsBlank && type is not null;
            if (type is null && AllBlank(row))
            {
                type = IndicatorType.Heading;
            }
        }

        var facts = new RowFacts
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
            LabelKey = labelKey,
            _implied = implied,
        };
        var values = new ArraySegment<ValueFacts>(cells, firstCell, CellsPerRow(columns));
        for (var c = 0; c < values.Count; c++)
        {
            var header = c < columns.Count ? columns[c] : ValueColumn.OnlyOne[0];
            values[c] = ValueFacts.Create(facts, c, header, row.ValueAt(c), type);
        }

        facts.Values = values;
        return facts;
    }

    /// <summary>How many value cells each row has: one per value column, and one for an appendix without any.</summary>
    public static int CellsPerRow(IReadOnlyList<ValueColumn> columns) => Math.Max(columns.Count, 1);

    private static bool AllBlank(AppendixRow row)
    {
        for (var c = 0; c < row.ValueCount; c++)
        {
            if (!row.ValueAt(c).IsBlank)
            {
                return false;
            }
        }

        return true;
    }

    private static bool RequiredIn(TemplateRow template, ReportPeriod? period) =>
        template.RequiredIn is null || (period is not null && template.RequiredIn.Contains(period.KindName, StringComparer.Ordinal));
}

/// <summary>The facts' enumerations in a byte each: one set is made for every row and cell of every check.</summary>
file static class Facts
{
    /// <summary>0 for no type, else the type's value plus one.</summary>
    public static byte EncodeType(IndicatorType? type) => type is { } known ? checked((byte)((int)known + 1)) : (byte)0;

    public static IndicatorType? DecodeType(byte encoded) => encoded == 0 ? null : (IndicatorType)(encoded - 1);
}
