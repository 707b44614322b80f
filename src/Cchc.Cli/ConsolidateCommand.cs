using System.CommandLine;
using System.Text.Json;
using Cchc.Appendix.Checking;
using Cchc.Appendix.Consolidation;
using Cchc.Appendix.Header;
using Cchc.Appendix.Reporting;
using Cchc.OpenXml.Consolidation;
using Cchc.SharePoint;

namespace Cchc.Cli;

/// <summary>
/// <c>cchc consolidate DIR|--archive [DIR] [--period "quý II 2026"] [--units FILE] --out tong-hop.xlsx|.docx [--json]</c>:
/// every unit's appendix of a period, read and checked a few at a time, consolidated into the province's workbook or
/// Word table. Exit 0 when every unit reported and is ready to sign, 1 otherwise, 2 when nothing could be read.
/// </summary>
internal static class ConsolidateCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var folder = new Argument<DirectoryInfo?>("dir")
        {
            Description = "Thư mục chứa phụ lục (.docx/.xlsx) của các đơn vị; đọc cả thư mục con.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var archive = new Option<DirectoryInfo?>("--archive")
        {
            Description = "Tổng hợp từ kho lưu trữ {đơn vị}/{năm}/{kỳ}/ thay cho thư mục (mặc định: biến môi trường CCHC_ARCHIVE, nếu không có thì thư mục archive).",
            Arity = ArgumentArity.ZeroOrOne,
            CustomParser = result => result.Tokens.Count == 0 ? DefaultArchive() : new DirectoryInfo(result.Tokens[0].Value),
        };
        var period = new Option<string?>("--period") { Description = "Kỳ tổng hợp, ví dụ \"quý II 2026\", \"6 tháng 2026\", \"2026-q2\" (mặc định: kỳ mà nhiều tệp nhất thuộc về)." };
        var units = new Option<FileInfo?>("--units") { Description = "Tệp danh sách đơn vị phải báo cáo, mỗi dòng một đơn vị; đơn vị không có tệp được ghi là chưa nộp." };
        var outFile = CommonOptions.Output();
        outFile.Description = "Tệp kết quả: .xlsx (tình trạng, tổng hợp, chi tiết, lỗi, xu hướng) hoặc .docx (bảng tổng hợp để dán vào báo cáo).";
        var json = new Option<bool>("--json") { Description = "In kết quả dạng JSON (xem docs/api.md)." };
        var countErrors = new Option<bool>("--count-errors") { Description = "Tính cả số liệu có lỗi vào tổng (mặc định: không tính, đơn vị vẫn được ghi nhận và đánh dấu)." };
        var trend = new Option<string?>("--trend") { Description = "Mã các chỉ tiêu vẽ xu hướng, cách nhau bằng dấu phẩy (mặc định: các tỷ lệ tính lại được)." };
        var workers = new Option<int?>("--workers") { Description = "Số tệp đọc cùng lúc (mặc định: số lõi CPU)." };
        var language = CommonOptions.Language();
        var templates = CommonOptions.TemplateDirectory();
        var command = new Command("consolidate", "Tổng hợp phụ lục của mọi đơn vị trong một kỳ: tình trạng từng đơn vị, số liệu cộng dồn, tỷ lệ tính lại, tệp không tính và lý do.")
        {
            folder, archive, period, units, outFile, json, countErrors, trend, workers, language, templates,
        };

        command.SetAction((parsed, cancellationToken) =>
        {
            var english = parsed.GetValue(language) == "en";
            var run = new Run(output, error, english);
            return run.ExecuteAsync(
                new Request(
                    parsed.GetValue(folder),
                    parsed.GetResult(archive) is null ? null : parsed.GetValue(archive),
                    parsed.GetValue(period),
                    parsed.GetValue(units),
                    parsed.GetValue(outFile),
                    parsed.GetValue(json),
                    parsed.GetValue(countErrors),
                    parsed.GetValue(trend),
                    parsed.GetValue(workers),
                    parsed.GetValue(templates)),
                cancellationToken);
        });
        return command;
    }

    private static DirectoryInfo DefaultArchive() =>
        new(Environment.GetEnvironmentVariable("CCHC_ARCHIVE") is { Length: > 0 } root ? root : "archive");

    private sealed record Request(
        DirectoryInfo? Folder,
        DirectoryInfo? Archive,
        string? Period,
        FileInfo? Units,
        FileInfo? Out,
        bool Json,
        bool CountErrors,
        string? Trend,
        int? Workers,
        DirectoryInfo? Templates);

    private sealed class Run(TextWriter output, TextWriter error, bool english)
    {
        public async Task<int> ExecuteAsync(Request request, CancellationToken cancellationToken)
        {
            if ((request.Folder is null) == (request.Archive is null))
            {
                return Fail("Hãy chỉ ra một thư mục phụ lục, hoặc --archive để tổng hợp từ kho lưu trữ (không dùng cả hai).", "Name one folder of appendices, or --archive to consolidate from the archive (not both).");
            }

            if (request.Out is null && !request.Json)
            {
                return Fail("Thiếu tệp kết quả: hãy ghi --out tong-hop.xlsx (hoặc .docx), hoặc --json.", "No output: give --out tong-hop.xlsx (or .docx), or --json.");
            }

            var kind = request.Out is null ? OutputKind.None : KindOf(request.Out);
            if (kind is null)
            {
                return Fail($"Tệp kết quả “{request.Out!.Name}” phải là .xlsx hoặc .docx.", $"The output “{request.Out!.Name}” must be .xlsx or .docx.");
            }

            if (request.Out is { } target && (Directory.Exists(target.FullName) || target.Directory is { Exists: false }))
            {
                return Fail($"Không ghi được vào “{target.Name}”: thư mục không tồn tại hoặc đó là một thư mục.", $"Cannot write “{target.Name}”: the folder does not exist or it is a folder.");
            }

            ReportPeriod? period = null;
            if (request.Period is not null && !PeriodText.TryParse(request.Period, out period))
            {
                return Fail($"Không hiểu kỳ “{request.Period}”; hãy ghi như \"quý II 2026\", \"6 tháng 2026\" hoặc \"2026-q2\".", $"Cannot read the period “{request.Period}”; write it like \"quý II 2026\", \"6 tháng 2026\" or \"2026-q2\".");
            }

            if (request.Workers is < 1 or > 64)
            {
                return Fail("--workers phải từ 1 đến 64.", "--workers must be between 1 and 64.");
            }

            IReadOnlyList<string>? expected = null;
            if (request.Units is { } unitsFile && (expected = ReadUnits(unitsFile)) is null)
            {
                return CliApp.Unusable;
            }

            var catalog = new InputFiles(english, error).Templates(request.Templates);
            if (catalog is null)
            {
                return CliApp.Unusable;
            }

            if (request.Folder is { Exists: false } missingFolder)
            {
                return Fail($"Không tìm thấy thư mục “{missingFolder.Name}”.", $"The folder “{missingFolder.Name}” does not exist.");
            }

            if (request.Archive is { Exists: false } missingArchive)
            {
                return Fail($"Không tìm thấy thư mục kho lưu trữ “{missingArchive.Name}”.", $"The archive folder “{missingArchive.Name}” does not exist.");
            }

            if (request.Out is { Exists: true } existing
                && await UnitReportAtAsync(existing, catalog, cancellationToken).ConfigureAwait(false) is { } unit)
            {
                return Fail(
                    $"Không ghi kết quả vào “{existing.Name}”: tệp đó là báo cáo của {unit}. Hãy ghi --out ra một tệp khác.",
                    $"Not writing the result over “{existing.Name}”: that file is the report of {unit}. Give --out another file.");
            }

            // The archive stays open while the workers read: each source opens its file only then.
            using var store = request.Archive is null ? null : new FolderReportArchive(request.Archive.FullName);
            try
            {
                var selection = store is null
                    ? new ArchiveSelection(period, FolderSources(request.Folder!, request.Out), [])
                    : await ArchiveConsolidation.SelectAsync(store, period, TrendPeriods(kind.Value), cancellationToken).ConfigureAwait(false);
                return await ConsolidateAsync(request, selection, store is not null, expected, catalog, kind.Value, cancellationToken).ConfigureAwait(false);
            }
            catch (ArchiveException ex)
            {
                return Fail(ex.Message, ex.MessageEn);
            }
        }

        private async Task<int> ConsolidateAsync(
            Request request,
            ArchiveSelection selection,
            bool fromArchive,
            IReadOnlyList<string>? expected,
            Appendix.Templates.TemplateCatalog catalog,
            OutputKind kind,
            CancellationToken cancellationToken)
        {
            var sources = selection.Sources;
            if (sources.Count == 0)
            {
                return Fail("Không có tệp .docx hoặc .xlsx nào để tổng hợp.", "There is no .docx or .xlsx file to consolidate.");
            }

            var reading = await ConsoleProgress.RunAsync(
                error,
                english,
                sources.Count,
                progress => UnitReader.ReadAsync(sources, new AppendixChecker(catalog), workers: request.Workers, progress: progress, cancellationToken: cancellationToken)).ConfigureAwait(false);
            if (reading.Reports.Count == 0)
            {
                foreach (var failure in reading.Unreadable)
                {
                    error.WriteLine($"{failure.File}: {(english ? failure.ReasonEn : failure.Reason)}");
                }

                return Fail("Không đọc được tệp nào thành phụ lục nên không có gì để tổng hợp.", "No file could be read as an appendix, so there is nothing to consolidate.");
            }

            var options = new ConsolidationOptions
            {
                Period = selection.Period,
                Units = expected ?? (fromArchive ? UnitNames.AsReportsWriteThem(selection.Units, reading.Reports) : null),
                CountFiguresWithErrors = request.CountErrors,
            };
            var report = Consolidator.Consolidate(
                reading.Reports.Where(r => selection.Counts(r.File)),
                reading.Unreadable.Where(f => selection.Counts(f.File)),
                options);
            var trends = kind == OutputKind.Workbook ? Trends.For(report, reading.Reports, options, Ids(request.Trend)) : [];

            if (request.Out is { } target && !Write(target, kind, report, trends))
            {
                return CliApp.Unusable;
            }

            if (request.Json)
            {
                output.WriteLine(JsonSerializer.Serialize(ConsolidationContract.From(report, english), JsonReport.Options));
            }
            else
            {
                Summarise(report, request.Out);
            }

            return report.AllReadyToSign ? CliApp.Clean : CliApp.ErrorsFound;
        }

        /// <summary>Only the workbook shows trends: the Word table and JSON need the period's reports alone, not the earlier ones.</summary>
        private static int TrendPeriods(OutputKind kind) => kind == OutputKind.Workbook ? Trends.DefaultPeriods : 1;

        /// <summary>
        /// The unit whose report <paramref name="file"/> is, or null: a previous consolidation (no unit in its title) or a
        /// file that is no appendix may be replaced by the output; a unit's report may not, or the unit's figures are lost.
        /// </summary>
        private static async Task<string?> UnitReportAtAsync(FileInfo file, Appendix.Templates.TemplateCatalog catalog, CancellationToken cancellationToken)
        {
            var reading = await UnitReader.ReadAsync([UnitSource.FromFile(file.FullName)], new AppendixChecker(catalog), cancellationToken: cancellationToken).ConfigureAwait(false);
            return reading.Reports is [{ Header.Unit: { Length: > 0 } unit }] ? unit : null;
        }

        /// <summary>Written to a temporary file beside the target and renamed into place: an interrupted run leaves no half workbook.</summary>
        private bool Write(FileInfo target, OutputKind kind, ConsolidatedReport report, IReadOnlyList<TrendSeries> trends)
        {
            try
            {
                return AtomicFile.Replace(target, stream =>
                {
                    if (kind == OutputKind.Workbook)
                    {
                        ConsolidationWorkbook.Write(report, trends, stream);
                    }
                    else
                    {
                        ConsolidationDocument.Write(report, stream);
                    }

                    return true;
                });
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Fail($"Không ghi được tệp “{target.Name}”: {e.Message}", $"Could not write “{target.Name}”: {e.Message}");
                return false;
            }
        }

        private void Summarise(ConsolidatedReport report, FileInfo? target)
        {
            var received = report.Units.Count(u => u.State == UnitState.Received);
            var ready = report.Units.Count(u => u.ReadyToSign);
            var withErrors = report.Units.Count(u => u.Errors > 0);
            output.WriteLine(english
                ? $"{report.Period?.ToEnglishString() ?? "No period"}: {received}/{report.Units.Count} units received, {ready} ready to sign, {withErrors} with errors."
                : $"{report.Period?.ToString() ?? "Không rõ kỳ"}: đã nhận {received}/{report.Units.Count} đơn vị, {ready} sẵn sàng ký, {withErrors} có lỗi.");
            foreach (var missing in report.Units.Where(u => u.State == UnitState.Missing))
            {
                output.WriteLine(english ? $"  missing: {missing.Unit}" : $"  chưa nộp: {missing.Unit}");
            }

            foreach (var flagged in report.Units.Where(u => u.Errors > 0))
            {
                output.WriteLine(english ? $"  {flagged.Errors} error(s): {flagged.Unit} ({flagged.File})" : $"  {flagged.Errors} lỗi: {flagged.Unit} ({flagged.File})");
            }

            foreach (var excluded in report.Excluded)
            {
                output.WriteLine(english ? $"  left out: {excluded.File} — {excluded.ReasonEn}" : $"  không tính: {excluded.File} — {excluded.Reason}");
            }

            foreach (var unaligned in report.Unaligned)
            {
                output.WriteLine(english ? $"  not aligned: {unaligned.Label} — {unaligned.ReasonEn}" : $"  không khớp mẫu chung: {unaligned.Label} — {unaligned.Reason}");
            }

            if (target is not null)
            {
                output.WriteLine(english ? $"Written: {target.Name}" : $"Đã ghi: {target.Name}");
            }
        }

        /// <summary>Every .docx and .xlsx under the folder, in path order, less Office's "~$" lock files and the output itself.</summary>
        private static List<UnitSource> FolderSources(DirectoryInfo folder, FileInfo? output)
        {
            var comparison = OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
            return folder.EnumerateFiles("*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.Hidden | FileAttributes.System })
                .Where(f => ArchiveNames.IsReportFileName(f.Name) && !f.Name.StartsWith('.'))
                .Where(f => output is null || !string.Equals(f.FullName, Path.GetFullPath(output.FullName), comparison))
                .OrderBy(f => f.FullName, StringComparer.Ordinal)
                .Select(f => UnitSource.FromFile(f.FullName) with { Name = Path.GetRelativePath(folder.FullName, f.FullName).Replace('\\', '/') })
                .ToList();
        }

        /// <summary>The units of a list file: one a line (the first field of a tab-, semicolon- or comma-separated line), blank lines and "#" comments skipped.</summary>
        private List<string>? ReadUnits(FileInfo file)
        {
            try
            {
                var units = File.ReadAllLines(file.FullName)
                    .Select(line => line.Split('\t', ';', ',')[0].Trim().Trim('"'))
                    .Where(line => line.Length > 0 && !line.StartsWith('#'))
                    .ToList();
                if (units.Count == 0)
                {
                    Fail($"Tệp danh sách đơn vị “{file.Name}” không có đơn vị nào.", $"The unit list “{file.Name}” names no unit.");
                    return null;
                }

                return units;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Fail($"Không đọc được tệp danh sách đơn vị “{file.Name}”: {e.Message}", $"Could not read the unit list “{file.Name}”: {e.Message}");
                return null;
            }
        }

        private static string[]? Ids(string? list) => list?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

        private int Fail(string vi, string en)
        {
            error.WriteLine(english ? en : vi);
            return CliApp.Unusable;
        }

        private static OutputKind? KindOf(FileInfo file) => Path.GetExtension(file.Name).ToLowerInvariant() switch
        {
            ".xlsx" => OutputKind.Workbook,
            ".docx" => OutputKind.Document,
            _ => null,
        };
    }

    private enum OutputKind
    {
        None,
        Workbook,
        Document,
    }
}
