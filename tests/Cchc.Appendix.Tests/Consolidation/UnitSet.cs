using Cchc.Appendix.Checking;
using Cchc.Appendix.Consolidation;
using Cchc.Appendix.Table;
using Cchc.Testing.Forms;

namespace Cchc.Appendix.Tests.Consolidation;

/// <summary>
/// The consolidation set of <see cref="ConsolidationSet"/> as the engine gets it from an adapter: each form's title
/// lines and table as document blocks, found and checked by the engine; the file that is not a document as the
/// reader's failure.
/// </summary>
internal static class UnitSet
{
    public static TableSnapshot Snapshot(FormDocument form)
    {
        var blocks = new List<DocumentBlock>();
        blocks.AddRange(form.TitleLines.Select(line => new ParagraphBlock(line)));
        blocks.Add(new TableBlock(form.Appendix!.GridText().Select(cells => new RawRow(cells.Select(c => new RawCell(c)).ToList())).ToList()));
        return SnapshotBuilder.TryBuild(blocks, SourceKind.File) ?? throw new InvalidOperationException($"{form.Name}: no appendix found");
    }

    public static (List<UnitReport> Reports, List<UnreadableFile> Unreadable) Checked()
    {
        var reports = new List<UnitReport>();
        var unreadable = new List<UnreadableFile>();
        foreach (var file in ConsolidationSet.Files())
        {
            if (file.Kind == SetFileKind.Unreadable)
            {
                unreadable.Add(new UnreadableFile(file.Name, "tệp không phải Word hay Excel", "not a Word or Excel file"));
                continue;
            }

            reports.Add(UnitReport.Check(file.Name, Snapshot(FormOf(file)), AppendixChecker.Default));
        }

        return (reports, unreadable);
    }

    /// <summary>The form a file was written from, rebuilt from its figures (the set writes files; the engine test needs rows).</summary>
    public static FormDocument FormOf(SetFile file) => file.Figures!.Form == "ward"
        ? ConsolidationSet.WardForm(file.Unit!, file.Figures)
        : ConsolidationSet.CommuneForm(file.Unit!, file.Kind == SetFileKind.OtherPeriod ? 1 : 2, file.Figures, file.Kind == SetFileKind.Superseded ? "10/6" : file.Kind == SetFileKind.OtherPeriod ? "12/3" : "15/6");
}
