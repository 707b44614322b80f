using Cchc.Appendix.Checking;
using Cchc.Appendix.Editing;
using Cchc.OpenXml;
using Cchc.OpenXml.Writing;

namespace Cchc.Cli;

/// <summary>
/// What fix, fill and roll share: read the input, plan, write to a temporary file beside the output and rename it
/// into place (an interrupted run leaves no half-written document), then say what was done and check the result.
/// </summary>
internal sealed class DocumentRewrite(InputFiles inputs, TextWriter output, TextWriter error)
{
    private bool English => inputs.English;

    /// <summary>
    /// The file to write, or null (with the reason printed) when the command line does not allow one. Paths are
    /// compared where they really lead (links resolved): the output may be the input only with --in-place, and never
    /// another input such as last period's report.
    /// </summary>
    public FileInfo? Target(FileInfo input, FileInfo? requested, bool inPlace, IEnumerable<(FileInfo File, string Option)> otherInputs)
    {
        var target = requested ?? (inPlace ? input : null);
        if (target is null)
        {
            return Fail("Thiếu tệp kết quả: hãy ghi --out TỆP (hoặc --in-place để ghi đè lên chính tệp đầu vào).", "No output file: give --out FILE (or --in-place to write over the input).");
        }

        foreach (var (other, option) in otherInputs)
        {
            if (RealPaths.Same(target, other))
            {
                return Fail(
                    $"Tệp kết quả “{target.Name}” chính là tệp {option} đang đọc; hãy chọn tên khác cho --out để không ghi đè lên nó.",
                    $"The output “{target.Name}” is the file given as {option}; choose another name for --out so that it is not overwritten.");
            }
        }

        if (!inPlace && RealPaths.Same(target, input))
        {
            return Fail(
                $"Tệp kết quả “{target.Name}” trùng với tệp đầu vào; hãy chọn tên khác cho --out, hoặc thêm --in-place nếu thực sự muốn ghi đè.",
                $"The output “{target.Name}” is the input itself; choose another name for --out, or add --in-place to overwrite it on purpose.");
        }

        if (Directory.Exists(target.FullName) || target.Directory is { Exists: false })
        {
            return Fail($"Không ghi được vào “{target.Name}”: thư mục không tồn tại hoặc đó là một thư mục.", $"Cannot write “{target.Name}”: the folder does not exist or it is a folder.");
        }

        return target;
    }

    /// <summary>
    /// Writes <paramref name="edits"/> and <paramref name="marks"/> into a copy of <paramref name="input"/> at <paramref name="target"/>;
    /// the exit code. The temporary file beside the target is gone on every way out, the target is replaced only by a
    /// complete file flushed to disk, and a cancellation (Ctrl+C) leaves the target as it was.
    /// </summary>
    public int Write(FileInfo input, FileInfo target, IReadOnlyList<CellEdit> edits, IReadOnlyList<CellMark> marks, WriteOptions options, AppendixChecker checker, CancellationToken cancellationToken = default)
    {
        WriteResult result;
        try
        {
            result = AtomicFile.Replace(
                target,
                destination =>
                {
                    using var source = new FileStream(input.FullName, FileMode.Open, FileAccess.Read, FileShare.Read);
                    return AppendixWriter.Apply(source, destination, input.Name, edits, marks, options, cancellationToken: cancellationToken);
                },
                cancellationToken);
        }
        catch (DocumentReadException ex)
        {
            return Failed($"{input.Name}: {ex.Message}", $"{input.Name}: {ex.MessageEn}");
        }
        catch (OperationCanceledException)
        {
            Fail($"Đã dừng theo yêu cầu; “{target.Name}” không bị thay đổi.", $"Stopped on request; “{target.Name}” was not changed.");
            return CliApp.Interrupted;
        }
        catch (UnauthorizedAccessException)
        {
            return Failed($"Không có quyền ghi tệp “{target.Name}”.", $"No permission to write “{target.Name}”.");
        }
        catch (IOException ex)
        {
            return Failed($"Không ghi được tệp “{target.Name}”: {ex.Message}", $"Could not write “{target.Name}”: {ex.Message}");
        }

        Summarise(result, target, options);
        // The output is in place by now; checking it is what the user waits for, not something to stop halfway.
        var written = inputs.ReadAppendix(target, CancellationToken.None);
        if (written is null)
        {
            return CliApp.Unusable;
        }

        return checker.Check(written).Summary.Errors > 0 ? CliApp.ErrorsFound : CliApp.Clean;
    }

    private void Summarise(WriteResult result, FileInfo target, WriteOptions options)
    {
        if (options.Clear)
        {
            output.WriteLine(English ? $"Removed {result.Cleared} marks of earlier checks." : $"Đã gỡ {result.Cleared} đánh dấu của lần kiểm tra trước.");
        }
        else
        {
            output.WriteLine(English
                ? $"Changed {result.Applied.Count} cells{(result.Tracked ? " as tracked changes" : string.Empty)}, marked {result.Marked}, skipped {result.Skipped.Count}."
                : $"Đã sửa {result.Applied.Count} ô{(result.Tracked ? " (theo dõi thay đổi)" : string.Empty)}, đánh dấu {result.Marked} ô, bỏ qua {result.Skipped.Count} ô.");
            foreach (var skipped in result.Skipped.Where(s => s.Reason != SkipReason.AlreadyApplied))
            {
                var where = skipped.Edit.Row == 0
                    ? (English ? "title" : "tiêu đề")
                    : $"{(English ? "row" : "dòng")} {skipped.Edit.Row}";
                output.WriteLine($"  {where} [{skipped.Edit.Code}] {Reason(skipped.Reason)}");
            }
        }

        output.WriteLine(English ? $"Written: {target.Name}" : $"Đã ghi: {target.Name}");
    }

    private string Reason(SkipReason reason) => (reason, English) switch
    {
        (SkipReason.CellChanged, false) => "ô đã bị sửa khác với lúc kiểm tra, giữ nguyên nội dung người dùng.",
        (SkipReason.CellChanged, true) => "the cell changed since it was checked; the user's text is kept.",
        (SkipReason.CellNotFound, false) => "không tìm lại được ô trong tài liệu.",
        (SkipReason.CellNotFound, true) => "the cell could not be found again in the document.",
        (SkipReason.FormulaCell, false) => "ô chứa công thức; đề xuất được ghi vào ghi chú của ô.",
        (SkipReason.FormulaCell, true) => "the cell holds a formula; the proposal went into its note.",
        (SkipReason.FormulaText, false) => "nội dung bắt đầu bằng = + - @ sẽ bị Excel hiểu là công thức nên không ghi.",
        (SkipReason.FormulaText, true) => "text starting with = + - @ would be read as a formula by Excel, so it was not written.",
        (_, false) => "ô đã có giá trị đề xuất.",
        _ => "the cell already holds the proposed value.",
    };

    private int Failed(string vi, string en)
    {
        Fail(vi, en);
        return CliApp.Unusable;
    }

    private FileInfo? Fail(string vi, string en)
    {
        error.WriteLine(English ? en : vi);
        return null;
    }
}
