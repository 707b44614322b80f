namespace Cchc.OpenXml.Tests.Reading;

public class SampleDocumentTests
{
    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    [Fact]
    public void Dump()
    {
        foreach (var f in new[] { "ngan-nam-2022-q3.docx", "ngan-nam-2022-q3.xlsx" })
        {
            var s = AppendixDocument.ReadFile(Fixture(f));
            Console.WriteLine(f + " " + s.Rows.Count + " | " + string.Join(" / ", s.TitleLines));
            foreach (var r in s.Rows.Take(12).Concat(s.Rows.Skip(70).Take(8)))
            {
                Console.WriteLine($"{r.Row}: {r.No} | {r.Label} | {r.Unit} | {r.Value} ({r.Value.Number} {r.Value.NumberFormat}) | {r.Note} @{r.Location}");
            }
        }
    }
}
