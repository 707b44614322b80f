using System.Globalization;
using Cchc.Appendix.Checking;
using Cchc.Appendix.Findings;
using Cchc.Appendix.Numbers;
using Cchc.Appendix.Table;

namespace Cchc.Appendix.Rules;

/// <summary>
/// A check with a stable <see cref="Code"/> (also its message key), a default severity and a message in
/// Vietnamese and English. Rules read the context and return findings; they never change anything.
/// </summary>
internal abstract class Rule
{
    public abstract string Code { get; }

    public abstract Severity Severity { get; }

    public abstract MessageTemplate Message { get; }

    public abstract IEnumerable<Finding> Check(CheckContext context);

    protected Finding At(RowFacts row, AppendixColumn column, in MessageArgs values, Proposal? proposal = null, Severity? severity = null)
    {
        var (vi, en) = Message.Format(in values, Quote(row.Label));
        return new Finding(row.Row.Row, column, row.Label, Code, severity ?? Severity, vi, en, proposal)
        {
            Section = row.Section,
            IndicatorId = row.Template?.Id,
        };
    }

    /// <summary>
    /// A finding on one value cell. Where the appendix has several value columns the message names the column, and
    /// <paramref name="because"/> says what an inferred relation rests on.
    /// </summary>
    protected Finding At(
        ValueFacts cell,
        in MessageArgs values,
        Proposal? proposal = null,
        Severity? severity = null,
        (string Vi, string En) because = default)
    {
        var row = cell.Row;
        var (vi, en) = Message.Format(in values, Quote(row.Label));
        var column = cell.Header.Header.Length > 0 && row.Values.Count > 1 ? ($" [cột “{cell.Header.Header}”]", $" [column “{cell.Header.Header}”]") : (string.Empty, string.Empty);
        return new Finding(row.Row.Row, AppendixColumn.Value, row.Label, Code, severity ?? Severity, Append(vi, because.Vi + column.Item1), Append(en, because.En + column.Item2), proposal)
        {
            Section = row.Section,
            IndicatorId = row.Template?.Id,
            ValueColumn = cell.Column,
        };
    }

    protected Finding AtHeader(in MessageArgs values, int? titleLine, string titleText, Proposal? proposal = null, Severity? severity = null)
    {
        var (vi, en) = Message.Format(in values, null);
        return new Finding(0, AppendixColumn.Header, titleText, Code, severity ?? Severity, vi, en, proposal) { TitleLine = titleLine };
    }

    protected static string N(decimal value) => VietnameseNumber.Format(value);

    protected static MessageArgs Args(params ReadOnlySpan<(string Key, object? Value)> values)
    {
        if (values.Length > MessageArgs.MaxSlots)
        {
            throw new ArgumentException($"A message has at most {MessageArgs.MaxSlots} slots; {values.Length} were given.", nameof(values));
        }

        var args = default(MessageArgs.Buffer);
        for (var i = 0; i < values.Length; i++)
        {
            var (key, value) = values[i];
            args[i] = new(key, value switch
            {
                decimal d => N(d),
                null => string.Empty,
                IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                _ => value.ToString() ?? string.Empty,
            });
        }

        return new MessageArgs(((Span<KeyValuePair<string, string>>)args)[..values.Length]);
    }

    /// <summary>Shortens a long label for quoting in another row's message.</summary>
    protected static string Quote(string label) => label.Length <= 90 ? label.Trim() : string.Concat(label.AsSpan(0, 87).TrimEnd(), "…");

    /// <summary>A severity no worse than a warning unless the form is a template a person wrote.</summary>
    protected static Severity Capped(CheckContext context, Severity severity) =>
        context.FormIsDeclared ? severity : FormRelation.Min(severity, Severity.Warning);

    /// <summary><paramref name="suffix"/> inside the message's closing full stop.</summary>
    private static string Append(string message, string? suffix) =>
        string.IsNullOrEmpty(suffix) ? message : message.EndsWith('.') ? string.Concat(message.AsSpan(0, message.Length - 1), suffix, ".") : message + suffix;
}
