using BenchmarkDotNet.Attributes;
using Cchc.Appendix.Checking;
using Cchc.Appendix.Table;

namespace Cchc.Benchmarks;

/// <summary>
/// The engine alone on synthetic appendices of growing length, snapshots already in memory, so that the
/// ns/row columns show whether the check stays linear. The form's items repeated are no longer the form (fewer than
/// half their labelled rows can match it once), so these check with the generic rules, as any long unknown form would.
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

    /// <summary>The same appendix as a form no template describes: generic rules and relations from the labels' words.</summary>
    [Benchmark(Description = "unknown form Q3 (generic rules)")]
    public CheckReport CheckUnknownForm() => UnknownForm.Checker.Check(_q3);

    /// <summary>As a form no template describes, with Q2 drafted into the form it is checked against.</summary>
    [Benchmark(Description = "unknown form Q3, form learned from Q2")]
    public CheckReport CheckUnknownFormLearned() => UnknownForm.Checker.Check(_q3, _q2);
}

/// <summary>A checker that knows no template, so every appendix is a form it has never seen.</summary>
public static class UnknownForm
{
    public static AppendixChecker Checker { get; } = new(new Cchc.Appendix.Templates.TemplateCatalog([]));
}

/// <summary>
/// Issue 10's promise: an appendix of a form no template describes checks in linear time and no slower per row than the
/// known form (the fixture against its template, <see cref="FixtureCheckBenchmarks"/>). Synthetic appendices of 1,000 and
/// 10,000 rows, and their previous quarter built the same way from Q2, checked with the generic rules alone and against
/// the form learned from last quarter.
/// </summary>
[MemoryDiagnoser]
public class UnknownFormBenchmarks
{
    private TableSnapshot _current = null!;
    private TableSnapshot _previous = null!;

    [Params(1_000, 10_000)]
    public int Rows { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _current = SyntheticAppendix.Build(Fixtures.Snapshot(Fixtures.Q3Docx), Rows);
        _previous = SyntheticAppendix.Build(Fixtures.Snapshot(Fixtures.Q2Docx), Rows);
    }

    [Benchmark(Baseline = true, Description = "unknown form (generic rules)")]
    public CheckReport Unknown() => UnknownForm.Checker.Check(_current);

    [Benchmark(Description = "unknown form, learned from previous quarter")]
    public CheckReport UnknownLearned() => UnknownForm.Checker.Check(_current, _previous);
}
