using System.IO.Compression;
using System.Xml;

namespace Cchc.OpenXml.Reading;

/// <summary>
/// The parts of an inspected package, resolved straight from its zip by their relationships, as the OpenXml SDK
/// resolves them but without opening the package through it: the SDK parses the content types and every
/// relationship of every part and builds a part object for each before the first byte of a table is read, which
/// cost 3 to 9 times the bare pass over a workbook's sheets. Only the relationships of the parts a reader walks
/// are read here, each through <see cref="PartBudget"/> like the parts themselves.
/// </summary>
internal sealed class PackageParts : IDisposable
{
    private const string RelationshipsNs = "http://schemas.openxmlformats.org/package/2006/relationships";

    private readonly ZipArchive _zip;
    private readonly Dictionary<string, ZipArchiveEntry> _entries;
    private readonly string _name;
    private readonly PartBudget _budget;

    private PackageParts(ZipArchive zip, string name, PartBudget budget)
    {
        _zip = zip;
        _name = name;
        _budget = budget;

        // Part names are case-insensitive (ECMA-376 part 2, 9.1.1.1); a name twice in one zip keeps its first entry.
        _entries = new Dictionary<string, ZipArchiveEntry>(zip.Entries.Count, StringComparer.OrdinalIgnoreCase);
        foreach (var entry in zip.Entries)
        {
            _entries.TryAdd(entry.FullName, entry);
        }
    }

    /// <summary>Opens the package held in <paramref name="bytes"/>, which <see cref="PackageInspector"/> has already judged.</summary>
    public static PackageParts Open(byte[] bytes, string name, PartBudget budget) =>
        new(new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read), name, budget);

    /// <summary>The main part ("word/document.xml", "xl/workbook.xml"): the package's officeDocument relationship.</summary>
    /// <exception cref="DocumentReadException">The package names no main part, or names one it does not hold.</exception>
    public string MainPart()
    {
        foreach (var relationship in Relationships(string.Empty))
        {
            if (relationship.Type.EndsWith("/officeDocument", StringComparison.Ordinal) && Contains(relationship.Target))
            {
                return relationship.Target;
            }
        }

        throw ReadFailures.Corrupt(_name);
    }

    /// <summary>
    /// The internal relationships of <paramref name="part"/> ("" for the package itself) with their targets resolved to
    /// part names, in the order written; none when the part has no relationships part.
    /// </summary>
    public List<PartRelationship> Relationships(string part)
    {
        var relationships = new List<PartRelationship>();
        var slash = part.LastIndexOf('/');
        var folder = slash < 0 ? string.Empty : part[..(slash + 1)];
        if (Entry(folder + "_rels/" + part[(slash + 1)..] + ".rels") is not { } rels)
        {
            return relationships;
        }

        using var reader = _budget.OpenXml(rels);
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "Relationship" || reader.NamespaceURI != RelationshipsNs
                || reader.GetAttribute("TargetMode") is not (null or "Internal")
                || reader.GetAttribute("Id") is not { } id || reader.GetAttribute("Type") is not { } type
                || reader.GetAttribute("Target") is not { } target)
            {
                continue;
            }

            relationships.Add(new PartRelationship(id, type, Resolve(folder, target)));
        }

        return relationships;
    }

    /// <summary>The target of the first of <paramref name="relationships"/> whose type is "…/<paramref name="typeName"/>", or null.</summary>
    public static string? Related(List<PartRelationship> relationships, string typeName)
    {
        foreach (var relationship in relationships)
        {
            if (relationship.Type.Length > typeName.Length && relationship.Type.EndsWith(typeName, StringComparison.Ordinal)
                && relationship.Type[^(typeName.Length + 1)] == '/')
            {
                return relationship.Target;
            }
        }

        return null;
    }

    public bool Contains(string part) => Entry(part) is not null;

    /// <summary>A forward-only reader over <paramref name="part"/>, counted against the budget.</summary>
    /// <exception cref="DocumentReadException">A relationship points at a part the package does not hold.</exception>
    public XmlReader OpenXml(string part) => _budget.OpenXml(Entry(part) ?? throw ReadFailures.Corrupt(_name));

    public void Dispose() => _zip.Dispose();

    private ZipArchiveEntry? Entry(string part) =>
        _entries.GetValueOrDefault(part) ?? (part.Contains('%') ? _entries.GetValueOrDefault(Uri.UnescapeDataString(part)) : null);

    /// <summary>A relationship's target as a part name: absolute from the package root, or relative to the source's folder.</summary>
    private static string Resolve(string folder, string target)
    {
        var path = target.StartsWith('/') ? target[1..] : folder + target;
        if (!path.Contains("./", StringComparison.Ordinal))
        {
            return path;
        }

        var segments = new List<string>();
        foreach (var segment in path.Split('/'))
        {
            if (segment == "..")
            {
                if (segments.Count > 0)
                {
                    segments.RemoveAt(segments.Count - 1);
                }
            }
            else if (segment != ".")
            {
                segments.Add(segment);
            }
        }

        return string.Join('/', segments);
    }
}

/// <summary>One internal relationship: its id, its type URI and the part name it points at.</summary>
internal sealed record PartRelationship(string Id, string Type, string Target);
