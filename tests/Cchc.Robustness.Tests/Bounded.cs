using System.Diagnostics;

namespace Cchc.Robustness.Tests;

/// <summary>What a bounded call cost: managed bytes it allocated on its thread, and how far the process's peak working set rose.</summary>
internal sealed record Cost(long AllocatedBytes, long PeakWorkingSetGrowth)
{
    public override string ToString() =>
        $"allocated {AllocatedBytes / (1024 * 1024)} MB, peak working set +{PeakWorkingSetGrowth / (1024 * 1024)} MB";
}

/// <summary>
/// Runs a call on a thread of its own under a hang guard and measures what it cost. The guard is far above
/// any honest run (a hostile file must fail fast, but CI machines are slow and shared): it catches a hang or
/// a runaway loop, not a slow run. The assembly runs its tests one at a time, so the growth of the
/// process's peak working set during the call is the call's own.
/// </summary>
internal static class Bounded
{
    public static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(60);

    /// <summary>Generous: the biggest honest input here (a 100,000-row table) stays well under it.</summary>
    public const long MaxPeakGrowthBytes = 500L * 1024 * 1024;

    public static (T Result, Cost Cost) Run<T>(Func<T> call)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var peakBefore = PeakWorkingSet();
        long allocated = 0;

        // A dedicated thread: the call cannot be cancelled, but the test is released when the guard expires.
        var task = Task.Factory.StartNew(
            () =>
            {
                var before = GC.GetAllocatedBytesForCurrentThread();
                var result = call();
                allocated = GC.GetAllocatedBytesForCurrentThread() - before;
                return result;
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);

        if (!task.Wait(HangGuard))
        {
            Assert.Fail($"The call had not returned after {HangGuard.TotalSeconds} s: a hang or a runaway loop on hostile input.");
        }

        var cost = new Cost(allocated, PeakWorkingSet() - peakBefore);
        Assert.True(
            cost.PeakWorkingSetGrowth < MaxPeakGrowthBytes,
            $"Peak memory rose by {cost.PeakWorkingSetGrowth / (1024 * 1024)} MB, over the {MaxPeakGrowthBytes / (1024 * 1024)} MB bound.");
        return (task.Result, cost);
    }

    private static long PeakWorkingSet()
    {
        using var process = Process.GetCurrentProcess();
        return process.PeakWorkingSet64;
    }
}
