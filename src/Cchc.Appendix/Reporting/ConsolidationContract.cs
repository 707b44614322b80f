using Cchc.Appendix.Consolidation;
using Cchc.Appendix.Templates;

namespace Cchc.Appendix.Reporting;

/// <summary>
/// The JSON of a consolidation, the same from the command line (<c>--json</c>) and the API; docs/api.md describes it.
/// Fields may be added, never renamed. One entry of <see cref="Indicators"/> is one figure: an indicator in one value
/// column, the first column's under the indicator's id, the others' under <c>id@role</c> ("…@cumulative").
/// </summary>
public sealed record ConsolidationContract(
    string? Period,
    IReadOnlyList<UnitContract> Units,
    IReadOnlyList<IndicatorContract> Indicators,
    IReadOnlyList<ExclusionContract> Excluded)
{
    public static ConsolidationContract From(ConsolidatedReport report, bool english = false)
    {
        ArgumentNullException.ThrowIfNull(report);
        var units = report.Units.Select(u => new UnitContract(u.Unit, u.File, u.Template?.TemplateId, u.Errors, u.Warnings, u.Infos, u.ReadyToSign)).ToList();
        var indicators = new List<IndicatorContract>();
        foreach (var row in report.Rows.Where(r => !r.IsHeading))
        {
            foreach (var figure in row.Figures.OfType<ConsolidatedFigure>())
            {
                var header = report.Columns[figure.Column].Header;
                var label = figure.Column == 0 || header.Length == 0 ? row.Label : $"{row.Label} ({header})";
                indicators.Add(new IndicatorContract(
                    figure.Id,
                    label,
                    figure.Type == IndicatorType.Percent ? "%" : row.Unit,
                    TypeName(figure.Type),
                    figure.Value,
                    figure.Reported,
                    figure.Of,
                    figure.Min,
                    figure.Median,
                    figure.Max));
            }
        }

        var excluded = report.Excluded.Select(e => new ExclusionContract(e.File, english ? e.ReasonEn : e.Reason)).ToList();
        return new ConsolidationContract(report.Period?.ToString(), units, indicators, excluded);
    }

    /// <summary>count, percent, yes-no, code, text.</summary>
    public static string TypeName(IndicatorType type) => type switch
    {
        IndicatorType.Percent => "percent",
        IndicatorType.YesNo => "yes-no",
        IndicatorType.Code => "code",
        IndicatorType.Text => "text",
        _ => "count",
    };
}

/// <summary>A unit's status: <see cref="File"/> is null for a unit that sent nothing; <see cref="Template"/> the template id it matched, if any.</summary>
public sealed record UnitContract(string Unit, string? File, string? Template, int Errors, int Warnings, int Infos, bool ReadyToSign);

/// <summary>
/// One consolidated figure: <see cref="Value"/> is the sum, the number of units answering yes, or the rate recomputed
/// from summed parts; null for a rate the form relates to nothing, which only has <see cref="Min"/>,
/// <see cref="Median"/> and <see cref="Max"/>. <see cref="Reported"/> of <see cref="Of"/> units gave it.
/// </summary>
public sealed record IndicatorContract(string Id, string Label, string Unit, string Type, decimal? Value, int Reported, int Of, decimal? Min, decimal? Median, decimal? Max);

public sealed record ExclusionContract(string File, string Reason);
