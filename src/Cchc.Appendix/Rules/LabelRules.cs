using Cchc.Appendix.Checking;
using Cchc.Appendix.Findings;
using Cchc.Appendix.Table;
using Cchc.Appendix.Text;

namespace Cchc.Appendix.Rules;

/// <summary>A label worded differently from the form (a typo, a duplicated phrase): shown at the lowest severity.</summary>
internal sealed class LabelWordingRule : Rule
{
    public override string Code => "LABEL_WORDING";

    public override Severity Severity => Severity.Info;

    public override MessageTemplate Message { get; } = new(
        "Tên chỉ tiêu khác với {form}; theo đó là “{expected}”.",
        "The label differs from {formEn}, which says “{expected}”.");

    public override IEnumerable<Finding> Check(CheckContext context)
    {
        var (form, formEn) = context.FormNoun;
        var similarities = context.Alignment?.Similarities;
        return context.Rows.Where(r => r.Template is not null && similarities![r.Index] < 1)
            .Select(r => At(r, AppendixColumn.Label, Args(("expected", r.Template!.Label), ("form", form), ("formEn", formEn)), new Proposal(r.Template.Label, ProposalSource.Template)));
    }
}

/// <summary>A row that the matched form does not have.</summary>
internal sealed class RowUnknownRule : Rule
{
    public override string Code => "ROW_UNKNOWN";

    public override Severity Severity => Severity.Info;

    public override MessageTemplate Message { get; } = new(
        "Dòng “{label}” không có trong {form}; các kiểm tra theo đó không áp dụng cho dòng này.",
        "The row “{label}” is not in {formEn}; its checks do not cover it.");

    public override IEnumerable<Finding> Check(CheckContext context)
    {
        if (context.Template is null)
        {
            return [];
        }

        var (form, formEn) = context.FormNoun;
        return context.Rows.Where(r => r.Entry is null && r.LabelKey.Length > 0)
            .Select(r => At(r, AppendixColumn.Label, Args(("form", form), ("formEn", formEn))));
    }
}

/// <summary>A row of the form that the document lacks; reported beside where it belongs.</summary>
internal sealed class RowMissingRule : Rule
{
    public override string Code => "ROW_MISSING";

    public override Severity Severity => Severity.Warning;

    public override MessageTemplate Message { get; } = new(
        "Thiếu chỉ tiêu “{missing}” (mục {section}) có trong {form}; cần thêm vào sau dòng này.",
        "The row “{missing}” (section {section}) of {formEn} is missing; add it after this row.");

    public override IEnumerable<Finding> Check(CheckContext context)
    {
        if (context.Template is null || context.Rows.Count == 0)
        {
            yield break;
        }

        var present = new bool[context.Template.Entries.Count];
        foreach (var row in context.Rows)
        {
            if (row.Entry is { } matched)
            {
                present[matched.Index] = true;
            }
        }

        RowFacts? anchor = null;
        var rowAt = 0;
        foreach (var entry in context.Template.Entries)
        {
            while (rowAt < context.Rows.Count && (context.Rows[rowAt].Entry is null || context.Rows[rowAt].Entry!.Index < entry.Index))
            {
                if (context.Rows[rowAt].Entry is not null)
                {
                    anchor = context.Rows[rowAt];
                }

                rowAt++;
            }

            if (entry.Row is { ExpectsValue: true } && !present[entry.Index])
            {
                var at = anchor ?? context.Rows[0];
                var (form, formEn) = context.FormNoun;
                yield return At(at, AppendixColumn.Label, Args(("missing", Quote(entry.Label)), ("section", entry.Section), ("form", form), ("formEn", formEn)));
            }
        }
    }
}

/// <summary>
/// A label that says a phrase twice in a row ("Số văn bản văn bản chỉ đạo"): a slip of the keyboard, shown at the
/// lowest severity with the phrase once. A template's own wording is checked by <see cref="LabelWordingRule"/> instead.
/// </summary>
internal sealed class LabelRepeatedWordsRule : Rule
{
    private const int LongestPhrase = 4;

    public override string Code => "LABEL_REPEATED_WORDS";

    public override Severity Severity => Severity.Info;

    public override MessageTemplate Message { get; } = new(
        "Tên chỉ tiêu lặp lại “{phrase}”; có lẽ nên là “{proposed}”.",
        "The label repeats “{phrase}”; it probably should read “{proposed}”.");

    public override IEnumerable<Finding> Check(CheckContext context)
    {
        if (context.FormIsDeclared)
        {
            yield break;
        }

        foreach (var row in context.Rows)
        {
            if (row.IsSectionRow || !row.LabelFacts.MayRepeatAPhrase)
            {
                continue;
            }

            if (Repeated(row.Label) is { } repeat)
            {
                yield return At(row, AppendixColumn.Label, Args(("phrase", repeat.Phrase), ("proposed", repeat.Proposed)), new Proposal(repeat.Proposed, ProposalSource.Computed));
            }
        }
    }

    /// <summary>
    /// True when the key holds a run of two words or more followed at once by the same run: what <see cref="Repeated"/>
    /// looks for among the label's words, each of which gives one key word or more. Most labels repeat a word
    /// somewhere ("Số hồ sơ … hồ sơ"), few repeat a phrase in a row, so only those are split into words and keys.
    /// A key of more words than the buffer holds is let through.
    /// </summary>
    internal static bool MayRepeatAPhrase(string key)
    {
        Span<Range> words = stackalloc Range[64];
        var span = key.AsSpan();
        var count = span.Split(words, ' ');
        if (count == words.Length)
        {
            return true;
        }

        // Each word's length, first and last letter in one number: runs are compared by these, and their letters only
        // where every word's agree. A label of n words has about n²/4 runs to compare.
        Span<long> prints = stackalloc long[count];
        for (var i = 0; i < count; i++)
        {
            var (start, length) = words[i].GetOffsetAndLength(span.Length);
            prints[i] = length == 0 ? 0 : ((long)length << 32) | ((long)span[start] << 16) | span[start + length - 1];
        }

        for (var i = 0; i + 4 <= count; i++)
        {
            for (var length = 2; i + (2 * length) <= count; length++)
            {
                if (prints[i] == prints[i + length] && SameRun(prints, i, length) && SameRun(span, words, i, length))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool SameRun(ReadOnlySpan<long> prints, int start, int length)
    {
        for (var k = 1; k < length; k++)
        {
            if (prints[start + k] != prints[start + length + k])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True when the <paramref name="length"/> words from <paramref name="start"/> are the same letters as the next <paramref name="length"/>.</summary>
    private static bool SameRun(ReadOnlySpan<char> key, ReadOnlySpan<Range> words, int start, int length)
    {
        for (var k = 0; k < length; k++)
        {
            if (!key[words[start + k]].SequenceEqual(key[words[start + length + k]]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The first phrase of two to four words written twice in a row, and the label with it once.</summary>
    internal static (string Phrase, string Proposed)? Repeated(string label)
    {
        var words = label.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var keys = words.Select(VietnameseText.LabelKey).ToArray();
        for (var length = LongestPhrase; length >= 2; length--)
        {
            for (var i = 0; i + (2 * length) <= words.Length; i++)
            {
                var same = true;
                for (var k = 0; k < length && same; k++)
                {
                    same = keys[i + k].Length > 0 && keys[i + k] == keys[i + length + k];
                }

                if (same)
                {
                    var phrase = string.Join(' ', words.Skip(i).Take(length));
                    return (phrase, string.Join(' ', words.Take(i + length).Concat(words.Skip(i + (2 * length)))));
                }
            }
        }

        return null;
    }
}
