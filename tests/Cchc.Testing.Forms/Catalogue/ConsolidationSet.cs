using System.Globalization;
using static Cchc.Testing.Forms.ColumnRole;

namespace Cchc.Testing.Forms;

/// <summary>What a file of the set is there to test.</summary>
public enum SetFileKind
{
    /// <summary>A unit's report for quý II 2026, counted.</summary>
    Report,

    /// <summary>An earlier report of a unit that also sent a later one: left out, the later report date wins.</summary>
    Superseded,

    /// <summary>A unit's report for quý I 2026: another period, left out.</summary>
    OtherPeriod,

    /// <summary>Not a document at all: left out with the reader's error.</summary>
    Unreadable,
}

/// <summary>One file of the set: its name and bytes, what it is there for, and the unit and figures it carries.</summary>
public sealed record SetFile(string Name, byte[] Content, SetFileKind Kind, string? Unit, UnitFigures? Figures);

/// <summary>
/// The figures one unit's appendix was written with, as numbers, by label of the row and value column: what a test
/// adds up itself to know what a consolidation must say. Blank cells are absent.
/// </summary>
public sealed record UnitFigures(string Unit, string Form, IReadOnlyDictionary<(string Label, int Column), int> Cells)
{
    public int? this[string label, int column = 0] => Cells.TryGetValue((label, column), out var value) ? value : null;
}

/// <summary>
/// A province's quarter in miniature, for consolidation: twelve communes on one form (<see cref="CommuneForm"/>,
/// one value column) with known figures, two wards on another (<see cref="WardForm"/>: "Quý này | Lũy kế từ đầu
/// năm", some rows shared by label, one row of its own), an earlier report of one commune superseded by a later one,
/// a report of quý I, a file that is not a document, and a unit on the list that sent nothing. One commune planted a
/// negative count, an error; all the other reports are consistent. Word and Excel alternate.
/// </summary>
public static class ConsolidationSet
{
    public const string Period = "quý II năm 2026";

    public const string TasksPlanned = "Tổng số nhiệm vụ";
    public const string TasksDone = "Số nhiệm vụ đã hoàn thành";
    public const string TasksRate = "Tỷ lệ nhiệm vụ đã hoàn thành";
    public const string Dialogue = "Có tổ chức đối thoại với người dân, doanh nghiệp";
    public const string Received = "Số hồ sơ TTHC đã tiếp nhận";
    public const string Resolved = "Số hồ sơ đã giải quyết";
    public const string OnTime = "- Số hồ sơ giải quyết đúng hạn";
    public const string OnTimeRate = "Tỷ lệ hồ sơ giải quyết đúng hạn";
    public const string Staff = "Tổng số cán bộ, công chức cấp xã có mặt";
    public const string SignedDigitally = "Tỷ lệ văn bản đi được ký số";
    public const string Payments = "Số hồ sơ có thanh toán trực tuyến (lũy kế từ đầu năm)";

    /// <summary>The wards' own row, which the communes' form lacks.</summary>
    public const string OnlineMeetings = "Số cuộc họp trực tuyến";

    /// <summary>The commune whose payments figure is negative: an error in that cell.</summary>
    public const string CommuneWithError = "Xã Thạnh Xuân";

    /// <summary>The commune that sent two reports; the one dated 15/6 counts.</summary>
    public const string CommuneSentTwice = "Xã Cái Tắc";

    /// <summary>On the list, sent nothing.</summary>
    public const string MissingUnit = "Xã Trường Long";

    public const string BrokenFile = "xa-hoa-an-bi-hong.docx";

    private const string YesNo = "Có = 1 Không = 0";

