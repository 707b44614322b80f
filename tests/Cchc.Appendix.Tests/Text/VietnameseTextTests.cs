using System.Text;
using Cchc.Appendix.Checking;
using Cchc.Appendix.Table;
using Cchc.Appendix.Tests.Checking;
using Cchc.Appendix.Tests.Fixtures;
using Cchc.Appendix.Text;

namespace Cchc.Appendix.Tests.Text;

public class VietnameseTextTests
{
    [Theory]
    [InlineData("Số hồ sơ TTHC", "SO HO SO TTHC")]
    [InlineData("- Số TTHC áp dụng tại UBND cấp huyện:", "SO TTHC AP DUNG TAI UBND CAP HUYEN")]
    [InlineData("Đơn vị  tính.", "DON VI TINH")]
    [InlineData("Tỷ lệ %", "TY LE %")]
    public void LabelKey_HandWrittenVariants_FoldToOneKey(string label, string key)
    {
        Assert.Equal(key, VietnameseText.LabelKey(label));
        Assert.Equal(key, VietnameseText.LabelKey(label.Normalize(NormalizationForm.FormD)));
    }

    [Fact]
    public void Fold_KeepsOneCharacterPerCharacter()
    {
        const string Title = "QUÝ III NĂM 2022 CỦA UBND THỊ XÃ NGÃ NĂM";

        Assert.Equal(Title.Length, VietnameseText.Fold(Title).Length);
    }

    [Fact]
    public void Normalize_LoneSurrogate_IsReplacedInsteadOfThrowing()
    {
        Assert.Equal("Số \uFFFD hồ sơ", VietnameseText.Normalize("Số \uD800 hồ sơ"));
        Assert.Equal("SO \uFFFD HO SO", VietnameseText.Fold("Số \uD800 hồ sơ"));
    }

    [Fact]
    public void Check_LabelWithBrokenCharacters_StillChecks()
    {
        var snapshot = CheckerHarness.Q2.With("Số TTHC liên thông cùng cấp", AppendixColumn.Label, "Số TTHC liên thông \uDC00 cùng cấp").With("Số lượng phiếu khảo sát", AppendixColumn.Value, "1\uD83D");

        var report = AppendixChecker.Default.Check(snapshot);

        Assert.Single(report.WithCode("VALUE_NOT_NUMBER"));
    }
}
