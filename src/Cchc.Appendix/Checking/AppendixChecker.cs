using Cchc.Appendix.Matching;
using Cchc.Appendix.Rules;
using Cchc.Appendix.Table;
using Cchc.Appendix.Templates;
using Cchc.Appendix.Text;

namespace Cchc.Appendix.Checking;

/// <summary>What to check: all rules by default, or only some codes; a template forced by id.</summary>
public sealed record CheckOptions(IReadOnlySet<string>? OnlyCodes = null, string? TemplateId = null)
{
    public static readonly CheckOptions Default = new();
}

/// <summary>
/// The engine's front door: picks the form the appendix is checked against — a template of the catalogue, else the
/// same unit's previous report drafted as one, else only what the document shows — parses its numbers and header,
/// runs every rule, and, given the previous period's snapshot, the period rules. Stateless and thread-safe.
/// </summary>
public sealed class AppendixChecker(TemplateCatalog catalog)
{
    /// <summary>A form counts as matched when the document holds at least this share of its value rows.</summary>
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

    public CheckReport Check(TableSnapshot current, TableSnapshot? previous = null, CheckOptions? options = null)
    {
        options ??= CheckOptions.Default;
        var (context, _) = Analyse(current, previous, options);
        var findings = AllRules
            .Where(rule => options.OnlyCodes is null || options.OnlyCodes.Contains(rule.Code))
            .SelectMany(rule => rule.Check(context))
            .OrderBy(f => f.Row)
            .ThenBy(f => f.Column)
            .ThenBy(f => f.ValueColumn)
            .ThenByDescending(f => f.Severity)
            .ThenBy(f => f.Code, StringComparer.Ordinal)
            .ToList();

        return new CheckReport(context.Header, Match(context, current), findings);
    }

    private static TemplateMatch Match(CheckContext context, TableSnapshot current)
    {
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

    /// <summary>The template a snapshot matches best, when it matches one well enough.</summary>
    internal TemplateAlignment? BestAlignment(TableSnapshot snapshot, IReadOnlyList<string> keys, string? templateId)
    {
        TemplateAlignment? best = null;
        foreach (var template in Catalog.Compiled.Where(t => templateId is null || t.Template.Id == templateId))
        {
            var alignment = TemplateMatcher.Align(template, snapshot.Rows, keys);
            if (Covers(alignment) && (best is null || alignment.Weight > best.Weight))
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
        var previousKeys = Keys(previous);
        CheckContext context, before;
        if (BestAlignment(current, keys, options.TemplateId) is { } alignment)
        {
            context = CheckContext.Create(current, alignment, keys, FormSource.Template);
            var previousAlignment = BestAlignment(previous, previousKeys, alignment.Template.Template.Id);
            before = CheckContext.Create(previous, previousAlignment, previousKeys, previousAlignment is null ? FormSource.DocumentOnly : FormSource.Template);
        }
        else
        {
            var alone = CheckContext.Create(previous, null, previousKeys, FormSource.DocumentOnly);
            var learnedFrom = alone.Header.Period?.ToString() ?? "kỳ trước";
            var learned = new CompiledTemplate(TemplateDrafter.Learn(alone));
            var learnedAlignment = TemplateMatcher.Align(learned, current.Rows, keys);
            if (Covers(learnedAlignment))
            {
                context = CheckContext.Create(current, learnedAlignment, keys, FormSource.PreviousReport, learnedFrom);
                before = CheckContext.Create(previous, TemplateMatcher.Align(learned, previous.Rows, previousKeys), previousKeys, FormSource.PreviousReport, learnedFrom);
            }
            else
            {
                context = CheckContext.Create(current, null, keys, FormSource.DocumentOnly);
                before = alone;
            }
        }

        context.AttachPrevious(before);
        return (context, before);
    }

    private static bool Covers(TemplateAlignment alignment)
    {
        var valueRows = alignment.Template.ValueRowCount;
        return valueRows > 0 && (double)alignment.MatchedValueRows / valueRows >= MatchThreshold;
    }

    private string[] Keys(TableSnapshot snapshot)
    {
        var keys = new string[snapshot.Rows.Count];
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = VietnameseText.LabelKey(snapshot.Rows[i].Label.Text, Catalog.LabelKeys);
        }

        return keys;
    }
}
