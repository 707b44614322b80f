using System.Collections.Concurrent;

namespace Cchc.Appendix.Consolidation;

/// <summary>
/// One copy of each text across the units of a run: every unit of a form repeats the same labels, units and numbers,
/// and kept once per unit they would be most of a consolidation's memory. Thread-safe; lives as long as the run, so
/// nothing stays behind as it would with <see cref="string.Intern(string)"/>.
/// </summary>
public sealed class StringPool
{
    private readonly ConcurrentDictionary<string, string> _texts = new(StringComparer.Ordinal);

    public string Get(string text) => text.Length == 0 ? string.Empty : _texts.GetOrAdd(text, text);

    public string? GetOrNull(string? text) => text is null ? null : Get(text);
}
