using Cchc.Appendix.Table;
using Cchc.Appendix.Templates;

namespace Cchc.Appendix.Checking;

/// <summary>What to check: all rules by default, or only some codes; a template forced by id.</summary>
public sealed record CheckOptions(IReadOnlySet<string>? OnlyCodes = null, string? TemplateId = null)
{
    public static readonly CheckOptions Default = new();
}

/// <summary>
/// The engine's front door: matches the snapshot to a template, parses its numbers and header, runs
/// every rule, and, given the previous period's snapshot, the period rules.
/// </summary>
public sealed class AppendixChecker(TemplateCatalog catalog)
{
    /// <summary>A checker over the templates embedded in this assembly.</summary>
    public static AppendixChecker Default { get; } = new(TemplateCatalog.Embedded);

    public TemplateCatalog Catalog { get; } = catalog;

    public CheckReport Check(TableSnapshot current, TableSnapshot? previous = null, CheckOptions? options = null)
    {
        throw new NotImplementedException("Engine under construction.");
    }
}
