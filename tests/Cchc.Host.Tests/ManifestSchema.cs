using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;

namespace Cchc.Host.Tests;

/// <summary>
/// The add-in manifest XSDs vendored in <c>manifest/schemas</c> (Microsoft's task-pane set, MIT): the schema
/// Office itself checks a manifest against, so a manifest Office would refuse fails here first.
/// </summary>
internal static class ManifestSchema
{
    private static readonly Lazy<XmlSchemaSet> _schemas = new(Load);

    /// <summary>Every schema error in the document, each with its line; empty when it is valid.</summary>
    public static List<string> Errors(string manifestXml)
    {
        var errors = new List<string>();
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = _schemas.Value };
        settings.ValidationFlags |= XmlSchemaValidationFlags.ReportValidationWarnings;
        settings.ValidationEventHandler += (_, e) => errors.Add($"{e.Severity} line {e.Exception.LineNumber}: {e.Message}");
        using var reader = XmlReader.Create(new StringReader(manifestXml), settings);
        while (reader.Read())
        {
        }

        return errors;
    }

    public static List<string> Errors(XDocument manifest) => Errors(manifest.ToString());

    private static XmlSchemaSet Load()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "Manifest", "schemas");
        var set = new XmlSchemaSet { XmlResolver = new XmlUrlResolver() };
        var problems = new List<string>();
        set.ValidationEventHandler += (_, e) => problems.Add($"{e.Exception?.SourceUri} {e.Exception?.LineNumber}: {e.Message}");
        set.Add(null, Path.Combine(folder, "OfficeAppManifestV1_1.xsd"));
        set.Compile();
        if (problems.Count > 0)
        {
            throw new InvalidOperationException("The vendored manifest schemas do not compile: " + string.Join(" | ", problems));
        }

        return set;
    }
}
