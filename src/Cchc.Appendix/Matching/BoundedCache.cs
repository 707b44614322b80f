using System.Collections.Concurrent;

namespace Cchc.Appendix.Matching;

/// <summary>
/// What the engine keeps between checks (previous reports analysed, the nearest entries of reworded labels): thread-safe,
/// at most <c>capacity</c> entries, the oldest added forgotten first. The engine depends on nothing outside the BCL
/// (ARCHITECTURE.md), and what it keeps needs no more than first in, first out: an entry forgotten while still in use is
/// worked out once more and kept again.
/// </summary>
internal sealed class BoundedCache<TKey, TValue>(int capacity, IEqualityComparer<TKey>? comparer = null)
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, TValue> _entries = new(comparer);
    private readonly ConcurrentQueue<TKey> _added = new();

    /// <summary>Kept beside the dictionary: its own count takes every one of its locks, and was read on every add.</summary>
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public bool TryGet(TKey key, out TValue value) => _entries.TryGetValue(key, out value!);

    /// <summary>The kept value, else <paramref name="create"/>'s, kept; two threads creating at once both get the one kept.</summary>
    public TValue GetOrAdd<TArgument>(TKey key, Func<TKey, TArgument, TValue> create, TArgument argument)
    {
        if (_entries.TryGetValue(key, out var kept))
        {
            return kept;
        }

        var value = create(key, argument);
        if (!_entries.TryAdd(key, value))
        {
            return _entries.TryGetValue(key, out kept) ? kept : value;
        }

        Added(key);
        return value;
    }

    /// <summary>
    /// Keeps <paramref name="value"/> unless the key is kept already. Never overwrites: an entry written back after
    /// another thread evicted it would be kept without a place in the eviction queue, and the cache would outgrow its
    /// capacity.
    /// </summary>
    public void TryAdd(TKey key, TValue value)
    {
        if (_entries.TryAdd(key, value))
        {
            Added(key);
        }
    }

    private void Added(TKey key)
    {
        _added.Enqueue(key);
        var count = Interlocked.Increment(ref _count);
        while (count > capacity && _added.TryDequeue(out var oldest))
        {
            count = _entries.TryRemove(oldest, out _) ? Interlocked.Decrement(ref _count) : Volatile.Read(ref _count);
        }
    }
}