    private static readonly System.Text.Json.JsonSerializerOptions ManifestJson = new()
    {
        WriteIndented = true,
        // The labels are Vietnamese; escaping every letter would make the manifest unreadable.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly string[] Communes =
    [
        "Xã An Bình", "Xã Bình Minh", CommuneSentTwice, "Xã Đông Phước", "Xã Hòa An", "Xã Long Thạnh",
        "Xã Mỹ Khánh", "Xã Nhơn Ái", "Xã Phong Điền", "Xã Tân Hòa", CommuneWithError, "Xã Vị Thủy",
    ];

    private static readonly string[] Wards = ["Phường Ngã Năm", "Phường Vĩnh Châu"];

    /// <summary>Every unit expected to report, as the province lists them: the communes, the wards and the one that sent nothing.</summary>
    public static IReadOnlyList<string> UnitList { get; } = [.. Communes, .. Wards, MissingUnit];

    /// <summary>Builds every file of the set.</summary>
    public static IReadOnlyList<SetFile> Files()
    {
        var files = new List<SetFile>();
        for (var i = 0; i < Communes.Length; i++)
        {
            var figures = CommuneFigures(Communes[i], i);
            files.Add(Write(CommuneForm(Communes[i], 2, figures, "15/6"), Slug(Communes[i]) + "-q2", i % 2 == 0, SetFileKind.Report, figures));
        }

        for (var i = 0; i < Wards.Length; i++)
        {
            var figures = WardFigures(Wards[i], i);
            files.Add(Write(WardForm(Wards[i], figures), Slug(Wards[i]) + "-q2", i == 0, SetFileKind.Report, figures));
        }

        // Cái Tắc first sent a draft dated 10/6 with other figures; the report of 15/6 above replaces it.
        var draft = CommuneFigures(CommuneSentTwice, 40);
        files.Add(Write(CommuneForm(CommuneSentTwice, 2, draft, "10/6"), Slug(CommuneSentTwice) + "-q2-ban-nhap", true, SetFileKind.Superseded, draft));

        var quarterOne = CommuneFigures(Communes[0], 7);
        files.Add(Write(CommuneForm(Communes[0], 1, quarterOne, "12/3"), Slug(Communes[0]) + "-q1", false, SetFileKind.OtherPeriod, quarterOne));

        files.Add(new SetFile(BrokenFile, "Đây không phải tệp Word, chỉ là chữ."u8.ToArray(), SetFileKind.Unreadable, null, null));
        return files;
    }

    /// <summary>The figures of commune <paramref name="seed"/>: every relation of the form holds, rates to one decimal.</summary>
    private static UnitFigures CommuneFigures(string unit, int seed)
    {
        var planned = 20 + seed;
        var done = 10 + seed;
        var received = 500 + (10 * seed);
        var resolved = 480 + (10 * seed);
        var onTime = 470 + (9 * seed);
        var cells = new Dictionary<(string, int), int>
        {
            [(TasksPlanned, 0)] = planned,
            [(TasksDone, 0)] = done,
            [(Dialogue, 0)] = seed % 3 == 0 ? 0 : 1,
            [(Received, 0)] = received,
            [(Resolved, 0)] = resolved,
            [(OnTime, 0)] = onTime,
            [(Staff, 0)] = 40 + (seed % 5),
            [(SignedDigitally, 0)] = 90 + (seed % 10),
            [(Payments, 0)] = unit == CommuneWithError ? -5 : 200 + (5 * seed),
        };
        return new UnitFigures(unit, "commune", cells);
    }

    private static UnitFigures WardFigures(string unit, int seed) => new(unit, "ward", new Dictionary<(string, int), int>
    {
        [(Received, 0)] = 1300 + (20 * seed),
        [(Received, 1)] = 2600 + (40 * seed),
        [(Resolved, 0)] = 1280 + (20 * seed),
        [(Resolved, 1)] = 2540 + (40 * seed),
        [(OnTime, 0)] = 1150 + (19 * seed),
        [(OnTime, 1)] = 2300 + (38 * seed),
        [(Staff, 0)] = 39 + seed,
        [(Staff, 1)] = 39 + seed,
        [(OnlineMeetings, 0)] = 4 + seed,
        [(OnlineMeetings, 1)] = 6 + seed,
    });

    /// <summary>The communes' form: one value column, rates with the counts they are computed from, a yes/no row, a rate with no counts.</summary>
    public static FormDocument CommuneForm(string unit, int quarter, UnitFigures figures, string date)
    {
        string V(string label) => Number(figures[label]);
        string Rate(string numerator, string denominator) => Percent(figures[numerator]!.Value, figures[denominator]!.Value);
        var roman = quarter == 1 ? "I" : "II";
        return new FormDocument
        {
            Name = Slug(unit) + $"-q{quarter}",
            Description = $"{unit}, quý {roman} 2026, mẫu của xã (một cột Kết quả).",
            TitleLines =
            [
                "Phụ lục",
                "THỐNG KÊ SỐ LIỆU BÁO CÁO CẢI CÁCH HÀNH CHÍNH",
                $"QUÝ {roman} NĂM 2026 CỦA UBND {unit.ToUpper(CultureInfo.GetCultureInfo("vi-VN"))}",
                $"(Kèm theo Báo cáo số {30 + quarter}/BC-UBND ngày {date}/2026 của UBND {unit.ToLower(CultureInfo.GetCultureInfo("vi-VN"))})",
            ],
            Appendix = new AppendixTable(
                [No, Label, Unit, Value, Note],
                [[new("STT"), new("Nội dung chỉ tiêu"), new("Đơn vị tính"), new("Kết quả"), new("Ghi chú")]],
                null,
                [
                    new("I", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH", string.Empty, []),
                    new("1", "Kế hoạch cải cách hành chính năm 2026", string.Empty, [], "Kế hoạch số 10/KH-UBND ngày 14/01/2026"),
                    new(string.Empty, "- " + TasksPlanned, "Nhiệm vụ", [V(TasksPlanned)]),
                    new(string.Empty, "- " + TasksDone, "Nhiệm vụ", [V(TasksDone)]),
                    new(string.Empty, "- " + TasksRate, "%", [Rate(TasksDone, TasksPlanned)]),
                    new("2", Dialogue, YesNo, [V(Dialogue)]),
                    new("II", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH", string.Empty, []),
                    new("1", "Kết quả giải quyết hồ sơ TTHC", string.Empty, []),
                    new(string.Empty, Received, "Hồ sơ", [V(Received)]),
                    new(string.Empty, Resolved, "Hồ sơ", [V(Resolved)]),
                    new(string.Empty, OnTime, "Hồ sơ", [V(OnTime)]),
                    new(string.Empty, OnTimeRate, "%", [Rate(OnTime, Resolved)]),
                    new("III", "CẢI CÁCH CHẾ ĐỘ CÔNG VỤ", string.Empty, []),
                    new("1", Staff, "Người", [V(Staff)]),
                    new("IV", "XÂY DỰNG VÀ PHÁT TRIỂN CHÍNH QUYỀN SỐ", string.Empty, []),
                    new("1", SignedDigitally, "%", [V(SignedDigitally)]),
                    new("2", Payments, "Hồ sơ", [V(Payments)]),
                ]),
            Excel = new ExcelLayout { SheetName = $"PL quý {roman}", PercentAsFraction = true },
        };
    }

    /// <summary>The wards' form: "Quý này | Lũy kế từ đầu năm" under "Kết quả", the communes' case-file rows and a row of its own.</summary>
    public static FormDocument WardForm(string unit, UnitFigures figures)
    {
        DataRow Row(string no, string label, string unitText) => new(no, label, unitText, [Number(figures[label, 0]), Number(figures[label, 1])]);
        DataRow RateRow(string label, string numerator, string denominator) => new(
            string.Empty, label, "%", [Percent(figures[numerator, 0]!.Value, figures[denominator, 0]!.Value), Percent(figures[numerator, 1]!.Value, figures[denominator, 1]!.Value)]);
        return new FormDocument
        {
            Name = Slug(unit) + "-q2",
            Description = $"{unit}, quý II 2026, mẫu của phường (Quý này | Lũy kế từ đầu năm).",
            TitleLines =
            [
                "Phụ lục",
                "THỐNG KÊ SỐ LIỆU BÁO CÁO CẢI CÁCH HÀNH CHÍNH",
                $"QUÝ II NĂM 2026 CỦA UBND {unit.ToUpper(CultureInfo.GetCultureInfo("vi-VN"))}",
                $"(Kèm theo Báo cáo số 64/BC-UBND ngày 16/6/2026 của UBND {unit.ToLower(CultureInfo.GetCultureInfo("vi-VN"))})",
            ],
            Appendix = new AppendixTable(
                [No, Label, Unit, Value, Value, Note],
                [
                    [new("STT", RowSpan: 2), new("Nội dung/chỉ tiêu", RowSpan: 2), new("ĐVT", RowSpan: 2), new("Kết quả", ColumnSpan: 2), new("Ghi chú", RowSpan: 2)],
                    [new("Quý này"), new("Lũy kế từ đầu năm")],
                ],
                ["1", "2", "3", "4", "5", "6"],
                [
                    new("I", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH", string.Empty, []),
                    new("1", "Kết quả giải quyết hồ sơ TTHC", string.Empty, []),
                    Row(string.Empty, Received, "Hồ sơ"),
                    Row(string.Empty, Resolved, "Hồ sơ"),
                    Row(string.Empty, OnTime, "Hồ sơ"),
                    RateRow(OnTimeRate, OnTime, Resolved),
                    new("II", "CẢI CÁCH CHẾ ĐỘ CÔNG VỤ", string.Empty, []),
                    Row("1", Staff, "Người"),
                    new("III", "XÂY DỰNG CHÍNH QUYỀN SỐ", string.Empty, []),
                    Row("1", OnlineMeetings, "Cuộc"),
                ]),
            Excel = new ExcelLayout { SheetName = "PL CCHC quý II", GroupedNumbersAsNumbers = true },
        };
    }

    /// <summary>A rate as the form writes it: one decimal, Vietnamese comma, trailing ",0" dropped.</summary>
    public static string Percent(int numerator, int denominator) =>
        Number(Math.Round((decimal)numerator / denominator * 100, 1, MidpointRounding.AwayFromZero));

    private static string Number(decimal? value) =>
        value is null ? string.Empty : value.Value.ToString("#,0.#", CultureInfo.GetCultureInfo("vi-VN"));

    private static SetFile Write(FormDocument form, string name, bool word, SetFileKind kind, UnitFigures figures) =>
        word
            ? new SetFile(name + ".docx", DocxWriter.Write(form), kind, figures.Unit, figures)
            : new SetFile(name + ".xlsx", XlsxWriter.Write(form), kind, figures.Unit, figures);

    /// <summary>"Xã Đông Phước" → "xa-dong-phuoc", for file names.</summary>
    private static string Slug(string unit)
    {
        var decomposed = unit.Replace('Đ', 'D').Replace('đ', 'd').Normalize(System.Text.NormalizationForm.FormD);
        var builder = new System.Text.StringBuilder();
        foreach (var c in decomposed)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
            else if (c == ' ')
            {
                builder.Append('-');
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// Writes every file of the set to <paramref name="folder"/>, with <c>set.json</c> beside them: the unit list and,
    /// per file, what it is there for and the figures it was written with, for tests outside .NET to add up themselves.
    /// </summary>
    public static IReadOnlyList<string> WriteTo(string folder)
    {
        Directory.CreateDirectory(folder);
        var files = Files();
        foreach (var file in files)
        {
            File.WriteAllBytes(Path.Combine(folder, file.Name), file.Content);
        }

        var manifest = new
        {
            period = Period,
            units = UnitList,
            missing = MissingUnit,
            withError = CommuneWithError,
            files = files.Select(f => new
            {
                name = f.Name,
                kind = f.Kind.ToString(),
                unit = f.Unit,
                form = f.Figures?.Form,
                figures = f.Figures?.Cells.GroupBy(c => c.Key.Label).ToDictionary(g => g.Key, g => g.OrderBy(c => c.Key.Column).Select(c => c.Value).ToArray()),
            }),
        };
        var json = Path.Combine(folder, "set.json");
        File.WriteAllText(json, System.Text.Json.JsonSerializer.Serialize(manifest, ManifestJson));
        return [.. files.Select(f => Path.Combine(folder, f.Name)), json];
    }
}
