using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Cchc.Appendix.Table;
using Cchc.Host.Api;
using Cchc.OpenXml;
using Cchc.Testing.Forms;

namespace Cchc.Host.Tests;

/// <summary>
/// <see cref="CheckBody"/> reads the check request's JSON by hand, for speed; System.Text.Json reading the
/// <see cref="CheckRequest"/> contract (as the framework bound it before) is the reference. Every body must give the
/// same blocks, and every refused body must be refused by both, at the same path.
/// </summary>
public sealed class CheckBodyTests
{
    private static readonly JsonSerializerOptions PaneWriting = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static TheoryData<string> Documents()
    {
        var data = new TheoryData<string> { "ngan-nam-2022-q3.docx", "ngan-nam-2022-q3.xlsx", "ngan-nam-2022-q2.docx" };
        foreach (var form in SampleForms.All)
        {
            data.Add($"{form.Name}.docx");
            data.Add($"{form.Name}.xlsx");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public async Task Parse_PaneBodyOfEveryDocument_ReadsWhatTheSerializerReads(string document)
    {
        var body = PaneBody(document);

        var ours = Ours(body);

        Assert.Equal(await SerializerAsync(body), ours);
        Assert.StartsWith("host=", ours, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"host":"word","titleLines":["A",null,"B"],"tables":[{"sheet":"S","rows":[{"cells":[{"text":"1"},null,{"text":"","format":"0.0"},{"text":"x","span":2},{"number":3.5,"text":"3,5"}]},null,{"cells":null},{}]},null]}""")]
    [InlineData("""{"HOST":"excel","TitleLines":["x"],"Tables":[{"Rows":[{"CELLS":[{"Text":"a","NUMBER":"12.5","Span":"2","ForMat":"#,##0"}]}],"SHEET":"Phụ lục"}]}""")]
    [InlineData("""{"t\u0061bles":[{"rows":[{"cells":[{"te\u0078t":"a\u00e1\n\t\"\\\u0000"}]}]}],"\u0068ost":"word"}""")]
    [InlineData("""{"x":{"a":[1,{"b":null}]},"tables":[{"y":[[]],"rows":[{"z":1,"cells":[{"w":"q","text":"a"}]}]}],"previous":{"u":true,"tables":[]},"documentUrlx":5}""")]
    [InlineData("""{"host":"word","host":"excel","tables":[{"rows":[]}],"tables":[{"rows":[{"cells":[{"text":"a","text":"b"}],"cells":[{"text":"c"}]}]}]}""")]
    [InlineData("""{"tables":[{"rows":[{"cells":[{"text":"1"}]}]}],"titleLines":["after the tables, read first"]}""")]
    [InlineData("""{"previous":{"titleLines":["Quý II"],"tables":[{"rows":[{"cells":[{"text":"p"}]}]}]},"documentUrl":"https://contoso.sharepoint.com/a.docx","host":"browser"}""")]
    [InlineData("""{"previous":null,"documentUrl":null,"host":null,"titleLines":null,"tables":null}""")]
    [InlineData("""{"tables":[{"rows":[{"cells":[{"number":1e308},{"number":-0},{"number":"1e3"},{"number":null},{"span":0},{"span":-1},{"span":"7"},{"span":null}]}]}]}""")]
    [InlineData("""{"tables":[{"rows":[{"cells":[{"\u017Fpan":3,"TEXT":"long s and capitals: ordinal, ignoring case"}]}]}]}""")]
    [InlineData("""{}""")]
    [InlineData("""null""")]
    [InlineData(" \r\n\t{\"host\" : \"word\" , \"tables\" : [ ] }\n ")]
    public async Task Parse_ContractVariant_ReadsWhatTheSerializerReads(string json)
    {
        var body = Encoding.UTF8.GetBytes(json);

        Assert.Equal(await SerializerAsync(body), Ours(body));
    }

    [Fact]
    public async Task Parse_ByteOrderMark_IsSkippedAsTheFrameworkSkipsIt()
    {
        byte[] body = [0xEF, 0xBB, 0xBF, .. """{"host":"word","tables":[{"rows":[{"cells":[{"text":"a"}]}]}]}"""u8];

        Assert.Equal(await SerializerAsync(body), Ours(body));
    }

    [Theory]
    [InlineData("""{"host":"word","tables":5}""", "$.tables")]
    [InlineData("""{"tables":[5]}""", "$.tables[0]")]
    [InlineData("""{"tables":[{"rows":[{"cells":[{"text":"a"},{"text":5}]}]}]}""", "$.tables[0].rows[0].cells[1].text")]
    [InlineData("""{"tables":[{"rows":[{},{"cells":[{"number":"abc"}]}]}]}""", "$.tables[0].rows[1].cells[0].number")]
    [InlineData("""{"tables":[{"rows":[{"cells":[{"span":1.5}]}]}]}""", "$.tables[0].rows[0].cells[0].span")]
    [InlineData("""{"tables":[{"rows":[{"cells":[{"span":"x"}]}]}]}""", "$.tables[0].rows[0].cells[0].span")]
    [InlineData("""{"tables":[{"rows":[{"cells":[{"format":[]}]}]}]}""", "$.tables[0].rows[0].cells[0].format")]
    [InlineData("""{"tables":[{"rows":[{"cells":{}}]}]}""", "$.tables[0].rows[0].cells")]
    [InlineData("""{"tables":[{"rows":[5]}]}""", "$.tables[0].rows[0]")]
    [InlineData("""{"tables":[{"sheet":1}]}""", "$.tables[0].sheet")]
    [InlineData("""{"titleLines":["a",1]}""", "$.titleLines[1]")]
    [InlineData("""{"host":{}}""", "$.host")]
    [InlineData("""{"documentUrl":true}""", "$.documentUrl")]
    [InlineData("""{"previous":[]}""", "$.previous")]
    [InlineData("""{"previous":{"tables":[{"rows":[{"cells":[{"text":true}]}]}]}}""", "$.previous.tables[0].rows[0].cells[0].text")]
    [InlineData("""{"tables":[{"rows":[{"cells":[{"text":"\ud800"}]}]}]}""", "$.tables[0].rows[0].cells[0].text")]
    [InlineData("""[]""", "$")]
    [InlineData("""5""", "$")]
    public async Task Parse_ValueOfTheWrongKind_RefusedAtTheSerializersPath(string json, string path)
    {
        var body = Encoding.UTF8.GetBytes(json);

        Assert.Equal(await SerializerAsync(body), Ours(body));
        Assert.Equal($"refused at {path}", Ours(body));
    }

    [Theory]
    [InlineData("""{"host":"word","tables":[""")]
    [InlineData("""{"host":"word",}""")]
    [InlineData("""{"host":"word"} x""")]
    [InlineData("""{"host":"word"}{}""")]
    [InlineData("""{/* a comment */"host":"word"}""")]
    [InlineData("""{"tables":[{"rows":[{"cells":[{"text":"a"},]}]}]}""")]
    [InlineData("""{"host":'word'}""")]
    [InlineData("""{"tables":[{"rows":[{"cells":[{"text":"a"}]}]}]""")]
    [InlineData(" ")]
    public async Task Parse_NotJson_RefusedLikeTheSerializer(string json)
    {
        var body = Encoding.UTF8.GetBytes(json);

        var ours = Ours(body);

        Assert.StartsWith("refused at $", ours, StringComparison.Ordinal);
        Assert.Equal(await SerializerAsync(body), ours);
    }

    [Fact]
    public async Task Parse_InvalidUtf8InAText_RefusedAtItsPath()
    {
        byte[] body = [.. """{"tables":[{"rows":[{"cells":[{"text":"a"""u8, 0xC3, 0x28, .. "\"}]}]}]}"u8];

        Assert.Equal("refused at $.tables[0].rows[0].cells[0].text", Ours(body));
        Assert.Equal(await SerializerAsync(body), Ours(body));
    }

    [Fact]
    public async Task Parse_InvalidUtf8InAnUnknownName_SkippedAsTheSerializerSkipsIt()
    {
        byte[] body = [.. """{"host":"word","x"""u8, 0xFF, .. "\":1,\"tables\":[]}"u8];

        Assert.StartsWith("host=word", Ours(body), StringComparison.Ordinal);
        Assert.Equal(await SerializerAsync(body), Ours(body));
    }

    [Fact]
    public async Task Parse_NestedPastTheSerializersDepth_Refused()
    {
        var deep = """{"ignored":""" + new string('[', 70) + new string(']', 70) + ""","host":"word"}""";
        var body = Encoding.UTF8.GetBytes(deep);

        Assert.StartsWith("refused at $", Ours(body), StringComparison.Ordinal);
        Assert.Equal(await SerializerAsync(body), Ours(body));
    }

    /// <summary>
    /// Ten thousand damaged copies of a small body (a byte replaced by one that matters to JSON, dropped, or doubled):
    /// each is read the same, or refused by both at the same path.
    /// </summary>
    [Fact]
    public async Task Parse_DamagedBodies_AgreeWithTheSerializer()
    {
        var valid = Encoding.UTF8.GetBytes("""{"host":"excel","titleLines":["Quý III"],"tables":[{"sheet":"PL","rows":[{"cells":[{"text":"1"},{"text":"Số TTHC","span":2},{"text":"12","number":12,"format":"0"},null]},{"cells":[]}]}],"previous":{"tables":[{"rows":[{"cells":[{"text":"p"}]}]}]},"documentUrl":"u"}""");
        byte[] significant = [.. "{}[]\",:0-1e.tnu\\ a/'\tÀ"u8, 0xFF];
        var random = new Random(20261130);
        var disagreements = new List<string>();
        for (var i = 0; i < 10_000; i++)
        {
            var at = random.Next(valid.Length);
            byte[] damaged = (i % 3) switch
            {
                0 => [.. valid[..at], significant[random.Next(significant.Length)], .. valid[(at + 1)..]],
                1 => [.. valid[..at], .. valid[(at + 1)..]],
                _ => [.. valid[..at], valid[at], .. valid[at..]],
            };

            var (serializer, ours) = (await SerializerAsync(damaged), Ours(damaged));
            if (serializer != ours)
            {
                disagreements.Add($"{Encoding.UTF8.GetString(damaged)}\n  serializer: {serializer}\n  ours:       {ours}");
            }
        }

        Assert.True(disagreements.Count == 0, string.Join("\n", disagreements.Take(5)));
    }

    private static byte[] PaneBody(string document)
    {
        var bytes = document.StartsWith("ngan-nam", StringComparison.Ordinal)
            ? Fixtures.Bytes(document)
            : document.EndsWith(".docx", StringComparison.Ordinal)
                ? DocxWriter.Write(SampleForms.ByName(document[..^5]))
                : XlsxWriter.Write(SampleForms.ByName(document[..^5]));
        var blocks = AppendixDocument.ReadBlocks(new MemoryStream(bytes), document);
        var firstTable = blocks.Select((b, i) => (b, i)).First(x => x.b is TableBlock).i;
        var request = new
        {
            host = document.EndsWith(".xlsx", StringComparison.Ordinal) ? "excel" : "word",
            titleLines = blocks.Take(firstTable).OfType<ParagraphBlock>().Select(p => p.Text).ToList(),
            tables = blocks.OfType<TableBlock>().Select(t => new
            {
                sheet = t.Sheet,
                rows = t.Rows.Select(r => new
                {
                    cells = r.Cells.Select(c => new { text = c.Text, number = c.Number, format = c.NumberFormat, span = c.ColumnSpan > 1 ? c.ColumnSpan : (int?)null }),
                }),
            }),
        };
        return JsonSerializer.SerializeToUtf8Bytes(request, PaneWriting);
    }

    private static string Ours(byte[] body)
    {
        try
        {
            return CheckBody.Parse(body) is { } read ? Describe(read.Host, read.Blocks, read.DocumentUrl, read.Previous) : "null";
        }
        catch (JsonException refused)
        {
            return $"refused at {refused.Path}";
        }
    }

    /// <summary>As the framework read the body before: the serializer over a stream, then the contract mapped cell for cell.</summary>
    private static async Task<string> SerializerAsync(byte[] body)
    {
        try
        {
            return await JsonSerializer.DeserializeAsync(new MemoryStream(body), ApiJsonContext.Default.CheckRequest) is { } request
                ? Describe(request.Host, Blocks(request.TitleLines, request.Tables), request.DocumentUrl, request.Previous is { } previous ? Blocks(previous.TitleLines, previous.Tables) : null)
                : "null";
        }
        catch (JsonException refused)
        {
            return $"refused at {refused.Path}";
        }
    }

    private static List<DocumentBlock> Blocks(IReadOnlyList<string>? titleLines, IReadOnlyList<TableDto>? tables) =>
    [
        .. (titleLines ?? []).Select(line => new ParagraphBlock(line ?? string.Empty)),
        .. (tables ?? []).Select(table => new TableBlock(
            [.. (table?.Rows ?? []).Select(row => new RawRow([.. (row?.Cells ?? []).Select(Cell)]))],
            table?.Sheet)),
    ];

    private static RawCell Cell(CellDto? cell) => cell is null || (string.IsNullOrEmpty(cell.Text) && cell.Number is null && cell.Format is null && cell.Span is null or <= 1)
        ? RawCell.Empty
        : new RawCell(cell.Text ?? string.Empty, cell.Number, cell.Format, cell.Span is > 0 ? cell.Span.Value : 1);

    private static string Describe(string? host, IReadOnlyList<DocumentBlock> blocks, string? documentUrl, IReadOnlyList<DocumentBlock>? previous)
    {
        var text = new StringBuilder($"host={host ?? "(null)"} url={documentUrl ?? "(null)"}\n");
        Append(text, blocks);
        if (previous is not null)
        {
            text.Append("previous:\n");
            Append(text, previous);
        }

        return text.ToString();
    }

    private static void Append(StringBuilder text, IReadOnlyList<DocumentBlock> blocks)
    {
        foreach (var block in blocks)
        {
            switch (block)
            {
                case ParagraphBlock paragraph:
                    text.Append("P ").Append(paragraph.Text).Append('\n');
                    break;
                case TableBlock table:
                    text.Append("T ").Append(table.Sheet ?? "(no sheet)").Append('\n');
                    foreach (var row in table.Rows)
                    {
                        text.Append("  R");
                        foreach (var cell in row.Cells)
                        {
                            text.Append(" | ").Append(cell.Text)
                                .Append(" #").Append(cell.Number?.ToString("R", CultureInfo.InvariantCulture) ?? "-")
                                .Append(" f").Append(cell.NumberFormat ?? "-")
                                .Append(" s").Append(cell.ColumnSpan)
                                .Append(ReferenceEquals(cell, RawCell.Empty) ? " (shared empty)" : string.Empty);
                        }

                        text.Append('\n');
                    }

                    break;
            }
        }
    }
}
