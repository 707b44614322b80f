using System.Xml;

namespace Cchc.OpenXml.Reading;

/// <summary>Walking an element's children with a forward-only <see cref="XmlReader"/>, shared by the Word and Excel readers.</summary>
internal static class XmlWalk
{
    /// <summary>
    /// Calls <paramref name="child"/> on each child element of the element the reader is on (each call consumes
    /// its element), and leaves the reader after the element.
    /// </summary>
    public static void Children<T>(XmlReader reader, T state, Action<XmlReader, T> child)
    {
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return;
        }

        var depth = reader.Depth;
        reader.Read();
        while (reader.Depth > depth)
        {
            if (reader.NodeType == XmlNodeType.Element)
            {
                child(reader, state);
            }
            else
            {
                reader.Read();
            }
        }

        reader.Read();
    }
}
