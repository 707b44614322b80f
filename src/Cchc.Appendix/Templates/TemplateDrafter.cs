using Cchc.Appendix.Checking;
using Cchc.Appendix.Matching;
using Cchc.Appendix.Table;
using Cchc.Appendix.Text;

namespace Cchc.Appendix.Templates;

/// <summary>What to call a drafted template.</summary>
public sealed record DraftOptions(string Id, string Name, string? Province = null, string? Level = null, string Version = "1");

/// <summary>A filled report of the form being drafted, with the name it is known by in the review notes.</summary>
public sealed record DraftDocument(string Name, TableSnapshot Snapshot);

/// <summary>A drafted template and what a person should review before relying on it, in Vietnamese and English.</summary>
public sealed record TemplateDraft(AppendixTemplate Template, IReadOnlyList<string> Review, IReadOnlyList<string> ReviewEn);

/// <summary>
/// Drafts a template from filled reports of one form: sections, rows and ids from the first report; units, value types
/// and kinds from the words and the values; and the relations — from the labels' words, or from figures that added
/// up — that held in every report given, marked as inferred with in how many they held. The same drafting turns last
/// quarter's report into the form this quarter's is checked against when no template matches.
/// </summary>
public static class TemplateDrafter
{
    public static TemplateDraft Draft(IReadOnlyList<DraftDocument> documents, DraftOptions options)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(options);
        if (documents.Count == 0)
        {
            throw new ArgumentException("At least one report is needed to draft a template.", nameof(documents));
        }

        var review = new Review();
        review.Add(
            $"Bản nháp lập từ {documents.Count} tệp ({string.Join(", ", documents.Select(d => d.Name))}). Loại chỉ tiêu (phát sinh, lũy kế, tồn) và quan hệ giữa các dòng đều là suy luận: hãy xem lại từng mục dưới đây trước khi dùng.",
            $"Drafted from {documents.Count} file(s) ({string.Join(", ", documents.Select(d => d.Name))}). Indicator kinds (flow, cumulative, stock) and relations between rows are inferences: review each item below before relying on the template.");
        var first = Context(documents[0].Snapshot);
        var skeleton = Skeleton(first, options, review);

        var candidates = Candidates(first, skeleton.Ids);
        var held = new int[candidates.Count];
        var broken = new List<string>?[candidates.Count];
        Tally(candidates, held, broken, documents[0].Name, i => candidates[i].Bound);

        var compiled = new CompiledTemplate(skeleton.Template with { Relations = candidates.Select(c => c.Relation).ToList() });
        for (var d = 1; d < documents.Count; d++)
        {
            var snapshot = documents[d].Snapshot;
            var keys = RowLabels.Read(snapshot);
            var other = CheckContext.Create(snapshot, TemplateMatcher.Align(compiled, snapshot.Rows, keys), keys, FormSource.Template);
            foreach (var row in other.Rows.Where(r => r.Entry is null && r.LabelKey.Length > 0 && !r.IsSectionRow))
            {
                review.Add(
                    $"Tệp {documents[d].Name}: dòng {row.Row.Row} “{Short(row.Label)}” không khớp dòng nào của bản nháp; nếu mẫu có dòng này, hãy thêm vào.",
                    $"File {documents[d].Name}: row {row.Row.Row} “{Short(row.Label)}” matches no row of the draft; if the form has it, add it.");
            }

            Tally(candidates, held, broken, documents[d].Name, i => FormRelation.Bind(candidates[i].Relation, other.RowOf, RelationBasis.Drafted));
        }

        var relations = new List<TemplateRelation>();
        for (var i = 0; i < candidates.Count; i++)
        {
            var (relation, description, _) = candidates[i];
            if (broken[i] is { } files)
            {
                review.Add(
                    $"Quan hệ {description} không đúng trong {string.Join(", ", files)}; đã bỏ khỏi bản nháp. Nếu đó là lỗi của báo cáo, hãy thêm lại.",
                    $"The relation {description} did not hold in {string.Join(", ", files)} and was left out; if that report was wrong, add it back.");
                continue;
            }

            relations.Add(relation with { HeldIn = held[i], Documents = documents.Count });
            var basis = relation.Inferred == RelationOrigin.Words ? ("tên các chỉ tiêu", "the labels") : ("số liệu", "the figures");
            review.Add(
                $"Quan hệ {description}: suy ra từ {basis.Item1}, đúng trong {held[i]}/{documents.Count} tệp. Xóa \"inferred\" để xác nhận (vi phạm thành lỗi), hoặc xóa quan hệ.",
                $"Relation {description}: inferred from {basis.Item2}, held in {held[i]}/{documents.Count} file(s). Remove \"inferred\" to confirm it (breaches become errors), or delete it.");
        }

