using System.IO.Compression;
using System.Text;
using Cchc.OpenXml.Tests;

namespace Cchc.Robustness.Tests;

/// <summary>
/// Hostile and broken files, generated on the spot so that the corpus needs no binary in the repository
/// and every case shows how it was made. Packages are written by hand where the SDK would refuse to write
/// what an attacker can.
/// </summary>
internal static class HostileCorpus
{
    private const string WordNs = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    private const string ContentTypes = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>
        """;

    private const string PackageRelationships = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>
        """;

    public static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    /// <summary>The real Q3 report cut short, as an interrupted download leaves it.</summary>
    public static byte[] TruncatedZip() => File.ReadAllBytes(Fixture("ngan-nam-2022-q3.docx"))[..(int)(new FileInfo(Fixture("ngan-nam-2022-q3.docx")).Length * 6 / 10)];

    /// <summary>A .docx of about 60 KB whose main part inflates to 60 MB of blanks.</summary>
    public static byte[] ZipBomb() => HandMadeDocx(writer =>
    {
        writer.Write($"<w:document xmlns:w=\"{WordNs}\"><w:body>");
        var blanks = new string(' ', 1024 * 1024);
        for (var i = 0; i < 60; i++)
        {
            writer.Write(blanks);
        }

        writer.Write("</w:body></w:document>");
    });

    /// <summary>Billion laughs: ten levels of ten-fold entity references, a gigabyte of text if expanded.</summary>
    public static byte[] EntityExpansion() => HandMadeDocx(writer => writer.Write($"""
        <?xml version="1.0"?>
        <!DOCTYPE w:document [
          <!ENTITY a "TÊN CHỈ TIÊU TÊN CHỈ TIÊU TÊN CHỈ TIÊU TÊN CHỈ TIÊU TÊN CHỈ TIÊU TÊN CHỈ TIÊU TÊN CHỈ TIÊU TÊN CHỈ TIÊU">
          <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
          <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
          <!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
          <!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">
          <!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">
          <!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;">
          <!ENTITY h "&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;">
          <!ENTITY i "&h;&h;&h;&h;&h;&h;&h;&h;&h;&h;">
        ]>
        <w:document xmlns:w="{WordNs}"><w:body><w:tbl><w:tr><w:tc><w:p><w:r><w:t>&i;</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:body></w:document>
        """));

    /// <summary>An external entity in a worksheet, the classic XXE read of a local file.</summary>
    public static byte[] ExternalEntityXlsx() => TestFiles.ReplacePart(
        TestFiles.Xlsx(("Sheet1", [["TÊN CHỈ TIÊU"]])),
        "xl/worksheets/sheet1.xml",
        """
        <?xml version="1.0"?>
        <!DOCTYPE worksheet [<!ENTITY x SYSTEM "file:///etc/passwd">]>
        <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&x;</t></is></c></row></sheetData></worksheet>
        """);

    /// <summary>
    /// A workbook whose workbook relationships, the part a reader follows to its sheets, are swollen with 40 MB of
    /// blanks that compress to almost nothing: the reader parses relationships itself, so it must count them too.
    /// </summary>
    public static byte[] SwollenRelationshipsXlsx() => TestFiles.ReplacePart(
        TestFiles.Xlsx(("Sheet1", [["TÊN CHỈ TIÊU"]])),
        "xl/_rels/workbook.xml.rels",
        "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
        + new string(' ', 40 * 1024 * 1024) + "</Relationships>");

    /// <summary>An appendix of <paramref name="rows"/> data rows in one Word table, sections I–VII, items numbered on, a text value in the last row.</summary>
    public static byte[] LargeAppendix(int rows) => HandMadeDocx(writer =>
    {
        writer.Write($"<w:document xmlns:w=\"{WordNs}\"><w:body>");
        Paragraph(writer, "Phụ lục");
        Paragraph(writer, "THỐNG KÊ SỐ LIỆU BÁO CÁO CẢI CÁCH HÀNH CHÍNH ĐỊNH KỲ");
        Paragraph(writer, "QUÝ III NĂM 2022 CỦA UBND THỊ XÃ NGÃ NĂM");
        writer.Write("<w:tbl>");
        Row(writer, TestFiles.Header);
        string[] sections = ["I", "II", "III", "IV", "V", "VI", "VII"];
        var perSection = (rows / sections.Length) + 1;
        var written = 0;
        for (var s = 0; s < sections.Length && written < rows; s++)
        {
            Row(writer, sections[s], "Nhóm chỉ tiêu " + sections[s], string.Empty, string.Empty, string.Empty);
            written++;
            for (var i = 1; i < perSection && written < rows; i++, written++)
            {
                // The very last row carries a fault, so a check that stopped early would be seen.
                var value = written == rows - 1 ? "khoảng 300" : (i * 7 % 1000).ToString(System.Globalization.CultureInfo.InvariantCulture);
                Row(writer, i.ToString(System.Globalization.CultureInfo.InvariantCulture), $"Số hồ sơ tiếp nhận đợt {i}", "Hồ sơ", value, string.Empty);
            }
        }

        writer.Write("</w:tbl></w:body></w:document>");
    });

