using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using Cchc.Benchmarks;

// "--iterations N FILE…" is the docs/s mode that bench/peers compares with the npm libraries;
// anything else goes to BenchmarkDotNet ("--filter *", "--job short", …).
if (args is ["--iterations", var count, .. var files])
{
    if (!int.TryParse(count, NumberStyles.None, CultureInfo.InvariantCulture, out var iterations) || iterations < 1)
    {
        Console.Error.WriteLine("--iterations takes a positive whole number.");
        return 2;
    }

    return Throughput.Run(iterations, files.Length > 0 ? files : [Fixtures.Q3Docx, Fixtures.Q3Xlsx], Console.Out);
}

// "--check-request FILE" writes the JSON body the pane would post to /api/check for FILE (bench/load.sh).
if (args is ["--check-request", var document])
{
    Console.WriteLine(CheckRequestJson.For(document));
    return 0;
}

// "--describe-synthetic N" shows what the engine benchmark checks: the template match and the findings it raises.
if (args is ["--describe-synthetic", var size] && int.TryParse(size, NumberStyles.None, CultureInfo.InvariantCulture, out var rows))
{
    var report = Cchc.Appendix.Checking.AppendixChecker.Default.Check(SyntheticAppendix.Build(Fixtures.Snapshot(Fixtures.Q3Docx), rows));
    Console.WriteLine($"rows={rows} template={report.Template.TemplateId} matched={report.Template.MatchedRows} unmatched={report.Template.UnmatchedRows} errors={report.Summary.Errors} warnings={report.Summary.Warnings} infos={report.Summary.Infos}");
    foreach (var group in report.Findings.GroupBy(f => f.Code).OrderByDescending(g => g.Count()))
    {
        Console.WriteLine($"  {group.Key}: {group.Count()}");
    }

    return 0;
}

// "--dump-findings SAMPLES" writes every report of the samples and synthetic appendices, to compare before and after a change.
if (args is ["--dump-findings", var samplesFolder])
{
    Console.Error.WriteLine($"{FindingsDump.Write(samplesFolder, Console.Out)} reports written");
    return 0;
}

// "--cpu-time CASE" prints CPU time and allocation per check of one engine case ("fixture", "previous", "engine 10000", …).
if (args is ["--cpu-time", var caseName])
{
    return CpuTime.Run(caseName, Console.Out);
}

// "--write-units N DIR" writes N units' appendices for the consolidation run (bench/consolidate.sh).
if (args is ["--write-units", var units, var folder] && int.TryParse(units, NumberStyles.None, CultureInfo.InvariantCulture, out var unitCount))
{
    Console.WriteLine($"{UnitFolder.Write(unitCount, folder)} files written to {folder}");
    return 0;
}

var config = DefaultConfig.Instance
    .AddColumn(new PerRowColumn(relative: false), new PerRowColumn(relative: true))
    .AddColumn(StatisticColumn.Median)
    .WithOrderer(new BenchmarkDotNet.Order.DefaultOrderer(BenchmarkDotNet.Order.SummaryOrderPolicy.Declared));
BenchmarkSwitcher.FromAssembly(typeof(EngineBenchmarks).Assembly).Run(args, config);
return 0;
