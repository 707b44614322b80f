using System.Text.Json;
using Cchc.Appendix.Table;
using Cchc.OpenXml;

namespace Cchc.Benchmarks;

/// <summary>
/// The body the task pane posts to <c>/api/check</c> for a document: the paragraphs above the first table
/// as title lines, and every table's rows of cells. bench/load.sh posts it for the fixture.
/// </summary>
public static class CheckRequestJson
{
    /// <summary>As the browser's JSON.stringify writes it: UTF-8 text unescaped, absent fields left out.</summary>
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    public static string For(string file)
    {
        var path = File.Exists(file) ? file : Fixtures.Locate(file);
        using var stream = File.OpenRead(path);
        var blocks = AppendixDocument.ReadBlocks(stream, Path.GetFileName(path));
        var firstTable = blocks.Select((b, i) => (b, i)).FirstOrDefault(x => x.b is TableBlock).i;
        var request = new
        {
            host = "word",
            titleLines = blocks.Take(firstTable).OfType<ParagraphBlock>().Select(p => p.Text).Where(t => t.Trim().Length > 0).TakeLast(8).ToList(),
            tables = blocks.OfType<TableBlock>().Select(t => new
            {
                sheet = t.Sheet,
                rows = t.Rows.Select(r => new
                {
                    cells = r.Cells.Select(c => new { text = c.Text, number = c.Number, format = c.NumberFormat, span = c.ColumnSpan > 1 ? c.ColumnSpan : (int?)null }),
                }),
            }),
        };
        return JsonSerializer.Serialize(request, Options);
    }
}
