using System.Text.Encodings.Web;
using System.Text.Json;
using Cchc.Appendix.Checking;
using Cchc.Appendix.Table;

namespace Cchc.Benchmarks;

/// <summary>
/// Every report the engine's benchmarks and samples give, written out whole (header, form matched, each finding with its
/// row, column, value column, both messages and proposal), so that a change meant only to be faster can be shown to
/// change nothing: dump before, dump after, compare the files byte for byte. Cases: each sample alone and against every
/// other sample as its previous report, with the catalogue and with no template; synthetic appendices of 300, 1,000
/// and 5,000 rows alone and against their previous quarter, likewise.
/// </summary>
public static class FindingsDump
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = false,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        IncludeFields = false,
    };

    public static int Write(string samplesFolder, TextWriter output)
    {
        var samples = Directory.GetFiles(samplesFolder)
            .Where(f => f.EndsWith(".docx", StringComparison.Ordinal) || f.EndsWith(".xlsx", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(f => (Name: Path.GetFileName(f), Snapshot: Read(f)))
            .ToList();
        var cases = 0;
        var checkers = new[] { ("catalogue", AppendixChecker.Default), ("no template", UnknownForm.Checker) };
        foreach (var (form, checker) in checkers)
        {
            foreach (var (name, snapshot) in samples)
            {
                cases += Dump(output, $"{form} | {name}", checker.Check(snapshot));
                foreach (var (previousName, previous) in samples)
                {
                    cases += Dump(output, $"{form} | {name} | previous {previousName}", checker.Check(snapshot, previous));
                }
            }

            var q3 = samples.First(s => s.Name == Fixtures.Q3Docx).Snapshot;
            var q2 = samples.First(s => s.Name == Fixtures.Q2Docx).Snapshot;
            foreach (var rows in new[] { 300, 1_000, 5_000 })
            {
                var current = SyntheticAppendix.Build(q3, rows);
                var previous = SyntheticAppendix.Build(q2, rows);
                cases += Dump(output, $"{form} | synthetic {rows}", checker.Check(current));
                cases += Dump(output, $"{form} | synthetic {rows} | previous", checker.Check(current, previous));
            }
        }

        return cases;
    }

    private static TableSnapshot Read(string path)
    {
        using var stream = File.OpenRead(path);
        return Cchc.OpenXml.AppendixDocument.Read(stream, Path.GetFileName(path));
    }

    private static int Dump(TextWriter output, string title, CheckReport report)
    {
        output.WriteLine($"== {title}");
        output.WriteLine(JsonSerializer.Serialize(report.Header, Json));
        output.WriteLine(JsonSerializer.Serialize(report.Template, Json));
        output.WriteLine(JsonSerializer.Serialize(report.Summary, Json));
        foreach (var finding in report.Findings)
        {
            output.WriteLine(JsonSerializer.Serialize(finding, Json));
        }

        return 1;
    }
}
