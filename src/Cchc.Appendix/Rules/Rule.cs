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

    protected Finding At(RowFacts row, AppendixColumn column, IReadOnlyDictionary<string, string> values, Proposal? proposal = null, Severity? severity = null)
    {
        var (vi, en) = Message.Format(WithLabel(values, row.Label));
        return new Finding(row.Row.Row, column, row.Label, Code, severity ?? Severity, vi, en, proposal)
        {
            Section = row.Section,
            IndicatorId = row.Template?.Id,
        };
    }

    protected Finding AtHeader(IReadOnlyDictionary<string, string> values, int? titleLine, string titleText, Proposal? proposal = null, Severity? severity = null)
    {
        var (vi, en) = Message.Format(values);
        return new Finding(0, AppendixColumn.Header, titleText, Code, severity ?? Severity, vi, en, proposal) { TitleLine = titleLine };
    }

    protected static string N(decimal value) => VietnameseNumber.Format(value);

    protected static Dictionary<string, string> Args(params (string Key, object? Value)[] values) =>
        values.ToDictionary(v => v.Key, v => v.Value switch
        {
            decimal d => N(d),
            null => string.Empty,
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => v.Value.ToString() ?? string.Empty,
        });

    /// <summary>Shortens a long label for quoting in another row's message.</summary>
    protected static string Quote(string label) => label.Length <= 90 ? label.Trim() : label[..87].TrimEnd() + "…";

    private static Dictionary<string, string> WithLabel(IReadOnlyDictionary<string, string> values, string label)
    {
        var all = new Dictionary<string, string>(values);
        all.TryAdd("label", Quote(label));
        return all;
    }
}
