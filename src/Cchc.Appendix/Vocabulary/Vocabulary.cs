using System.Buffers;
using System.Text.Json;
using Cchc.Appendix.Table;
using Cchc.Appendix.Templates;

namespace Cchc.Appendix.Vocabulary;

/// <summary>
/// The words appendices are read by — header words, unit nouns, what a label's wording implies, which sub-rows
/// split a whole — loaded once from the embedded <c>vocabulary.json</c>, so a province's wording is data.
/// </summary>
internal sealed class Words
{
    private static readonly Lazy<Words> Embedded = new(Load);

    private Words(VocabularyFile file)
    {
        Headers = file.Headers;
        UnitSynonyms = file.UnitSynonyms;
        UnitNouns = file.UnitNouns.ToHashSet(StringComparer.Ordinal);
        LabelTypes = file.LabelTypes
            .SelectMany(t => t.Prefixes.Select(p => (Prefix: p, t.Type)))
            .OrderByDescending(p => p.Prefix.Length)
            .ToArray();
        LongestLabelPrefix = LabelTypes.Count == 0 ? 0 : LabelTypes[0].Prefix.Length;
        CumulativePhrases = new PhraseSet(file.CumulativePhrases);
        StockPhrases = new PhraseSet(file.StockPhrases);
        SubsetMarkers = file.SubsetMarkers;
        Complements = file.Complements;
        RateStopWords = file.RateStopWords.ToHashSet(StringComparer.Ordinal);
    }

    public static Words Default => Embedded.Value;

    public HeaderWords Headers { get; }

    public IReadOnlyDictionary<string, string> UnitSynonyms { get; }

    public IReadOnlySet<string> UnitNouns { get; }

    /// <summary>Label prefixes in lower case with diacritics, longest first.</summary>
    public IReadOnlyList<(string Prefix, IndicatorType Type)> LabelTypes { get; }

    /// <summary>The length of the longest of <see cref="LabelTypes"/>: how much of a label need be read to type it.</summary>
    public int LongestLabelPrefix { get; }

    public PhraseSet CumulativePhrases { get; }

    public PhraseSet StockPhrases { get; }

    public IReadOnlyList<string> SubsetMarkers { get; }

    public IReadOnlyList<IReadOnlyList<string>> Complements { get; }

    public IReadOnlySet<string> RateStopWords { get; }

    /// <summary>True when <paramref name="phrase"/> occurs in <paramref name="key"/> as whole words.</summary>
    public static bool HasPhrase(string key, string phrase) => HasPhrase(key.AsSpan(), phrase);

    public static bool HasPhrase(ReadOnlySpan<char> key, string phrase)
    {
        var at = 0;
        while (at <= key.Length)
        {
            var found = key[at..].IndexOf(phrase, StringComparison.Ordinal);
            if (found < 0)
            {
                return false;
            }

            at += found;
            if (IsWholeWords(key, at, phrase.Length))
            {
                return true;
            }

            at++;
        }

        return false;
    }

    /// <summary>True when the <paramref name="length"/> characters of <paramref name="key"/> from <paramref name="at"/> start and end at word boundaries.</summary>
    internal static bool IsWholeWords(ReadOnlySpan<char> key, int at, int length)
    {
        var end = at + length;
        return (at == 0 || key[at - 1] == ' ') && (end == key.Length || key[end] == ' ');
    }

    private static Words Load()
    {
        var assembly = typeof(Words).Assembly;
        using var stream = assembly.GetManifestResourceStream("Cchc.Appendix.Vocabulary.vocabulary.json")
            ?? throw new InvalidOperationException("The embedded vocabulary is missing from the build.");
        var file = JsonSerializer.Deserialize<VocabularyFile>(stream, TemplateCatalog.JsonOptions)
            ?? throw new InvalidOperationException("The embedded vocabulary is empty.");
        return new Words(file);
    }

    private sealed record VocabularyFile(
        HeaderWords Headers,
        Dictionary<string, string> UnitSynonyms,
        string[] UnitNouns,
        LabelTypeWords[] LabelTypes,
        string[] CumulativePhrases,
        string[] StockPhrases,
        string[] SubsetMarkers,
        string[][] Complements,
        string[] RateStopWords);

    private sealed record LabelTypeWords(IndicatorType Type, string[] Prefixes);
}

