namespace Cchc.OpenXml;

/// <summary>Why a file could not be read as an appendix. Every code has one clear Vietnamese sentence.</summary>
public enum ReadError
{
    Empty,
    TooLarge,
    NotOfficeDocument,
    Encrypted,
    LegacyWord,
    LegacyExcel,
    OpenDocument,
    ZipBomb,
    Corrupt,
    NoAppendix,
    Unsupported,
}

/// <summary>
/// A file that cannot be read: a stable <see cref="Error"/>, a Vietnamese sentence saying what is wrong
/// and what to do (<see cref="Exception.Message"/>), and its English twin.
/// </summary>
public sealed class DocumentReadException(ReadError error, string message, string messageEn, Exception? inner = null)
    : Exception(message, inner)
{
    public ReadError Error { get; } = error;

    public string MessageEn { get; } = messageEn;

    /// <summary>The stable code used in Problem Details and JSON: "empty-file", "encrypted", …</summary>
    public string Code => Error switch
    {
        ReadError.Empty => "empty-file",
        ReadError.TooLarge => "too-large",
        ReadError.NotOfficeDocument => "not-office-document",
        ReadError.Encrypted => "encrypted",
        ReadError.LegacyWord => "legacy-doc",
        ReadError.LegacyExcel => "legacy-xls",
        ReadError.OpenDocument => "open-document",
        ReadError.ZipBomb => "zip-bomb",
        ReadError.Corrupt => "corrupt",
        ReadError.NoAppendix => "no-appendix",
        _ => "unsupported",
    };
}
