namespace Cchc.Testing.Forms.Tests;

/// <summary>
/// Writes every form as .docx, .xlsx, .txt and .expected.json for people to look at:
/// <c>CCHC_FORMS_OUT=/some/folder dotnet test tests/Cchc.Testing.Forms.Tests --filter Category=Samples</c>.
/// Without the variable the files go to a temporary folder that is removed afterwards.
/// </summary>
public sealed class SampleFileTests
{
    [Fact]
    [Trait("Category", "Samples")]
    public void WriteAll_EveryForm_WritesFourFilesThatAreNotEmpty()
    {
        var requested = Environment.GetEnvironmentVariable("CCHC_FORMS_OUT");
        var folder = string.IsNullOrWhiteSpace(requested) ? Path.Combine(Path.GetTempPath(), "cchc-forms-" + Guid.NewGuid().ToString("N")) : requested;
        try
        {
            var written = FormFiles.WriteAll(folder, SampleForms.All);

            Assert.Equal(SampleForms.All.Count * 4, written.Count);
            Assert.All(written, path => Assert.True(new FileInfo(path).Length > 0, path));
            var text = File.ReadAllText(Path.Combine(folder, "c-xa-long-phu-2026-q2.txt"));
            Assert.Contains("STT\tNội dung/chỉ tiêu\tĐVT\tKết quả\t\tGhi chú", text, StringComparison.Ordinal);
            Assert.Contains("\t\t\tQuý này\tLũy kế từ đầu năm\t", text, StringComparison.Ordinal);
            var json = File.ReadAllText(Path.Combine(folder, "f-xa-phong-dien-2026-q2.expected.json"));
            Assert.Contains("\"previous\": \"f-xa-phong-dien-2026-q1\"", json, StringComparison.Ordinal);
            Assert.Contains("\"onlyInPrevious\": true", json, StringComparison.Ordinal);
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
