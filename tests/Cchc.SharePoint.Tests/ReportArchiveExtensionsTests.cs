using Cchc.Appendix.Header;

namespace Cchc.SharePoint.Tests;

/// <summary>Reading archived reports into snapshots, through both archives.</summary>
public sealed class ReportArchiveExtensionsTests : IAsyncLifetime
{
    private static readonly ReportPeriod Q2 = ReportPeriod.Quarter(2, 2022);
    private static readonly ReportPeriod Q3 = ReportPeriod.Quarter(3, 2022);

    private readonly string _root = Path.Combine(Path.GetTempPath(), "cchc-archive-tests", Guid.NewGuid().ToString("N"));
    private GraphArchiveHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await GraphArchiveHarness.StartAsync();

    public async Task DisposeAsync()
    {
        await _harness.DisposeAsync();
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    public static TheoryData<string, string> Q2Fixtures => new()
    {
        { "folder", "ngan-nam-2022-q2.docx" },
        { "folder", "ngan-nam-2022-q2.xlsx" },
        { "sharepoint", "ngan-nam-2022-q2.docx" },
        { "sharepoint", "ngan-nam-2022-q2.xlsx" },
    };

    [Theory]
    [MemberData(nameof(Q2Fixtures))]
    public async Task ReadReportAsync_PreviousOfQ3_ReadsTheQ2Appendix(string kind, string fixture)
    {
        var archive = Archive(kind);
        await archive.SaveAsync(Fixture.Unit, Q2, fixture, Fixture.Open(fixture), null);

        var snapshot = await archive.ReadReportAsync(await archive.FindPreviousAsync(Fixture.Unit, Q3));

        Assert.NotNull(snapshot);
        Assert.Contains(snapshot.TitleLines, line => line.Contains("QUÝ II", StringComparison.Ordinal));
        Assert.True(snapshot.Rows.Count > 100, $"{snapshot.Rows.Count} rows");
    }

    [Theory]
    [InlineData("folder")]
    [InlineData("sharepoint")]
    public async Task ReadReportAsync_NoPreviousReport_ReturnsNull(string kind)
    {
        var archive = Archive(kind);

        Assert.Null(await archive.ReadReportAsync(await archive.FindPreviousAsync(Fixture.Unit, Q3)));
    }

    [Theory]
    [InlineData("folder")]
    [InlineData("sharepoint")]
    public async Task ReadReportAsync_CorruptFileInTheArchive_ThrowsUnreadableReportWithTheReadersSentence(string kind)
    {
        var archive = Archive(kind);
        await archive.SaveAsync(Fixture.Unit, Q2, "hong.docx", new MemoryStream("PK\u0003\u0004 không phải tệp Word"u8.ToArray()), null);

        var error = await Assert.ThrowsAsync<ArchiveException>(async () => await archive.ReadReportAsync(await archive.FindAsync(new ArchiveLookup(Fixture.Unit, Q2))));

        Assert.Equal(ArchiveError.UnreadableReport, error.Error);
        Assert.StartsWith("Không đọc được báo cáo \"hong.docx\"", error.Message, StringComparison.Ordinal);
        Assert.IsType<Cchc.OpenXml.DocumentReadException>(error.InnerException);
    }

    private IReportArchive Archive(string kind) => kind == "folder" ? new FolderReportArchive(_root) : _harness.Archive;
}
