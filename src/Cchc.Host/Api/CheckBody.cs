using System.Buffers;
using System.IO.Pipelines;
using System.Text;
using System.Text.Json;
using Cchc.Appendix.Table;
using Microsoft.Net.Http.Headers;

namespace Cchc.Host.Api;

/// <summary>
/// The body of <c>POST /api/check</c> and <c>/api/prefill</c> (the <see cref="CheckRequest"/> contract, which OpenAPI
/// describes) read from its UTF-8 straight into the engine's blocks.
/// </summary>
/// <remarks>
/// Under load, System.Text.Json's object path took nearly a quarter of the host's CPU on this body and a third of the
/// request's allocation: a thousand cells, each a <see cref="CellDto"/> in a growing list, then copied once more into a
/// <see cref="RawCell"/>. This reads the same JSON once, with the serializer's own <see cref="Utf8JsonReader"/>, and
/// keeps its rules for <see cref="CheckRequest"/> with the web defaults: property names matched regardless of case,
/// unknown properties skipped, the last of a repeated property kept, numbers left to the serializer (which also reads
/// them from strings), and a value of the wrong type refused with the path the serializer names
/// (<c>$.tables[0].rows[3].cells[1].text</c>). CheckBodyTests holds it to the serializer's reading of the contract.
/// </remarks>
public sealed class CheckBody
{
    // The serializer's reader with the web defaults: no comments, no trailing commas, 64 levels deep at most.
    private static readonly JsonReaderOptions ReaderOptions = new() { CommentHandling = JsonCommentHandling.Disallow, AllowTrailingCommas = false };

    // The contract's property names, in the order they are tried; "documentUrl" is the longest.
    private static readonly PropertyNames RequestProperties = new("host", "titleLines", "tables", "documentUrl", "previous");
    private static readonly PropertyNames DocumentProperties = new("titleLines", "tables");
    private static readonly PropertyNames TableProperties = new("rows", "sheet");
    private static readonly PropertyNames RowProperties = new("cells");
    private static readonly PropertyNames CellProperties = new("text", "number", "format", "span");
    private const int LongestName = 11;

    private CheckBody(string? host, IReadOnlyList<DocumentBlock> blocks, string? documentUrl, IReadOnlyList<DocumentBlock>? previous)
    {
        Host = host;
        Blocks = blocks;
        DocumentUrl = documentUrl;
        Previous = previous;
    }

    public string? Host { get; }

    /// <summary>The open document as the pane read it: title lines as paragraphs, then the tables in request order.</summary>
    public IReadOnlyList<DocumentBlock> Blocks { get; }

    public string? DocumentUrl { get; }

    /// <summary>The previous period's document sent inline, in the same shape; null when the request has none.</summary>
    public IReadOnlyList<DocumentBlock>? Previous { get; }

