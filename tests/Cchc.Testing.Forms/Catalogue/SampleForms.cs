using System.Text;
using static Cchc.Testing.Forms.ColumnRole;

namespace Cchc.Testing.Forms;

/// <summary>
/// The catalogue of test forms: today's commune and provincial-department appendices, one method per form, each
/// readable as its table of rows with its planted faults (<see cref="Expected"/>), the rows that must stay
/// quiet (<see cref="Clean"/>) and the arithmetic between rows (<see cref="Relation"/>) beside it. Units,
/// figures and people are invented; the vocabulary and layouts are those of real reports.
/// </summary>
public static partial class SampleForms
{
    /// <summary>Every document of the catalogue, the quarter pair in period order.</summary>
    public static IReadOnlyList<FormDocument> All { get; } =
    [
        CommuneSingleValue(),
        CommuneReordered(),
        CommuneWithoutNotes(),
        CommuneTwoValueColumns(),
        DepartmentPlanAndResult(),
        CommuneWithoutHeader(),
        CommuneQuarterOne(),
        CommuneQuarterTwo(),
        ReportWithoutAppendix(),
    ];

    /// <summary>The forms that carry an appendix (all but the report without one).</summary>
    public static IEnumerable<FormDocument> WithAppendix => All.Where(f => f.Appendix is not null);

    public static FormDocument ByName(string name) => All.Single(f => f.Name == name);

    // Units as officers write them, with their variants (DOMAIN.md, "Units and value types").
    private const string YesNo = "Có = 1 Không = 0";
    private const string NoYes = "Không = 0; Có = 1";
    private const string Compliance = "Tốt = 1 Có vi phạm = 0";
    private const string SurveyForm = "Trực tuyến = 0 Phát phiếu = 1 Kết hợp = 2";

    // A property, not a field: All above is built first and must not see it unset.
    private static ColumnRole[] FiveColumns => [No, Label, Unit, Value, Note];

    private static DataRow Section(string roman, string title) => new(roman, title, string.Empty, []);

    private static DataRow Heading(string no, string label, string note = "") => new(no, label, string.Empty, [], note);

    private static DataRow R(string no, string label, string unit, string value, string note = "") => new(no, label, unit, [value], note);

    private static DataRow R2(string no, string label, string unit, string thisQuarter, string sinceJanuary, string note = "") =>
        new(no, label, unit, [thisQuarter, sinceJanuary], note);

    private static DataRow R3(string no, string label, string unit, string plan, string done, string rate, string note = "") =>
        new(no, label, unit, [plan, done, rate], note);

    private static IReadOnlyList<HeaderCell> HeaderRow(params string[] texts) => [.. texts.Select(t => new HeaderCell(t))];

    private static CellRef At(string labelContains, int valueColumn = 0) => new(labelContains, valueColumn);

    private static CellRef Before(string labelContains, int valueColumn = 0) => new(labelContains, valueColumn) { InPrevious = true };

    /// <summary>The same text with its diacritics decomposed, as text pasted from some PDFs and Mac editors is.</summary>
    private static string Decomposed(string text) => text.Normalize(NormalizationForm.FormD);

    /// <summary>The letterhead every administrative document opens with, as a borderless two-column table.</summary>
    private static BodyTable Letterhead(string unitLines, string number, string placeAndDate) => new(
        [
            [unitLines, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"],
            [number, placeAndDate],
        ],
        Borderless: true);

    private static SignatureBlock CommuneSignature(string commune, string signer) => new(
        ["Nơi nhận:", "- Sở Nội vụ thành phố Cần Thơ;", "- TT. Đảng ủy, TT. HĐND " + commune + ";", "- Chủ tịch, các PCT UBND " + commune + ";", "- Lưu: VT, VP."],
        ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", string.Empty, string.Empty, signer]);
}
