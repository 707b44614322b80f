namespace Cchc.SharePoint;

/// <summary>
/// The units an archive holds reports of: its unit folders (<c>{unit-slug}</c> under the root), which is what the
/// province consolidates against when no list of units is given. The slugs work as unit names for
/// <see cref="IReportArchive.ListAsync"/> and <see cref="IReportArchive.FindAsync"/>, which slug them again unchanged.
/// </summary>
public interface IArchiveUnits
{
    Task<IReadOnlyList<string>> ListUnitsAsync(CancellationToken cancellationToken = default);
}
