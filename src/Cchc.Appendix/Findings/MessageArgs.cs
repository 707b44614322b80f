using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace Cchc.Appendix.Findings;

/// <summary>
/// The values of a finding's message slots. A message has a handful, each looked up once per language, so they are
/// kept as pairs in one array and found by comparing names: a dictionary per finding cost more to build than to read.
/// </summary>
internal sealed class MessageArgs(KeyValuePair<string, string>[] pairs) : IReadOnlyDictionary<string, string>
{
    public int Count => pairs.Length;

    public IEnumerable<string> Keys => pairs.Select(pair => pair.Key);

    public IEnumerable<string> Values => pairs.Select(pair => pair.Value);

    public string this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException(key);

    public bool ContainsKey(string key) => TryGetValue(key, out _);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out string value)
    {
        foreach (var pair in pairs)
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

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, string>>)pairs).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
