namespace Cchc.Testing.Forms;

/// <summary>Something of the report body above the appendix: a paragraph or a plain table.</summary>
public abstract record BodyBlock;

/// <summary>A paragraph of the report body.</summary>
public sealed record BodyParagraph(string Text, bool Bold = false, bool Centered = false) : BodyBlock;

/// <summary>
/// A table of the report body that is not the appendix (the national-motto heading, a table of dossiers by
/// field, a staff list). In Word it is a real table; in Excel rows of cells. Borderless like a letterhead or not.
/// </summary>
public sealed record BodyTable(IReadOnlyList<IReadOnlyList<string>> Rows, bool Borderless = false) : BodyBlock;

/// <summary>
/// The signature block under the appendix: "Nơi nhận:" and the recipients on the left, "TM. ỦY BAN NHÂN DÂN",
/// "CHỦ TỊCH" and the signer on the right. In Word a two-column borderless table, as officers lay it out.
/// </summary>
public sealed record SignatureBlock(IReadOnlyList<string> Left, IReadOnlyList<string> Right);

/// <summary>How the workbook of a form is laid out and how its numbers are stored.</summary>
public sealed record ExcelLayout
{
    /// <summary>The sheet holding the appendix; Vietnamese names are allowed and occur.</summary>
    public string SheetName { get; init; } = "Phụ lục";

    /// <summary>When set, the report body goes on a first sheet of this name and the appendix on the second.</summary>
    public string? BodySheetName { get; init; }

    /// <summary>0 starts the table in column A; officers often leave column A empty.</summary>
    public int FirstColumn { get; init; }

    /// <summary>
    /// Whole numbers in percent cells are stored as fractions with a percent format (60 as 0.6 shown "60%"),
    /// one-decimal ones too ("96,5" as 0.965 under "0.0%"). Otherwise a percent is the plain number 60.
    /// </summary>
    public bool PercentAsFraction { get; init; }

    /// <summary>Value columns (0-based among value columns) that hold rates whatever the row's unit: "Tỷ lệ (%)".</summary>
    public IReadOnlyList<int> PercentValueColumns { get; init; } = [];

    /// <summary>
    /// Numbers typed with thousands groups ("1.730") are stored as numbers with a "#,##0" format. Otherwise they
    /// stay text as typed, which is what a workbook with English number settings does with them.
    /// </summary>
    public bool GroupedNumbersAsNumbers { get; init; }
}

/// <summary>
/// One document: a report body, the appendix with its title lines, the signature block; how it is laid out in
/// Excel; and what a check of it must produce (<see cref="Expected"/>) and must not (<see cref="Clean"/>), with
/// the arithmetic of its rows spelt out (<see cref="Relations"/>) so a test can recompute it.
/// </summary>
public sealed record FormDocument
{
    /// <summary>File name without extension, also the form's name in test output.</summary>
    public required string Name { get; init; }

    /// <summary>One sentence saying what the form is and what it is for.</summary>
    public required string Description { get; init; }

    public IReadOnlyList<BodyBlock> Body { get; init; } = [];

    /// <summary>The paragraphs right above the table: "Phụ lục", the title, the period and unit, the reference.</summary>
    public IReadOnlyList<string> TitleLines { get; init; } = [];

    /// <summary>Null for a document with no appendix at all.</summary>
    public AppendixTable? Appendix { get; init; }

    public SignatureBlock? Signature { get; init; }

    public ExcelLayout Excel { get; init; } = new();

    /// <summary>Every planted fault, with the finding it must produce.</summary>
    public IReadOnlyList<Expected> Expected { get; init; } = [];

    /// <summary>Rows that must produce no error (and, for traps, nothing of the named families).</summary>
    public IReadOnlyList<Clean> Clean { get; init; } = [];

    /// <summary>The arithmetic between rows, as planted: the consistent relations and the broken ones.</summary>
    public IReadOnlyList<Relation> Relations { get; init; } = [];

    /// <summary>
    /// The same unit's report of the period before, for checks learned from it; null when none. When set,
    /// <see cref="Expected"/> is what a check against it must produce.
    /// </summary>
    public FormDocument? Previous { get; init; }

    /// <summary>The rows of the appendix whose label contains <paramref name="labelContains"/> (ordinal).</summary>
    public IEnumerable<DataRow> RowsLabelled(string labelContains) =>
        Appendix?.Rows.Where(r => r.Label.Contains(labelContains, StringComparison.Ordinal)) ?? [];

    /// <summary>The one row of the appendix whose label contains <paramref name="labelContains"/>.</summary>
    public DataRow Row(string labelContains)
    {
        var rows = RowsLabelled(labelContains).ToList();
        return rows.Count == 1
            ? rows[0]
            : throw new InvalidOperationException($"{Name}: {rows.Count} rows contain “{labelContains}”, not one.");
    }
}
