using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;

namespace Cchc.Testing.Forms.Tests;

/// <summary>
/// The consolidation set written out, as the end-to-end suite uses it:
/// <c>CCHC_CONSOLIDATION_OUT=/some/folder dotnet test tests/Cchc.Testing.Forms.Tests --filter Category=ConsolidationSet</c>.
/// Without the variable the files go to a temporary folder that is removed afterwards.
/// </summary>
public sealed class ConsolidationSetTests
{
    [Fact]
    [Trait("Category", "ConsolidationSet")]
    public void WriteTo_Folder_ValidDocumentsAndAManifestOfTheirFigures()
    {
        var requested = Environment.GetEnvironmentVariable("CCHC_CONSOLIDATION_OUT");
        var folder = string.IsNullOrWhiteSpace(requested) ? Path.Combine(Path.GetTempPath(), "cchc-set-" + Guid.NewGuid().ToString("N")) : requested;
        try
        {
            var written = ConsolidationSet.WriteTo(folder);

            foreach (var path in written.Where(p => p.EndsWith(".docx", StringComparison.Ordinal) && !p.EndsWith(ConsolidationSet.BrokenFile, StringComparison.Ordinal)))
            {
                using var document = WordprocessingDocument.Open(path, false);
                Assert.Empty(new OpenXmlValidator().Validate(document));
            }

            foreach (var path in written.Where(p => p.EndsWith(".xlsx", StringComparison.Ordinal)))
            {
                using var workbook = SpreadsheetDocument.Open(path, false);
                Assert.Empty(new OpenXmlValidator().Validate(workbook));
            }

            using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "set.json")));
            var files = manifest.RootElement.GetProperty("files").EnumerateArray().ToList();
            Assert.Equal(17, files.Count);
            Assert.Equal(12, files.Count(f => f.GetProperty("kind").GetString() == "Report" && f.GetProperty("form").GetString() == "commune"));
            Assert.Equal(2, files.Count(f => f.GetProperty("form").GetString() == "ward"));
            var ward = files.First(f => f.GetProperty("form").GetString() == "ward");
            Assert.Equal(2, ward.GetProperty("figures").GetProperty(ConsolidationSet.Received).GetArrayLength());
            Assert.Equal(15, manifest.RootElement.GetProperty("units").GetArrayLength());
        }
        finally
        {
            if (string.IsNullOrWhiteSpace(requested) && Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }
}
