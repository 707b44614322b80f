using System.Security.Claims;
using Cchc.SharePoint;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Web;

namespace Cchc.Host.Security;

/// <summary>
/// The <c>UnitAccess</c> section: which signed-in users belong to which reporting unit, and who may read every unit
/// of the province. Membership comes from the token: app roles (<c>roles</c>) of the add-in's API registration, or
/// Entra ID group object ids (<c>groups</c>). Units are matched as the archive names them, so "UBND phường Ngã Năm"
/// and "UBND PHƯỜNG NGÃ NĂM" are one unit.
/// </summary>
public sealed class UnitAccessOptions
{
    public const string SectionName = "UnitAccess";

    /// <summary>
    /// A tenant that reports for one unit only: every signed-in user of the tenant belongs to it, no roles needed.
    /// Empty when the tenant holds several units, which <see cref="Units"/> then names.
    /// </summary>
    public string? SingleUnit { get; set; }

    /// <summary>Each unit with the app roles and groups whose members may save and read its reports.</summary>
    public IList<UnitMembership> Units { get; set; } = [];

    /// <summary>The province's own staff (Sở Nội vụ): may read every unit's reports, write none unless a member.</summary>
    public UnitGrant Province { get; set; } = new();
}

/// <summary>One unit and who belongs to it.</summary>
public sealed class UnitMembership
{
    /// <summary>The unit as report titles name it, e.g. <c>UBND phường Ngã Năm</c>.</summary>
    public string Unit { get; set; } = string.Empty;

    public IList<string> Roles { get; set; } = [];

    public IList<string> Groups { get; set; } = [];
}

/// <summary>App roles and groups that grant something.</summary>
public sealed class UnitGrant
{
    public IList<string> Roles { get; set; } = [];

    public IList<string> Groups { get; set; } = [];

    internal bool IsEmpty => Roles.Count == 0 && Groups.Count == 0;
}

/// <summary>Reading or writing a unit's reports.</summary>
public enum UnitRight
{
    Read,
    Write,
}

/// <summary>Why a caller may not touch a unit's reports, in both languages, or nothing when they may.</summary>
public sealed record UnitDecision(bool Allowed, string Detail, string DetailEn)
{
    public static UnitDecision Allow { get; } = new(true, string.Empty, string.Empty);
}

/// <summary>A caller asked to read or write a unit's reports without belonging to it; answered 403 <c>unit-forbidden</c>.</summary>
public sealed class UnitForbiddenException(UnitDecision decision) : Exception(decision.Detail)
{
    public UnitDecision Decision { get; } = decision;
}

/// <summary>
/// Answers "may this caller read or write unit X" and "may this caller read every unit", from the token and the
/// <c>UnitAccess</c> section. Local mode has one user, the person at the machine, who may do everything.
/// </summary>
public sealed class UnitAccess(IOptions<UnitAccessOptions> options, AuthMode mode)
{
    /// <summary>The saver the archive records in local mode, where nobody signs in.</summary>
    public static ReportSaver LocalUser { get; } = new("local", "Người dùng chế độ cục bộ (không đăng nhập)");

    private UnitAccessOptions Options => options.Value;

    /// <summary>True when the caller belongs to <paramref name="unit"/> and may save its reports.</summary>
    public bool MayWrite(ClaimsPrincipal user, string unit) => Decide(user, unit, UnitRight.Write).Allowed;

    /// <summary>True when the caller belongs to <paramref name="unit"/>, or may read every unit.</summary>
    public bool MayRead(ClaimsPrincipal user, string unit) => Decide(user, unit, UnitRight.Read).Allowed;

    /// <summary>True for the province's staff (<c>UnitAccess:Province</c>) and in local mode: every unit may be read.</summary>
    public bool MayReadAll(ClaimsPrincipal user) => mode.IsLocal || Holds(user, Options.Province);

    /// <summary>The decision with its reason, for the Problem Details a refusal becomes.</summary>
    public UnitDecision Decide(ClaimsPrincipal user, string unit, UnitRight right)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentException.ThrowIfNullOrWhiteSpace(unit);
        if (mode.IsLocal || IsMember(user, unit) || (right == UnitRight.Read && MayReadAll(user)))
        {
            return UnitDecision.Allow;
        }

        if (Options.Units.Count == 0 && string.IsNullOrWhiteSpace(Options.SingleUnit) && Options.Province.IsEmpty)
        {
            return new UnitDecision(
                false,
                "Máy chủ chưa cấu hình người dùng thuộc đơn vị nào (mục UnitAccess) nên chưa ai được lưu hay đọc báo cáo trong kho; hãy báo bộ phận CNTT (docs/configuration.md).",
                "The host has no mapping of users to units (the UnitAccess section), so nobody may save or read archived reports yet; tell IT (docs/configuration.md).");
        }

