using Cchc.Appendix.Editing;

namespace Cchc.OpenXml.Writing;

/// <summary>
/// The text of our comments and notes. Every one starts with <see cref="Marker"/>, which is how a later run (or a
/// clear) tells ours from the comments people wrote, whoever the author name says.
/// </summary>
internal static class Marks
{
    public const string Marker = "[Kiểm tra CCHC]";

    public static bool IsOurs(string text) => text.TrimStart().StartsWith(Marker, StringComparison.Ordinal);

    public static IReadOnlyList<string> Lines(CellMark mark)
    {
        var lines = new List<string> { $"{Marker} {SeverityName(mark.Severity)} / {mark.Severity}" };
        lines.AddRange(mark.Message.Split('\n'));
        if (mark.Proposal is { } proposal)
        {
            lines.Add($"Đề xuất / proposed: {(proposal.Length == 0 ? "(để trống / empty)" : proposal)}");
        }

        return lines;
    }

    public static IReadOnlyList<string> Lines(CellEdit edit, string? oldText, bool applied)
    {
        var lines = new List<string>
        {
            $"{Marker} [{edit.Code}] {edit.Reason}",
            applied
                ? $"Đã sửa / changed: {Shown(oldText)} → {Shown(edit.NewText)}"
                : $"Đề xuất / proposed: {Shown(edit.NewText)} (giá trị hiện tại / current value: {Shown(oldText)})",
        };
        return lines;
    }

    /// <summary>
    /// Text a spreadsheet would take for a formula when typed or imported: = + - @ at the start (and the tab or
    /// carriage return tricks that hide them). Never written as a cell value.
    /// </summary>
    public static bool LooksLikeFormula(string text)
    {
        if (text.Length > 0 && text[0] is '\t' or '\r')
        {
            return true;
        }

        // Full-width signs count too: an East Asian input method turns them into formulas on entry.
        var trimmed = text.TrimStart(' ', '\n', '\u00A0');
        return trimmed.Length > 0 && trimmed[0] is '=' or '+' or '-' or '@' or '\uFF1D' or '\uFF0B' or '\uFF0D' or '\uFF20';
    }

    private static string Shown(string? text) => string.IsNullOrEmpty(text) ? "(trống / empty)" : text;

    private static string SeverityName(string severity) => severity switch
    {
        "error" => "Lỗi",
        "warning" => "Cảnh báo",
        _ => "Lưu ý",
    };
}
