using Microsoft.Identity.Web;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;

namespace Cchc.SharePoint;

/// <summary>
/// Marks a Graph request that changes the library, so it is sent with the write scopes; every other request
/// carries only the read scopes (least privilege: a user who only checks a report never consents to writing).
/// </summary>
internal sealed class ArchiveWriteAccess : IRequestOption
{
    public static readonly ArchiveWriteAccess Instance = new();
}

/// <summary>
/// Kiota's authentication seam, filled with the signed-in user's delegated Graph token, obtained by
/// Microsoft.Identity.Web on behalf of the token the task pane sent to the host. Graph tokens never reach the browser.
/// </summary>
/// <remarks>
/// Only requests under the configured Graph endpoint get a token: the upload URLs of upload sessions are
/// pre-authenticated and must not carry one. A claims challenge from Graph (continuous access evaluation, a
/// conditional-access step-up) arrives here as the "claims" context and is passed on to token acquisition; when
/// the user must act, Identity.Web throws and the archive reports <see cref="ArchiveError.ConsentRequired"/>.
/// </remarks>
internal sealed class UserTokenAuthenticationProvider(ITokenAcquisition tokenAcquisition, SharePointArchiveOptions options) : IAuthenticationProvider
{
    private const string ClaimsKey = "claims";

    private readonly Uri _graphBase = new(options.GraphBaseUrl.TrimEnd('/') + "/");

    public async Task AuthenticateRequestAsync(RequestInformation request, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!IsGraphRequest(request.URI))
        {
            return;
        }

        var write = request.RequestOptions.OfType<ArchiveWriteAccess>().Any();
        var scopes = (write ? options.EffectiveWriteScopes : options.EffectiveReadScopes).Select(ToResourceScope).ToArray();
        var tokenOptions = new TokenAcquisitionOptions { CancellationToken = cancellationToken };
        if (additionalAuthenticationContext?.TryGetValue(ClaimsKey, out var claims) == true && claims is string { Length: > 0 } claimsText)
        {
            tokenOptions.Claims = claimsText;
        }

        var token = await tokenAcquisition.GetAccessTokenForUserAsync(
            scopes,
            authenticationScheme: null,
            tenantId: null,
            userFlow: null,
            user: null,
            tokenAcquisitionOptions: tokenOptions).ConfigureAwait(false);
        request.Headers.Remove("Authorization");
        request.Headers.Add("Authorization", $"Bearer {token}");
    }

    private bool IsGraphRequest(Uri uri) =>
        Uri.Compare(uri, _graphBase, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0
        && uri.AbsolutePath.StartsWith(_graphBase.AbsolutePath, StringComparison.Ordinal);

    /// <summary>"Sites.Read.All" → "https://graph.microsoft.com/Sites.Read.All": the resource of the configured cloud.</summary>
    private string ToResourceScope(string scope) =>
        scope.Contains("://", StringComparison.Ordinal) ? scope : $"{_graphBase.Scheme}://{_graphBase.Authority}/{scope}";
}