        if (HasGroupOverage(user))
        {
            return new UnitDecision(
                false,
                "Tài khoản thuộc quá nhiều nhóm nên mã đăng nhập không liệt kê nhóm; quản trị cần gán vai trò ứng dụng (app role) cho đơn vị thay vì nhóm (docs/sharepoint.md).",
                "The account belongs to too many groups for the token to list them; the administrator should grant the unit through an app role instead of a group (docs/sharepoint.md).");
        }

        return right == UnitRight.Write
            ? new UnitDecision(false, $"Bạn không thuộc đơn vị \"{unit}\" nên không được lưu báo cáo của đơn vị này vào kho.", $"You do not belong to \"{unit}\", so you may not save its reports to the archive.")
            : new UnitDecision(false, $"Bạn không thuộc đơn vị \"{unit}\" nên không được đọc báo cáo của đơn vị này trong kho.", $"You do not belong to \"{unit}\", so you may not read its reports in the archive.");
    }

    /// <summary>Refuses with <see cref="UnitForbiddenException"/> unless the caller has <paramref name="right"/> on <paramref name="unit"/>.</summary>
    public void Demand(ClaimsPrincipal user, string unit, UnitRight right)
    {
        var decision = Decide(user, unit, right);
        if (!decision.Allowed)
        {
            throw new UnitForbiddenException(decision);
        }
    }

    /// <summary>Who the archive records as having saved a report: the token's object id and name, or the local user.</summary>
    public ReportSaver SaverOf(ClaimsPrincipal user) => mode.IsLocal
        ? LocalUser
        : new ReportSaver(user.GetObjectId() ?? user.FindFirstValue(ClaimTypes.NameIdentifier) ?? string.Empty, user.GetDisplayName() ?? user.FindFirstValue("name") ?? string.Empty);

    private bool IsMember(ClaimsPrincipal user, string unit)
    {
        var slug = Slug(unit);
        if (slug is null)
        {
            return false;
        }

        if (!string.IsNullOrWhiteSpace(Options.SingleUnit) && Slug(Options.SingleUnit) == slug && user.Identity?.IsAuthenticated == true)
        {
            return true;
        }

        return Options.Units.Any(membership => Slug(membership.Unit) == slug && Holds(user, new UnitGrant { Roles = membership.Roles, Groups = membership.Groups }));
    }

    private static bool Holds(ClaimsPrincipal user, UnitGrant grant)
    {
        if (grant.IsEmpty || user.Identity?.IsAuthenticated != true)
        {
            return false;
        }

        var roles = user.FindAll("roles").Concat(user.FindAll(ClaimTypes.Role)).Select(claim => claim.Value);
        var groups = user.FindAll("groups").Select(claim => claim.Value);
        return roles.Any(role => grant.Roles.Contains(role, StringComparer.Ordinal))
            || groups.Any(group => grant.Groups.Contains(group, StringComparer.OrdinalIgnoreCase));
    }

    /// <summary>Entra ID leaves <c>groups</c> out of a token for a member of more than 200 groups and says so instead.</summary>
    private static bool HasGroupOverage(ClaimsPrincipal user) =>
        user.HasClaim(claim => claim.Type == "hasgroups")
        || user.HasClaim(claim => claim.Type == "_claim_names" && claim.Value.Contains("\"groups\"", StringComparison.Ordinal));

    /// <summary>The unit's archive folder name, or null when the text names no unit.</summary>
    internal static string? Slug(string unit)
    {
        try
        {
            return ArchiveNames.UnitSlug(unit);
        }
        catch (ArchiveException)
        {
            return null;
        }
    }
}

/// <summary>Refuses at start-up a <c>UnitAccess</c> section that could never match anyone, naming the entry.</summary>
internal sealed class UnitAccessOptionsValidator : IValidateOptions<UnitAccessOptions>
{
    public ValidateOptionsResult Validate(string? name, UnitAccessOptions options)
    {
        var failures = new List<string>();
        for (var i = 0; i < options.Units.Count; i++)
        {
            var membership = options.Units[i];
            if (string.IsNullOrWhiteSpace(membership.Unit) || UnitAccess.Slug(membership.Unit) is null)
            {
                failures.Add($"UnitAccess:Units:{i}:Unit must name a unit as report titles do, e.g. \"UBND phường Ngã Năm\".");
            }

            if (membership.Roles.Count == 0 && membership.Groups.Count == 0)
            {
                failures.Add($"UnitAccess:Units:{i} needs at least one of Roles or Groups.");
            }
        }

        if (!string.IsNullOrWhiteSpace(options.SingleUnit) && UnitAccess.Slug(options.SingleUnit) is null)
        {
            failures.Add("UnitAccess:SingleUnit must name a unit as report titles do.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
