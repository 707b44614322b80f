using BenchmarkDotNet.Attributes;
using Cchc.Appendix.Checking;
using Cchc.Appendix.Editing;
using Cchc.Appendix.Table;
using Cchc.OpenXml;
using Cchc.OpenXml.Writing;

namespace Cchc.Benchmarks;

/// <summary>
/// Writing the Q3 appendix's proposals and marks back into the file (what <c>cchc fix</c> does after its check),
/// against reading the same file: the writer reads it again, so the ratio is the cost of writing.
/// </summary>
[MemoryDiagnoser]
public class FixBenchmarks
{
    private byte[] _bytes = null!;
    private string _name = null!;
    private IReadOnlyList<CellEdit> _edits = null!;
    private IReadOnlyList<CellMark> _marks = null!;

    [Params("docx", "xlsx")]
    public string Format { get; set; } = "docx";

    [GlobalSetup]
    public void Setup()
    {
        _name = Format == "docx" ? Fixtures.Q3Docx : Fixtures.Q3Xlsx;
        _bytes = Fixtures.Bytes(_name);
        var snapshot = Fixtures.Snapshot(_name);
        var report = AppendixChecker.Default.Check(snapshot, Fixtures.Snapshot(Fixtures.Q2Docx));
        _edits = Corrections.Edits(report, snapshot);
        _marks = Corrections.Marks(report);
    }

    [Benchmark(Baseline = true, Description = "read")]
    public TableSnapshot Read()
    {
        using var stream = new MemoryStream(_bytes, writable: false);
        return AppendixDocument.Read(stream, _name);
    }

    [Benchmark(Description = "fix: write edits + marks")]
    public long Fix()
    {
        using var input = new MemoryStream(_bytes, writable: false);
        using var output = new MemoryStream();
        AppendixWriter.Apply(input, output, _name, _edits, _marks);
        return output.Length;
    }
}