/// <summary>The words of each kind of header cell, as label keys.</summary>
internal sealed record HeaderWords(
    string[] Numbering,
    string[] Label,
    string[] LabelPrefixes,
    string[] Unit,
    string[] UnitExact,
    string[] Note,
    string[] Value,
    string[] ValuePrefixes,
    ValueRoleWords[] Roles)
{
    /// <summary>What kind of column a header cell's key names, and for a value column what it holds; null when none.</summary>
    public (HeaderKind Kind, ValueRole Role)? Classify(ReadOnlySpan<char> key)
    {
        if (key.Length == 0)
        {
            return null;
        }

        if (AnyEqual(Numbering, key))
        {
            return (HeaderKind.Numbering, default);
        }

        if (AnyContained(Note, key))
        {
            return (HeaderKind.Note, default);
        }

        if (AnyContained(Unit, key) || AnyEqual(UnitExact, key))
        {
            return (HeaderKind.Unit, default);
        }

        // "Số lượng/tỷ lệ" and "Kết quả thực hiện" are values; "Tên chỉ tiêu", "Nội dung chỉ tiêu", "Chỉ tiêu" labels.
        var value = AnyPhrase(Value, key) || AnyPrefix(ValuePrefixes, key);
        var label = AnyContained(Label, key) || AnyPrefix(LabelPrefixes, key);
        if (label && !(value && !key.StartsWith("TEN", StringComparison.Ordinal) && !key.StartsWith("NOI DUNG", StringComparison.Ordinal)))
        {
            return (HeaderKind.Label, default);
        }

        return value ? (HeaderKind.Value, RoleOf(key)) : null;
    }

    /// <summary>What a value column holds, by the first role whose words its header has; "this period" otherwise.</summary>
    public ValueRole RoleOf(ReadOnlySpan<char> key)
    {
        foreach (var role in Roles)
        {
            if (AnyPhrase(role.Phrases, key) || AnyPrefix(role.Prefixes ?? [], key))
            {
                return role.Role;
            }
        }

        return ValueRole.Period;
    }

    // Loops rather than LINQ: every cell of a table's first rows, and of every row that might repeat the header, is asked.
    private static bool AnyEqual(string[] words, ReadOnlySpan<char> key)
    {
        foreach (var word in words)
        {
            if (key.SequenceEqual(word))
            {
                return true;
            }
        }

        return false;
    }

    private static bool AnyContained(string[] words, ReadOnlySpan<char> key)
    {
        foreach (var word in words)
        {
            if (key.Contains(word, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static bool AnyPrefix(string[] words, ReadOnlySpan<char> key)
    {
        foreach (var word in words)
        {
            if (key.StartsWith(word, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static bool AnyPhrase(string[] words, ReadOnlySpan<char> key)
    {
        foreach (var word in words)
        {
            if (Words.HasPhrase(key, word))
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>The words of one value role.</summary>
internal sealed record ValueRoleWords(ValueRole Role, string[] Phrases, string[]? Prefixes = null);

/// <summary>The kinds of appendix column a header cell can name.</summary>
internal enum HeaderKind
{
    Numbering,
    Label,
    Unit,
    Value,
    Note,
}

/// <summary>
/// Phrases looked for in every label key of a form without a template: found together by the runtime's multi-string
/// search (<see cref="SearchValues{T}"/>), each place one starts then held to whole words as <see cref="Words.HasPhrase(string, string)"/> does.
/// One pass over the key in place of one search a phrase.
/// </summary>
internal sealed class PhraseSet
{
    private readonly string[] _phrases;
    private readonly SearchValues<string> _starts;

    public PhraseSet(IEnumerable<string> phrases)
    {
        _phrases = phrases.Where(p => p.Length > 0).ToArray();
        _starts = SearchValues.Create(_phrases, StringComparison.Ordinal);
    }

    /// <summary>True when one of the phrases occurs in <paramref name="key"/> as whole words.</summary>
    public bool In(ReadOnlySpan<char> key)
    {
        var from = 0;
        while (from < key.Length)
        {
            var found = key[from..].IndexOfAny(_starts);
            if (found < 0)
            {
                return false;
            }

            var at = from + found;
            foreach (var phrase in _phrases)
            {
                if (key[at..].StartsWith(phrase, StringComparison.Ordinal) && Words.IsWholeWords(key, at, phrase.Length))
                {
                    return true;
                }
            }

            from = at + 1;
        }

        return false;
    }
}
