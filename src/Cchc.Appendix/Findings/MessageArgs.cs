using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace Cchc.Appendix.Findings;

/// <summary>Where a message's slots are filled from: a finding's <see cref="MessageArgs"/>, or any dictionary.</summary>
internal interface IMessageSlots
{
    bool TryGetValue(string key, [MaybeNullWhen(false)] out string value);
}

/// <summary>
/// The values of a finding's message slots. A message has a handful, each looked up once per language, so they are
/// kept as pairs in the value itself and found by comparing names: a finding made no dictionary and no array for them.
/// </summary>
internal readonly struct MessageArgs : IMessageSlots
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

/// <summary>A dictionary's values as message slots, for callers that have one.</summary>
internal readonly struct DictionarySlots(IReadOnlyDictionary<string, string> values) : IMessageSlots
{
    public bool TryGetValue(string key, [MaybeNullWhen(false)] out string value) => values.TryGetValue(key, out value);
}
