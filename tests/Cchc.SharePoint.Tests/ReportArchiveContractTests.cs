using Cchc.Appendix.Header;

namespace Cchc.SharePoint.Tests;

/// <summary>
/// What every archive promises, whatever stores the files: run against the folder archive and the SharePoint archive
/// (through the Graph stand-in) by the two subclasses below.
/// </summary>
public abstract class ReportArchiveContractTests : IAsyncLifetime
{
    protected const long MaxFileBytes = 256 * 1024;

    private static readonly ReportPeriod Q2 = ReportPeriod.Quarter(2, 2022);
    private static readonly ReportPeriod Q3 = ReportPeriod.Quarter(3, 2022);

    protected IReportArchive Archive { get; set; } = null!;

    public abstract Task InitializeAsync();

    public abstract Task DisposeAsync();

    /// <summary>Puts a file into the unit's period folder the way a user with access to the folder or library would, not through the archive.</summary>
    protected abstract Task PlantAsync(ReportPeriod period, string fileName, byte[] content);

    [Fact]
    public async Task FindAsync_NothingStored_ReturnsNull()
    {
        Assert.Null(await Archive.FindAsync(new ArchiveLookup(Fixture.Unit, Q2)));
    }

    [Fact]
    public async Task SaveAsync_ThenFindAndOpen_GivesBackTheSameBytes()
    {
        await using var content = Fixture.Open("ngan-nam-2022-q2.docx");
        var saved = await Archive.SaveAsync(Fixture.Unit, Q2, "ngan-nam-2022-q2.docx", content, ifMatchETag: null);

        var found = await Archive.FindAsync(new ArchiveLookup(Fixture.Unit, Q2));

        Assert.NotNull(found);
        Assert.Equal("ngan-nam-2022-q2.docx", found.FileName);
        Assert.Equal(Q2, found.Period);
        Assert.Equal(saved.ETag, found.ETag);
        await using var stream = await Archive.OpenAsync(found);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        Assert.Equal(Fixture.Bytes("ngan-nam-2022-q2.docx"), copy.ToArray());
    }

    [Fact]
    public async Task FindAsync_UnitSpeltInLowerCase_FindsTheSameFolder()
    {
        await Archive.SaveAsync(Fixture.Unit, Q2, "ngan-nam-2022-q2.docx", Fixture.Open("ngan-nam-2022-q2.docx"), null);

        var found = await Archive.FindAsync(new ArchiveLookup("UBND thị xã Ngã Năm", Q2));

        Assert.NotNull(found);
    }

    [Fact]
    public async Task FindPreviousAsync_Q3_FindsQ2()
    {
        await Archive.SaveAsync(Fixture.Unit, Q2, "ngan-nam-2022-q2.docx", Fixture.Open("ngan-nam-2022-q2.docx"), null);

        var previous = await Archive.FindPreviousAsync(Fixture.Unit, Q3);

        Assert.NotNull(previous);
        Assert.Equal(Q2, previous.Period);
    }

    [Fact]
    public async Task FindPreviousAsync_Q1_LooksInQ4OfTheYearBefore()
    {
        await Archive.SaveAsync(Fixture.Unit, ReportPeriod.Quarter(4, 2021), "ngan-nam-2021-q4.docx", Fixture.Open("ngan-nam-2022-q2.docx"), null);

        var previous = await Archive.FindPreviousAsync(Fixture.Unit, ReportPeriod.Quarter(1, 2022));

        Assert.Equal(ReportPeriod.Quarter(4, 2021), previous?.Period);
    }

    [Fact]
    public async Task SaveAsync_CreateWhenTheFileExists_ThrowsConflictAndKeepsTheFirst()
    {
        await Archive.SaveAsync(Fixture.Unit, Q2, "bao-cao.docx", Fixture.Open("ngan-nam-2022-q2.docx"), null);

        var error = await Assert.ThrowsAsync<ArchiveException>(() => Archive.SaveAsync(Fixture.Unit, Q2, "bao-cao.docx", Fixture.Open("ngan-nam-2022-q3.docx"), null));

        Assert.Equal(ArchiveError.Conflict, error.Error);
        Assert.Equal(Fixture.Bytes("ngan-nam-2022-q2.docx"), await ReadAsync(Q2));
    }

    [Fact]
    public async Task SaveAsync_ReplaceWithTheETagRead_Replaces()
    {
        var first = await Archive.SaveAsync(Fixture.Unit, Q2, "bao-cao.docx", Fixture.Open("ngan-nam-2022-q2.docx"), null);

        var second = await Archive.SaveAsync(Fixture.Unit, Q2, "bao-cao.docx", Fixture.Open("ngan-nam-2022-q3.docx"), first.ETag);

        Assert.NotEqual(first.ETag, second.ETag);
        Assert.Equal(Fixture.Bytes("ngan-nam-2022-q3.docx"), await ReadAsync(Q2));
    }

