using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cchc.Testing.Forms;

/// <summary>Writes forms to a folder: NAME.docx, NAME.xlsx, NAME.txt and NAME.expected.json, for people to look at.</summary>
public static class FormFiles
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        // The labels are Vietnamese; escaping every letter would make the file unreadable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Writes every form of <paramref name="forms"/> and returns the paths written.</summary>
    public static IReadOnlyList<string> WriteAll(string folder, IEnumerable<FormDocument> forms)
    {
        Directory.CreateDirectory(folder);
        var written = new List<string>();
        foreach (var form in forms)
        {
            written.Add(Write(folder, form.Name + ".docx", DocxWriter.Write(form)));
            written.Add(Write(folder, form.Name + ".xlsx", XlsxWriter.Write(form)));
            written.Add(Write(folder, form.Name + ".txt", Encoding.UTF8.GetBytes(FormText.Write(form))));
            written.Add(Write(folder, form.Name + ".expected.json", JsonSerializer.SerializeToUtf8Bytes(Expectations(form), Json)));
        }

        return written;
    }

    /// <summary>What a check of the form must and must not produce, without the document itself.</summary>
    private static object Expectations(FormDocument form) => new
    {
        form.Name,
        form.Description,
        Previous = form.Previous?.Name,
        form.Expected,
        form.Clean,
        form.Relations,
    };

    private static string Write(string folder, string name, byte[] content)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllBytes(path, content);
        return path;
    }
}
