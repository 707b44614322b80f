namespace Cchc.OpenXml.Tests.Reading;

public class DamagedSampleTests
{
    public static TheoryData<string, int> Mutations()
    {
        var data = new TheoryData<string, int>();
        foreach (var file in new[] { "ngan-nam-2022-q3.docx", "ngan-nam-2022-q3.xlsx" })
        {
            for (var seed = 0; seed < 12; seed++)
            {
                data.Add(file, seed);
            }
        }

        return data;
    }

    /// <summary>Whatever the damage, the user gets a snapshot or a sentence, never a stack trace.</summary>
    [Theory]
    [MemberData(nameof(Mutations))]
    public void Read_RandomlyDamagedSample_ReadsOrFailsWithAMessage(string file, int seed)
    {
        var bytes = File.ReadAllBytes(TestFiles.Fixture(file));
        var random = new Random(seed);
        for (var i = 0; i < 1 + (seed % 4); i++)
        {
            var at = random.Next(bytes.Length);
            var length = Math.Min(random.Next(1, 64), bytes.Length - at);
            random.NextBytes(bytes.AsSpan(at, length));
        }

        try
        {
            var snapshot = AppendixDocument.Read(new MemoryStream(bytes), file);
            Assert.NotNull(snapshot);
        }
        catch (DocumentReadException e)
        {
            Assert.False(string.IsNullOrWhiteSpace(e.Message));
        }
    }
}
