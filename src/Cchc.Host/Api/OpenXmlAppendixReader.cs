using Cchc.Appendix.Table;
using Cchc.Host.Hosting;
using Cchc.OpenXml;
using Microsoft.Extensions.Options;

namespace Cchc.Host.Api;

/// <summary>The OpenXml adapter behind <see cref="IAppendixReader"/>, bounded by the host's document limit.</summary>
internal sealed class OpenXmlAppendixReader(IOptions<LimitsOptions> limits) : IAppendixReader
{
    public TableSnapshot Read(Stream content, string fileName) =>
        AppendixDocument.Read(content, fileName, ReadLimits.Default with { MaxFileBytes = limits.Value.MaxDocumentBytes });
}
