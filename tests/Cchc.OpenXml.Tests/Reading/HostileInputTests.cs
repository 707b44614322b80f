using System.Diagnostics;
using System.Text;
using Cchc.OpenXml.Writing;
using W = DocumentFormat.OpenXml.Wordprocessing;
using static Cchc.OpenXml.Tests.TestFiles;

namespace Cchc.OpenXml.Tests.Reading;

public class HostileInputTests
{
    private static DocumentReadException ReadFails(byte[] bytes, string name, ReadLimits? limits = null)
    {
        using var stream = new MemoryStream(bytes);
        var error = Assert.Throws<DocumentReadException>(() => AppendixDocument.Read(stream, name, limits));
        Assert.Contains(Path.GetFileName(name), error.Message, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(error.MessageEn));
        return error;
    }

    private static byte[] ValidDocx() => Docx(Paragraph("Phụ lục"), AppendixTable(["1", "Số văn bản", "Văn bản", "12", ""]));

    [Fact]
    public void Read_EmptyFile_SaysEmpty()
    {
        var error = ReadFails([], "bao-cao.docx");

        Assert.Equal(ReadError.Empty, error.Error);
        Assert.Equal("empty-file", error.Code);
        Assert.Contains("trống", error.Message, StringComparison.Ordinal);
    }

    /// <summary>A file cut short while it is read: its length said more than it then held.</summary>
    [Fact]
    public void Read_SeekableStreamShorterThanItsLength_ReadsWhatItHeld()
    {
        using var stream = new OverstatedLength(ValidDocx(), extra: 4096);

        var snapshot = AppendixDocument.Read(stream, "bao-cao.docx");

        Assert.Contains(snapshot.Rows, row => row.Label.Text == "Số văn bản");
    }

    [Fact]
    public void Read_StreamPositionedPastAPrefix_ReadsFromThere()
    {
        byte[] prefixed = [.. "not part of the file"u8, .. ValidDocx()];
        using var stream = new MemoryStream(prefixed) { Position = "not part of the file"u8.Length };

        var snapshot = AppendixDocument.Read(stream, "bao-cao.docx");

        Assert.Contains(snapshot.Rows, row => row.Label.Text == "Số văn bản");
    }