    [Fact]
    public async Task SaveAsync_ReplaceWithAStaleETag_ThrowsConflictAndNeverOverwrites()
    {
        var first = await Archive.SaveAsync(Fixture.Unit, Q2, "bao-cao.docx", Fixture.Open("ngan-nam-2022-q2.docx"), null);
        await Archive.SaveAsync(Fixture.Unit, Q2, "bao-cao.docx", Fixture.Open("ngan-nam-2022-q3.docx"), first.ETag);

        var error = await Assert.ThrowsAsync<ArchiveException>(() => Archive.SaveAsync(Fixture.Unit, Q2, "bao-cao.docx", Fixture.Open("ngan-nam-2022-q2.xlsx"), first.ETag));

        Assert.Equal(ArchiveError.Conflict, error.Error);
        Assert.Equal("Báo cáo này đã được người khác sửa từ khi bạn mở; hãy mở lại bản mới nhất.", error.Message);
        Assert.Equal(Fixture.Bytes("ngan-nam-2022-q3.docx"), await ReadAsync(Q2));
    }

    [Fact]
    public async Task FindAsync_SeveralReportsInThePeriod_PrefersTheAppendix()
    {
        await Archive.SaveAsync(Fixture.Unit, Q2, "phu-luc-q2.xlsx", Fixture.Open("ngan-nam-2022-q2.xlsx"), null);
        await Archive.SaveAsync(Fixture.Unit, Q2, "bao-cao-q2.docx", Fixture.Open("ngan-nam-2022-q2.docx"), null);

        var found = await Archive.FindAsync(new ArchiveLookup(Fixture.Unit, Q2));

        Assert.Equal("phu-luc-q2.xlsx", found?.FileName);
    }

    [Fact]
    public async Task FindAsync_SeveralReportsNoneNamedAppendix_PicksTheNewest()
    {
        await Archive.SaveAsync(Fixture.Unit, Q2, "a-ban-dau.docx", Fixture.Open("ngan-nam-2022-q2.docx"), null);
        await Task.Delay(50);
        await Archive.SaveAsync(Fixture.Unit, Q2, "b-ban-sua.docx", Fixture.Open("ngan-nam-2022-q2.docx"), null);

        var found = await Archive.FindAsync(new ArchiveLookup(Fixture.Unit, Q2));

        Assert.Equal("b-ban-sua.docx", found?.FileName);
    }

    [Fact]
    public async Task SaveAsync_LargerThanTheLimit_ThrowsAndStoresNothing()
    {
        await using var content = new MemoryStream(new byte[MaxFileBytes + 1]);

        var error = await Assert.ThrowsAsync<ArchiveException>(() => Archive.SaveAsync(Fixture.Unit, Q2, "lon.docx", content, null));

        Assert.Equal(ArchiveError.UnreadableReport, error.Error);
        Assert.Null(await Archive.FindAsync(new ArchiveLookup(Fixture.Unit, Q2)));
    }

    [Theory]
    [InlineData("../../etc/passwd.docx")]
    [InlineData("bao-cao.exe")]
    [InlineData("CON.docx")]
    [InlineData("a\0b.docx")]
    [InlineData("báo:cáo.docx")]
    [InlineData("")]
    public async Task SaveAsync_UnsafeFileName_ThrowsInvalidName(string fileName)
    {
        var error = await Assert.ThrowsAsync<ArchiveException>(() => Archive.SaveAsync(Fixture.Unit, Q2, fileName, Fixture.Open("ngan-nam-2022-q2.docx"), null));

        Assert.Equal(ArchiveError.InvalidName, error.Error);
    }

    [Fact]
    public async Task ListAsync_ReportsOfSeveralPeriods_ListsThemInCalendarOrder()
    {
        await Archive.SaveAsync(Fixture.Unit, Q3, "q3.docx", Fixture.Open("ngan-nam-2022-q3.docx"), null);
        await Archive.SaveAsync(Fixture.Unit, ReportPeriod.SixMonths(2022), "6-thang.docx", Fixture.Open("ngan-nam-2022-q2.docx"), null);
        await Archive.SaveAsync(Fixture.Unit, Q2, "q2.docx", Fixture.Open("ngan-nam-2022-q2.docx"), null);

        var listed = await Archive.ListAsync(Fixture.Unit);

        Assert.Equal(["q2.docx", "6-thang.docx", "q3.docx"], listed.Select(report => report.FileName));
    }

    [Fact]
    public async Task SaveAsync_WithSaver_RecordsWhoSavedIt()
    {
        var saver = new ReportSaver("0b6f5a3e-1111-4c2d-9e8f-aaaaaaaaaaaa", "Cán bộ Ngã Năm");
        await Archive.SaveAsync(Fixture.Unit, Q2, "ngan-nam-2022-q2.docx", Fixture.Open("ngan-nam-2022-q2.docx"), null, saver);

        var found = await Archive.FindAsync(new ArchiveLookup(Fixture.Unit, Q2));

        Assert.Equal(saver, found?.SavedBy);
    }

