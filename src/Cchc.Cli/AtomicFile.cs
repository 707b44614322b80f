namespace Cchc.Cli;

/// <summary>
/// How every command that writes a file writes it: into a temporary file beside the target, flushed to disk, then
/// renamed over the target. An interruption or a failure leaves the target as it was, and the temporary file is gone
/// on every way out. Errors reach the caller, which says them in its own words.
/// </summary>
internal static class AtomicFile
{
    public static T Replace<T>(FileInfo target, Func<Stream, T> write, CancellationToken cancellationToken = default)
    {
        var temporary = Path.Combine(target.DirectoryName!, $".{target.Name}.{Guid.NewGuid():N}.tmp");
        try
        {
            T result;

            // Read and write: the OpenXml writers read back what they have written.
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None))
            {
                result = write(stream);
                stream.Flush(flushToDisk: true);
            }

            cancellationToken.ThrowIfCancellationRequested();
            File.Move(temporary, target.FullName, overwrite: true);
            return result;
        }
        finally
        {
            RemoveQuietly(temporary);
        }
    }

    /// <summary>After a successful rename there is nothing left to remove; a failing disk may keep the file, never the target.</summary>
    private static void RemoveQuietly(string temporary)
    {
        try
        {
            File.Delete(temporary);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Left behind only if the disk itself fails; the target was never touched.
        }
    }
}
