using System.Buffers;
using System.IO.Pipelines;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Cchc.Appendix.Checking;
using Cchc.Appendix.Table;
using Cchc.Host.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Cchc.Benchmarks;

/// <summary>
/// What <c>POST /api/check</c> does with the pane's request for the Q3 fixture, step by step and with the host's own
/// code: read the JSON body as Kestrel hands it over (a pipe filled 4 KB at a time, bound as the endpoint binds it), find the appendix in the pane's
/// tables, check it, and write the answer the pane asks for (<c>?rows=findings</c>, before compression). Each step
/// works on the previous step's result, made once in the set-up, so its time and allocation are its own.
/// </summary>
[MemoryDiagnoser]
public class RequestBenchmarks
{
    private const int Segment = 4096;

    private byte[] _body = null!;
    private CheckBody _request = null!;
    private TableSnapshot _snapshot = null!;
    private CheckReport _report = null!;
    private readonly ArrayBufferWriter<byte> _answer = new(64 * 1024);

    [GlobalSetup]
    public void Setup()
    {
        _body = Encoding.UTF8.GetBytes(CheckRequestJson.For(Fixtures.Q3Docx));
        _request = CheckBody.Parse(_body)!;
        _snapshot = FindAppendix();
        _report = Check();
    }

    [Benchmark(Description = "read the JSON body (pipe, 4 KB pieces)")]
    public async Task<CheckBody> ReadBody()
    {
        var pipe = await FilledPipeAsync();
        var context = new DefaultHttpContext();
        context.Request.ContentType = "application/json";
        context.Request.ContentLength = _body.Length;
        context.Features.Set<IRequestBodyPipeFeature>(new BodyPipe(pipe.Reader));
        var request = await CheckBody.BindAsync(context);
        await pipe.Reader.CompleteAsync();
        return request!;
    }

    [Benchmark(Description = "baseline: the serializer reading the contract (the binding before CheckBody)")]
    public async Task<CheckRequest> ReadBodyWithTheSerializer()
    {
        var pipe = await FilledPipeAsync();
        var request = await JsonSerializer.DeserializeAsync(pipe.Reader, ApiJsonContext.Default.CheckRequest);
        await pipe.Reader.CompleteAsync();
        return request!;
    }

    [Benchmark(Description = "find the appendix in the pane's tables")]
    public TableSnapshot FindAppendix() =>
        SnapshotBuilder.Find(_request.Blocks, SourceKind.Word).Snapshot
            ?? throw new InvalidOperationException("The fixture's request has no appendix.");

    [Benchmark(Description = "check")]
    public CheckReport Check() => AppendixChecker.Default.Check(_snapshot, null);

    [Benchmark(Description = "answer: map + JSON (?rows=findings)")]
    public long Answer()
    {
        _answer.ResetWrittenCount();
        using var writer = new Utf8JsonWriter(_answer);
        JsonSerializer.Serialize(writer, CheckMapping.ToResponse(_snapshot, _report, english: false, previous: null, previousReason: null, RowEcho.Findings), ApiJsonContext.Default.CheckResponse);
        writer.Flush();
        return _answer.WrittenCount;
    }

    private async Task<Pipe> FilledPipeAsync()
    {
        var pipe = new Pipe();
        for (var at = 0; at < _body.Length; at += Segment)
        {
            await pipe.Writer.WriteAsync(_body.AsMemory(at, Math.Min(Segment, _body.Length - at)));
        }

        await pipe.Writer.CompleteAsync();
        return pipe;
    }

    private sealed class BodyPipe(PipeReader reader) : IRequestBodyPipeFeature
    {
        public PipeReader Reader => reader;
    }
}
