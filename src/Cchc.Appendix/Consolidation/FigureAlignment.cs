using Cchc.Appendix.Checking;
using Cchc.Appendix.Table;
using Cchc.Appendix.Templates;

namespace Cchc.Appendix.Consolidation;

/// <summary>
/// Lines the units' rows up and works each figure out. A row's key is its template indicator id, or one a template
/// gives the same label in another unit, else its label (with its occurrence, for labels a form repeats). The
/// common form is the one most units filled; its rows give the layout, and rows of other forms are appended after
/// it and listed. Value columns line up by what they hold (this period, since January, plan, rate).
/// </summary>
internal sealed class FigureAlignment
{
    private const string ExtraKey = "~ngoai-mau-chung";

    private readonly IReadOnlyList<string> _unitNames;
    private readonly ConsolidationOptions _options;
    private readonly List<Unit> _units = [];
    private readonly List<ValueColumn> _columns = [];
    private readonly List<(ValueRole Role, int Ordinal)> _columnSlots = [];
    private readonly List<UnalignedIndicator> _unaligned = [];

    private FigureAlignment(IReadOnlyList<string> unitNames, ConsolidationOptions options)
    {
        _unitNames = unitNames;
        _options = options;
    }

    public IReadOnlyList<ValueColumn> Columns => _columns;

    public List<ConsolidatedRow> Rows { get; } = [];

    public IReadOnlyList<UnalignedIndicator> Unaligned => _unaligned;

    /// <param name="received">Each unit's report, index for index with <paramref name="unitNames"/>; null for a missing unit.</param>
    public static FigureAlignment Align(IReadOnlyList<UnitReport?> received, IReadOnlyList<string> unitNames, ConsolidationOptions options)
    {
        var alignment = new FigureAlignment(unitNames, options);
        for (var i = 0; i < received.Count; i++)
        {
            if (received[i] is { } report)
            {
                alignment._units.Add(new Unit(i, unitNames[i], report));
            }
        }

        if (alignment._units.Count > 0)
        {
            alignment.AssignKeys();
            alignment.SeparateTypes();
            alignment.Build();
        }

        return alignment;
    }

    /// <summary>Keys by id where a row has one, by the id a template gives the same label elsewhere, else by label.</summary>
    private void AssignKeys()
    {
        var idOfLabel = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var unit in _units)
        {
            foreach (var (_, row, labelKey) in unit.LabelKeys())
            {
                if (row.Id is null)
                {
                    continue;
                }

                // A label two templates give different ids is no evidence of either.
                idOfLabel[labelKey] = idOfLabel.TryGetValue(labelKey, out var known) && known != row.Id ? null : row.Id;
            }
        }

