using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using S = DocumentFormat.OpenXml.Spreadsheet;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Cchc.OpenXml.Tests;

/// <summary>Small documents and hostile files built in code, so each test shows the input it is about.</summary>
internal static class TestFiles
{
    public static readonly string[] Header = ["THỨ TỰ", "TÊN CHỈ TIÊU", "ĐƠN VỊ TÍNH", "Số lượng/ tỷ lệ", "Ghi chú"];

    public static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    public static byte[] Docx(params OpenXmlElement[] bodyContent)
    {
        using var memory = new MemoryStream();
        using (var document = WordprocessingDocument.Create(memory, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new W.Document(new W.Body(bodyContent));
        }

        return memory.ToArray();
    }

    public static W.Paragraph Paragraph(string text) => new(new W.Run(new W.Text(text) { Space = SpaceProcessingModeValues.Preserve }));

    public static W.TableCell Cell(string text, int span = 1)
    {
        var cell = new W.TableCell(Paragraph(text));
        if (span > 1)
        {
            cell.PrependChild(new W.TableCellProperties(new W.GridSpan { Val = span }));
        }

        return cell;
    }

    public static W.TableRow Row(params string[] cells) => new(cells.Select(c => Cell(c)));

    public static W.Table Table(params W.TableRow[] rows) => new(rows);

    public static W.Table AppendixTable(params string[][] dataRows) =>
        Table([Row(Header), .. dataRows.Select(r => Row(r))]);

    /// <summary>A workbook with one sheet per entry; cells are strings (shared), doubles (numbers) or null.</summary>
    public static byte[] Xlsx(params (string Name, object?[][] Rows)[] sheets) => Xlsx(null, sheets);

    public static byte[] Xlsx(Action<WorkbookPart>? customize, params (string Name, object?[][] Rows)[] sheets)
    {
        using var memory = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(memory, DocumentFormat.OpenXml.SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new S.Workbook(new S.Sheets());
            var strings = workbook.AddNewPart<SharedStringTablePart>();
            strings.SharedStringTable = new S.SharedStringTable();
            var indexes = new Dictionary<string, int>();
            uint id = 1;
            foreach (var (name, rows) in sheets)
            {
                var part = workbook.AddNewPart<WorksheetPart>();
                var data = new S.SheetData();
                for (var r = 0; r < rows.Length; r++)
                {
                    var row = new S.Row { RowIndex = (uint)(r + 1) };
                    for (var c = 0; c < rows[r].Length; c++)
                    {
                        var reference = $"{(char)('A' + c)}{r + 1}";
                        switch (rows[r][c])
                        {
                            case null:
                                break;
                            case double number:
                                row.Append(new S.Cell { CellReference = reference, CellValue = new S.CellValue(number) });
                                break;
                            case S.Cell cell:
                                cell.CellReference = reference;
                                row.Append(cell);
                                break;
                            case var text:
                                var key = text.ToString()!;
                                if (!indexes.TryGetValue(key, out var index))
                                {
                                    index = indexes.Count;
                                    indexes.Add(key, index);
                                    strings.SharedStringTable.Append(new S.SharedStringItem(new S.Text(key)));
                                }

                                row.Append(new S.Cell { CellReference = reference, DataType = S.CellValues.SharedString, CellValue = new S.CellValue(index) });
                                break;
                        }
                    }

                    data.Append(row);
                }

                part.Worksheet = new S.Worksheet(data);
                workbook.Workbook.Sheets!.Append(new S.Sheet { Name = name, SheetId = id++, Id = workbook.GetIdOfPart(part) });
            }

            customize?.Invoke(workbook);
        }

        return memory.ToArray();
    }

    /// <summary>A zip holding exactly the given entries, compressed.</summary>
    public static byte[] Zip(params (string Name, byte[] Content)[] entries)
    {
        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var stream = zip.CreateEntry(name, CompressionLevel.SmallestSize).Open();
                stream.Write(content);
            }
        }

