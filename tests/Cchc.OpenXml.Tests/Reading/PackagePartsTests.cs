using System.IO.Compression;
using System.Xml.Linq;
using Cchc.Appendix.Table;
using static Cchc.OpenXml.Tests.TestFiles;

namespace Cchc.OpenXml.Tests.Reading;

/// <summary>
/// The readers find their parts from the zip by relationships, as the OpenXml SDK did: a target is a part name
/// relative to its source's folder, absolute from the package root, or walks up with "..", part names compare
/// without case, and a relationship pointing at a part the package does not hold makes the file damaged, not empty.
/// </summary>
public class PackagePartsTests
{
    private const string WorkbookRelationships = "xl/_rels/workbook.xml.rels";
    private const string SheetPart = "xl/worksheets/sheet1.xml";

    private static readonly XNamespace Rels = "http://schemas.openxmlformats.org/package/2006/relationships";

    private static readonly byte[] Workbook = Xlsx(("Phu luc", [["THỨ TỰ", "TÊN CHỈ TIÊU"], ["1", "Số văn bản"]]));

    private static string[] Texts(byte[] xlsx) =>
        [.. AppendixDocument.ReadBlocks(new MemoryStream(xlsx), "a.xlsx").OfType<TableBlock>().SelectMany(t => t.Rows).SelectMany(r => r.Cells).Select(c => c.Text)];

    /// <summary>The workbook with its one worksheet stored as <see cref="SheetPart"/> and its relationship's target written as <paramref name="target"/>.</summary>
    private static byte[] WithSheetTarget(string target)
    {
        var rels = XDocument.Parse(ReadPart(Workbook, WorkbookRelationships));
        var relationship = rels.Root!.Elements(Rels + "Relationship").Single(r => ((string)r.Attribute("Type")!).EndsWith("/worksheet", StringComparison.Ordinal));
        var stored = (string)relationship.Attribute("Target")!;
        var storedPart = stored.StartsWith('/') ? stored[1..] : "xl/" + stored;
        relationship.SetAttributeValue("Target", target);

        using var memory = new MemoryStream();
        memory.Write(ReplacePart(Workbook, WorkbookRelationships, rels.ToString(SaveOptions.DisableFormatting)));
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Update, leaveOpen: true))
        {
            var entry = zip.GetEntry(storedPart)!;
            var content = new MemoryStream();
            using (var source = entry.Open())
            {
                source.CopyTo(content);
            }

            entry.Delete();
            using var moved = zip.CreateEntry(SheetPart).Open();
            moved.Write(content.ToArray());
        }

        return memory.ToArray();
    }

    [Theory]
    [InlineData("/xl/worksheets/sheet1.xml")]
    [InlineData("worksheets/sheet1.xml")]
    [InlineData("./worksheets/sheet1.xml")]
    [InlineData("../xl/worksheets/sheet1.xml")]
    [InlineData("/XL/Worksheets/Sheet1.xml")]
    public void ReadBlocks_SheetTargetInAnyForm_ReadsTheSameCells(string target)
    {
        Assert.Equal(["THỨ TỰ", "TÊN CHỈ TIÊU", "1", "Số văn bản"], Texts(WithSheetTarget(target)));
    }

    [Fact]
    public void ReadBlocks_RelationshipToMissingSheet_SaysCorrupt()
    {
        var error = Assert.Throws<DocumentReadException>(() => Texts(WithSheetTarget("worksheets/not-there.xml")));

        Assert.Equal(ReadError.Corrupt, error.Error);
    }
}
