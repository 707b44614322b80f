using System.Net;
using Cchc.Appendix.Table;
using Cchc.Host.Api;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Cchc.Host.Tests;

/// <summary>
/// The host-wide bound on document work: a few requests read at once, a few more wait, the rest are told to come
/// back; and a request still reading at its time limit answers 504 with its Problem Details.
/// </summary>
public sealed class DocumentLoadTests
{
    [Fact]
    public async Task FilesCheck_MoreRequestsThanSlotsAndQueue_Answers503WithRetryAfter()
    {
        using var gate = new HeldReader();
        using var factory = OneSlot(gate, queue: 0);
        using var client = factory.CreateClient();

        var first = client.PostAsync("/api/files/check", Q3Form());
        await gate.Entered.Task;
        using var second = await client.PostAsync("/api/files/check", Q3Form());
        gate.Release();
        using var firstResponse = await first;

        await ProblemAssert.IsProblemAsync(second, 503, "server-busy");
        Assert.Equal(TimeSpan.FromSeconds(10), second.Headers.RetryAfter?.Delta);
        Assert.Equal(HttpStatusCode.OK, firstResponse.StatusCode);
    }

    [Fact]
    public async Task Check_JsonWithoutTheArchive_IsNotQueuedBehindDocuments()
    {
        using var gate = new HeldReader();
        using var factory = OneSlot(gate, queue: 0);
        using var client = factory.CreateClient();

        var upload = client.PostAsync("/api/files/check", Q3Form());
        await gate.Entered.Task;
        using var check = await client.PostJsonAsync("/api/check", Fixtures.Q3Request());
        using var fromArchive = await client.PostJsonAsync("/api/check?previous=archive", Fixtures.Q3Request());
        gate.Release();
        using var uploaded = await upload;

        Assert.Equal(HttpStatusCode.OK, check.StatusCode);
        await ProblemAssert.IsProblemAsync(fromArchive, 503, "server-busy");
    }

    [Fact]
    public async Task FilesCheck_OneSlotAndAQueue_AnswersBothInTurn()
    {
        using var gate = new HeldReader();
        using var factory = OneSlot(gate, queue: 1);
        using var client = factory.CreateClient();

        var first = client.PostAsync("/api/files/check", Q3Form());
        await gate.Entered.Task;
        var second = client.PostAsync("/api/files/check", Q3Form());
        gate.Release();

        Assert.Equal(HttpStatusCode.OK, (await first).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await second).StatusCode);
    }

    [Fact]
    public async Task FilesCheck_StillReadingAtTheTimeLimit_Answers504ProblemDetails()
    {
        // The reader honours cancellation as the real one does between buffers, and never finishes on its own.
        using var gate = new HeldReader();
        using var factory = new HostFactory()
            .With("Limits:ProcessingTimeoutSeconds", "1")
            .WithServices(services => services.Replace(ServiceDescriptor.Singleton<IAppendixReader>(gate)));
        using var client = factory.CreateClient();

        using var response = await client.PostAsync("/api/files/check", Q3Form());

        await ProblemAssert.IsProblemAsync(response, 504, "timeout");
    }

    private static HostFactory OneSlot(HeldReader gate, int queue) => new HostFactory()
        .With("Limits:MaxConcurrentDocuments", "1")
        .With("Limits:DocumentQueueLength", queue.ToString(System.Globalization.CultureInfo.InvariantCulture))
        .WithServices(services => services.Replace(ServiceDescriptor.Singleton<IAppendixReader>(gate)));

    private static MultipartFormDataContent Q3Form() => Fixtures.Form(("file", "ngan-nam-2022-q3.docx", Fixtures.Bytes("ngan-nam-2022-q3.docx")));

    /// <summary>A reader that holds every call until released or cancelled, then reads for real.</summary>
    private sealed class HeldReader : IAppendixReader, IDisposable
    {
        private readonly SemaphoreSlim _release = new(0);

        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Release() => _release.Release(int.MaxValue / 2);

        public TableSnapshot Read(Stream content, string fileName, CancellationToken cancellationToken)
        {
            Entered.TrySetResult();
            _release.Wait(cancellationToken);
            return Cchc.OpenXml.AppendixDocument.Read(content, fileName, cancellationToken: cancellationToken);
        }

        public void Dispose() => _release.Dispose();
    }
}
