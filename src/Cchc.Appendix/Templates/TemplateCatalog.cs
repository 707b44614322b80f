using System.Text.Json;
using System.Text.Json.Serialization;
using Cchc.Appendix.Checking;
using Cchc.Appendix.Text;

namespace Cchc.Appendix.Templates;

/// <summary>A template file that cannot be used, with the reason in Vietnamese and English.</summary>
public sealed class TemplateException(string message, string messageEn, Exception? inner = null) : Exception(message, inner)
{
    public string MessageEn { get; } = messageEn;
}

/// <summary>
/// The templates a checker may match against: those embedded in this assembly, plus any a province drops
/// into a folder. Templates are validated when loaded, so a broken file fails at start-up, not mid-check.
/// </summary>
public sealed class TemplateCatalog
{
    public const int SupportedFormatVersion = 1;

    /// <summary>How the product's JSON data files are read: camelCase, comments and trailing commas allowed, enums by name.</summary>
    internal static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
    };

    /// <summary>How a template is written: indented, readable Vietnamese, without the empty lists and nulls a reader would wade through.</summary>
    private static readonly JsonSerializerOptions WriteOptions = new(JsonOptions)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver { Modifiers = { SkipEmptyLists } },
    };

    private static readonly Lazy<TemplateCatalog> EmbeddedCatalog = new(LoadEmbedded);

    /// <summary>Labels longer than this (a paragraph pasted into a cell) are read every time rather than kept.</summary>
    private const int MaxKeptLabel = 256;

    /// <summary>The labels last seen, with what each says.</summary>
    private readonly LabelTable _labels = new();

    public TemplateCatalog(IEnumerable<AppendixTemplate> templates)
    {
        Templates = templates.ToList();
        Compiled = Templates.Select(t => new CompiledTemplate(t)).ToList();
        LabelKeys = Compiled.SelectMany(t => t.ByKey.Keys).ToHashSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The templates embedded in this assembly.</summary>
    public static TemplateCatalog Embedded => EmbeddedCatalog.Value;

    public IReadOnlyList<AppendixTemplate> Templates { get; }

    internal IReadOnlyList<CompiledTemplate> Compiled { get; }

    /// <summary>Every label key of every template, so that a document's key equal to one is that same string.</summary>
    internal HashSet<string>.AlternateLookup<ReadOnlySpan<char>> LabelKeys { get; }

    /// <summary>
    /// The <see cref="LabelFacts"/> of a document's label, its key the same string as a template's key where it equals
    /// one. Labels recur: a province's units write the same form, and the pane checks a document again after every
    /// edit, so the facts of labels seen more than once are kept (<see cref="LabelTable"/>) and looked up rather than read again.
    /// </summary>
    internal LabelFacts LabelOf(string label) =>
        label.Length > MaxKeptLabel ? Read(label, LabelKeys)
            : _labels.GetOrAdd(label, Read, LabelKeys);

    private static LabelFacts Read(string label, HashSet<string>.AlternateLookup<ReadOnlySpan<char>> known) => new(label, VietnameseText.LabelKey(label, known));

    /// <summary>This catalogue plus every <c>*.json</c> template in <paramref name="directory"/>; same id and version replaces.</summary>
    public TemplateCatalog WithDirectory(string directory)
    {
        var loaded = Directory.EnumerateFiles(directory, "*.json").Order(StringComparer.Ordinal).Select(LoadFile).ToList();
        var kept = Templates.Where(t => !loaded.Any(l => l.Id == t.Id && l.Version == t.Version));
        return new TemplateCatalog(kept.Concat(loaded));
    }

    /// <summary>Writes <paramref name="template"/> in the format <see cref="Load"/> reads.</summary>
    public static void Write(AppendixTemplate template, Stream output) => JsonSerializer.Serialize(output, template, WriteOptions);

    public static AppendixTemplate LoadFile(string path)
    {
        using var stream = File.OpenRead(path);
        return Load(stream, Path.GetFileName(path));
    }

    /// <summary>Parses and validates one template; <paramref name="name"/> names it in error messages.</summary>
    public static AppendixTemplate Load(Stream json, string name)
    {
        AppendixTemplate? template;
        try
        {
            template = JsonSerializer.Deserialize<AppendixTemplate>(json, JsonOptions);
        }
        catch (JsonException ex)
        {
            throw new TemplateException(
                $"Mẫu phụ lục {name} không đúng định dạng JSON (dòng {ex.LineNumber + 1}): {ex.Message}",
                $"Template {name} is not valid JSON (line {ex.LineNumber + 1}): {ex.Message}",
                ex);
        }

        if (template is null)
        {
            throw new TemplateException($"Mẫu phụ lục {name} trống.", $"Template {name} is empty.");
        }

        Validate(template, name);
        return template;
    }

    private static void Validate(AppendixTemplate template, string name)
    {
        if (template.FormatVersion != SupportedFormatVersion)
        {
            throw new TemplateException(
                $"Mẫu phụ lục {name} dùng định dạng phiên bản {template.FormatVersion}; chương trình này đọc phiên bản {SupportedFormatVersion}.",
                $"Template {name} uses format version {template.FormatVersion}; this program reads version {SupportedFormatVersion}.");
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in template.Sections.SelectMany(s => s.Rows))
        {
            if (!ids.Add(row.Id))
            {
                throw new TemplateException($"Mẫu phụ lục {name} có mã chỉ tiêu trùng: {row.Id}.", $"Template {name} repeats the row id {row.Id}.");
            }

            if (row.Type == IndicatorType.Code && (row.Codes is null || row.Codes.Count == 0))
            {
                throw new TemplateException($"Chỉ tiêu {row.Id} của mẫu {name} là mã nhưng không liệt kê mã hợp lệ.", $"Row {row.Id} of template {name} is a code without its list of codes.");
            }
        }

        foreach (var relation in template.Relations)
        {
            var unknown = relation.RowIds.FirstOrDefault(id => !ids.Contains(id));
            if (unknown is not null)
            {
                throw new TemplateException($"Quan hệ {relation.Kind} của mẫu {name} nhắc tới chỉ tiêu không có: {unknown}.", $"A {relation.Kind} relation of template {name} names a missing row: {unknown}.");
            }
        }
    }

    private static void SkipEmptyLists(System.Text.Json.Serialization.Metadata.JsonTypeInfo type)
    {
        foreach (var property in type.Properties)
        {
            if (typeof(System.Collections.ICollection).IsAssignableFrom(property.PropertyType) || property.PropertyType.IsGenericType
                && property.PropertyType.GetGenericTypeDefinition() == typeof(IReadOnlyList<>))
            {
                property.ShouldSerialize = (_, value) => value is System.Collections.IEnumerable items && items.GetEnumerator().MoveNext();
            }
            else if (property.PropertyType == typeof(bool))
            {
                property.ShouldSerialize = (_, value) => value is true;
            }
        }
    }

    private static TemplateCatalog LoadEmbedded()
    {
        var assembly = typeof(TemplateCatalog).Assembly;
        const string Prefix = "Cchc.Appendix.Templates.";
        var templates = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n =>
            {
                using var stream = assembly.GetManifestResourceStream(n)!;
                return Load(stream, n[Prefix.Length..]);
            });
        return new TemplateCatalog(templates);
    }
}
