using Cchc.Appendix.Table;
using Cchc.Appendix.Templates;

namespace Cchc.Appendix.Checking;

/// <summary>
/// One row as the checks understood it: the form's indicator id where a template matched, the label and unit as
/// written, the type and kind the checks used, and each value cell parsed by that type (null where blank or not a
/// number; <see cref="Invalid"/> tells the two apart).
/// </summary>
/// <param name="Row">The 1-based data row, as findings name it.</param>
/// <param name="Id">The template's indicator id; null where no template matched the row.</param>
/// <param name="LabelKey">The label folded for comparison: how rows of forms without a shared template are aligned.</param>
public sealed record RowDescription(
    int Row,
    string? Id,
    string? Section,
    string No,
    string Label,
    string LabelKey,
    string Unit,
    IndicatorType? Type,
    IndicatorKind Kind,
    bool IsSection,
    IReadOnlyList<decimal?> Values,
    IReadOnlyList<bool> Invalid);

/// <summary>A rate row computed from two other rows of the same column: rate = numerator / denominator × 100 (0-based row indexes).</summary>
public sealed record RowRatio(int Rate, int Numerator, int Denominator, bool Declared);

/// <summary>A rate column computed from two other value columns of the same row (0-based value column indexes).</summary>
public sealed record ColumnRatio(int Rate, int Numerator, int Denominator);

/// <summary>
/// What an appendix holds, row by row, in the terms its checks used: for callers that work with the figures of many
/// appendices, such as consolidation, and need the types, kinds and rates the form relates without re-deriving them.
/// </summary>
public sealed record AppendixDescription(
    IReadOnlyList<ValueColumn> Columns,
    IReadOnlyList<RowDescription> Rows,
    IReadOnlyList<RowRatio> Ratios,
    ColumnRatio? ColumnRatio);

public static class AppendixDescriptions
{
    /// <summary>
    /// The rows of <paramref name="snapshot"/> as <see cref="AppendixChecker.Check"/> sees them without a previous
    /// period: against the template it matches, else the document alone, with the ratios the form relates (declared by
    /// the template, or implied by the labels' words).
    /// </summary>
    public static AppendixDescription Describe(this AppendixChecker checker, TableSnapshot snapshot, CheckOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(checker);
        ArgumentNullException.ThrowIfNull(snapshot);
        return Of(checker.Analyse(snapshot, options ?? CheckOptions.Default));
    }

    /// <summary>
    /// The check of <paramref name="snapshot"/> and its description from one analysis: consolidation needs both for
    /// every unit, and matching the form is most of the cost of each.
    /// </summary>
    public static (CheckReport Report, AppendixDescription Description) CheckAndDescribe(this AppendixChecker checker, TableSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(checker);
        ArgumentNullException.ThrowIfNull(snapshot);
        var context = checker.Analyse(snapshot, CheckOptions.Default);
        return (AppendixChecker.Report(context, CheckOptions.Default), Of(context));
    }

    private static AppendixDescription Of(CheckContext context)
    {
        var snapshot = context.Snapshot;
        var rows = context.Rows.Select(row => new RowDescription(
            row.Row.Row,
            row.Template?.Id,
            row.Section,
            row.Row.No.Text.Trim(),
            row.Label.Trim(),
            row.LabelKey,
            row.Row.Unit.Text.Trim(),
            row.Type,
            row.Kind,
            row.IsSectionRow,
            row.Values.Select(v => v.State == ValueState.Number ? v.Number : null).ToArray(),
            row.Values.Select(v => v.State == ValueState.Invalid).ToArray())).ToList();

        var ratios = context.Relations
            .Where(r => r.Kind == RelationKind.Ratio && r.Rate is not null && r.Numerator is not null && r.Denominator is not null)
            .Select(r => new RowRatio(r.Rate!.Index, r.Numerator!.Index, r.Denominator!.Index, r.Basis == RelationBasis.Declared))
            .ToList();

        // The headers decide which columns a rate column divides; any counted row with both operands shows which.
        var columnRatio = ColumnRelations.Rates(context).Select(r => new ColumnRatio(r.Rate.Column, r.Numerator.Column, r.Denominator.Column)).FirstOrDefault();
        return new AppendixDescription(snapshot.ValueColumns, rows, ratios, columnRatio);
    }
}