        foreach (var unit in _units)
        {
            foreach (var (index, row, labelKey) in unit.LabelKeys())
            {
                var id = row.Id ?? (idOfLabel.TryGetValue(labelKey, out var shared) ? shared : null);
                unit.SetKey(index, id is not null ? "id:" + id : "label:" + labelKey);
            }
        }
    }

    /// <summary>
    /// One key, one type: where units disagree (a percent in one, a count in the rest), the units of the rarer type get
    /// a key of their own, so a rate is never added to a count, and the split is listed.
    /// </summary>
    private void SeparateTypes()
    {
        var typesByKey = new Dictionary<string, Dictionary<IndicatorType, List<Unit>>>(StringComparer.Ordinal);
        foreach (var unit in _units)
        {
            foreach (var (key, row) in unit.ValueRows())
            {
                if (!typesByKey.TryGetValue(key, out var types))
                {
                    typesByKey[key] = types = [];
                }

                if (!types.TryGetValue(row.Type!.Value, out var units))
                {
                    types[row.Type.Value] = units = [];
                }

                units.Add(unit);
            }
        }

        foreach (var (key, types) in typesByKey.Where(t => t.Value.Count > 1))
        {
            var main = types.OrderByDescending(t => t.Value.Count).First().Key;
            foreach (var (type, units) in types.Where(t => t.Key != main))
            {
                foreach (var unit in units)
                {
                    unit.Rename(key, $"{key}|{type}");
                }

                var label = units[0].RowOf($"{key}|{type}")!.Label;
                _unaligned.Add(new UnalignedIndicator(
                    label,
                    $"Cùng chỉ tiêu nhưng là {TypeVi(type)} ở {units.Count} đơn vị và {TypeVi(main)} ở {types[main].Count} đơn vị: tổng hợp riêng, không cộng chung.",
                    $"The same indicator is {type} in {units.Count} units and {main} in {types[main].Count}: consolidated apart, never added together.",
                    units.Select(u => u.Name).ToList()));
            }
        }
    }

    private void Build()
    {
        var reference = CommonForm();
        foreach (var column in reference.Report.Description.Columns)
        {
            AddColumn(column, reference.Report.Description.Columns);
        }

        var common = _columnSlots.Count;
        foreach (var unit in _units)
        {
            var columns = unit.Report.Description.Columns;
            unit.ColumnOf = new int[columns.Count];
            for (var c = 0; c < columns.Count; c++)
            {
                var index = _columnSlots.IndexOf(SlotOf(columns, c));
                unit.ColumnOf[c] = index >= 0 ? index : AddColumn(columns[c], columns);
                if (unit.ColumnOf[c] >= common)
                {
                    NoteColumnOutsideForm(columns[c], unit.Name);
                }
            }
        }

        var rowRatios = Ratios(r => r.RowRatios);
        var columnRatio = ColumnRatio();
        var laidOut = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (key, row) in reference.KeyedRows())
        {
            if (laidOut.Add(key))
            {
                Rows.Add(MakeRow(key, row, rowRatios, columnRatio, outside: false));
            }
        }

        var extras = new List<(string Key, RowDescription Row, List<string> Units)>();
        foreach (var unit in _units.Where(u => u != reference))
        {
            foreach (var (key, row) in unit.ValueRows())
            {
                if (laidOut.Contains(key))
                {
                    continue;
                }

                var extra = extras.FirstOrDefault(e => e.Key == key);
                if (extra.Key is null)
                {
                    extras.Add((key, row, [unit.Name]));
                }
                else
                {
                    extra.Units.Add(unit.Name);
                }
            }
        }

        if (extras.Count > 0)
        {
            Rows.Add(new ConsolidatedRow(ExtraKey, null, string.Empty, "Chỉ tiêu không có trong mẫu chung", string.Empty, IsHeading: true, []) { OutsideCommonForm = true });
            foreach (var (key, row, units) in extras)
            {
                laidOut.Add(key);
                Rows.Add(MakeRow(key, row, rowRatios, columnRatio, outside: true));
                _unaligned.Add(new UnalignedIndicator(
                    row.Label,
                    $"Chỉ có trong mẫu của {units.Count} đơn vị, không có trong mẫu chung của {reference.Name} và {FormPeers(reference)} đơn vị khác: đặt cuối bảng tổng hợp.",
                    $"Only in the form of {units.Count} units, not in the common form of {reference.Name} and {FormPeers(reference)} others: placed at the end of the consolidation.",
                    units));
            }
        }
    }

    /// <summary>The form most units filled (by template, else by the keys of its rows); on a tie, the one with more rows.</summary>
    private Unit CommonForm() =>
        _units.GroupBy(u => u.FormKey, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count())
            .ThenByDescending(g => g.First().Report.Description.Rows.Count)
            .ThenBy(g => g.First().Index)
            .First()
            .First();

    private int FormPeers(Unit reference) => _units.Count(u => u != reference && u.FormKey == reference.FormKey);

    private ConsolidatedRow MakeRow(string key, RowDescription row, Dictionary<string, (string Numerator, string Denominator)> rowRatios, ColumnRatio? columnRatio, bool outside)
    {
        var id = key.StartsWith("id:", StringComparison.Ordinal) ? key[3..] : null;
        var baseId = FigureId(key);
        var holdsFigures = row.Type switch
        {
            IndicatorType.Heading or IndicatorType.Text => false,
            null => HasValues(key),
            _ => true,
        };
        if (row.IsSection || !holdsFigures)
        {
            return new ConsolidatedRow(key, row.Section, row.No, row.Label, row.Unit, IsHeading: true, []) { IndicatorId = id, OutsideCommonForm = outside };
        }

        var type = MainType(key);
        var kind = MainKind(key);
        var figures = new ConsolidatedFigure?[_columns.Count];
        for (var c = 0; c < _columns.Count; c++)
        {
            var figureId = c == 0 ? baseId : $"{baseId}@{ColumnSuffix(c)}";
            figures[c] = Figure(figureId, key, c, type, kind, rowRatios, columnRatio);
        }

        return new ConsolidatedRow(key, row.Section, row.No, row.Label, row.Unit, IsHeading: false, figures) { IndicatorId = id, OutsideCommonForm = outside };
    }

    private ConsolidatedFigure? Figure(string id, string key, int column, IndicatorType rowType, IndicatorKind rowKind, Dictionary<string, (string Numerator, string Denominator)> rowRatios, ColumnRatio? columnRatio)
    {
        var cells = Cells(key, column);
        if (cells.All(c => c is null) && _units.All(u => u.RowOf(key) is null || !u.HasColumn(column)))
        {
            return null;
        }

        var role = _columns[column].Role;
        // A rate column holds a percentage on every counted row, whatever the row counts.
        var type = role == ValueRole.Rate && rowType is IndicatorType.Count or IndicatorType.YesNo or IndicatorType.Code ? IndicatorType.Percent : rowType;
        var kind = role == ValueRole.Cumulative ? IndicatorKind.Cumulative : rowKind;
        var counted = cells.Where(c => c is { Counted: true }).Select(c => c!.Value!.Value).ToList();
        var leftOut = cells.Count(c => c is { Value: not null, Counted: false });
        var (min, median, max) = Spread(counted);
        var of = _unitNames.Count;

        ConsolidatedFigure Make(FigureMethod method, decimal? value, int reported) =>
            new(id, column, role, type, kind, method, value, reported, of, min, median, max) { ByUnit = cells, LeftOutWithErrors = leftOut };

        if (role == ValueRole.Rate && rowType == IndicatorType.Count && columnRatio is not null)
        {
            return Recomputed(Make, Cells(key, columnRatio.Numerator), Cells(key, columnRatio.Denominator));
        }

        if (type == IndicatorType.Percent && rowRatios.TryGetValue(key, out var ratio))
        {
            return Recomputed(Make, Cells(ratio.Numerator, column), Cells(ratio.Denominator, column));
        }

        return type switch
        {
            IndicatorType.Count => Make(FigureMethod.Sum, counted.Count > 0 ? counted.Sum() : null, counted.Count),
            IndicatorType.YesNo => Make(FigureMethod.YesCount, counted.Count > 0 ? counted.Count(v => v == 1) : null, counted.Count),
            _ => Make(FigureMethod.Spread, null, counted.Count),
        };
    }

    /// <summary>Σ numerator / Σ denominator × 100 over the units that gave both, never a mean of the units' rates.</summary>
    private static ConsolidatedFigure Recomputed(Func<FigureMethod, decimal?, int, ConsolidatedFigure> make, UnitFigure?[] numerators, UnitFigure?[] denominators)
    {
        decimal numerator = 0, denominator = 0;
        var reported = 0;
        for (var i = 0; i < numerators.Length; i++)
        {
            if (numerators[i] is { Counted: true } n && denominators[i] is { Counted: true } d)
            {
                numerator += n.Value!.Value;
                denominator += d.Value!.Value;
                reported++;
            }
        }

        var value = denominator > 0 ? Derivations.Ratio(numerator, denominator) : (decimal?)null;
        return make(FigureMethod.Recomputed, value, reported) with
        {
            Numerator = reported > 0 ? numerator : null,
            Denominator = reported > 0 ? denominator : null,
        };
    }

    /// <summary>Each unit's cell of row <paramref name="key"/> in layout column <paramref name="column"/>, index for index with the units in scope.</summary>
    private UnitFigure?[] Cells(string key, int column)
    {
        var cells = new UnitFigure?[_unitNames.Count];
        foreach (var unit in _units)
        {
            if (unit.RowOf(key) is not { } row || unit.UnitColumn(column) is not int c || c >= row.Values.Count)
            {
                continue;
            }

            var value = row.Values[c];
            var invalid = row.Invalid[c];
            if (value is null && !invalid)
            {
                continue;
            }

            var hasError = unit.HasError(row.Row, c);
            cells[unit.Index] = new UnitFigure(value, invalid, hasError, value is not null && (_options.CountFiguresWithErrors || !hasError));
        }

        return cells;
    }

    private static (decimal? Min, decimal? Median, decimal? Max) Spread(List<decimal> values)
    {
        if (values.Count == 0)
        {
            return (null, null, null);
        }

        values.Sort();
        var middle = values.Count / 2;
        var median = values.Count % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
        return (values[0], median, values[^1]);
    }

    /// <summary>The ratio each rate row's key has in most units that relate it, by the keys of its numerator and denominator.</summary>
    private Dictionary<string, (string Numerator, string Denominator)> Ratios(Func<Unit, IEnumerable<(string Rate, string Numerator, string Denominator)>> of) =>
        _units.SelectMany(of)
            .GroupBy(r => r.Rate, StringComparer.Ordinal)
            .ToDictionary(
                g => g.Key,
                g => g.GroupBy(r => (r.Numerator, r.Denominator)).OrderByDescending(p => p.Count()).First().Key,
                StringComparer.Ordinal);

    /// <summary>Which layout columns a rate column divides, as most units' headers say.</summary>
    private ColumnRatio? ColumnRatio() =>
        _units.Select(u => u.Report.Description.ColumnRatio is { } r ? new ColumnRatio(u.ColumnOf[r.Rate], u.ColumnOf[r.Numerator], u.ColumnOf[r.Denominator]) : null)
            .OfType<ColumnRatio>()
            .GroupBy(r => r)
            .OrderByDescending(g => g.Count())
            .Select(g => g.Key)
            .FirstOrDefault();

    private IndicatorType MainType(string key) =>
        _units.Select(u => u.RowOf(key)?.Type).OfType<IndicatorType>().Where(t => t is not IndicatorType.Heading)
            .GroupBy(t => t).OrderByDescending(g => g.Count()).Select(g => (IndicatorType?)g.Key).FirstOrDefault() ?? IndicatorType.Count;

    private IndicatorKind MainKind(string key) =>
        _units.Select(u => u.RowOf(key)?.Kind).OfType<IndicatorKind>()
            .GroupBy(k => k).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstOrDefault();

    private bool HasValues(string key) => _units.Any(u => u.RowOf(key) is { } row && row.Values.Any(v => v is not null));

    private int AddColumn(ValueColumn column, IReadOnlyList<ValueColumn> siblings)
    {
        _columnSlots.Add(SlotOf(siblings, column.Index));
        _columns.Add(column with { Index = _columns.Count });
        return _columns.Count - 1;
    }

    private void NoteColumnOutsideForm(ValueColumn column, string unit)
    {
        var label = $"Cột “{column.Header}”";
        var existing = _unaligned.FindIndex(u => u.Label == label);
        if (existing >= 0)
        {
            _unaligned[existing] = _unaligned[existing] with { Units = [.. _unaligned[existing].Units, unit] };
            return;
        }

        _unaligned.Add(new UnalignedIndicator(
            label,
            "Cột giá trị không có trong mẫu chung: thêm thành cột riêng của bảng tổng hợp.",
            "A value column the common form lacks: added as a column of its own.",
            [unit]));
    }

    /// <summary>A value column's place among columns of the same role: the second "Period" column is (Period, 1).</summary>
    private static (ValueRole, int) SlotOf(IReadOnlyList<ValueColumn> columns, int index) =>
        (columns[index].Role, columns.Take(index).Count(c => c.Role == columns[index].Role));

    private string ColumnSuffix(int column)
    {
        var (role, ordinal) = _columnSlots[column];
        var name = Reporting.WireNames.Of(role);
        return ordinal == 0 ? name : $"{name}{ordinal + 1}";
    }

    /// <summary>A template id as it is; a label as a lower-case slug ("so-ho-so-da-tiep-nhan"), its repeats numbered.</summary>
    private static string FigureId(string key)
    {
        if (key.StartsWith("id:", StringComparison.Ordinal))
        {
            return key[3..];
        }

        var text = key.StartsWith("label:", StringComparison.Ordinal) ? key[6..] : key;
        var builder = new System.Text.StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : c == '|' ? '|' : '-');
        }

        return builder.ToString().Replace("|", "-", StringComparison.Ordinal).Replace("%", "pt", StringComparison.Ordinal);
    }

    private static string TypeVi(IndicatorType type) => type switch
    {
        IndicatorType.Percent => "tỷ lệ (%)",
        IndicatorType.YesNo => "có/không",
        IndicatorType.Code => "mã",
        IndicatorType.Text => "chữ",
        _ => "số lượng",
    };

    /// <summary>One received unit's rows by key, its columns in the layout, and the cells the check found errors in.</summary>
    private sealed class Unit(int index, string name, UnitReport report)
    {
        private readonly Dictionary<string, int> _rowByKey = new(StringComparer.Ordinal);
        private readonly string?[] _keys = new string?[report.Description.Rows.Count];
        private readonly HashSet<(int Row, int Column)> _errorCells = report.Errors
            .Where(e => e.Column == AppendixColumn.Value)
            .Select(e => (e.Row, e.ValueColumn))
            .ToHashSet();

        public int Index { get; } = index;

        public string Name { get; } = name;

        public UnitReport Report { get; } = report;

        /// <summary>For each of the unit's value columns, the layout column it fills.</summary>
        public int[] ColumnOf { get; set; } = [];

        public string FormKey => Report.Template.TemplateId ?? string.Join('\n', _keys.OfType<string>());

        public IEnumerable<(string Rate, string Numerator, string Denominator)> RowRatios =>
            Report.Description.Ratios
                .Where(r => _keys[r.Rate] is not null && _keys[r.Numerator] is not null && _keys[r.Denominator] is not null)
                .Select(r => (_keys[r.Rate]!, _keys[r.Numerator]!, _keys[r.Denominator]!));

        /// <summary>Each labelled row with its label key, repeats of a label numbered from the second ("…#2").</summary>
        public IEnumerable<(int Index, RowDescription Row, string LabelKey)> LabelKeys()
        {
            var seen = new Dictionary<string, int>(StringComparer.Ordinal);
            var rows = Report.Description.Rows;
            for (var i = 0; i < rows.Count; i++)
            {
                if (rows[i].LabelKey.Length == 0)
                {
                    continue;
                }

                var occurrence = seen.GetValueOrDefault(rows[i].LabelKey) + 1;
                seen[rows[i].LabelKey] = occurrence;
                yield return (i, rows[i], occurrence == 1 ? rows[i].LabelKey : $"{rows[i].LabelKey}#{occurrence}");
            }
        }

        /// <summary>Gives row <paramref name="index"/> its key; a second row claiming a key (two template rows read alike) keeps none.</summary>
        public void SetKey(int index, string key)
        {
            if (_rowByKey.ContainsKey(key))
            {
                return;
            }

            _keys[index] = key;
            _rowByKey[key] = index;
        }

        public void Rename(string key, string renamed)
        {
            if (_rowByKey.Remove(key, out var index))
            {
                _keys[index] = renamed;
                _rowByKey[renamed] = index;
            }
        }

        public RowDescription? RowOf(string key) => _rowByKey.TryGetValue(key, out var index) ? Report.Description.Rows[index] : null;

        /// <summary>Rows that hold figures: typed, not headings or text.</summary>
        public IEnumerable<(string Key, RowDescription Row)> ValueRows() =>
            KeyedRows().Where(k => !k.Row.IsSection && k.Row.Type is not null and not IndicatorType.Heading and not IndicatorType.Text);

        public IEnumerable<(string Key, RowDescription Row)> KeyedRows()
        {
            for (var i = 0; i < _keys.Length; i++)
            {
                if (_keys[i] is { } key)
                {
                    yield return (key, Report.Description.Rows[i]);
                }
            }
        }

        public int? UnitColumn(int layoutColumn)
        {
            var c = Array.IndexOf(ColumnOf, layoutColumn);
            return c < 0 ? null : c;
        }

        public bool HasColumn(int layoutColumn) => Array.IndexOf(ColumnOf, layoutColumn) >= 0;

        public bool HasError(int row, int column) => _errorCells.Contains((row, column));
    }
}
