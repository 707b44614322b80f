using Cchc.Appendix.Findings;
using Cchc.Appendix.Templates;

namespace Cchc.Appendix.Checking;

/// <summary>What a relation between rows rests on; anything short of a declared form makes a breach a warning.</summary>
internal enum RelationBasis
{
    /// <summary>A template a person wrote or reviewed.</summary>
    Declared,

    /// <summary>A drafted template's relation nobody has confirmed yet.</summary>
    Drafted,

    /// <summary>The labels' words in this document.</summary>
    Words,

    /// <summary>It held exactly in the previous period's report.</summary>
    PreviousReport,
}

/// <summary>
/// A relation of the form bound to this document's rows: a template's (by row id through the alignment), one a
/// previous report taught, or one the labels' words imply. Rules read these and never ask where they came from.
/// </summary>
internal sealed class FormRelation
{
    public required RelationKind Kind { get; init; }

    public RowFacts? Total { get; init; }

    public IReadOnlyList<RowFacts> Parts { get; init; } = [];

    public RowFacts? Part { get; init; }

    public RowFacts? Whole { get; init; }

    public RowFacts? Rate { get; init; }

    public RowFacts? Numerator { get; init; }

    public RowFacts? Denominator { get; init; }

    public decimal Tolerance { get; init; } = 1;

    public Severity Severity { get; init; } = Severity.Error;

    public RelationBasis Basis { get; init; } = RelationBasis.Declared;

    /// <summary>For <see cref="RelationBasis.PreviousReport"/>, the period it held in, as a title writes it.</summary>
    public string? Evidence { get; init; }

    /// <summary>The row a sum or at-least relation totals: <see cref="Total"/>, or <see cref="Whole"/> for parts-at-most.</summary>
    public RowFacts? Bound => Kind is RelationKind.PartsAtMost ? Whole : Total;

    /// <summary>A few words saying why the rows are related, appended to a finding's message; empty for a declared form.</summary>
    public (string Vi, string En) Because => Basis switch
    {
        RelationBasis.Drafted => (" (quan hệ do mẫu soạn tự động suy ra, chưa được xác nhận)", " (a relation the drafted form inferred, not yet confirmed)"),
        RelationBasis.Words => (" (quan hệ suy ra từ tên các chỉ tiêu)", " (a relation inferred from the labels)"),
        RelationBasis.PreviousReport => ($" (quan hệ này đúng trong báo cáo {Evidence})", $" (this relation held in the report of {Evidence})"),
        _ => (string.Empty, string.Empty),
    };

    /// <summary>
    /// <paramref name="relation"/> over the rows <paramref name="rowOf"/> finds by id, or null when the document lacks
    /// one of them. An inferred template relation, and any relation not declared, is at most a warning.
    /// </summary>
    public static FormRelation? Bind(TemplateRelation relation, Func<string?, RowFacts?> rowOf, RelationBasis basis, string? evidence = null)
    {
        // Bound on every check, some fifty relations a form: the parts go straight into an array of their number, and
        // nothing is made for a relation the document lacks a row of.
        var ids = relation.Parts ?? [];
        var parts = ids.Count == 0 ? [] : new RowFacts[ids.Count];
        for (var i = 0; i < ids.Count; i++)
        {
            if (rowOf(ids[i]) is not { } part)
            {
                return null;
            }

            parts[i] = part;
        }

        var missing = false;
        var total = Row(relation.Total, rowOf, ref missing);
        var whole = Row(relation.Whole, rowOf, ref missing);
        var onePart = Row(relation.Part, rowOf, ref missing);
        var rate = Row(relation.Rate, rowOf, ref missing);
        var numerator = Row(relation.Numerator, rowOf, ref missing);
        var denominator = Row(relation.Denominator, rowOf, ref missing);
        return missing ? null : new FormRelation
        {
            Kind = relation.Kind,
            Total = total,
            Parts = parts,
            Part = onePart,
            Whole = whole,
            Rate = rate,
            Numerator = numerator,
            Denominator = denominator,
            Tolerance = relation.Tolerance,
            Severity = basis == RelationBasis.Declared ? relation.Severity : Min(relation.Severity, Severity.Warning),
            Basis = basis,
            Evidence = evidence,
        };

        static RowFacts? Row(string? id, Func<string?, RowFacts?> rowOf, ref bool missing)
        {
            if (id is null)
            {
                return null;
            }

            var row = rowOf(id);
            missing |= row is null;
            return row;
        }
    }

    public static Severity Min(Severity a, Severity b) => a < b ? a : b;

    /// <summary>Every row the relation names.</summary>
    public IEnumerable<RowFacts> Rows =>
        new[] { Total, Part, Whole, Rate, Numerator, Denominator }.Concat(Parts).OfType<RowFacts>();
}