    /// <summary>An appendix whose one note cell holds <paramref name="characters"/> characters of varied text (so it does not compress like a bomb).</summary>
    public static byte[] HugeCell(int characters) => HandMadeDocx(writer =>
    {
        writer.Write($"<w:document xmlns:w=\"{WordNs}\"><w:body><w:tbl>");
        Row(writer, TestFiles.Header);
        var random = new Random(7);
        var text = new StringBuilder(characters);
        const string Alphabet = "abcdeghiklmnopqrstuvxyăâđêôơưáàảãạ ";
        while (text.Length < characters)
        {
            text.Append(Alphabet[random.Next(Alphabet.Length)]);
        }

        Row(writer, "1", "Số văn bản đã ban hành", "Văn bản", "12", text.ToString());
        writer.Write("</w:tbl></w:body></w:document>");
    });

    /// <summary>A main part holding a character XML 1.0 forbids, as a character reference or as a raw byte.</summary>
    public static byte[] InvalidXmlCharacter(bool raw) => HandMadeDocx(writer =>
    {
        writer.Write($"<w:document xmlns:w=\"{WordNs}\"><w:body><w:tbl>");
        Row(writer, TestFiles.Header);
        writer.Write("<w:tr><w:tc><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Số văn bản");
        writer.Write(raw ? "\u0001" : "&#x1;");
        writer.Write("</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:body></w:document>");
    });

    /// <summary>An encrypted OOXML package as Office writes it: an OLE compound file holding EncryptionInfo and EncryptedPackage.</summary>
    public static byte[] Encrypted() => TestFiles.CompoundFile("EncryptionInfo", "EncryptedPackage");

    public static byte[] LegacyDoc() => TestFiles.CompoundFile("WordDocument", "1Table");

    public static byte[] LegacyXls() => TestFiles.CompoundFile("Workbook");

    public static byte[] OpenDocumentText() => TestFiles.Zip(
        ("mimetype", Encoding.ASCII.GetBytes("application/vnd.oasis.opendocument.text")),
        ("content.xml", Encoding.UTF8.GetBytes("<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\"/>")));

    /// <summary>A table of figures with no THỨ TỰ / TÊN CHỈ TIÊU header row.</summary>
    public static byte[] TableWithoutHeader() => TestFiles.Docx(
        TestFiles.Paragraph("Phụ lục"),
        TestFiles.Table(TestFiles.Row("1", "Số văn bản đã ban hành", "Văn bản", "12", string.Empty), TestFiles.Row("2", "Số hồ sơ tiếp nhận", "Hồ sơ", "40", string.Empty)));

    /// <summary>
    /// Count values that look like digits but are not ASCII: a Cyrillic О for a zero, fullwidth digits and
    /// Arabic-Indic digits. Each must be reported as not a number, never read as a different figure.
    /// </summary>
    public static byte[] ConfusableNumbers() => TestFiles.Docx(
        TestFiles.Paragraph("Phụ lục"),
        TestFiles.Paragraph("QUÝ III NĂM 2022 CỦA UBND THỊ XÃ NGÃ NĂM"),
        TestFiles.AppendixTable(
            ["I", "Công tác chỉ đạo điều hành CCHC", "", "", ""],
            ["1", "Số văn bản chỉ đạo CCHC đã ban hành", "Văn bản", "1\u041E", ""],
            ["2", "Số hồ sơ tiếp nhận", "Hồ sơ", "\uFF11\uFF12", ""],
            ["3", "Số hồ sơ đã giải quyết", "Hồ sơ", "\u0661\u0662", ""],
            ["4", "Số hồ sơ giải quyết đúng hạn", "Hồ sơ", "7", ""]));

    /// <summary>
    /// A workbook whose one 30,000-character shared string fills the note column of 2,000 rows: a few kilobytes that
    /// would expand to 60 million characters of cell text.
    /// </summary>
    public static byte[] LongTextInManyCells()
    {
        var rows = new object?[2_000][];
        rows[0] = TestFiles.Header;
        var text = new string('x', 30_000);
        for (var i = 1; i < rows.Length; i++)
        {
            rows[i] = [i.ToString(System.Globalization.CultureInfo.InvariantCulture), "Số văn bản", "Văn bản", 1.0, text];
        }

        return TestFiles.Xlsx(("Phu luc", rows));
    }

    private static byte[] HandMadeDocx(Action<StreamWriter> writeDocument)
    {
        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            Entry(zip, "[Content_Types].xml", w => w.Write(ContentTypes));
            Entry(zip, "_rels/.rels", w => w.Write(PackageRelationships));
            Entry(zip, "word/document.xml", writeDocument);
        }

        return memory.ToArray();
    }

    private static void Entry(ZipArchive zip, string name, Action<StreamWriter> write)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name, CompressionLevel.Optimal).Open(), new UTF8Encoding(false));
        write(writer);
    }

    private static void Paragraph(StreamWriter writer, string text) =>
        writer.Write($"<w:p><w:r><w:t xml:space=\"preserve\">{System.Security.SecurityElement.Escape(text)}</w:t></w:r></w:p>");

    private static void Row(StreamWriter writer, params string[] cells)
    {
        writer.Write("<w:tr>");
        foreach (var cell in cells)
        {
            writer.Write($"<w:tc><w:p><w:r><w:t xml:space=\"preserve\">{System.Security.SecurityElement.Escape(cell)}</w:t></w:r></w:p></w:tc>");
        }

        writer.Write("</w:tr>");
    }
}
