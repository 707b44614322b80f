using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace Cchc.Appendix.Findings;

/// <summary>
/// The values of a finding's message slots. A message has a handful, each looked up once per language, so they are
/// kept as pairs in the value itself and found by comparing names: a finding made no dictionary and no array for them.
/// </summary>
internal readonly struct MessageArgs
{
    /// <summary>The most slots a rule's message fills.</summary>
    public const int MaxSlots = 6;

    private readonly Buffer _pairs;
    private readonly int _count;

    /// <param name="pairs">At most <see cref="MaxSlots"/>.</param>
    public MessageArgs(ReadOnlySpan<KeyValuePair<string, string>> pairs)
    {
        pairs.CopyTo(_pairs);
        _count = pairs.Length;
    }

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out string value)
    {
        foreach (var pair in ((ReadOnlySpan<KeyValuePair<string, string>>)_pairs)[.._count])
        {
            if (string.Equals(pair.Key, key, StringComparison.Ordinal))
            {
                value = pair.Value;
                return true;
            }
        }

        value = null;
        return false;
    }

    /// <summary>Room for the pairs of one message, where they are gathered before a <see cref="MessageArgs"/> is made.</summary>
    [InlineArray(MaxSlots)]
    internal struct Buffer
    {
        private KeyValuePair<string, string> _first;
    }
}
