using Cchc.Appendix.Header;

namespace Cchc.SharePoint.Tests;

public sealed class ArchiveNamesTests
{
    [Theory]
    [InlineData("UBND THỊ XÃ NGÃ NĂM", "ubnd-thi-xa-nga-nam")]
    [InlineData("UBND thị xã Ngã Năm", "ubnd-thi-xa-nga-nam")]
    [InlineData("Sở Nội vụ tỉnh Đắk Lắk", "so-noi-vu-tinh-dak-lak")]
    [InlineData("  UBND   xã  Long Đức / huyện ", "ubnd-xa-long-duc-huyen")]
    public void UnitSlug_VietnameseName_IsReadableAscii(string unit, string expected)
    {
        Assert.Equal(expected, ArchiveNames.UnitSlug(unit));
    }

    [Fact]
    public void UnitSlug_DecomposedDiacritics_SameAsComposed()
    {
        var decomposed = "UBND THỊ XÃ NGÃ NĂM".Normalize(System.Text.NormalizationForm.FormD);

        Assert.Equal("ubnd-thi-xa-nga-nam", ArchiveNames.UnitSlug(decomposed));
    }

    [Theory]
    [InlineData("aux.docx")]
    [InlineData("LPT1.xlsx")]
    [InlineData("bao-cao.docx.")]
    [InlineData(" bao-cao.docx")]
    [InlineData(".docx")]
    [InlineData("~$bao-cao.docx")]
    [InlineData("bao|cao.docx")]
    public void SafeFileName_UnusableName_ThrowsInvalidNameInVietnamese(string fileName)
    {
        var error = Assert.Throws<ArchiveException>(() => ArchiveNames.SafeFileName(fileName));

        Assert.Equal(ArchiveError.InvalidName, error.Error);
        Assert.StartsWith("Tên tệp", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ngan-nam-2022-q2.docx", 2, true)]
    [InlineData("Báo cáo quý II năm 2022.docx", 2, true)]
    [InlineData("ngan-nam-2022-q3.docx", 2, false)]
    [InlineData("ngan-nam-q2.docx", 2, false)]
    public void NameMentionsPeriod_WithYear_MatchesSlugOrTitleWords(string fileName, int quarter, bool expected)
    {
        Assert.Equal(expected, ArchiveNames.NameMentionsPeriod(fileName, ReportPeriod.Quarter(quarter, 2022), requireYear: true));
    }

    [Fact]
    public void SameETag_QuotedAndWeakForms_AreEqual()
    {
        Assert.True(ArchiveNames.SameETag("\"abc\"", "W/\"abc\""));
        Assert.False(ArchiveNames.SameETag("\"abc\"", "\"abd\""));
        Assert.False(ArchiveNames.SameETag(null, "\"abc\""));
    }
}
