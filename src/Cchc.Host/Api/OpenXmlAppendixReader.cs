using Cchc.Appendix.Table;
using Cchc.Host.Hosting;
using Cchc.OpenXml;
using Microsoft.Extensions.Options;

namespace Cchc.Host.Api;

/// <summary>The OpenXml adapter behind <see cref="IAppendixReader"/>, bounded by the host's <c>Limits</c> section.</summary>
internal sealed class OpenXmlAppendixReader(IOptions<LimitsOptions> limits) : IAppendixReader
{
    public TableSnapshot Read(Stream content, string fileName, CancellationToken cancellationToken) =>
        AppendixDocument.Read(content, fileName, limits.Value.ReadLimits, cancellationToken);
}
