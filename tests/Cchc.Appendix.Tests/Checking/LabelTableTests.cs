using Cchc.Appendix.Checking;
using Cchc.Appendix.Text;

namespace Cchc.Appendix.Tests.Checking;

public sealed class LabelTableTests
{
    [Fact]
    public void GetOrAdd_ALabelSeenOnce_IsNotKeptAndOneSeenAgainIs()
    {
        var table = new LabelTable();

        var first = table.GetOrAdd("Số văn bản đã ban hành", Read, 0);
        var second = table.GetOrAdd(new string("Số văn bản đã ban hành".AsSpan()), Read, 0);
        var third = table.GetOrAdd(new string("Số văn bản đã ban hành".AsSpan()), Read, 0);

        Assert.NotSame(first, second);
        Assert.Same(second, third);
        Assert.Equal(VietnameseText.LabelKey("Số văn bản đã ban hành"), third.Key);
    }

    [Fact]
    public void GetOrAdd_FarMoreLabelsThanPlaces_EachGetsItsOwnFacts()
    {
        var table = new LabelTable();
        var labels = Enumerable.Range(0, LabelTable.Places * 3).Select(i => $"Chỉ tiêu {i}").ToList();

        // Twice over, so that places are kept, taken by other labels, and found again.
        foreach (var label in labels.Concat(labels))
        {
            var facts = table.GetOrAdd(label, Read, 0);

            Assert.Equal(label, facts.Label);
            Assert.Equal(VietnameseText.LabelKey(label), facts.Key);
        }
    }

    [Fact]
    public void GetOrAdd_ManyThreadsOnTheSameLabels_EveryAnswerIsTheLabelsOwn()
    {
        var table = new LabelTable();
        var labels = Enumerable.Range(0, 64).Select(i => $"Số hồ sơ tiếp nhận loại {i}").ToArray();

        Parallel.For(0, 50_000, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            var label = labels[i % labels.Length];
            Assert.Equal(label, table.GetOrAdd(label, Read, 0).Label);
        });
    }

    private static LabelFacts Read(string label, int unused) => new(label, VietnameseText.LabelKey(label));
}
