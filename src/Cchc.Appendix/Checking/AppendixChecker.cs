using Cchc.Appendix.Findings;
using Cchc.Appendix.Matching;
using Cchc.Appendix.Rules;
using Cchc.Appendix.Table;
using Cchc.Appendix.Templates;

namespace Cchc.Appendix.Checking;

/// <summary>What to check: all rules by default, or only some codes; a template forced by id.</summary>
public sealed record CheckOptions(IReadOnlySet<string>? OnlyCodes = null, string? TemplateId = null)
{
    public static readonly CheckOptions Default = new();
}

/// <summary>
/// The engine's front door: picks the form the appendix is checked against — a template of the catalogue, else the
/// same unit's previous report drafted as one, else only what the document shows — parses its numbers and header,
/// runs every rule, and, given the previous period's snapshot, the period rules. Thread-safe; the only
/// state it keeps is the previous reports it analysed lately, by their content (<see cref="PreviousReports"/>).
/// </summary>
public sealed class AppendixChecker(TemplateCatalog catalog)
{
    /// <summary>
    /// A form counts as matched when the document holds at least this share of the form's value rows, and the form
    /// at least this share of the document's labelled rows: two commune forms share many rows, and a small form must
    /// not claim a large document it covers a corner of.
    /// </summary>
    private const double MatchThreshold = 0.5;

    private static readonly Rule[] AllRules =
    [
        new HeaderPeriodMissingRule(),
        new HeaderUnitMissingRule(),
        new HeaderYearMismatchRule(),
        new HeaderNumberBlankRule(),
        new HeaderDateBlankRule(),
        new HeaderPeriodTemplateRule(),
        new HeaderRowMissingRule(),
        new PreviousReportRule(),
        new ValueMissingRule(),
        new UnitMissingRule(),
        new ValueNotNumberRule(),
        new CountNegativeRule(),
        new CountNotWholeRule(),
        new PercentRangeRule(),
        new YesNoRule(),
        new CodeRule(),
        new NumberFormatRule(),
        new UnitMismatchRule(),
        new UnitLabelConflictRule(),
        new TotalMismatchRule(),
        new TotalBelowPartsRule(),
        new PartExceedsWholeRule(),
        new RateMismatchRule(),
        new CumulativeBelowPeriodRule(),
        new CumulativeInconsistentRule(),
        new CumulativeDecreaseRule(),
        new StockJumpRule(),
        new YearPlanRule(),
        new NumberingDuplicateRule(),
        new NumberingSequenceRule(),
        new SubItemNumberedRule(),
        new SectionNumberingRule(),
        new NumberingChangedRule(),
        new LabelWordingRule(),
        new LabelRepeatedWordsRule(),
        new RowUnknownRule(),
        new RowMissingRule(),
    ];

    /// <summary>A checker over the templates embedded in this assembly.</summary>
    public static AppendixChecker Default { get; } = new(TemplateCatalog.Embedded);

    /// <summary>Every rule code the engine can report.</summary>
    public static IReadOnlyList<string> RuleCodes { get; } = AllRules.Select(r => r.Code).ToArray();

    public TemplateCatalog Catalog { get; } = catalog;

    /// <summary>Previous reports analysed lately, by content: their keys and forms are this catalogue's.</summary>
    private readonly PreviousReports _previous = new();

    /// <summary>How many previous reports this checker keeps analysed, for the tests of their bound.</summary>
    internal int PreviousReportCount => _previous.Count;

    public CheckReport Check(TableSnapshot current, TableSnapshot? previous = null, CheckOptions? options = null)
    {
        options ??= CheckOptions.Default;
        var (context, _) = Analyse(current, previous, options);
        return Report(context, options);
    }

    /// <summary>Every rule the options allow over an analysed report, the findings in reading order.</summary>
    internal static CheckReport Report(CheckContext context, CheckOptions options)
    {
        var found = new List<Finding>();
        foreach (var rule in AllRules)
        {
            if (options.OnlyCodes is null || options.OnlyCodes.Contains(rule.Code))
            {
                found.AddRange(rule.Check(context));
            }
        }

        return new CheckReport(context.Header, Match(context), InReadingOrder(found));
    }

