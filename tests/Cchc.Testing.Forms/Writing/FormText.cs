using System.Text;

namespace Cchc.Testing.Forms;

/// <summary>
/// A form as plain text for reading, laid out like the fixtures' .txt: body, title lines, then the table one row
/// a line with cells separated by tabs (a merged header cell's text in its first slot), then the signature.
/// </summary>
public static class FormText
{
    public static string Write(FormDocument form)
    {
        var text = new StringBuilder();
        foreach (var block in form.Body)
        {
            switch (block)
            {
                case BodyParagraph p:
                    text.AppendLine(p.Text);
                    break;
                case BodyTable t:
                    foreach (var row in t.Rows)
                    {
                        text.AppendLine(string.Join('\t', row.Select(c => c.Replace('\n', ' '))));
                    }

                    break;
            }
        }

        if (form.Body.Count > 0)
        {
            text.AppendLine();
        }

        foreach (var line in form.TitleLines)
        {
            text.AppendLine(line);
        }

        if (form.Appendix is { } appendix)
        {
            text.AppendLine();
            foreach (var row in appendix.GridText())
            {
                text.AppendLine(string.Join('\t', row));
            }
        }

        if (form.Signature is { } signature)
        {
            text.AppendLine();
            for (var i = 0; i < Math.Max(signature.Left.Count, signature.Right.Count); i++)
            {
                text.Append(i < signature.Left.Count ? signature.Left[i] : string.Empty).Append('\t')
                    .AppendLine(i < signature.Right.Count ? signature.Right[i] : string.Empty);
            }
        }

        return text.ToString();
    }
}
