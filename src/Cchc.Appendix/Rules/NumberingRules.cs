using System.Globalization;
using Cchc.Appendix.Checking;
using Cchc.Appendix.Findings;
using Cchc.Appendix.Table;

namespace Cchc.Appendix.Rules;

/// <summary>What the THỨ TỰ cell of each row should say, worked out once for the numbering rules.</summary>
internal sealed record NumberingIssue(RowFacts Row, string Kind, string Expected);

internal static class Numbering
{
    public const string Duplicate = "duplicate";
    public const string Sequence = "sequence";
    public const string SubItem = "sub-item";

    /// <summary>
    /// Items within a section run 1, 2, 3… and sub-items carry no number. With a template, the expected
    /// number is the form's; without one (a form learned from last quarter included), the next in sequence.
    /// </summary>
    public static IReadOnlyList<NumberingIssue> Issues(CheckContext context)
    {
        // One pass in row order, each section keeping its own count and the numbers it has seen; the issues are listed
        // section by section, in the order the sections first appear (as grouping the rows by section would list them).
        var sections = new List<SectionNumbering>();
        var bySection = new Dictionary<string, SectionNumbering>(StringComparer.Ordinal);
        SectionNumbering? unnamed = null;
        SectionNumbering? current = null;
        foreach (var row in context.Rows)
        {
            if (row.IsSectionRow)
            {
                continue;
            }

            if (current is null || !string.Equals(current.Name, row.Section, StringComparison.Ordinal))
            {
                current = row.Section is null ? unnamed : bySection.GetValueOrDefault(row.Section);
                if (current is null)
                {
                    current = new SectionNumbering(row.Section);
                    sections.Add(current);
                    if (row.Section is null)
                    {
                        unnamed = current;
                    }
                    else
                    {
                        bySection.Add(row.Section, current);
                    }
                }
            }

            current.Check(row, context.FormIsDeclared);
        }

        if (sections.Count == 1)
        {
            return sections[0].Issues;
        }

        var issues = new List<NumberingIssue>();
        foreach (var section in sections)
        {
            issues.AddRange(section.Issues);
        }

        return issues;
    }

    /// <summary>The numbering of one section so far: the next item number and the numbers written.</summary>
    private sealed class SectionNumbering(string? name)
    {
        private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
        private int _next = 1;

        public string? Name { get; } = name;

        public List<NumberingIssue> Issues { get; } = [];

        public void Check(RowFacts row, bool formIsDeclared)
        {
            var written = SectionNumbers.Written(row.Row.No.Text);
            var numbered = written.Length > 0 && !written.AsSpan().ContainsAnyExceptInRange('0', '9');
            string? expected;
            if (row.Template is not null && formIsDeclared)
            {
                expected = row.Template.No;
            }
            else if (numbered && !row.Label.AsSpan().TrimStart().StartsWith('-'))
            {
                // The number written, when it is the next one: no string made for the rows numbered right.
                expected = Writes(written, _next) ? written : _next.ToString(CultureInfo.InvariantCulture);
            }
            else
            {
                expected = numbered ? null : written.Length == 0 ? null : written;
            }

            if (expected is null)
            {
                if (numbered)
                {
                    Issues.Add(new NumberingIssue(row, SubItem, string.Empty));
                }

                return;
            }

            if (int.TryParse(expected, NumberStyles.None, CultureInfo.InvariantCulture, out var expectedNumber))
            {
                _next = expectedNumber + 1;
            }

            if (written != expected)
            {
                Issues.Add(new NumberingIssue(row, _seen.Contains(written) ? Duplicate : Sequence, expected));
            }

            _seen.Add(written);
        }

        private static bool Writes(string written, int number)
        {
            Span<char> digits = stackalloc char[11];
            return number.TryFormat(digits, out var length, provider: CultureInfo.InvariantCulture) && written.AsSpan().SequenceEqual(digits[..length]);
        }
    }
}

/// <summary>A numbering fault of one kind, with the expected number (blank for a sub-item) as the proposal.</summary>
internal abstract class NumberingRule : Rule
{
    public override Severity Severity => Severity.Warning;

    protected abstract string IssueKind { get; }

