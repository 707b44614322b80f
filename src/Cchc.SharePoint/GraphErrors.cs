using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Identity.Client;
using Microsoft.Identity.Web;
using Microsoft.Kiota.Abstractions;

namespace Cchc.SharePoint;

/// <summary>Graph's answers and token failures in the archive's terms, so no Graph type leaves this project.</summary>
internal static partial class GraphErrors
{
    public static ArchiveException Translate(Exception exception)
    {
        switch (exception)
        {
            case ArchiveException archive:
                return archive;
            case MicrosoftIdentityWebChallengeUserException challenge:
                return ArchiveErrors.ConsentRequired(challenge.MsalUiRequiredException?.Claims, exception);
            case MsalUiRequiredException uiRequired:
                return ArchiveErrors.ConsentRequired(uiRequired.Claims, exception);
            case ApiException api:
                return FromStatus(api);
            case AggregateException aggregate when aggregate.InnerExceptions.OfType<ApiException>().LastOrDefault() is { } last:
                // Kiota's retry handler gave up after its maximum number of attempts.
                return FromStatus(last, aggregate);
            case AggregateException aggregate when aggregate.InnerException is not null:
                return Translate(aggregate.InnerException);
            default:
                return ArchiveErrors.Unavailable(exception);
        }
    }

    private static ArchiveException FromStatus(ApiException api, Exception? outer = null) => api.ResponseStatusCode switch
    {
        (int)HttpStatusCode.Unauthorized => ArchiveErrors.ConsentRequired(ClaimsChallenge(api), outer ?? api),
        (int)HttpStatusCode.Forbidden when ClaimsChallenge(api) is { } claims => ArchiveErrors.ConsentRequired(claims, outer ?? api),
        (int)HttpStatusCode.Forbidden => ArchiveErrors.AccessDenied(outer ?? api),
        (int)HttpStatusCode.PreconditionFailed => ArchiveErrors.Conflict(outer ?? api),
        (int)HttpStatusCode.TooManyRequests or (int)HttpStatusCode.ServiceUnavailable or (int)HttpStatusCode.GatewayTimeout => ArchiveErrors.Throttled(outer ?? api),
        _ => ArchiveErrors.Unavailable(outer ?? api),
    };

    /// <summary>
    /// The claims of a <c>WWW-Authenticate: Bearer … claims="…"</c> challenge, decoded from base64 when Graph sent it
    /// so, as the JSON MSAL expects; null when there is none.
    /// </summary>
    internal static string? ClaimsChallenge(ApiException api)
    {
        if (api.ResponseHeaders is null)
        {
            return null;
        }

        foreach (var (name, values) in api.ResponseHeaders)
        {
            if (!string.Equals(name, "WWW-Authenticate", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            foreach (var value in values)
            {
                var match = ClaimsParameter().Match(value);
                if (match.Success)
                {
                    return DecodeClaims(match.Groups["claims"].Value);
                }
            }
        }

        return null;
    }

    private static string DecodeClaims(string claims)
    {
        if (claims.TrimStart().StartsWith('{'))
        {
            return claims;
        }

        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(claims));
        }
        catch (FormatException)
        {
            return claims;
        }
    }

    [GeneratedRegex("claims=\"(?<claims>[^\"]*)\"", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ClaimsParameter();
}
