using Cchc.Appendix.Header;

namespace Cchc.Appendix.Tests.Header;

public class HeaderParserTests
{
    [Fact]
    public void Parse_FixtureTitle_ReadsUnitPeriodAndBlankPlaceholders()
    {
        var header = HeaderParser.Parse(
        [
            "Phụ lục",
            "THỐNG KÊ SỐ LIỆU BÁO CÁO CẢI CÁCH HÀNH CHÍNH ĐỊNH KỲ",
            "QUÝ III NĂM 2022 CỦA UBND THỊ XÃ NGÃ NĂM",
            "(Kèm theo Báo cáo số /BC-UBND ngày / /2022 của UBND thị xã Ngã Năm)",
        ]);

        Assert.Equal("UBND THỊ XÃ NGÃ NĂM", header.Unit);
        Assert.Equal(ReportPeriod.Quarter(3, 2022), header.Period);
        Assert.Null(header.ReportNumber);
        Assert.Null(header.ReportDate);
        Assert.Equal(2022, header.ReferenceYear);
        Assert.True(header.HasReferenceLine);
        Assert.Equal(2, header.PeriodLine);
        Assert.Equal(3, header.ReferenceLine);
    }

    [Fact]
    public void Parse_FilledReference_ReadsNumberAndDate()
    {
        var header = HeaderParser.Parse(["QUÝ II NĂM 2022 CỦA UBND THỊ XÃ NGÃ NĂM", "(Kèm theo Báo cáo số 112/BC-UBND ngày 15/6/2022 của UBND thị xã Ngã Năm)"]);

        Assert.Equal("112", header.ReportNumber);
        Assert.Equal(new DateOnly(2022, 6, 15), header.ReportDate);
    }

    [Theory]
    [InlineData("QUÝ I NĂM 2023 CỦA UBND HUYỆN X", PeriodKind.Quarter, 1, 2023)]
    [InlineData("QUÝ IV NĂM 2022", PeriodKind.Quarter, 4, 2022)]
    [InlineData("Quý 2 năm 2024 của UBND xã Y", PeriodKind.Quarter, 2, 2024)]
    [InlineData("6 THÁNG ĐẦU NĂM 2022 CỦA UBND THỊ XÃ NGÃ NĂM", PeriodKind.SixMonths, 0, 2022)]
    [InlineData("6 THÁNG NĂM 2022", PeriodKind.SixMonths, 0, 2022)]
    [InlineData("9 THÁNG NĂM 2022", PeriodKind.NineMonths, 0, 2022)]
    [InlineData("NĂM 2022 CỦA UBND THỊ XÃ NGÃ NĂM", PeriodKind.Year, 0, 2022)]
    public void Parse_PeriodVariants_ReadsKindAndYear(string line, PeriodKind kind, int number, int year)
    {
        var header = HeaderParser.Parse([line]);

        Assert.Equal(new ReportPeriod(kind, number, year), header.Period);
    }

    [Fact]
    public void Parse_DecomposedDiacritics_ReadsTheSame()
    {
        var decomposed = "QUÝ III NĂM 2022 CỦA UBND THỊ XÃ NGÃ NĂM".Normalize(System.Text.NormalizationForm.FormD);

        var header = HeaderParser.Parse([decomposed]);

        Assert.Equal(ReportPeriod.Quarter(3, 2022), header.Period);
        Assert.Equal("UBND THỊ XÃ NGÃ NĂM", header.Unit);
    }

    [Fact]
    public void Parse_NoTitle_KnowsNothing()
    {
        var header = HeaderParser.Parse(["Phụ lục"]);

        Assert.Null(header.Period);
        Assert.Null(header.Unit);
        Assert.False(header.HasReferenceLine);
    }
}