    [Fact]
    public async Task FindAsync_LooseFileNamedLikeTheAppendix_PrefersTheReportSavedThroughTheProduct()
    {
        await Archive.SaveAsync(Fixture.Unit, Q2, "ngan-nam-2022-q2.docx", Fixture.Open("ngan-nam-2022-q2.docx"), null, new ReportSaver("a", "Cán bộ Ngã Năm"));
        await PlantAsync(Q2, "phu-luc-q2.docx", Fixture.Bytes("ngan-nam-2022-q3.docx"));

        var found = await Archive.FindAsync(new ArchiveLookup(Fixture.Unit, Q2));

        Assert.Equal("ngan-nam-2022-q2.docx", found?.FileName);
        Assert.NotNull(found?.SavedBy);
    }

    [Fact]
    public async Task FindAsync_OnlyLooseFiles_FindsThemWithoutASaver()
    {
        await PlantAsync(Q2, "phu-luc-q2.docx", Fixture.Bytes("ngan-nam-2022-q2.docx"));

        var found = await Archive.FindAsync(new ArchiveLookup(Fixture.Unit, Q2));

        Assert.Equal("phu-luc-q2.docx", found?.FileName);
        Assert.Null(found?.SavedBy);
    }

    [Fact]
    public async Task FindAsync_ReportReplacedOutsideTheProduct_IsNoLongerTakenAsSavedThroughIt()
    {
        await Archive.SaveAsync(Fixture.Unit, Q2, "bao-cao-q2.docx", Fixture.Open("ngan-nam-2022-q2.docx"), null, new ReportSaver("a", "Cán bộ Ngã Năm"));
        await PlantAsync(Q2, "bao-cao-q2.docx", Fixture.Bytes("ngan-nam-2022-q3.docx"));

        var found = await Archive.FindAsync(new ArchiveLookup(Fixture.Unit, Q2));

        Assert.Equal("bao-cao-q2.docx", found?.FileName);
        Assert.Null(found?.SavedBy);
    }

    [Fact]
    public async Task ListAsync_AfterSaves_ListsReportsOnlyNotTheirRecords()
    {
        await Archive.SaveAsync(Fixture.Unit, Q2, "q2.docx", Fixture.Open("ngan-nam-2022-q2.docx"), null, new ReportSaver("a", "Cán bộ Ngã Năm"));

        var listed = await Archive.ListAsync(Fixture.Unit);

        Assert.Equal("q2.docx", Assert.Single(listed).FileName);
        Assert.Equal("Cán bộ Ngã Năm", listed[0].SavedBy?.Name);
    }

    private async Task<byte[]> ReadAsync(ReportPeriod period)
    {
        var found = await Archive.FindAsync(new ArchiveLookup(Fixture.Unit, period));
        Assert.NotNull(found);
        await using var stream = await Archive.OpenAsync(found);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }
}

public sealed class FolderReportArchiveContractTests : ReportArchiveContractTests
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "cchc-archive-tests", Guid.NewGuid().ToString("N"));

    public override Task InitializeAsync()
    {
        Archive = new FolderReportArchive(_root, MaxFileBytes);
        return Task.CompletedTask;
    }

    protected override Task PlantAsync(ReportPeriod period, string fileName, byte[] content)
    {
        var folder = Directory.CreateDirectory(Path.Combine(_root, Fixture.UnitSlug, period.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), period.Slug));
        return File.WriteAllBytesAsync(Path.Combine(folder.FullName, fileName), content);
    }

    public override Task DisposeAsync()
    {
        ((FolderReportArchive)Archive).Dispose();
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }

        return Task.CompletedTask;
    }
}

public sealed class GraphReportArchiveContractTests : ReportArchiveContractTests
{
    private GraphArchiveHarness? _harness;

    public override async Task InitializeAsync()
    {
        _harness = await GraphArchiveHarness.StartAsync(options => options.MaxFileBytes = MaxFileBytes);
        Archive = _harness.Archive;
    }

    protected override Task PlantAsync(ReportPeriod period, string fileName, byte[] content)
    {
        var path = _harness!.InLibrary($"{Fixture.UnitSlug}/{period.Year}/{period.Slug}/{fileName}");
        if (_harness.StandIn.Content(path) is null)
        {
            _harness.StandIn.Store(path, content);
        }
        else
        {
            _harness.StandIn.Replace(path, content);
        }

        return Task.CompletedTask;
    }

    public override async Task DisposeAsync()
    {
        if (_harness is not null)
        {
            await _harness.DisposeAsync();
        }
    }
}