        var template = skeleton.Template with { Relations = relations, Review = review.Vietnamese };
        return new TemplateDraft(template, review.Vietnamese, review.English);
    }

    /// <summary>
    /// The previous report as a form for this one: its rows, and every relation its words imply or its figures showed
    /// exactly. Relations its own figures break are not learned.
    /// </summary>
    internal static AppendixTemplate Learn(CheckContext previous)
    {
        // Learned on every check against last quarter: no review notes, which nobody would read.
        var skeleton = Skeleton(previous, new DraftOptions("learned", "báo cáo kỳ trước"), review: null);
        var relations = Candidates(previous, skeleton.Ids)
            .Where(c => Holds(c.Bound) != false)
            .Select(c => c.Relation)
            .ToList();
        return skeleton.Template with { Relations = relations };
    }

    private static CheckContext Context(TableSnapshot snapshot)
    {
        var keys = RowLabels.Read(snapshot);
        return CheckContext.Create(snapshot, null, keys, FormSource.DocumentOnly);
    }

    /// <summary>Sections and rows of the form with their ids, from one report's rows.</summary>
    private static (AppendixTemplate Template, Dictionary<int, string> Ids) Skeleton(CheckContext context, DraftOptions options, Review? review)
    {
        var sections = new List<(string Number, string Title, List<TemplateRow> Rows)>();
        var ids = new Dictionary<int, string>();
        var used = new HashSet<string>(StringComparer.Ordinal);
        var item = "0";
        var letter = 0;
        foreach (var row in context.Rows)
        {
            if (row.IsSectionRow)
            {
                sections.Add((SectionNumbers.Parse(row.Row.No.Text) ?? row.Row.No.Text.Trim(), VietnameseText.Squeeze(row.Label), []));
                (item, letter) = ("0", 0);
                continue;
            }

            if (sections.Count == 0)
            {
                sections.Add((string.Empty, string.Empty, []));
            }

            var section = sections[^1];
            var no = SectionNumbers.Written(row.Row.No.Text);
            var numbered = no.Length > 0 && no.All(char.IsAsciiDigit);
            string id;
            if (numbered)
            {
                (item, letter) = (no, 0);
                id = Prefix(section.Number) + no;
            }
            else
            {
                id = $"{Prefix(section.Number)}{item}.{Letters(letter++)}";
            }

            if (!used.Add(id))
            {
                var suffix = 2;
                while (!used.Add($"{id}-{suffix}"))
                {
                    suffix++;
                }

                id = $"{id}-{suffix}";
                review?.Add(
                    $"Dòng {row.Row.Row} “{Short(row.Label)}”: số thứ tự {no} lặp lại trong mục {section.Number}; mã dòng đặt là {id}, hãy xem lại.",
                    $"Row {row.Row.Row} “{Short(row.Label)}”: item number {no} repeats in section {section.Number}; its id is {id}, review it.");
            }

            ids[row.Index] = id;
            section.Rows.Add(Row(row, id, numbered ? no : null, review));
        }

        var period = context.Header.Period;
        var template = new AppendixTemplate
        {
            FormatVersion = TemplateCatalog.SupportedFormatVersion,
            Id = options.Id,
            Version = options.Version,
            Name = options.Name,
            Province = options.Province,
            Level = options.Level,
            Periods = period is null ? [] : [period.KindName],
            Sections = sections.Select(s => new TemplateSection(s.Number, s.Title, s.Rows)).ToList(),
            Columns = context.Columns.Count > 1 ? context.Columns.Select(c => new TemplateColumn(c.Header, c.Role)).ToList() : null,
        };
        return (template, ids);
    }

    private static TemplateRow Row(RowFacts row, string id, string? no, Review? review)
    {
        var unit = row.Row.Unit.Text.Trim();
        var type = row.Type;
        if (type is null)
        {
            type = row.Values.Any(v => v.State == ValueState.Number) ? IndicatorType.Count
                : row.Values.Any(v => v.State == ValueState.Invalid) ? IndicatorType.Text
                : IndicatorType.Heading;
            if (type != IndicatorType.Heading)
            {
                review?.Add(
                    $"Dòng {id} “{Short(row.Label)}”: không ghi đơn vị tính; kiểu “{TypeName(type.Value)}” đoán từ số liệu.",
                    $"Row {id} “{Short(row.Label)}”: no unit; its type “{type.Value}” was guessed from the values.");
            }
        }

        var kind = type is IndicatorType.Heading or IndicatorType.Text ? IndicatorKind.Flow : row.Kind;
        if (kind != IndicatorKind.Flow)
        {
            review?.Add(
                $"Dòng {id} “{Short(row.Label)}”: coi là {(kind == IndicatorKind.Cumulative ? "số lũy kế (không giảm trong năm)" : "số tồn tại thời điểm báo cáo")} theo tên chỉ tiêu.",
                $"Row {id} “{Short(row.Label)}”: taken as {(kind == IndicatorKind.Cumulative ? "cumulative (never falls within a year)" : "a stock at the report date")} from its label.");
        }

        return new TemplateRow
        {
            Id = id,
            No = no,
            Label = VietnameseText.Squeeze(row.Label),
            Unit = unit.Length == 0 ? null : VietnameseText.Squeeze(unit),
            Type = type.Value,
            Kind = kind,
            Codes = type == IndicatorType.Code ? row.Unit.Codes : null,
        };
    }

    /// <summary>Every relation the first report's words imply or its figures show, as template relations with a description.</summary>
    private static List<(TemplateRelation Relation, string Description, FormRelation Bound)> Candidates(CheckContext context, Dictionary<int, string> ids)
    {
        var words = FormInference.WordRelations(context.Rows, context.Parents);
        var values = FormInference.ValueRelations(context.Rows, context.Parents, words);
        return words.Select(r => (r, RelationOrigin.Words)).Concat(values.Select(r => (r, RelationOrigin.Values)))
            .Where(c => c.r.Rows.All(row => ids.ContainsKey(row.Index)))
            .Select(c => (ToTemplate(c.r, ids, c.Item2), Describe(c.r, ids), c.r))
            .ToList();
    }

    private static TemplateRelation ToTemplate(FormRelation relation, Dictionary<int, string> ids, RelationOrigin origin)
    {
        string? Id(RowFacts? row) => row is null ? null : ids[row.Index];
        return new TemplateRelation
        {
            Kind = relation.Kind,
            Total = Id(relation.Total),
            Parts = relation.Parts.Count == 0 ? null : relation.Parts.Select(p => ids[p.Index]).ToList(),
            Part = Id(relation.Part),
            Whole = Id(relation.Whole),
            Rate = Id(relation.Rate),
            Numerator = Id(relation.Numerator),
            Denominator = Id(relation.Denominator),
            Tolerance = relation.Tolerance,
            Inferred = origin,
        };
    }

    /// <summary>Counts where each candidate held, and lists the files where it did not.</summary>
    private static void Tally(
        List<(TemplateRelation Relation, string Description, FormRelation Bound)> candidates,
        int[] held,
        List<string>?[] broken,
        string name,
        Func<int, FormRelation?> bind)
    {
        for (var i = 0; i < candidates.Count; i++)
        {
            var bound = bind(i);
            switch (bound is null ? null : Holds(bound))
            {
                case true:
                    held[i]++;
                    break;
                case false:
                    (broken[i] ??= []).Add(name);
                    break;
            }
        }
    }

    /// <summary>Whether a relation holds in every value column that adds up (null when no column has the values it needs).</summary>
    private static bool? Holds(FormRelation relation)
    {
        var row = relation.Rows.First();
        bool? result = null;
        for (var c = 0; c < row.Values.Count; c++)
        {
            if (!row.Value(c).Header.IsAdditive)
            {
                continue;
            }

            switch (FormInference.Holds(relation, c))
            {
                case false:
                    return false;
                case true:
                    result = true;
                    break;
            }
        }

        return result;
    }

    private static string Describe(FormRelation relation, Dictionary<int, string> ids)
    {
        string Id(RowFacts? row) => row is null ? "?" : ids[row.Index];
        var parts = string.Join(" + ", relation.Parts.Select(p => ids[p.Index]));
        return relation.Kind switch
        {
            RelationKind.Sum => $"{Id(relation.Total)} = {parts}",
            RelationKind.SumAtLeast => $"{Id(relation.Total)} ≥ {parts}",
            RelationKind.PartsAtMost => $"{parts} ≤ {Id(relation.Whole)}",
            RelationKind.AtMost => $"{Id(relation.Part)} ≤ {Id(relation.Whole)}",
            _ => $"{Id(relation.Rate)} = {Id(relation.Numerator)} / {Id(relation.Denominator)} × 100",
        };
    }

    private static string Prefix(string section) => section.Length == 0 ? string.Empty : section + ".";

    /// <summary>a, b, … z, aa, ab …: the sub-row letters of an id.</summary>
    private static string Letters(int index) =>
        index < 26 ? ((char)('a' + index)).ToString() : Letters((index / 26) - 1) + (char)('a' + (index % 26));

    private static string TypeName(IndicatorType type) => type switch
    {
        IndicatorType.Count => "số đếm",
        IndicatorType.Text => "chữ",
        _ => type.ToString().ToLowerInvariant(),
    };

    private static string Short(string label)
    {
        var squeezed = VietnameseText.Squeeze(label);
        return squeezed.Length <= 60 ? squeezed : squeezed[..59].TrimEnd() + "…";
    }

    /// <summary>Review notes in both languages, in the order they were found.</summary>
    private sealed class Review
    {
        public List<string> Vietnamese { get; } = [];

        public List<string> English { get; } = [];

        public void Add(string vietnamese, string english)
        {
            Vietnamese.Add(vietnamese);
            English.Add(english);
        }
    }
}