    /// <summary>
    /// Minimal APIs' binding: 415 for a body that is not JSON, null (the framework's "not provided") for an empty one,
    /// and a <see cref="JsonException"/> inside a 400 for one that does not read, as the framework's own binding does.
    /// </summary>
    public static async ValueTask<CheckBody?> BindAsync(HttpContext context)
    {
        var request = context.Request;
        var encoding = JsonEncoding(request)
            ?? throw new BadHttpRequestException($"Expected a JSON body but got \"{request.ContentType}\".", StatusCodes.Status415UnsupportedMediaType);
        var (buffer, length) = await ReadAllAsync(request.BodyReader, request.ContentLength, context.RequestAborted);
        try
        {
            return encoding is UTF8Encoding
                ? Parse(buffer.AsSpan(0, length))
                : Parse(Encoding.Convert(encoding, Encoding.UTF8, buffer, 0, length));
        }
        catch (JsonException json)
        {
            throw new BadHttpRequestException("The request body is not a check request's JSON.", StatusCodes.Status400BadRequest, json);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// The request in <paramref name="utf8Json"/>, or null when it is empty or the JSON literal <c>null</c>; throws a
    /// <see cref="JsonException"/> naming the path of the first value that does not read.
    /// </summary>
    public static CheckBody? Parse(ReadOnlySpan<byte> utf8Json)
    {
        if (utf8Json.IsEmpty)
        {
            return null;
        }

        // The serializer skips a byte-order mark when it reads a stream, as the framework does.
        var reader = new Utf8JsonReader(utf8Json.StartsWith("\uFEFF"u8) ? utf8Json[3..] : utf8Json, ReaderOptions);
        var path = new JsonPathStack();
        try
        {
            if (!reader.Read())
            {
                throw new JsonException("The input does not contain any JSON tokens.", "$", 0, 0);
            }

            var body = reader.TokenType == JsonTokenType.Null ? null : ReadRequest(ref reader, path);
            if (reader.Read())
            {
                throw Refused(ref reader, path);
            }

            return body;
        }
        catch (JsonException error) when (error.Path is null)
        {
            // The reader's own refusals (bad syntax, too deep) carry no path; the serializer adds the one it was at.
            throw new JsonException(error.Message, path.ToString(), error.LineNumber, error.BytePositionInLine, error);
        }
    }

    private static CheckBody ReadRequest(ref Utf8JsonReader reader, JsonPathStack path)
    {
        Expect(ref reader, path, JsonTokenType.StartObject);
        string? host = null, documentUrl = null;
        List<string?>? titleLines = null;
        List<TableBlock?>? tables = null;
        IReadOnlyList<DocumentBlock>? previous = null;
        for (int property; (property = NextKnownProperty(ref reader, path, RequestProperties)) >= 0; path.Leave())
        {
            switch (property)
            {
                case 0:
                    host = ReadString(ref reader, path);
                    break;
                case 1:
                    titleLines = ReadStrings(ref reader, path);
                    break;
                case 2:
                    tables = ReadTables(ref reader, path);
                    break;
                case 3:
                    documentUrl = ReadString(ref reader, path);
                    break;
                default:
                    previous = ReadDocument(ref reader, path);
                    break;
            }
        }

        return new CheckBody(host, DocumentOf(titleLines, tables), documentUrl, previous);
    }

    private static List<DocumentBlock>? ReadDocument(ref Utf8JsonReader reader, JsonPathStack path)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        Expect(ref reader, path, JsonTokenType.StartObject);
        List<string?>? titleLines = null;
        List<TableBlock?>? tables = null;
        for (int property; (property = NextKnownProperty(ref reader, path, DocumentProperties)) >= 0; path.Leave())
        {
            if (property == 0)
            {
                titleLines = ReadStrings(ref reader, path);
            }
            else
            {
                tables = ReadTables(ref reader, path);
            }
        }

        return DocumentOf(titleLines, tables);
    }

    /// <summary>Title lines first, as paragraphs, then the tables, whichever order the JSON gave them in.</summary>
    private static List<DocumentBlock> DocumentOf(List<string?>? titleLines, List<TableBlock?>? tables)
    {
        var blocks = new List<DocumentBlock>((titleLines?.Count ?? 0) + (tables?.Count ?? 0));
        foreach (var line in titleLines ?? [])
        {
            blocks.Add(new ParagraphBlock(line ?? string.Empty));
        }

        foreach (var table in tables ?? [])
        {
            blocks.Add(table ?? new TableBlock([]));
        }

        return blocks;
    }

    private static List<TableBlock?>? ReadTables(ref Utf8JsonReader reader, JsonPathStack path)
    {
        if (!StartArray(ref reader, path))
        {
            return null;
        }

        var tables = new List<TableBlock?>(1);
        for (var index = 0; NextElement(ref reader, path, index); index++, path.Leave())
        {
            tables.Add(reader.TokenType == JsonTokenType.Null ? null : ReadTable(ref reader, path));
        }

        return tables;
    }

    private static TableBlock ReadTable(ref Utf8JsonReader reader, JsonPathStack path)
    {
        Expect(ref reader, path, JsonTokenType.StartObject);
        string? sheet = null;
        RawRow[]? rows = null;
        for (int property; (property = NextKnownProperty(ref reader, path, TableProperties)) >= 0; path.Leave())
        {
            if (property == 0)
            {
                rows = ReadRows(ref reader, path);
            }
            else
            {
                sheet = ReadString(ref reader, path);
            }
        }

        return new TableBlock(rows ?? [], sheet);
    }

    private static RawRow[]? ReadRows(ref Utf8JsonReader reader, JsonPathStack path)
    {
        if (!StartArray(ref reader, path))
        {
            return null;
        }

        var rows = new List<RawRow>(256);
        var cells = new List<RawCell>(16);
        for (var index = 0; NextElement(ref reader, path, index); index++, path.Leave())
        {
            rows.Add(reader.TokenType == JsonTokenType.Null ? new RawRow(Array.Empty<RawCell>()) : ReadRow(ref reader, path, cells));
        }

        return [.. rows];
    }

    /// <summary>A row; <paramref name="cells"/> is one list reused for every row of the table, copied out to an exact array.</summary>
    private static RawRow ReadRow(ref Utf8JsonReader reader, JsonPathStack path, List<RawCell> cells)
    {
        Expect(ref reader, path, JsonTokenType.StartObject);
        RawCell[]? read = null;
        for (; NextKnownProperty(ref reader, path, RowProperties) >= 0; path.Leave())
        {
            read = null;
            if (StartArray(ref reader, path))
            {
                cells.Clear();
                for (var index = 0; NextElement(ref reader, path, index); index++, path.Leave())
                {
                    cells.Add(reader.TokenType == JsonTokenType.Null ? RawCell.Empty : ReadCell(ref reader, path));
                }

                read = [.. cells];
            }
        }

        return new RawRow(read ?? []);
    }

    // Empty cells are two in five of an appendix's (435 of the fixture's 1,060): they share one RawCell.
    private static RawCell ReadCell(ref Utf8JsonReader reader, JsonPathStack path)
    {
        Expect(ref reader, path, JsonTokenType.StartObject);
        string? text = null, format = null;
        double? number = null;
        int? span = null;
        for (int property; (property = NextKnownProperty(ref reader, path, CellProperties)) >= 0; path.Leave())
        {
            switch (property)
            {
                case 0:
                    text = ReadString(ref reader, path);
                    break;
                case 1:
                    reader.Read();
                    number = Serialized(ref reader, path, ApiJsonContext.Default.NullableDouble);
                    break;
                case 2:
                    format = ReadString(ref reader, path);
                    break;
                default:
                    reader.Read();
                    span = Serialized(ref reader, path, ApiJsonContext.Default.NullableInt32);
                    break;
            }
        }

        return string.IsNullOrEmpty(text) && number is null && format is null && span is null or <= 1
            ? RawCell.Empty
            : new RawCell(text ?? string.Empty, number, format, span is > 0 ? span.Value : 1);
    }

    /// <summary>A number as the serializer reads it with the web defaults (a JSON number, or one written as a string).</summary>
    private static T Serialized<T>(ref Utf8JsonReader reader, JsonPathStack path, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type)
    {
        try
        {
            return JsonSerializer.Deserialize(ref reader, type)!;
        }
        catch (JsonException error)
        {
            throw new JsonException(error.Message, path.ToString(), error.LineNumber, error.BytePositionInLine, error);
        }
    }

    private static List<string?>? ReadStrings(ref Utf8JsonReader reader, JsonPathStack path)
    {
        if (!StartArray(ref reader, path))
        {
            return null;
        }

        var lines = new List<string?>(8);
        for (var index = 0; NextElement(ref reader, path, index); index++, path.Leave())
        {
            lines.Add(StringValue(ref reader, path));
        }

        return lines;
    }

    private static string? ReadString(ref Utf8JsonReader reader, JsonPathStack path)
    {
        reader.Read();
        return StringValue(ref reader, path);
    }

    private static string? StringValue(ref Utf8JsonReader reader, JsonPathStack path)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.String:
                return Text(ref reader, path);

            default:
                throw Refused(ref reader, path);
        }
    }

    /// <summary>The string at the reader; invalid UTF-8 or a lone surrogate escape is refused at <paramref name="path"/>, as the serializer refuses it.</summary>
    private static string Text(ref Utf8JsonReader reader, JsonPathStack path)
    {
        try
        {
            return reader.GetString()!;
        }
        catch (InvalidOperationException invalid)
        {
            throw new JsonException(invalid.Message, path.ToString(), null, reader.BytesConsumed, invalid);
        }
    }

    /// <summary>True at the start of an array, false at null; anything else is refused at <paramref name="path"/>.</summary>
    private static bool StartArray(ref Utf8JsonReader reader, JsonPathStack path)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.Null)
        {
            return false;
        }

        Expect(ref reader, path, JsonTokenType.StartArray);
        return true;
    }

    /// <summary>
    /// Moves to element <paramref name="index"/> of an array, its index already on the path (the serializer names the
    /// element it was about to read when the JSON breaks off there); false at the array's end, with the index left.
    /// The caller leaves the path after the element, as after a property (<see cref="NextKnownProperty"/>).
    /// </summary>
    private static bool NextElement(ref Utf8JsonReader reader, JsonPathStack path, int index)
    {
        path.EnterIndex(index);
        if (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            return true;
        }

        path.Leave();
        return false;
    }

    /// <summary>
    /// A property name no exact match found, decoded as the serializer decodes one: unescaped, with bytes that are not
    /// UTF-8 replaced rather than refused (such a name matches none of the contract's, and its value is skipped).
    /// </summary>
    private static string UnmatchedName(ref Utf8JsonReader reader, JsonPathStack path)
    {
        if (!reader.ValueIsEscaped)
        {
            return Encoding.UTF8.GetString(reader.ValueSpan);
        }

        var unescaped = new byte[reader.ValueSpan.Length];
        try
        {
            return Encoding.UTF8.GetString(unescaped, 0, reader.CopyString(unescaped));
        }
        catch (InvalidOperationException invalid)
        {
            throw new JsonException(invalid.Message, path.ToString(), null, reader.BytesConsumed, invalid);
        }
    }

    /// <summary>An unknown property's value, skipped under its name: the serializer names it when the JSON breaks inside.</summary>
    private static void SkipUnknown(ref Utf8JsonReader reader, JsonPathStack path)
    {
        path.Enter(UnmatchedName(ref reader, path));
        reader.Skip();
        path.Leave();
    }

    /// <summary>
    /// Moves to the object's next property the contract knows, skipping unknown ones, and puts its name on the path;
    /// its index in <paramref name="names"/>, or -1 at the object's end. The caller leaves the path after the value.
    /// </summary>
    private static int NextKnownProperty(ref Utf8JsonReader reader, JsonPathStack path, PropertyNames names)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var property = Property(ref reader, path, names);
            if (property >= 0)
            {
                path.Enter(names.Text[property]);
                return property;
            }

            SkipUnknown(ref reader, path);
        }

        return -1;
    }

    /// <summary>
    /// Which of <paramref name="names"/> the property at the reader is, or -1: as written first (the pane's own case),
    /// else as the serializer compares with the web defaults, ordinally and ignoring case.
    /// </summary>
    private static int Property(ref Utf8JsonReader reader, JsonPathStack path, PropertyNames names)
    {
        // Compared as UTF-8: the UTF-16 overload transcodes its argument on every call, 3 % of the host's CPU.
        for (var i = 0; i < names.Utf8.Length; i++)
        {
            if (reader.ValueTextEquals(names.Utf8[i]))
            {
                return i;
            }
        }

        // Longer than the longest name written with escapes (\u0074 for t) cannot be one of them.
        if (reader.ValueSpan.Length > 6 * LongestName)
        {
            return -1;
        }

        // A loop, not a lambda: a closure over the name would be allocated on every call, matched or not.
        var name = UnmatchedName(ref reader, path);
        for (var i = 0; i < names.Text.Length; i++)
        {
            if (string.Equals(name, names.Text[i], StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    private static void Expect(ref Utf8JsonReader reader, JsonPathStack path, JsonTokenType token)
    {
        if (reader.TokenType != token)
        {
            throw Refused(ref reader, path);
        }
    }

    private static JsonException Refused(ref Utf8JsonReader reader, JsonPathStack path) =>
        new($"The JSON value at {path} is a {reader.TokenType}, which a check request does not hold there.", path.ToString(), null, reader.BytesConsumed);

    /// <summary>
    /// The body's encoding when the framework takes its media type for JSON (<c>application/json</c> or a
    /// <c>+json</c> type): UTF-8 unless the charset names another; null when it is not JSON or names no encoding known.
    /// </summary>
    private static Encoding? JsonEncoding(HttpRequest request)
    {
        if (!request.HasJsonContentType())
        {
            return null;
        }

        var mediaType = MediaTypeHeaderValue.Parse(request.ContentType);
        return mediaType.Charset.HasValue ? mediaType.Encoding : Encoding.UTF8;
    }

    /// <summary>
    /// The whole body in one pooled array: the reader is fastest over one span. Kestrel holds the endpoint's size
    /// limit while it is read (413 past it), so the array never outgrows what the endpoint accepts. The declared length
    /// sizes the first array only up to 256 KB (a thousand-row table): a client that declares megabytes and sends
    /// nothing holds no more than that.
    /// </summary>
    private static async ValueTask<(byte[] Buffer, int Length)> ReadAllAsync(PipeReader body, long? contentLength, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(contentLength is > 0 ? (int)Math.Min(contentLength.Value, 256 * 1024) : 16 * 1024);
        var length = 0;
        try
        {
            while (true)
            {
                var read = await body.ReadAsync(cancellationToken);
                foreach (var segment in read.Buffer)
                {
                    if (length + segment.Length > buffer.Length)
                    {
                        var larger = ArrayPool<byte>.Shared.Rent(checked(Math.Max(buffer.Length * 2, length + segment.Length)));
                        buffer.AsSpan(0, length).CopyTo(larger);
                        ArrayPool<byte>.Shared.Return(buffer);
                        buffer = larger;
                    }

                    segment.Span.CopyTo(buffer.AsSpan(length));
                    length += segment.Length;
                }

                body.AdvanceTo(read.Buffer.End);
                if (read.IsCompleted)
                {
                    return (buffer, length);
                }
            }
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }

    /// <summary>Property names of one of the contract's objects, as text and as the UTF-8 the reader compares.</summary>
    private sealed class PropertyNames(params string[] names)
    {
        public string[] Text { get; } = names;

        public byte[][] Utf8 { get; } = [.. names.Select(Encoding.UTF8.GetBytes)];
    }

    /// <summary>Where the reader is, as the serializer writes it (<c>$.tables[0].rows[3]</c>); rendered only for a refusal.</summary>
    private sealed class JsonPathStack
    {
        // The serializer brackets a name holding any of these: $['a b'].
        private static readonly SearchValues<char> Special = SearchValues.Create(". '/\"[]()\t\n\r\f\b\\\u0085\u2028\u2029");

        private readonly List<(string? Name, int Index)> _steps = new(8);

        public JsonPathStack Enter(string name)
        {
            _steps.Add((name, -1));
            return this;
        }

        public void EnterIndex(int index) => _steps.Add((null, index));

        public void Leave() => _steps.RemoveAt(_steps.Count - 1);

        public override string ToString()
        {
            var text = new StringBuilder("$");
            foreach (var (name, index) in _steps)
            {
                _ = name is null ? text.Append('[').Append(index).Append(']')
                    : name.AsSpan().ContainsAny(Special) ? text.Append("['").Append(name).Append("']")
                    : text.Append('.').Append(name);
            }

            return text.ToString();
        }
    }
}
