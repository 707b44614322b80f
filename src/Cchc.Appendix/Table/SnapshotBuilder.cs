namespace Cchc.Appendix.Table;

/// <summary>Finds the appendix among a document's blocks and builds its snapshot.</summary>
public static class SnapshotBuilder
{
    /// <summary>
    /// The appendix of <paramref name="blocks"/>, or null when no table has a header row naming TÊN CHỈ TIÊU.
    /// </summary>
    public static TableSnapshot? TryBuild(IReadOnlyList<DocumentBlock> blocks, SourceKind source)
    {
        throw new NotImplementedException("Under construction.");
    }
}
