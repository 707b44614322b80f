using BenchmarkDotNet.Attributes;
using Cchc.Appendix.Checking;
using Cchc.Appendix.Table;

namespace Cchc.Benchmarks;

/// <summary>
/// The engine alone on synthetic appendices of growing length, snapshots already in memory, so that the
/// ns/row columns show whether the check stays linear.
/// </summary>
[MemoryDiagnoser]
public class EngineBenchmarks
{
    private TableSnapshot _synthetic = null!;

    [Params(1_000, 10_000, 100_000)]
    public int Rows { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _synthetic = SyntheticAppendix.Build(Fixtures.Snapshot(Fixtures.Q3Docx), Rows);
    }

    [Benchmark(Description = "check synthetic appendix")]
    public CheckReport CheckSynthetic() => AppendixChecker.Default.Check(_synthetic);
}

/// <summary>The engine on the real Q3 appendix (about 220 rows), alone and against its Q2 for the period rules.</summary>
[MemoryDiagnoser]
public class FixtureCheckBenchmarks
{
    private static readonly CheckOptions NoRules = new(OnlyCodes: new HashSet<string>());

    private TableSnapshot _q3 = null!;
    private TableSnapshot _q2 = null!;

    [GlobalSetup]
    public void Setup()
    {
        _q3 = Fixtures.Snapshot(Fixtures.Q3Docx);
        _q2 = Fixtures.Snapshot(Fixtures.Q2Docx);
    }

    [Benchmark(Baseline = true, Description = "check fixture Q3")]
    public CheckReport CheckFixture() => AppendixChecker.Default.Check(_q3);

    /// <summary>Matching to the template, header and number parsing, with no rule run: what every check pays first.</summary>
    [Benchmark(Description = "match + parse only (no rules)")]
    public CheckReport MatchOnly() => AppendixChecker.Default.Check(_q3, options: NoRules);

    [Benchmark(Description = "check fixture Q3 with Q2 previous")]
    public CheckReport CheckFixtureWithPrevious() => AppendixChecker.Default.Check(_q3, _q2);
}