    public override IEnumerable<Finding> Check(CheckContext context) =>
        context.NumberingIssues.Where(i => i.Kind == IssueKind)
            .Select(i => At(i.Row, AppendixColumn.No, Args(("written", i.Row.Row.No.Text.Trim()), ("section", i.Row.Section), ("expected", i.Expected)), new Proposal(i.Expected, ProposalSource.Template)));
}

/// <summary>The same item number twice in one section.</summary>
internal sealed class NumberingDuplicateRule : NumberingRule
{
    public override string Code => "NUMBERING_DUPLICATE";

    public override MessageTemplate Message { get; } = new(
        "Số thứ tự {written} bị lặp trong mục {section}; dòng “{label}” phải là {expected}.",
        "Item number {written} repeats in section {section}; “{label}” should be {expected}.");

    protected override string IssueKind => Numbering.Duplicate;
}

/// <summary>An item number that skips, goes back, or is missing.</summary>
internal sealed class NumberingSequenceRule : NumberingRule
{
    public override string Code => "NUMBERING_SEQUENCE";

    public override MessageTemplate Message { get; } = new(
        "Số thứ tự của “{label}” là “{written}”, nhưng theo thứ tự trong mục {section} phải là {expected}.",
        "“{label}” is numbered “{written}”, but in section {section} it should be {expected}.");

    protected override string IssueKind => Numbering.Sequence;
}

/// <summary>A sub-item that carries an item number of its own.</summary>
internal sealed class SubItemNumberedRule : NumberingRule
{
    public override string Code => "NUMBERING_SUBITEM";

    public override MessageTemplate Message { get; } = new(
        "“{label}” là dòng con nên không đánh số thứ tự (đang ghi {written}).",
        "“{label}” is a sub-item and carries no item number (it says {written}).");

    protected override string IssueKind => Numbering.SubItem;
}

/// <summary>Sections run I, II, III… in order.</summary>
internal sealed class SectionNumberingRule : Rule
{
    public override string Code => "NUMBERING_SECTION";

    public override Severity Severity => Severity.Warning;

    public override MessageTemplate Message { get; } = new(
        "Mục “{label}” được đánh số {written}, nhưng theo thứ tự phải là {expected}.",
        "Section “{label}” is numbered {written}, but should be {expected}.");

    public override IEnumerable<Finding> Check(CheckContext context)
    {
        var index = 0;
        foreach (var row in context.Rows.Where(r => r.IsSectionRow))
        {
            var written = SectionNumbers.Parse(row.Row.No.Text);
            var expected = row.Entry?.Section ?? (index < SectionNumbers.All.Count ? SectionNumbers.All[index] : null);
            index = expected is null ? index + 1 : SectionNumbers.All.ToList().IndexOf(expected) + 1;
            if (expected is not null && written != expected)
            {
                yield return At(row, AppendixColumn.No, Args(("written", row.Row.No.Text.Trim()), ("expected", expected)), new Proposal(expected, ProposalSource.Template));
            }
        }
    }
}

/// <summary>An item numbered otherwise than in last quarter's report, which served as the form.</summary>
internal sealed class NumberingChangedRule : Rule
{
    public override string Code => "NUMBERING_CHANGED";

    public override Severity Severity => Severity.Info;

    public override MessageTemplate Message { get; } = new(
        "“{label}” được đánh số {written}, còn trong {form} là {previous}.",
        "“{label}” is numbered {written}; in {formEn} it was {previous}.");

    public override IEnumerable<Finding> Check(CheckContext context)
    {
        if (context.Source != FormSource.PreviousReport)
        {
            yield break;
        }

        var flagged = context.NumberingIssues.Select(i => i.Row.Index).ToHashSet();
        var (form, formEn) = context.FormNoun;
        foreach (var row in context.Rows.Where(r => r.Template?.No is not null && !r.IsSectionRow && !flagged.Contains(r.Index)))
        {
            var written = SectionNumbers.Written(row.Row.No.Text);
            if (written.Length > 0 && written != row.Template!.No)
            {
                yield return At(row, AppendixColumn.No, Args(("written", written), ("previous", row.Template.No), ("form", form), ("formEn", formEn)), new Proposal(row.Template.No!, ProposalSource.PreviousPeriod));
            }
        }
    }
}
