using System.IO.Compression;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using S = DocumentFormat.OpenXml.Spreadsheet;
using W = DocumentFormat.OpenXml.Wordprocessing;

/// <summary>
/// The smallest documents that still reach every stage (header row, section, item, sub-item, values of
/// each type): fuzzers mutate small inputs far better than the 30 KB fixtures.
/// </summary>
internal static class Seeds
{
    private static readonly string[][] Rows =
    [
        ["THỨ TỰ", "TÊN CHỈ TIÊU", "ĐƠN VỊ TÍNH", "Số lượng/ tỷ lệ", "Ghi chú"],
        ["I", "Công tác chỉ đạo điều hành CCHC", "", "", ""],
        ["1", "Tỷ lệ hoàn thành Kế hoạch CCHC năm", "%", "60", ""],
        ["", "Số nhiệm vụ đề ra trong kế hoạch", "Nhiệm vụ", "25", ""],
        ["", "Số nhiệm vụ đã hoàn thành", "Nhiệm vụ", "15", ""],
        ["2", "Có thực hiện tuyên truyền CCHC", "Có = 1 Không = 0", "1", "Kế hoạch số 05/KH-UBND"],
        ["3", "Tổng số hồ sơ tiếp nhận", "Hồ sơ", "1.730", ""],
    ];

    public static void Write(string directory)
    {
        Directory.CreateDirectory(directory);
        File.WriteAllBytes(Path.Combine(directory, "appendix.docx"), Docx());
        File.WriteAllBytes(Path.Combine(directory, "appendix.xlsx"), Xlsx());

        // Stored (uncompressed) copies: a mutated byte then lands in the XML, not in a deflate stream that it breaks.
        File.WriteAllBytes(Path.Combine(directory, "appendix-stored.docx"), Stored(Docx()));
        File.WriteAllBytes(Path.Combine(directory, "appendix-stored.xlsx"), Stored(Xlsx()));
    }

    private static byte[] Stored(byte[] package)
    {
        using var input = new ZipArchive(new MemoryStream(package), ZipArchiveMode.Read);
        using var memory = new MemoryStream();
        using (var output = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in input.Entries)
            {
                using var from = entry.Open();
                using var to = output.CreateEntry(entry.FullName, CompressionLevel.NoCompression).Open();
                from.CopyTo(to);
            }
        }

        return memory.ToArray();
    }

    private static byte[] Docx()
    {
        using var memory = new MemoryStream();
        using (var document = WordprocessingDocument.Create(memory, WordprocessingDocumentType.Document))
        {
            var table = new W.Table(Rows.Select(r => new W.TableRow(r.Select(c => new W.TableCell(new W.Paragraph(new W.Run(new W.Text(c))))))));
            var title = new W.Paragraph(new W.Run(new W.Text("QUÝ III NĂM 2022 CỦA UBND THỊ XÃ NGÃ NĂM")));
            document.AddMainDocumentPart().Document = new W.Document(new W.Body(title, table));
        }

        return memory.ToArray();
    }

    private static byte[] Xlsx()
    {
        using var memory = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(memory, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new S.Workbook(new S.Sheets());
            var sheet = workbook.AddNewPart<WorksheetPart>();
            var data = new S.SheetData(Rows.Select((r, i) => new S.Row(r.Select((c, j) => new S.Cell
            {
                CellReference = $"{(char)('A' + j)}{i + 1}",
                DataType = S.CellValues.InlineString,
                InlineString = new S.InlineString(new S.Text(c)),
            })) { RowIndex = (uint)(i + 1) }));
            sheet.Worksheet = new S.Worksheet(data);
            workbook.Workbook.Sheets!.Append(new S.Sheet { Name = "Phụ lục", SheetId = 1, Id = workbook.GetIdOfPart(sheet) });
        }

        return memory.ToArray();
    }
}
