using System.Buffers;
using System.Globalization;

namespace Cchc.Appendix.Findings;

/// <summary>
/// A finding's message in Vietnamese and English with <c>{placeholder}</c> slots, filled by name. Each text is split
/// into its literal parts and slots once, when the rule is made, not on every finding.
/// </summary>
public sealed record MessageTemplate(string Vi, string En)
{
    private readonly Part[] _vi = Parse(Vi);
    private readonly Part[] _en = Parse(En);

    /// <summary>
    /// Both texts with their slots filled from <paramref name="values"/>, and <paramref name="label"/> filling a
    /// <c>{label}</c> slot that <paramref name="values"/> does not.
    /// </summary>
    internal (string Vi, string En) Format(in MessageArgs values, string? label) =>
        (Fill(_vi, in values, label), Fill(_en, in values, label));

    public bool Equals(MessageTemplate? other) => other is not null && Vi == other.Vi && En == other.En;

    public override int GetHashCode() => HashCode.Combine(Vi, En);

    /// <summary>A literal run of the text (<see cref="Slot"/> null) or a named slot.</summary>
    private readonly record struct Part(string? Literal, string? Slot);

    private static Part[] Parse(string template)
    {
        var parts = new List<Part>();
        var i = 0;
        while (i < template.Length)
        {
            var open = template.IndexOf('{', i);
            var close = open < 0 ? -1 : template.IndexOf('}', open);
            if (close < 0)
            {
                parts.Add(new Part(template[i..], null));
                break;
            }

            if (open > i)
            {
                parts.Add(new Part(template[i..open], null));
            }

            parts.Add(new Part(null, template[(open + 1)..close]));
            i = close + 1;
        }

        return [.. parts];
    }

    private static string Fill(Part[] parts, in MessageArgs values, string? label)
    {
        // Few parts: gather the pieces in a rented array, then copy them once into a string of the exact length.
        var pieces = ArrayPool<string>.Shared.Rent(parts.Length);
        var length = 0;
        for (var p = 0; p < parts.Length; p++)
        {
            var part = parts[p];
            var piece = part.Slot is not { } name ? part.Literal!
                : values.TryGetValue(name, out var value) ? value
                : label is not null && name == "label" ? label
                : string.Create(CultureInfo.InvariantCulture, $"{{{name}}}");
            pieces[p] = piece;
            length += piece.Length;
        }

        var text = string.Create(length, (pieces, parts.Length), static (destination, state) =>
        {
            foreach (var piece in state.pieces.AsSpan(0, state.Length))
            {
                piece.AsSpan().CopyTo(destination);
                destination = destination[piece.Length..];
            }
        });
        ArrayPool<string>.Shared.Return(pieces, clearArray: true);
        return text;
    }
}