        return memory.ToArray();
    }

    /// <summary><paramref name="package"/> with one part's bytes replaced, everything else as it was.</summary>
    public static byte[] ReplacePart(byte[] package, string partName, string content)
    {
        using var memory = new MemoryStream();
        memory.Write(package);
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Update, leaveOpen: true))
        {
            zip.GetEntry(partName)!.Delete();
            using var stream = zip.CreateEntry(partName).Open();
            stream.Write(Encoding.UTF8.GetBytes(content));
        }

        return memory.ToArray();
    }

    private const string WordNamespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private const string SheetNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    /// <summary>An appendix in Word whose table sits inside <paramref name="levels"/> content controls, each two elements deep (sdt, sdtContent).</summary>
    public static byte[] DeeplyNestedDocx(int levels)
    {
        var open = string.Concat(Enumerable.Repeat("<w:sdt><w:sdtContent>", levels));
        var close = string.Concat(Enumerable.Repeat("</w:sdtContent></w:sdt>", levels));
        var table = "<w:tbl>" + string.Concat(new string[][] { Header, ["1", "Số văn bản", "Văn bản", "12", ""] }.Select(row =>
            "<w:tr>" + string.Concat(row.Select(text => $"<w:tc><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:tc>")) + "</w:tr>")) + "</w:tbl>";
        return ReplacePart(Docx(Paragraph("Phụ lục")), "word/document.xml", $"<w:document xmlns:w=\"{WordNamespace}\"><w:body>{open}{table}{close}</w:body></w:document>");
    }

    /// <summary>A title paragraph whose text sits inside <paramref name="depth"/> nested hyperlinks, above a valid appendix table.</summary>
    public static byte[] DeeplyNestedParagraph(int depth)
    {
        var valid = Docx(Paragraph("Phụ lục"), AppendixTable(["1", "Số văn bản", "Văn bản", "12", ""]));
        var document = ReadPart(valid, "word/document.xml");
        var paragraph = "<w:p>" + string.Concat(Enumerable.Repeat("<w:hyperlink>", depth)) + "<w:r><w:t>QUÝ III NĂM 2022</w:t></w:r>"
            + string.Concat(Enumerable.Repeat("</w:hyperlink>", depth)) + "</w:p>";
        var body = document.IndexOf("<w:body>", StringComparison.Ordinal) + "<w:body>".Length;
        return ReplacePart(valid, "word/document.xml", document.Insert(body, paragraph));
    }

    /// <summary>
    /// A valid appendix workbook whose sheet carries <paramref name="depth"/> nested elements of a foreign namespace
    /// after its cells: nothing a reader needs, but the SDK's tree recurses into it.
    /// </summary>
    public static byte[] DeeplyNestedXlsx(int depth)
    {
        var valid = Xlsx(("Phu luc", [Header, ["1", "Số văn bản", "Văn bản", 12.0, ""], ["2", "Số hồ sơ tiếp nhận", "Hồ sơ", "khoảng 300", ""]]));
        var sheet = ReadPart(valid, "xl/worksheets/sheet1.xml");
        var nested = string.Concat(Enumerable.Repeat("<d:x xmlns:d=\"urn:cchc:deep\">", depth)) + string.Concat(Enumerable.Repeat("</d:x>", depth));
        var end = sheet.LastIndexOf("</x:worksheet>", StringComparison.Ordinal) is var prefixed and >= 0 ? prefixed : sheet.LastIndexOf("</worksheet>", StringComparison.Ordinal);
        return ReplacePart(valid, "xl/worksheets/sheet1.xml", sheet.Insert(end, nested));
    }

    /// <summary>
    /// A small workbook whose shared-string table holds <paramref name="count"/> distinct strings of
    /// <paramref name="length"/> characters; only the first few are used by cells. Compresses a hundredfold.
    /// </summary>
    public static byte[] HugeSharedStrings(int count, int length)
    {
        var valid = Xlsx(("Phu luc", [Header, ["1", "Số văn bản", "Văn bản", 12.0, ""]]));
        var builder = new StringBuilder($"<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"{SheetNamespace}\">");
        foreach (var text in Header.Concat(["1", "Số văn bản", "Văn bản"]))
        {
            builder.Append("<si><t>").Append(text).Append("</t></si>");
        }

        var filler = new string('x', length);
        for (var i = 0; i < count; i++)
        {
            builder.Append("<si><t>").Append(i).Append(filler).Append("</t></si>");
        }

        builder.Append("</sst>");
        return ReplacePart(valid, "xl/sharedStrings.xml", builder.ToString());
    }

    /// <summary>A valid appendix in Word with <paramref name="count"/> extra tiny parts nobody refers to.</summary>
    public static byte[] ManySmallParts(int count)
    {
        using var memory = new MemoryStream();
        memory.Write(Docx(Paragraph("Phụ lục"), AppendixTable(["1", "Số văn bản", "Văn bản", "12", ""])));
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Update, leaveOpen: true))
        {
            for (var i = 0; i < count; i++)
            {
                using var stream = zip.CreateEntry($"customXml/item{i}.xml", CompressionLevel.Fastest).Open();
                stream.Write("<a/>"u8);
            }
        }

        return memory.ToArray();
    }

    /// <summary>The text of one part of a package.</summary>
    public static string ReadPart(byte[] package, string partName)
    {
        using var zip = new ZipArchive(new MemoryStream(package), ZipArchiveMode.Read);
        using var reader = new StreamReader(zip.GetEntry(partName)!.Open(), Encoding.UTF8);
        return reader.ReadToEnd();
    }

    /// <summary>
    /// A minimal OLE compound file (version 3, 512-byte sectors) whose directory names the given streams:
    /// sector 0 is the FAT, sector 1 the directory. Enough for anything that reads the directory.
    /// </summary>
    public static byte[] CompoundFile(params string[] streams)
    {
        var bytes = new byte[512 * 3];
        var header = bytes.AsSpan(0, 512);
        new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }.CopyTo(header);
        BinaryPrimitives.WriteUInt16LittleEndian(header[0x18..], 0x3E);
        BinaryPrimitives.WriteUInt16LittleEndian(header[0x1A..], 3);
        BinaryPrimitives.WriteUInt16LittleEndian(header[0x1C..], 0xFFFE);
        BinaryPrimitives.WriteUInt16LittleEndian(header[0x1E..], 9);
        BinaryPrimitives.WriteUInt16LittleEndian(header[0x20..], 6);
        BinaryPrimitives.WriteUInt32LittleEndian(header[0x2C..], 1);
        BinaryPrimitives.WriteUInt32LittleEndian(header[0x30..], 1);
        BinaryPrimitives.WriteUInt32LittleEndian(header[0x38..], 4096);
        BinaryPrimitives.WriteInt32LittleEndian(header[0x3C..], -2);
        BinaryPrimitives.WriteInt32LittleEndian(header[0x44..], -2);
        for (var i = 0; i < 109; i++)
        {
            BinaryPrimitives.WriteInt32LittleEndian(header[(0x4C + (i * 4))..], i == 0 ? 0 : -1);
        }

        var fat = bytes.AsSpan(512, 512);
        for (var i = 0; i < 128; i++)
        {
            BinaryPrimitives.WriteInt32LittleEndian(fat[(i * 4)..], i switch { 0 => -3, 1 => -2, _ => -1 });
        }

        string[] names = ["Root Entry", .. streams];
        for (var i = 0; i < names.Length && i < 4; i++)
        {
            var entry = bytes.AsSpan(1024 + (i * 128), 128);
            Encoding.Unicode.GetBytes(names[i]).CopyTo(entry);
            BinaryPrimitives.WriteUInt16LittleEndian(entry[64..], (ushort)((names[i].Length + 1) * 2));
            entry[66] = (byte)(i == 0 ? 5 : 2);
            BinaryPrimitives.WriteInt32LittleEndian(entry[68..], -1);
            BinaryPrimitives.WriteInt32LittleEndian(entry[72..], -1);
            BinaryPrimitives.WriteInt32LittleEndian(entry[76..], i == 0 && names.Length > 1 ? 1 : -1);
            BinaryPrimitives.WriteInt32LittleEndian(entry[116..], -2);
        }

        return bytes;
    }
}
