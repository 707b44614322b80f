using System.CommandLine;
using Cchc.Appendix.Checking;
using Cchc.Appendix.Header;
using Cchc.Appendix.Table;
using Cchc.Appendix.Templates;
using Cchc.Appendix.Text;

namespace Cchc.Cli;

/// <summary>
/// <c>cchc template draft FILE... --out FORM.json</c> drafts a province's form from filled reports of it;
/// <c>cchc template check FORM.json [FILE...]</c> validates a template and shows how each report's rows match it.
/// </summary>
internal static class TemplateCommand
{
    public static Command Create(TextWriter output, TextWriter error) => new("template", "Lập và kiểm tra mẫu phụ lục (*.json) của một tỉnh từ các báo cáo đã điền.")
    {
        Draft(output, error),
        Check(output, error),
    };

    private static Command Draft(TextWriter output, TextWriter error)
    {
        var files = new Argument<FileInfo[]>("files") { Description = "Một hoặc nhiều báo cáo .docx/.xlsx đã điền của cùng một mẫu.", Arity = ArgumentArity.OneOrMore };
        var outFile = new Option<FileInfo>("--out") { Description = "Tệp mẫu (.json) sẽ ghi; được ghi qua một tệp tạm rồi đổi tên.", Required = true };
        var id = new Option<string?>("--id") { Description = "Mã mẫu (chữ thường, không dấu), ví dụ can-tho-xa-quy; mặc định lấy từ tên tệp đầu tiên." };
        var name = new Option<string?>("--name") { Description = "Tên mẫu hiển thị cho người dùng." };
        var province = new Option<string?>("--province") { Description = "Tỉnh, thành phố ban hành mẫu." };
        var level = new Option<string?>("--level") { Description = "Cấp báo cáo: commune (xã, phường), province (sở, ngành) hoặc district." };
        level.AcceptOnlyFromAmong("commune", "province", "district");
        var force = new Option<bool>("--force") { Description = "Cho phép ghi đè lên tệp mẫu đã có." };
        var language = CommonOptions.Language();
        var command = new Command("draft", "Lập bản nháp mẫu từ báo cáo đã điền: các mục, dòng, mã dòng, đơn vị, kiểu số liệu, quan hệ giữa các dòng (suy luận, cần người xem lại).")
        {
            files, outFile, id, name, province, level, force, language,
        };

        command.SetAction(parsed =>
        {
            var english = parsed.GetValue(language) == "en";
            var inputs = new InputFiles(english, error);
            var sources = parsed.GetValue(files)!;
            var target = parsed.GetValue(outFile)!;
            if (Refuse(target, sources, parsed.GetValue(force), english, error))
            {
                return CliApp.Unusable;
            }

            var documents = new List<DraftDocument>();
            foreach (var source in sources)
            {
                if (inputs.ReadAppendix(source) is not { } snapshot)
                {
                    return CliApp.Unusable;
                }

                documents.Add(new DraftDocument(source.Name, snapshot));
            }

            var header = HeaderParser.Parse(documents[0].Snapshot.TitleLines);
            var options = new DraftOptions(
                parsed.GetValue(id) ?? Slug(Path.GetFileNameWithoutExtension(sources[0].Name)),
                parsed.GetValue(name) ?? (header.Unit is { } unit ? $"Phụ lục thống kê CCHC — mẫu của {unit}" : "Phụ lục thống kê CCHC"),
                parsed.GetValue(province),
                parsed.GetValue(level));
            var draft = TemplateDrafter.Draft(documents, options);
            if (!WriteAtomically(target, draft.Template, english, error))
            {
                return CliApp.Unusable;
            }

            var template = draft.Template;
            var rows = template.Sections.Sum(s => s.Rows.Count);
            output.WriteLine(english
                ? $"Drafted “{template.Name}” ({template.Id}): {template.Sections.Count} sections, {rows} rows, {template.Relations.Count} inferred relations. Written: {target.Name}"
                : $"Đã lập bản nháp mẫu “{template.Name}” ({template.Id}): {template.Sections.Count} mục, {rows} dòng, {template.Relations.Count} quan hệ suy ra. Đã ghi: {target.Name}");
            output.WriteLine(english ? "Review before use:" : "Cần xem lại trước khi dùng:");
            var review = english ? draft.ReviewEn : draft.Review;
            for (var i = 0; i < review.Count; i++)
            {
                output.WriteLine($"  {i + 1}. {review[i]}");
            }

            return CliApp.Clean;
        });
        return command;
    }