    [Fact]
    public void Read_OverSizeLimit_SaysTooLarge()
    {
        var error = ReadFails(ValidDocx(), "bao-cao.docx", new ReadLimits(MaxFileBytes: 1024));

        Assert.Equal(ReadError.TooLarge, error.Error);
        Assert.Contains("MB", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadFile_OverSizeLimit_RefusesBeforeReading()
    {
        var path = Path.Combine(Path.GetTempPath(), $"cchc-{Guid.NewGuid():N}.docx");
        File.WriteAllBytes(path, ValidDocx());
        try
        {
            var error = Assert.Throws<DocumentReadException>(() => AppendixDocument.ReadFile(path, new ReadLimits(MaxFileBytes: 1024)));

            Assert.Equal(ReadError.TooLarge, error.Error);
            Assert.DoesNotContain(Path.GetTempPath(), error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Read_RandomBytes_SaysNotOffice()
    {
        var bytes = new byte[4096];
        new Random(7).NextBytes(bytes);

        Assert.Equal(ReadError.NotOfficeDocument, ReadFails(bytes, "bao-cao.docx").Error);
    }

    [Fact]
    public void Read_ZipWithoutContentTypes_SaysNotOffice()
    {
        var bytes = Zip(("ghi-chu.txt", Encoding.UTF8.GetBytes("xin chào")));

        Assert.Equal(ReadError.NotOfficeDocument, ReadFails(bytes, "bao-cao.xlsx").Error);
    }

    [Fact]
    public void Read_PresentationPackage_SaysUnsupported()
    {
        var types = """<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/ppt/presentation.xml" ContentType="application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"/></Types>""";
        var bytes = Zip(("[Content_Types].xml", Encoding.UTF8.GetBytes(types)));

        Assert.Equal(ReadError.Unsupported, ReadFails(bytes, "bao-cao.pptx").Error);
    }

    [Fact]
    public void Read_PasswordProtectedPackage_SaysEncrypted()
    {
        var error = ReadFails(CompoundFile("EncryptionInfo", "EncryptedPackage"), "bao-cao.docx");

        Assert.Equal(ReadError.Encrypted, error.Error);
        Assert.Contains("mật khẩu", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("WordDocument", "bao-cao.doc", ReadError.LegacyWord)]
    [InlineData("WordDocument", "bao-cao.xls", ReadError.LegacyWord)]
    [InlineData("Workbook", "bao-cao.doc", ReadError.LegacyExcel)]
    [InlineData("Book", "bao-cao.xls", ReadError.LegacyExcel)]
    [InlineData("Khac", "bao-cao.xls", ReadError.LegacyExcel)]
    [InlineData("Khac", "bao-cao.doc", ReadError.LegacyWord)]
    public void Read_LegacyBinary_TellsWordFromExcel(string stream, string name, ReadError expected)
    {
        Assert.Equal(expected, ReadFails(CompoundFile("\u0005SummaryInformation", stream), name).Error);
    }

    [Theory]
    [InlineData("application/vnd.oasis.opendocument.text", "bao-cao.odt")]
    [InlineData("application/vnd.oasis.opendocument.spreadsheet", "bao-cao.xlsx")]
    public void Read_OpenDocument_SaysSaveAsOffice(string mimetype, string name)
    {
        var bytes = Zip(("mimetype", Encoding.ASCII.GetBytes(mimetype)), ("content.xml", Encoding.UTF8.GetBytes("<office:document-content/>")));

        var error = ReadFails(bytes, name);

        Assert.Equal(ReadError.OpenDocument, error.Error);
        Assert.Contains(".docx", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_PartInflatingFarBeyondItsSize_SaysZipBomb()
    {
        // 64 MB of blanks inside the body compresses to a few dozen kilobytes.
        var padding = new string(' ', 64 * 1024 * 1024);
        var document = $"""<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{padding}</w:body></w:document>""";
        var bytes = ReplacePart(ValidDocx(), "word/document.xml", document);
        Assert.True(bytes.Length < 1024 * 1024);

        var watch = Stopwatch.StartNew();
        var error = ReadFails(bytes, "bao-cao.docx");

        Assert.Equal(ReadError.ZipBomb, error.Error);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void Read_TotalBeyondUncompressedLimit_SaysZipBomb()
    {
        Assert.Equal(ReadError.ZipBomb, ReadFails(ValidDocx(), "bao-cao.docx", new ReadLimits(MaxUncompressedBytes: 512)).Error);
    }

    [Fact]
    public void Read_PartLyingAboutItsSize_IsRefusedWithoutInflatingIt()
    {
        var document = $"""<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{new string(' ', 32 * 1024 * 1024)}</w:body></w:document>""";
        var bytes = ReplacePart(ValidDocx(), "word/document.xml", document);
        PatchDeclaredSize(bytes, "word/document.xml", 1000);

        var error = ReadFails(bytes, "bao-cao.docx");

        Assert.Contains(error.Error, new[] { ReadError.ZipBomb, ReadError.Corrupt });
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(0.98)]
    public void Read_TruncatedZip_SaysCorrupt(double keep)
    {
        var bytes = File.ReadAllBytes(Fixture("ngan-nam-2022-q3.docx"));

        var error = ReadFails(bytes[..(int)(bytes.Length * keep)], "bao-cao.docx");

        Assert.Equal(ReadError.Corrupt, error.Error);
        Assert.Equal("corrupt", error.Code);
    }

    [Fact]
    public void Read_DamagedEntryData_SaysCorrupt()
    {
        var bytes = File.ReadAllBytes(Fixture("ngan-nam-2022-q3.docx"));
        for (var i = bytes.Length / 4; i < bytes.Length / 4 + 2000; i++)
        {
            bytes[i] ^= 0x5A;
        }

        Assert.Equal(ReadError.Corrupt, ReadFails(bytes, "bao-cao.docx").Error);
    }

    [Fact]
    public void Read_EntityExpansion_IsRefusedNotExpanded()
    {
        var document = """
            <?xml version="1.0"?>
            <!DOCTYPE w:document [
              <!ENTITY a "TÊN CHỈ TIÊU TÊN CHỈ TIÊU TÊN CHỈ TIÊU TÊN CHỈ TIÊU">
              <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
              <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
              <!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
              <!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">
              <!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">
              <!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;">
            ]>
            <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&g;</w:t></w:r></w:p></w:body></w:document>
            """;
        var bytes = ReplacePart(ValidDocx(), "word/document.xml", document);

        Assert.Equal(ReadError.Corrupt, ReadFails(bytes, "bao-cao.docx").Error);
    }

    [Fact]
    public void Read_ExternalEntityInSheet_IsRefused()
    {
        var sheet = """
            <?xml version="1.0"?>
            <!DOCTYPE worksheet [<!ENTITY x SYSTEM "file:///etc/passwd">]>
            <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&x;</t></is></c></row></sheetData></worksheet>
            """;
        var bytes = ReplacePart(Xlsx(("Sheet1", [["TÊN CHỈ TIÊU"]])), "xl/worksheets/sheet1.xml", sheet);

        Assert.Equal(ReadError.Corrupt, ReadFails(bytes, "bao-cao.xlsx").Error);
    }

    [Fact]
    public void Read_MalformedXml_SaysCorrupt()
    {
        var bytes = ReplacePart(ValidDocx(), "word/document.xml", "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p>");

        Assert.Equal(ReadError.Corrupt, ReadFails(bytes, "bao-cao.docx").Error);
    }

    [Fact]
    public void Read_DocumentWithoutAppendix_SaysNoAppendix()
    {
        var bytes = Docx(Paragraph("Báo cáo"), Table(Row("Họ tên", "Chức vụ")));

        var error = ReadFails(bytes, "bao-cao.docx");

        // What was looked for, and what the table found instead was.
        Assert.Equal(ReadError.NoAppendix, error.Error);
        Assert.Contains("Tên chỉ tiêu", error.Message, StringComparison.Ordinal);
        Assert.Contains("bảng 1 (“Họ tên | Chức vụ”) không có hàng tiêu đề của phụ lục", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_WorkbookWithoutAppendix_SaysNoAppendix()
    {
        Assert.Equal(ReadError.NoAppendix, ReadFails(Xlsx(("Sheet1", [["a", 1.0]])), "bao-cao.xlsx").Error);
    }

    [Fact]
    public void Read_WordCellOverCharacterLimit_SaysTooLarge()
    {
        var bytes = Docx(AppendixTable(["1", new string('x', 40_000), "", "", ""]));

        var error = ReadFails(bytes, "bao-cao.docx");

        Assert.Equal(ReadError.TooLarge, error.Error);
        Assert.Contains("ký tự", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ExcelCellOverCharacterLimit_NamesTheCell()
    {
        var bytes = Xlsx(("Phu luc", [TestFiles.Header, ["1", "Số văn bản", "Văn bản", 12.0, new string('x', 40_000)]]));

        var error = ReadFails(bytes, "bao-cao.xlsx");

        Assert.Equal(ReadError.TooLarge, error.Error);
        Assert.Contains("E2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_MoreRowsThanLimit_SaysTooLarge()
    {
        var bytes = File.ReadAllBytes(Fixture("ngan-nam-2022-q3.docx"));

        Assert.Equal(ReadError.TooLarge, ReadFails(bytes, "bao-cao.docx", new ReadLimits(MaxRows: 50)).Error);
    }

    [Fact]
    public void Read_SheetWithValueBeyondRowLimit_SaysTooLarge()
    {
        var rows = new object?[60][];
        Array.Fill(rows, []);
        rows[0] = TestFiles.Header;
        rows[59] = ["x"];

        Assert.Equal(ReadError.TooLarge, ReadFails(Xlsx(("S", rows)), "bao-cao.xlsx", new ReadLimits(MaxRows: 50)).Error);
    }

    [Fact]
    public void Read_ContentControlsNestedTwentyThousandDeep_SaysTooDeepInsteadOfOverflowing()
    {
        var bytes = DeeplyNestedDocx(10_000);
        Assert.True(bytes.Length < 64 * 1024, $"{bytes.Length} bytes");

        var error = ReadFails(bytes, "bao-cao.docx");

        Assert.Equal(ReadError.Corrupt, error.Error);
        Assert.Contains("lồng nhau sâu hơn 256 tầng", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ParagraphNestedTwentyThousandDeep_SaysTooDeep()
    {
        Assert.Contains("256", ReadFails(DeeplyNestedParagraph(20_000), "bao-cao.docx").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ContentControlsNestedWithinTheLimit_FindsTheTable()
    {
        using var stream = new MemoryStream(DeeplyNestedDocx(100));

        var snapshot = AppendixDocument.Read(stream, "bao-cao.docx");

        Assert.Equal("Số văn bản", Assert.Single(snapshot.Rows).Label.Text);
    }

    [Fact]
    public void Read_WorkbookNestedTwentyThousandDeep_SaysTooDeep()
    {
        Assert.Contains("256", ReadFails(DeeplyNestedXlsx(20_000), "bao-cao.xlsx").Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bao-cao.docx")]
    [InlineData("bao-cao.xlsx")]
    public void Apply_NestedTwentyThousandDeep_IsRefusedBeforeAnyTreeIsLoaded(string name)
    {
        var bytes = name.EndsWith(".docx", StringComparison.Ordinal) ? DeeplyNestedDocx(10_000) : DeeplyNestedXlsx(20_000);

        var error = Assert.Throws<DocumentReadException>(() => AppendixWriter.Apply(new MemoryStream(bytes), new MemoryStream(), name, [], []));

        Assert.Contains("256", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_XmlOverTheTreeLimit_SaysTooLargeToRewrite()
    {
        var bytes = File.ReadAllBytes(Fixture("ngan-nam-2022-q3.docx"));

        var error = Assert.Throws<DocumentReadException>(() => AppendixWriter.Apply(new MemoryStream(bytes), new MemoryStream(), "bao-cao.docx", [], [], limits: new ReadLimits(MaxTreeBytes: 100 * 1024)));

        Assert.Equal(ReadError.TooLarge, error.Error);
        Assert.Contains("ghi sửa", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_PartOverThePartLimit_SaysWhichLimit()
    {
        var bytes = File.ReadAllBytes(Fixture("ngan-nam-2022-q3.docx"));

        var error = ReadFails(bytes, "bao-cao.docx", new ReadLimits(MaxPartBytes: 100 * 1024));

        Assert.Equal(ReadError.ZipBomb, error.Error);
        Assert.Contains("0,1 MB", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_SharedStringsOverTheCharacterLimit_SaysSharedStrings()
    {
        // 160 MB of shared strings in a file of about a megabyte: the table is refused while it grows.
        var bytes = HugeSharedStrings(5_000, 32_000);
        Assert.True(bytes.Length < 2 * 1024 * 1024, $"{bytes.Length} bytes");

        var error = ReadFails(bytes, "bao-cao.xlsx", new ReadLimits(MaxPartBytes: 256L * 1024 * 1024, MaxUncompressedBytes: 256L * 1024 * 1024, MaxCompressionRatio: 100_000));

        Assert.Equal(ReadError.TooLarge, error.Error);
        Assert.Contains("chuỗi dùng chung", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_SharedStringsOverTheCountLimit_SaysSharedStrings()
    {
        var error = ReadFails(HugeSharedStrings(60_000, 1), "bao-cao.xlsx");

        Assert.Contains("50.000 chuỗi", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_HugeSharedStringsWithDefaultLimits_IsRefusedByItsPartSize()
    {
        var error = ReadFails(HugeSharedStrings(5_000, 32_000), "bao-cao.xlsx");

        Assert.Equal(ReadError.ZipBomb, error.Error);
    }

    [Fact]
    public void Read_MoreEntriesThanLimit_SaysTooManyEntriesNotTooManyMegabytes()
    {
        var error = ReadFails(ManySmallParts(1_200), "bao-cao.docx");

        Assert.Equal(ReadError.ZipBomb, error.Error);
        Assert.Contains("1.000 thành phần nén", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("MB", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ManySmallPartsWithinTheLimit_IsRead()
    {
        using var stream = new MemoryStream(ManySmallParts(900));

        Assert.Single(AppendixDocument.Read(stream, "bao-cao.docx").Rows);
    }

    [Fact]
    public void Read_MoreCellsThanLimit_SaysTooManyCells()
    {
        var error = ReadFails(File.ReadAllBytes(Fixture("ngan-nam-2022-q3.docx")), "bao-cao.docx", new ReadLimits(MaxCells: 500));

        Assert.Contains("500 ô", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_OneLongSharedStringInManyCells_SaysTooMuchText()
    {
        var rows = new object?[2_000][];
        rows[0] = TestFiles.Header;
        var text = new string('x', 30_000);
        for (var i = 1; i < rows.Length; i++)
        {
            rows[i] = [i.ToString(System.Globalization.CultureInfo.InvariantCulture), "Số văn bản", "Văn bản", 1.0, text];
        }

        var error = ReadFails(Xlsx(("S", rows)), "bao-cao.xlsx");

        Assert.Contains("ký tự chữ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_MergesCoveringMoreCellsThanLimit_SaysTooManyCells()
    {
        var bytes = Xlsx(
            workbook =>
            {
                var sheet = workbook.WorksheetParts.Single().Worksheet!;
                var merges = new DocumentFormat.OpenXml.Spreadsheet.MergeCells();
                for (var i = 0; i < 2_000; i++)
                {
                    merges.Append(new DocumentFormat.OpenXml.Spreadsheet.MergeCell { Reference = "A1:E2" });
                }

                sheet.Append(merges);
            },
            ("S", [TestFiles.Header, ["1", "Số văn bản", "Văn bản", 1.0, "x"]]));

        Assert.Contains("ô có nội dung", ReadFails(bytes, "bao-cao.xlsx", new ReadLimits(MaxCells: 10_000)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_Cancelled_StopsWithOperationCanceled()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        using var stream = File.OpenRead(Fixture("ngan-nam-2022-q3.xlsx"));

        Assert.ThrowsAny<OperationCanceledException>(() => AppendixDocument.Read(stream, "bao-cao.xlsx", cancellationToken: cancelled.Token));
    }

    [Fact]
    public void Sniff_EncryptedFile_ThrowsSameErrorAsRead()
    {
        using var stream = new MemoryStream(CompoundFile("EncryptionInfo", "EncryptedPackage"));

        Assert.Equal(ReadError.Encrypted, Assert.Throws<DocumentReadException>(() => AppendixDocument.Sniff(stream, "a.xlsx")).Error);
    }

    /// <summary>Rewrites the uncompressed size a zip declares for one entry, in its local and central headers.</summary>
    private static void PatchDeclaredSize(byte[] zip, string entryName, uint size)
    {
        var name = Encoding.UTF8.GetBytes(entryName);
        for (var i = 0; i + 46 < zip.Length; i++)
        {
            if (zip[i] == 0x50 && zip[i + 1] == 0x4B && zip[i + 2] == 3 && zip[i + 3] == 4 && zip.AsSpan(i + 30, name.Length).SequenceEqual(name))
            {
                BitConverter.TryWriteBytes(zip.AsSpan(i + 22, 4), size);
            }
            else if (zip[i] == 0x50 && zip[i + 1] == 0x4B && zip[i + 2] == 1 && zip[i + 3] == 2 && zip.AsSpan(i + 46, Math.Min(name.Length, zip.Length - i - 46)).SequenceEqual(name))
            {
                BitConverter.TryWriteBytes(zip.AsSpan(i + 24, 4), size);
            }
        }
    }

    [Fact]
    public void Read_ParagraphsOnly_SaysNoAppendix()
    {
        var bytes = Docx(new W.Paragraph());

        Assert.Equal(ReadError.NoAppendix, ReadFails(bytes, "trang-trang.docx").Error);
    }

    /// <summary>A seekable stream whose <see cref="Stream.Length"/> overstates what it holds.</summary>
    private sealed class OverstatedLength(byte[] bytes, int extra) : MemoryStream(bytes)
    {
        public override long Length => base.Length + extra;
    }
}
