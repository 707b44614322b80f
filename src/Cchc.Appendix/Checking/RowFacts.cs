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
/// rates whatever the row counts), and its value parsed by that type. A view of its row and column: what was read of
/// the cell is kept once, in the check's <see cref="CellTable"/>, so a check makes no object per cell.
/// </summary>
internal readonly record struct ValueFacts(RowFacts Row, int Column)
{
    public ValueColumn Header => Row.CellTable.HeaderOf(Column);

    /// <summary>The cell as written.</summary>
    public CellValue Cell => Row.Row.ValueAt(Column);

    public IndicatorType? Type => Facts.Type;

    public ValueState State => Facts.State;

    /// <summary>The value, where <see cref="State"/> is <see cref="ValueState.Number"/>; null otherwise.</summary>
    public decimal? Number => Facts.Number;

    public NumberNotation Notation => Facts.Notation;

    public ValueRole Role => Header.Role;

    private ref readonly CellFacts Facts => ref Row.CellTable.FactsOf(Row.Index, Column);
}

/// <summary>
/// What was read of one value cell: the type it must hold, its state, and its number and notation. One is made for
/// every value cell of every check, so the type, state and notation are kept in a byte each and the number without a
/// nullable's flag, in one array for the whole check.
/// </summary>
internal readonly struct CellFacts
{
    private readonly decimal _number;
    private readonly byte _type;
    private readonly byte _notation;

    private CellFacts(IndicatorType? type, ValueState state, decimal? number, NumberNotation notation)
    {
        _type = Facts.EncodeType(type);
        State = state;
        _number = number.GetValueOrDefault();
        _notation = checked((byte)notation);
    }

    public IndicatorType? Type => Facts.DecodeType(_type);

    public ValueState State { get; }

    public decimal? Number => State == ValueState.Number ? _number : null;

    public NumberNotation Notation => (NumberNotation)_notation;

    public static CellFacts Read(ValueColumn header, CellValue cell, IndicatorType? rowType)
    {
        // A rate column holds a percentage on every row with a value, whatever the row counts: 100 on a yes/no row
        // whose plan was done.
        var type = header.Role == ValueRole.Rate && rowType is IndicatorType.Count or IndicatorType.YesNo or IndicatorType.Code or IndicatorType.Percent
            ? IndicatorType.Percent
            : rowType;
        var (state, number, notation) = Parse(cell, type);
        return new CellFacts(type, state, number, notation);
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
/// The value cells of one check: what was read of each, row after row, each row's stretch one cell per value column
/// (one when the appendix has none), and the columns' headers.
/// </summary>
internal sealed class CellTable(int rows, IReadOnlyList<ValueColumn> columns)
{
    private readonly CellFacts[] _facts = new CellFacts[rows * CellsPerRow(columns)];

    public int PerRow { get; } = CellsPerRow(columns);

    public ValueColumn HeaderOf(int column) => column < columns.Count ? columns[column] : ValueColumn.OnlyOne[0];

    public ref readonly CellFacts FactsOf(int row, int column) => ref _facts[(row * PerRow) + column];

    public void Write(int row, int column, CellFacts facts) => _facts[(row * PerRow) + column] = facts;

    private static int CellsPerRow(IReadOnlyList<ValueColumn> columns) => Math.Max(columns.Count, 1);
}

/// <summary>
/// Every value cell of a check, in row order then column order: walked by several rules on every check, so its
/// enumerator is a value, not an object.
/// </summary>
internal readonly struct CheckCells(List<RowFacts> rows, int perRow)
{
    public Enumerator GetEnumerator() => new(rows, perRow);

    public struct Enumerator(List<RowFacts> rows, int perRow)
    {
        private int _row;
        private int _column = -1;

        public readonly ValueFacts Current => new(rows[_row], _column);

        public bool MoveNext()
        {
            if (++_column < perRow)
            {
                return _row < rows.Count;
            }

            _column = 0;
            return ++_row < rows.Count;
        }
    }
}

/// <summary>The value cells of one row, without an array of its own: a count, an indexer and an enumerator that make nothing.</summary>
internal readonly struct RowCells(RowFacts row) : IReadOnlyList<ValueFacts>
{
    public int Count => row.CellTable.PerRow;

    public ValueFacts this[int column] => (uint)column < (uint)Count ? new(row, column) : throw new ArgumentOutOfRangeException(nameof(column));

    public Enumerator GetEnumerator() => new(row, Count);

    IEnumerator<ValueFacts> IEnumerable<ValueFacts>.GetEnumerator() => GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    public struct Enumerator(RowFacts row, int count) : IEnumerator<ValueFacts>
    {
        private int _column = -1;

        public readonly ValueFacts Current => new(row, _column);

        readonly object System.Collections.IEnumerator.Current => Current;

        public bool MoveNext() => ++_column < count;

        public void Reset() => _column = -1;

        public readonly void Dispose()
        {
        }
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

    /// <summary>Every value cell, one per value column of the appendix.</summary>
    public RowCells Values => new(this);

    /// <summary>The check's value cells, where this row's are read; the row's own are <see cref="Values"/>.</summary>
    public required CellTable CellTable { get; init; }

    public ValueFacts First => new(this, 0);

    public ValueState State => CellTable.FactsOf(Index, 0).State;

    public decimal? Number => CellTable.FactsOf(Index, 0).Number;

    public NumberNotation Notation => CellTable.FactsOf(Index, 0).Notation;

    public bool HasNote => !Row.Note.IsBlank;

    public string Label => Row.Label.Text;

    public string LabelKey => LabelFacts.Key;

    /// <summary>What the label's text alone says, kept with the label by the catalogue.</summary>
    public required LabelFacts LabelFacts { get; init; }

    /// <summary>The type the label's own words imply (<see cref="UnitText.TypeFromLabel"/>).</summary>
    public IndicatorType? ImpliedType => LabelFacts.ImpliedType;

    public ValueFacts Value(int column) => Values[column];

    /// <summary>The first value cell in a column of <paramref name="role"/> whose state is <paramref name="state"/>, or null.</summary>
    public ValueFacts? ValueWith(ValueRole role, ValueState state)
    {
        foreach (var cell in Values)
        {
            if (cell.Role == role && cell.State == state)
            {
                return cell;
            }
        }

        return null;
    }

    /// <summary>True when a value cell is in <paramref name="state"/>, in a column of <paramref name="role"/> when one is given.</summary>
    public bool HasValue(ValueState state, ValueRole? role = null)
    {
        // A loop, not Any(): rules ask this of every row, and a row's cells walked through LINQ are boxed with their enumerator.
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
    /// The facts of <paramref name="row"/>, the <paramref name="index"/>th of the check, what was read of its value
    /// cells written into <paramref name="cells"/>.
    /// </summary>
    public static RowFacts Create(
        AppendixRow row,
        int index,
        LabelFacts label,
        UnitInfo unit,
        string? section,
        TemplateEntry? entry,
        ReportPeriod? period,
        CellTable cells)
    {
        var isSection = entry is { IsSection: true } || (entry is null && SectionNumbers.Parse(row.No.Text) is not null);
        var template = entry?.Row;

        IndicatorType? type;
        IndicatorKind kind;
        bool expectsValue;
        if (isSection)
        {
            type = IndicatorType.Heading;
            kind = label.Kind;
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
            var words = label.ImpliedType;
            kind = label.Kind;
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
            IsSectionRow = isSection,
            Type = type,
            Kind = kind,
            ExpectsValue = expectsValue,
            Unit = unit,
            LabelFacts = label,
            CellTable = cells,
        };
        for (var c = 0; c < cells.PerRow; c++)
        {
            cells.Write(index, c, CellFacts.Read(cells.HeaderOf(c), row.ValueAt(c), type));
        }

        return facts;
    }

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
