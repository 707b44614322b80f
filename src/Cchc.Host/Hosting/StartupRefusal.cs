using System.Reflection;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Options;

namespace Cchc.Host.Hosting;

/// <summary>
/// The host refuses to start because of how it is configured; the message is the whole answer, one sentence per
/// language, and says what to change.
/// </summary>
public sealed class StartupRefusedException(string message, Exception? inner = null) : InvalidOperationException(message, inner);

/// <summary>
/// What the person who started the host reads when it will not start: the sentence that says why and what to change,
/// on standard error, and exit code 1 — not .NET's "Unhandled exception" and a stack trace (the host's own log, when
/// it had started logging, still keeps the exception for operators).
/// </summary>
public static class StartupRefusal
{
    /// <summary>Exit code of a host that refused to start.</summary>
    public const int ExitCode = 1;

    /// <summary>
    /// True when this process was started as the host (<c>dotnet Cchc.Host.dll</c>, <c>dotnet run</c>). Under a test
    /// host the entry point is the test runner's and the refusal must reach the test as the exception it is.
    /// </summary>
    public static bool IsHostProcess => Assembly.GetEntryAssembly() == typeof(StartupRefusal).Assembly;

    /// <summary>The sentence for a refusal to start, or null when <paramref name="exception"/> is a fault, not a refusal.</summary>
    public static string? Sentence(Exception exception) => exception switch
    {
        StartupRefusedException refused => refused.Message,
        OptionsValidationException invalid => Invalid(invalid),
        IOException { InnerException: AddressInUseException } taken => AddressTaken(taken),
        AggregateException { InnerExceptions.Count: 1 } single => Sentence(single.InnerExceptions[0]),
        _ => null,
    };

    private static string Invalid(OptionsValidationException invalid)
    {
        var failures = string.Join("; ", invalid.Failures);
        return $"Cấu hình không hợp lệ nên máy chủ không khởi động / The configuration is not valid, so the host does not start (docs/configuration.md): {failures}";
    }

    // Kestrel says "Failed to bind to address https://127.0.0.1:7190: address already in use."; the address is what matters.
    private static string AddressTaken(IOException taken)
    {
        var message = taken.Message;
        var from = message.IndexOf("address ", StringComparison.Ordinal);
        var address = from < 0 ? message : message[(from + "address ".Length)..].Split(": address already in use", 2)[0].TrimEnd('.', ':');
        return $"Địa chỉ {address} đang được chương trình khác dùng nên máy chủ không khởi động; chọn cổng khác (bash scripts/run.sh --port SỐ_KHÁC hoặc --urls). / "
            + $"{address} is taken by another program, so the host does not start; choose another port (bash scripts/run.sh --port N, or --urls).";
    }
}
