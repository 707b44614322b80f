namespace Cchc.Cli;

/// <summary>
/// Where a path really leads: every symbolic link on the way resolved, so <c>--out</c> given through a linked folder or
/// as <c>dir/../file</c> is recognised as the file it would replace.
/// </summary>
internal static class RealPaths
{
    /// <summary>Links followed before giving up; the file system refuses loops long before this.</summary>
    private const int MaxLinks = 40;

    /// <summary>Folders and files compare by case where the file system does: not on Windows or macOS.</summary>
    public static StringComparison Comparison { get; } =
        OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    public static bool Same(FileInfo left, FileInfo right) => string.Equals(Of(left.FullName), Of(right.FullName), Comparison);

    /// <summary>The full path with every link among its existing parts resolved; parts that do not exist yet are kept as written.</summary>
    public static string Of(string path)
    {
        var links = 0;
        return Of(path, ref links);
    }

    private static string Of(string path, ref int links)
    {
        var full = Path.GetFullPath(path);
        var root = Path.GetPathRoot(full) ?? string.Empty;
        var resolved = root;
        foreach (var part in full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            var next = Path.Combine(resolved, part);
            FileSystemInfo entry = Directory.Exists(next) ? new DirectoryInfo(next) : new FileInfo(next);
            while (entry.Exists && entry.LinkTarget is not null && ++links <= MaxLinks)
            {
                // The link's target may itself sit under linked folders: resolve it as a path of its own.
                var target = entry.ResolveLinkTarget(returnFinalTarget: false);
                if (target is null)
                {
                    break;
                }

                next = Of(target.FullName, ref links);
                entry = Directory.Exists(next) ? new DirectoryInfo(next) : new FileInfo(next);
            }

            resolved = next;
        }

        return resolved;
    }
}
