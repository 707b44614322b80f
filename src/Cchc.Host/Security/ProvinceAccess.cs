using System.Security.Claims;

namespace Cchc.Host.Security;

/// <summary>
/// Who may see other units' reports: the province's staff consolidate across units, anyone may see their own unit's.
/// The one question consolidation asks of the host's unit membership.
/// </summary>
public interface IProvinceAccess
{
    /// <summary>True for the province's staff (and in local mode): every unit may be read and consolidated.</summary>
    bool MayReadAll(ClaimsPrincipal user);

    /// <summary>True when the caller may read <paramref name="unit"/>'s reports.</summary>
    bool MayRead(ClaimsPrincipal user, string unit);
}

/// <summary>Consolidation's access as the <c>UnitAccess</c> section grants it: <c>UnitAccess:Province</c> reads every unit.</summary>
internal sealed class UnitMembershipAccess(UnitAccess access) : IProvinceAccess
{
    public bool MayReadAll(ClaimsPrincipal user) => access.MayReadAll(user);

    public bool MayRead(ClaimsPrincipal user, string unit) => access.MayRead(user, unit);
}
