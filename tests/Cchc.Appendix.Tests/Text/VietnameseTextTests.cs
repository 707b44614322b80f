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

    /// <summary>
    /// The key of a label is its <see cref="VietnameseText.Fold"/> with every run of characters that are not letters,
    /// digits or "%" made one space and the ends trimmed, whatever the character: each one of the basic plane is tried
    /// between two letters, alone, and before a combining mark, in both Unicode forms.
    /// </summary>
    [Fact]
    public void LabelKey_AnyCharacter_IsTheFoldWithPunctuationAsSpaces()
    {
        for (var code = 0; code <= 0xFFFF; code++)
        {
            var c = (char)code;
            if (char.IsSurrogate(c))
            {
                continue;
            }

            foreach (var label in new[] { $"a{c}b", $"{c}", $"Sô{c}\u0301 x", $"{c}{c} 1" })
            {
                Assert.True(Reference(label) == VietnameseText.LabelKey(label), $"U+{code:X4} in “{label}”");
            }
        }

        static string Reference(string label)
        {
            var key = new StringBuilder();
            var pendingSpace = false;
            foreach (var c in VietnameseText.Fold(label))
            {
                if (!char.IsLetterOrDigit(c) && c != '%')
                {
                    pendingSpace = true;
                    continue;
                }

                key.Append(pendingSpace && key.Length > 0 ? " " : string.Empty).Append(c);
                pendingSpace = false;
            }

            return key.ToString();
        }
    }

    [Fact]
    public void Fold_KeepsOneCharacterPerCharacter()
    {
        const string Title = "QUÝ III NĂM 2022 CỦA UBND THỊ XÃ NGÃ NĂM";

        Assert.Equal(Title.Length, VietnameseText.Fold(Title).Length);
    }

    /// <summary>
    /// The fast path returns text unchanged when every character is one it treats as already composed; that is only
    /// right if no such character is changed by NFC alone or after any other of them (Unicode's NFC quick-check "yes").
    /// </summary>
    [Fact]
    public void Normalize_TextOfComposedCharacters_IsWhatIcuReturns()
    {
        var composed = Enumerable.Range(0, 0x300).Concat(Enumerable.Range(0x1E00, 0x100)).Concat(Enumerable.Range(0x2002, 0x6E))
            .Select(i => (char)i).Where(c => !char.IsSurrogate(c)).ToArray();
        var pairs = new char[2];
        foreach (var first in composed)
        {
            pairs[0] = first;
            foreach (var second in composed)
            {
                pairs[1] = second;
                var text = new string(pairs);
                Assert.True(text.IsNormalized(NormalizationForm.FormC), $"U+{(int)first:X4} U+{(int)second:X4}");
            }
        }

        Assert.Equal("Số hồ sơ", VietnameseText.Normalize("Số hồ sơ".Normalize(NormalizationForm.FormD)));
        Assert.Equal("\u2002", VietnameseText.Normalize("\u2000"));
    }

    [Fact]
    public void Normalize_LoneSurrogate_IsReplacedInsteadOfThrowing()
    {
        Assert.Equal("Số \uFFFD hồ sơ", VietnameseText.Normalize("Số \uD800 hồ sơ"));
        Assert.Equal("SO \uFFFD HO SO", VietnameseText.Fold("Số \uD800 hồ sơ"));
    }

    /// <summary>U+FFFE is the one character of the basic plane ICU refuses to normalise; a request or file may hold it.</summary>
    [Fact]
    public void Normalize_ReversedByteOrderMark_IsReplacedInsteadOfThrowing()
    {
        Assert.Equal("Số \uFFFD hồ sơ", VietnameseText.Normalize("So\u0302\u0301 \uFFFE hồ sơ"));
        Assert.Equal("SO \uFFFD HO SO", VietnameseText.Fold("Số \uFFFE hồ sơ"));
        Assert.Equal("SO HO SO", VietnameseText.LabelKey("Số \uFFFE hồ sơ"));
    }

    [Fact]
    public void Check_LabelWithBrokenCharacters_StillChecks()
    {
        var snapshot = CheckerHarness.Q2.With("Số TTHC liên thông cùng cấp", AppendixColumn.Label, "Số TTHC liên thông \uDC00 cùng cấp").With("Số lượng phiếu khảo sát", AppendixColumn.Value, "1\uD83D");

        var report = AppendixChecker.Default.Check(snapshot);

        Assert.Single(report.WithCode("VALUE_NOT_NUMBER"));
    }

    [Fact]
    public void Check_LabelWithReversedByteOrderMark_StillChecks()
    {
        var snapshot = CheckerHarness.Q2.With("Số TTHC liên thông cùng cấp", AppendixColumn.Label, "Số TTHC liên thông \uFFFE cùng cấp");

        var report = AppendixChecker.Default.Check(snapshot);

        Assert.NotEmpty(report.Findings);
    }
}
