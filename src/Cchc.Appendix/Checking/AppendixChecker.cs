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
/// The engine's front door: matches the snapshot to a template, parses its numbers and header, runs
/// every rule, and, given the previous period's snapshot, the period rules. Stateless and thread-safe.
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
        new CumulativeDecreaseRule(),
        new StockJumpRule(),
        new YearPlanRule(),
        new NumberingDuplicateRule(),
        new NumberingSequenceRule(),
        new SubItemNumberedRule(),
        new SectionNumberingRule(),
        new LabelWordingRule(),
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
        var context = Analyse(current, options);
        if (previous is not null)
        {
            context.AttachPrevious(Analyse(previous, options with { TemplateId = context.Template?.Template.Id ?? options.TemplateId }));
        }

        var findings = AllRules
            .Where(rule => options.OnlyCodes is null || options.OnlyCodes.Contains(rule.Code))
            .SelectMany(rule => rule.Check(context))
            .OrderBy(f => f.Row)
            .ThenBy(f => f.Column)
            .ThenByDescending(f => f.Severity)
            .ThenBy(f => f.Code, StringComparer.Ordinal)
            .ToList();

        var template = context.Template?.Template;
        var match = template is null
            ? TemplateMatch.None with { UnmatchedRows = current.Rows.Count }
            : new TemplateMatch(template.Id, template.Version, template.Name, context.Alignment!.MatchedRows, current.Rows.Count - context.Alignment.MatchedRows);
        return new CheckReport(context.Header, match, findings);
    }

    /// <summary>The template a snapshot matches best, when it matches one well enough.</summary>
    internal TemplateAlignment? BestAlignment(TableSnapshot snapshot, IReadOnlyList<string> keys, string? templateId)
    {
        TemplateAlignment? best = null;
        foreach (var template in Catalog.Compiled.Where(t => templateId is null || t.Template.Id == templateId))
        {
            var alignment = TemplateMatcher.Align(template, snapshot.Rows, keys);
            var coverage = template.ValueRowCount == 0 ? 0 : (double)alignment.MatchedValueRows / template.ValueRowCount;
            if (coverage >= MatchThreshold && (best is null || alignment.Weight > best.Weight))
            {
                best = alignment;
            }
        }

        return best;
    }

    internal CheckContext Analyse(TableSnapshot snapshot, CheckOptions options)
    {
        var keys = snapshot.Rows.Select(r => VietnameseText.LabelKey(r.Label.Text)).ToArray();
        return CheckContext.Create(snapshot, BestAlignment(snapshot, keys, options.TemplateId), keys);
    }
}