    /// <summary>
    /// By row, column, value column, worst first, then code; findings equal in all of these keep the order the rules
    /// gave them (a stable sort, the position breaking ties).
    /// </summary>
    private static List<Finding> InReadingOrder(List<Finding> findings)
    {
        var order = new (Finding Finding, int Position)[findings.Count];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = (findings[i], i);
        }

        Array.Sort(order, static (a, b) =>
        {
            var (x, y) = (a.Finding, b.Finding);
            var by = x.Row.CompareTo(y.Row);
            by = by != 0 ? by : x.Column.CompareTo(y.Column);
            by = by != 0 ? by : x.ValueColumn.CompareTo(y.ValueColumn);
            by = by != 0 ? by : y.Severity.CompareTo(x.Severity);
            by = by != 0 ? by : string.CompareOrdinal(x.Code, y.Code);
            return by != 0 ? by : a.Position.CompareTo(b.Position);
        });
        for (var i = 0; i < order.Length; i++)
        {
            findings[i] = order[i].Finding;
        }

        return findings;
    }

    private static TemplateMatch Match(CheckContext context)
    {
        var current = context.Snapshot;
        var checks = CheckFamilies.Ran(context.Source, context.Previous is not null, current.ValueColumns.Count);
        var matched = context.Alignment?.MatchedRows ?? 0;
        return context.Source switch
        {
            FormSource.Template => new TemplateMatch(context.Template!.Template.Id, context.Template.Template.Version, context.Template.Template.Name, matched, current.Rows.Count - matched)
            {
                Source = FormSource.Template,
                Checks = checks,
            },
            FormSource.PreviousReport => new TemplateMatch(null, null, context.LearnedFrom, matched, current.Rows.Count - matched)
            {
                Source = FormSource.PreviousReport,
                Checks = checks,
            },
            _ => TemplateMatch.None with { UnmatchedRows = current.Rows.Count, Source = FormSource.DocumentOnly, Checks = checks },
        };
    }

    /// <summary>How <paramref name="snapshot"/> lines up with the catalogue's template <paramref name="templateId"/>, matched or not.</summary>
    /// <exception cref="ArgumentException">The catalogue has no such template.</exception>
    public TemplateFit Fit(TableSnapshot snapshot, string templateId)
    {
        var template = Catalog.Compiled.FirstOrDefault(t => t.Template.Id == templateId)
            ?? throw new ArgumentException($"No template {templateId} in the catalogue.", nameof(templateId));
        var keys = Keys(snapshot);
        var alignment = TemplateMatcher.Align(template, snapshot.Rows, keys);
        var matched = alignment.Entries.Where(e => e is not null).Select(e => e!.Index).ToHashSet();
        var unmatched = snapshot.Rows
            .Where((row, i) => alignment.Entries[i] is null && row.Label.Text.Trim().Length > 0)
            .Select(row => (row.Row, row.Label.Text.Trim()))
            .ToList();
        var missing = template.Entries
            .Where(e => e.Row is { ExpectsValue: true } && !matched.Contains(e.Index))
            .Select(e => (e.Row!.Id, e.Label))
            .ToList();
        return new TemplateFit(templateId, snapshot.Rows.Count, alignment.MatchedRows, template.ValueRowCount, alignment.MatchedValueRows, unmatched, missing)
        {
            Matches = Covers(alignment, keys),
        };
    }

    /// <summary>The template a snapshot matches best, when it matches one well enough.</summary>
    internal TemplateAlignment? BestAlignment(TableSnapshot snapshot, IReadOnlyList<string> keys, string? templateId)
    {
        TemplateAlignment? best = null;
        foreach (var template in Catalog.Compiled.Where(t => templateId is null || t.Template.Id == templateId))
        {
            var alignment = TemplateMatcher.Align(template, snapshot.Rows, keys);
            if (Covers(alignment, keys) && (best is null || alignment.Weight > best.Weight))
            {
                best = alignment;
            }
        }

        return best;
    }

    /// <summary>One snapshot against the catalogue: a template when one matches, else the document alone.</summary>
    internal CheckContext Analyse(TableSnapshot snapshot, CheckOptions options)
    {
        var keys = Keys(snapshot);
        var alignment = BestAlignment(snapshot, keys, options.TemplateId);
        return CheckContext.Create(snapshot, alignment, keys, alignment is null ? FormSource.DocumentOnly : FormSource.Template);
    }

    /// <summary>
    /// A snapshot and the previous period's, each analysed against the same form and paired row by row: the template
    /// the current one matches; else the previous report drafted as a form, where the current one follows it; else
    /// each document alone, paired by label.
    /// </summary>
    internal (CheckContext Current, CheckContext? Previous) Analyse(TableSnapshot current, TableSnapshot? previous, CheckOptions options)
    {
        if (previous is null)
        {
            return (Analyse(current, options), null);
        }

        var keys = Keys(current);
        var report = _previous.For(previous, Prepare);
        CheckContext context, before;
        if (BestAlignment(current, keys, options.TemplateId) is { } alignment)
        {
            context = CheckContext.Create(current, alignment, keys, FormSource.Template);
            before = report.Against(alignment.Template.Template.Id, AnalyseAgainst);
        }
        else
        {
            var form = report.Learned;
            var learnedAlignment = TemplateMatcher.Align(form.Template, current.Rows, keys);
            if (Covers(learnedAlignment, keys))
            {
                context = CheckContext.Create(current, learnedAlignment, keys, FormSource.PreviousReport, form.LearnedFrom);
                before = form.Before;
            }
            else
            {
                context = CheckContext.Create(current, null, keys, FormSource.DocumentOnly);
                before = form.Alone;
            }
        }

        context.AttachPrevious(before);
        return (context, before);
    }

    private PreviousReport Prepare(TableSnapshot previous) => new(previous, Keys(previous), Learn);

    /// <summary>The previous report against the template the current one matched, or alone where it does not match it.</summary>
    private CheckContext AnalyseAgainst(string templateId, PreviousReport previous)
    {
        var alignment = BestAlignment(previous.Snapshot, previous.Keys, templateId);
        return CheckContext.Create(previous.Snapshot, alignment, previous.Keys, alignment is null ? FormSource.DocumentOnly : FormSource.Template);
    }

    /// <summary>The previous report alone and the form drafted from it, for a current report no template matched.</summary>
    private static LearnedForm Learn(PreviousReport previous)
    {
        var alone = CheckContext.Create(previous.Snapshot, null, previous.Keys, FormSource.DocumentOnly);
        return new LearnedForm(alone, new CompiledTemplate(TemplateDrafter.Learn(alone)), alone.Header.Period?.ToString() ?? "kỳ trước", previous.Keys);
    }

    private static bool Covers(TemplateAlignment alignment, IReadOnlyList<string> keys)
    {
        var valueRows = alignment.Template.ValueRowCount;
        var labelled = 0;
        var matched = 0;
        for (var i = 0; i < keys.Count; i++)
        {
            if (keys[i].Length > 0)
            {
                labelled++;
                matched += alignment.Entries[i] is null ? 0 : 1;
            }
        }

        return valueRows > 0 && (double)alignment.MatchedValueRows / valueRows >= MatchThreshold && (double)matched / Math.Max(labelled, 1) >= MatchThreshold;
    }

    private RowLabels Keys(TableSnapshot snapshot)
    {
        var labels = new LabelFacts[snapshot.Rows.Count];
        for (var i = 0; i < labels.Length; i++)
        {
            labels[i] = Catalog.LabelOf(snapshot.Rows[i].Label.Text);
        }

        return new RowLabels(labels);
    }
}
