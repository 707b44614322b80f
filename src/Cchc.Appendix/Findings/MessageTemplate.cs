using System.Globalization;
using System.Text;

namespace Cchc.Appendix.Findings;

/// <summary>
/// A finding's message in Vietnamese and English with <c>{placeholder}</c> slots, filled by name.
/// </summary>
public sealed record MessageTemplate(string Vi, string En)
{
    public (string Vi, string En) Format(IReadOnlyDictionary<string, string> values) => (Fill(Vi, values), Fill(En, values));

    private static string Fill(string template, IReadOnlyDictionary<string, string> values)
    {
        var builder = new StringBuilder(template.Length + 32);
        var i = 0;
        while (i < template.Length)
        {
            var open = template.IndexOf('{', i);
            if (open < 0)
            {
                builder.Append(template, i, template.Length - i);
                break;
            }

            var close = template.IndexOf('}', open);
            if (close < 0)
            {
                builder.Append(template, i, template.Length - i);
                break;
            }

            builder.Append(template, i, open - i);
            var name = template[(open + 1)..close];
            builder.Append(values.TryGetValue(name, out var value) ? value : string.Create(CultureInfo.InvariantCulture, $"{{{name}}}"));
            i = close + 1;
        }

        return builder.ToString();
    }
}
