using System.Security.Claims;
using Cchc.Host.Api;
using Microsoft.Extensions.Options;

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

/// <summary>
/// The province's staff by the roles or groups of <c>Consolidation:ProvinceRoles</c>; local mode has one user, the
/// person at the machine, who may do everything. Until unit membership is configured for the host, nobody else may
/// read another unit's reports, so a unit reads its own trend only where it holds one of these roles.
/// </summary>
internal sealed class ConfiguredProvinceAccess(IOptions<ConsolidateOptions> options, AuthMode mode) : IProvinceAccess
{
    public bool MayReadAll(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (mode.IsLocal)
        {
            return true;
        }

        var granted = options.Value.ProvinceRoles;
        if (user.Identity?.IsAuthenticated != true || granted.Count == 0)
        {
            return false;
        }

        return user.FindAll("roles").Concat(user.FindAll(ClaimTypes.Role)).Concat(user.FindAll("groups"))
            .Any(claim => granted.Contains(claim.Value, StringComparer.OrdinalIgnoreCase));
    }

    public bool MayRead(ClaimsPrincipal user, string unit) => MayReadAll(user);
}
