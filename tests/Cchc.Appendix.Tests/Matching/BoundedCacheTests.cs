using Cchc.Appendix.Matching;

namespace Cchc.Appendix.Tests.Matching;

public sealed class BoundedCacheTests
{
    [Fact]
    public void GetOrAdd_MoreKeysThanItKeeps_ForgetsTheOldestFirst()
    {
        var cache = new BoundedCache<int, string>(3);

        for (var key = 0; key < 5; key++)
        {
            cache.GetOrAdd(key, static (k, _) => k.ToString(System.Globalization.CultureInfo.InvariantCulture), 0);
        }

        Assert.Equal(3, cache.Count);
        Assert.False(cache.TryGet(0, out _));
        Assert.False(cache.TryGet(1, out _));
        Assert.True(cache.TryGet(4, out var kept));
        Assert.Equal("4", kept);
    }

    [Fact]
    public void GetOrAdd_ManyThreadsSameKeys_EveryCallerGetsTheKeptValueAndTheBoundHolds()
    {
        var cache = new BoundedCache<int, object>(16);
        var seen = new System.Collections.Concurrent.ConcurrentDictionary<int, object>();

        Parallel.For(0, 20_000, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            var key = i % 8;
            var value = cache.GetOrAdd(key, static (_, _) => new object(), 0);
            Assert.Same(seen.GetOrAdd(key, value), value);
            Assert.InRange(cache.Count, 0, 16);
        });

        Parallel.For(0, 20_000, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => cache.TryAdd(1_000 + i, new object()));
        Assert.InRange(cache.Count, 1, 16);
    }

    [Fact]
    public void TryAdd_SameKeysWhileEvicting_TheBoundHolds()
    {
        var cache = new BoundedCache<int, object>(16);

        // Keys come back while others evict them: an entry written back outside the eviction queue would stay forever.
        Parallel.For(0, 200_000, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => cache.TryAdd(i % 64, new object()));

        Assert.InRange(cache.Count, 1, 16);
    }
}
