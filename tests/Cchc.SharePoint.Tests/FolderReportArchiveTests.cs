using Cchc.Appendix.Header;

namespace Cchc.SharePoint.Tests;

/// <summary>The folder archive's own promises: its layout on disk, and that no name or location leaves the root.</summary>
public sealed class FolderReportArchiveTests : IDisposable
{
    private static readonly ReportPeriod Q2 = ReportPeriod.Quarter(2, 2022);

    private readonly string _parent = Path.Combine(Path.GetTempPath(), "cchc-archive-tests", Guid.NewGuid().ToString("N"));
    private readonly FolderReportArchive _archive;

    public FolderReportArchiveTests()
    {
        _archive = new FolderReportArchive(Path.Combine(_parent, "archive"));
    }

    public void Dispose()
    {
        _archive.Dispose();
        if (Directory.Exists(_parent))
        {
            Directory.Delete(_parent, recursive: true);
        }
    }

    [Fact]
    public async Task SaveAsync_VietnameseUnit_StoresUnderTheSluggedLayout()
    {
        var saved = await _archive.SaveAsync(Fixture.Unit, Q2, "Báo cáo quý II.docx", Fixture.Open("ngan-nam-2022-q2.docx"), null);

        Assert.Equal("ubnd-thi-xa-nga-nam/2022/q2/Báo cáo quý II.docx", saved.Location);
        Assert.True(File.Exists(Path.Combine(_archive.Root, "ubnd-thi-xa-nga-nam", "2022", "q2", "Báo cáo quý II.docx")));
        Assert.Empty(Directory.GetFiles(Path.Combine(_archive.Root, "ubnd-thi-xa-nga-nam", "2022", "q2"), ".upload-*"));
    }

    [Theory]
    [InlineData("../../outside")]
    [InlineData("/etc")]
    [InlineData("C:\\Windows")]
    [InlineData("..\\..\\x")]
    [InlineData("a/../../b")]
    public async Task SaveAsync_UnitNameTryingToLeaveTheRoot_StaysInsideTheRoot(string unit)
    {
        var saved = await _archive.SaveAsync(unit, Q2, "bao-cao.docx", Fixture.Open("ngan-nam-2022-q2.docx"), null);

        var full = Path.GetFullPath(Path.Combine(_archive.Root, saved.Location));
        Assert.StartsWith(_archive.Root + Path.DirectorySeparatorChar, full, StringComparison.Ordinal);
        Assert.DoesNotContain("..", saved.Location, StringComparison.Ordinal);
        Assert.Single(Directory.GetFiles(_parent, "*.docx", SearchOption.AllDirectories));
    }

    [Theory]
    [InlineData("../..")]
    [InlineData("...")]
    [InlineData("//")]
    [InlineData("\0")]
    public async Task SaveAsync_UnitWithNoLetters_ThrowsInvalidName(string unit)
    {
        var error = await Assert.ThrowsAsync<ArchiveException>(() => _archive.SaveAsync(unit, Q2, "bao-cao.docx", Fixture.Open("ngan-nam-2022-q2.docx"), null));

        Assert.Equal(ArchiveError.InvalidName, error.Error);
    }

    [Theory]
    [InlineData("../archive-secret.docx")]
    [InlineData("ubnd/../../outside.docx")]
    [InlineData("/etc/passwd")]
    [InlineData("ubnd/2022/q2/..")]
    [InlineData("ubnd\\..\\..\\x.docx")]
    [InlineData("ubnd/2022/q2/.upload-x.tmp")]
    [InlineData("ubnd/2022/q2/a\0.docx")]
    public async Task OpenAsync_LocationOutsideTheArchive_ThrowsInvalidName(string location)
    {
        Directory.CreateDirectory(_parent);
        await File.WriteAllTextAsync(Path.Combine(_parent, "archive-secret.docx"), "secret");
        var report = new ArchivedReport(Fixture.Unit, Q2, "x.docx", location, null, null, null);

        var error = await Assert.ThrowsAsync<ArchiveException>(() => _archive.OpenAsync(report));

        Assert.Equal(ArchiveError.InvalidName, error.Error);
    }

    [Fact]
    public async Task OpenAsync_FileDeletedSinceFound_ThrowsUnavailableWithAVietnameseSentence()
    {
        var saved = await _archive.SaveAsync(Fixture.Unit, Q2, "bao-cao.docx", Fixture.Open("ngan-nam-2022-q2.docx"), null);
        File.Delete(Path.Combine(_archive.Root, saved.Location));

        var error = await Assert.ThrowsAsync<ArchiveException>(() => _archive.OpenAsync(saved));

        Assert.Equal(ArchiveError.Unavailable, error.Error);
        Assert.Contains("không còn trong kho lưu trữ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FindAsync_IgnoresOfficeOwnerFilesAndOtherTypes()
    {
        var folder = Path.Combine(_archive.Root, "ubnd-thi-xa-nga-nam", "2022", "q2");
        Directory.CreateDirectory(folder);
        await File.WriteAllBytesAsync(Path.Combine(folder, "~$phu-luc.docx"), [1]);
        await File.WriteAllBytesAsync(Path.Combine(folder, "phu-luc.pdf"), [1]);

        Assert.Null(await _archive.FindAsync(new ArchiveLookup(Fixture.Unit, Q2)));
    }
}