    private static Command Check(TextWriter output, TextWriter error)
    {
        var form = new Argument<FileInfo>("template") { Description = "Tệp mẫu (.json) cần kiểm tra." };
        var files = new Argument<FileInfo[]>("files") { Description = "Báo cáo .docx/.xlsx để xem khớp với mẫu đến đâu.", Arity = ArgumentArity.ZeroOrMore };
        var language = CommonOptions.Language();
        var command = new Command("check", "Kiểm tra một tệp mẫu và cho biết từng báo cáo khớp với mẫu đến đâu.") { form, files, language };

        command.SetAction(parsed =>
        {
            var english = parsed.GetValue(language) == "en";
            var file = parsed.GetValue(form)!;
            AppendixTemplate template;
            try
            {
                template = TemplateCatalog.LoadFile(file.FullName);
            }
            catch (TemplateException ex)
            {
                error.WriteLine(english ? ex.MessageEn : ex.Message);
                return CliApp.Unusable;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                error.WriteLine(english ? $"Could not read the template “{file.Name}”: {ex.Message}" : $"Không đọc được tệp mẫu “{file.Name}”: {ex.Message}");
                return CliApp.Unusable;
            }

            var rows = template.Sections.Sum(s => s.Rows.Count);
            var inferred = template.Relations.Count(r => r.Inferred is not null);
            output.WriteLine(english
                ? $"Valid template “{template.Name}” ({template.Id} {template.Version}): {rows} rows, {template.Relations.Count} relations, {inferred} of them inferred and not yet confirmed."
                : $"Mẫu hợp lệ “{template.Name}” ({template.Id} {template.Version}): {rows} dòng, {template.Relations.Count} quan hệ, trong đó {inferred} quan hệ suy ra chưa được xác nhận.");
            if (template.Review.Count > 0)
            {
                output.WriteLine(english ? $"It still lists {template.Review.Count} points to review." : $"Mẫu còn {template.Review.Count} điểm cần xem lại (mục \"review\").");
            }

            var checker = new AppendixChecker(new TemplateCatalog([template]));
            var inputs = new InputFiles(english, error);
            var exit = CliApp.Clean;
            foreach (var document in parsed.GetValue(files) ?? [])
            {
                if (inputs.ReadAppendix(document) is not { } snapshot)
                {
                    return CliApp.Unusable;
                }

                var fit = checker.Fit(snapshot, template.Id);
                exit = fit.Matches ? exit : CliApp.ErrorsFound;
                Describe(output, document.Name, snapshot, fit, english);
            }

            return exit;
        });
        return command;
    }

    private static void Describe(TextWriter output, string name, TableSnapshot snapshot, TemplateFit fit, bool english)
    {
        output.WriteLine();
        output.WriteLine(english
            ? $"{name}: {(fit.Matches ? "matches" : "does NOT match")} — {fit.MatchedValueRows} of the form's {fit.TemplateValueRows} value rows found; {fit.MatchedRows} of the file's {fit.DocumentRows} rows matched."
            : $"{name}: {(fit.Matches ? "khớp mẫu" : "KHÔNG khớp mẫu")} — có {fit.MatchedValueRows}/{fit.TemplateValueRows} dòng số liệu của mẫu; {fit.MatchedRows}/{fit.DocumentRows} dòng của tệp khớp.");
        if (snapshot.ValueColumns.Count > 1)
        {
            output.WriteLine((english ? "  Value columns: " : "  Cột số liệu: ") + string.Join(", ", snapshot.ValueColumns.Select(c => c.Header)));
        }

        foreach (var (row, label) in fit.UnmatchedRows)
        {
            output.WriteLine(english ? $"  row {row} is not in the form: “{label}”" : $"  dòng {row} không có trong mẫu: “{label}”");
        }

        foreach (var (id, label) in fit.MissingRows)
        {
            output.WriteLine(english ? $"  the form's row {id} is missing: “{label}”" : $"  thiếu dòng {id} của mẫu: “{label}”");
        }
    }

    /// <summary>An output that would overwrite an input, or an existing template without --force, is refused.</summary>
    private static bool Refuse(FileInfo target, IEnumerable<FileInfo> inputs, bool force, bool english, TextWriter error)
    {
        if (inputs.Any(i => RealPaths.Same(i, target)))
        {
            error.WriteLine(english ? $"The output “{target.Name}” is one of the reports; choose another name for --out." : $"Tệp kết quả “{target.Name}” trùng với một báo cáo đầu vào; hãy chọn tên khác cho --out.");
            return true;
        }

        if (target.Exists && !force)
        {
            error.WriteLine(english ? $"“{target.Name}” already exists; add --force to replace it." : $"Tệp “{target.Name}” đã có; thêm --force nếu muốn thay thế.");
            return true;
        }

        if (target.Directory is { Exists: false })
        {
            error.WriteLine(english ? $"The folder of “{target.Name}” does not exist." : $"Thư mục chứa “{target.Name}” không tồn tại.");
            return true;
        }

        return false;
    }

    /// <summary>Writes through a temporary file beside the target, flushed before the rename; the temporary file never stays.</summary>
    private static bool WriteAtomically(FileInfo target, AppendixTemplate template, bool english, TextWriter error)
    {
        try
        {
            return AtomicFile.Replace(target, stream =>
            {
                TemplateCatalog.Write(template, stream);
                return true;
            });
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            error.WriteLine(english ? $"Could not write “{target.Name}”: {ex.Message}" : $"Không ghi được tệp “{target.Name}”: {ex.Message}");
            return false;
        }
    }

    /// <summary>"Báo cáo xã An Bình Q1" → "bao-cao-xa-an-binh-q1": a template id from a file name.</summary>
    private static string Slug(string text)
    {
        var key = VietnameseText.LabelKey(text).ToLowerInvariant().Replace(' ', '-');
        return key.Length == 0 ? "mau-phu-luc" : key;
    }
}
