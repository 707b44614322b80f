using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Cchc.OpenXml.Reading;

namespace Cchc.OpenXml.Writing;

/// <summary>
/// The workbook's cell formats as a writer needs them: the number format behind a style, and a copy of a style with
/// our mark fill, made once per original style and recognisable by that fill.
/// </summary>
internal sealed class ExcelStyles(WorkbookPart workbook)
{
    /// <summary>Yellow, as the Word marks: the colour officers already read as "look here".</summary>
    private const string MarkRgb = "FFFFFF00";

    private Stylesheet? _stylesheet;
    private uint? _fillId;

    public string FormatCode(uint style)
    {
        var stylesheet = workbook.WorkbookStylesPart?.Stylesheet;
        var xf = stylesheet?.CellFormats?.Elements<CellFormat>().ElementAtOrDefault((int)style);
        var id = xf?.NumberFormatId?.Value ?? 0;
        var custom = stylesheet?.NumberingFormats?.Elements<NumberingFormat>()
            .Where(f => f.NumberFormatId?.Value is not null && f.FormatCode?.Value is not null)
            .GroupBy(f => f.NumberFormatId!.Value)
            .ToDictionary(g => g.Key, g => g.First().FormatCode!.Value!) ?? [];
        return NumberFormats.CodeOf(id, custom);
    }

    /// <summary>A format that shows a percent: a cell showing 60% holds 0.6.</summary>
    public static bool IsPercent(string code)
    {
        var quoted = false;
        for (var i = 0; i < code.Length; i++)
        {
            switch (code[i])
            {
                case '"':
                    quoted = !quoted;
                    break;
                case '\\':
                    i++;
                    break;
                case ';' when !quoted:
                    // Only the positive section decides what the stored number means.
                    return false;
                case '%' when !quoted:
                    return true;
            }
        }

        return false;
    }

    /// <summary>True when <paramref name="style"/> carries our mark fill.</summary>
    public bool IsFlagged(uint style)
    {
        var fill = ExistingMarkFill();
        return fill is not null && Stylesheet().CellFormats?.Elements<CellFormat>().ElementAtOrDefault((int)style)?.FillId?.Value == fill;
    }

    /// <summary>The index of <paramref name="original"/>'s copy with the mark fill, created on first use.</summary>
    public uint Flagged(uint original)
    {
        var stylesheet = Stylesheet();
        var formats = stylesheet.CellFormats ??= new CellFormats(new CellFormat());
        var source = formats.Elements<CellFormat>().ElementAtOrDefault((int)original) ?? new CellFormat();
        var copy = (CellFormat)source.CloneNode(true);
        copy.FillId = MarkFill();
        copy.ApplyFill = true;

        var index = 0u;
        foreach (var xf in formats.Elements<CellFormat>())
        {
            if (xf.OuterXml == copy.OuterXml)
            {
                return index;
            }

            index++;
        }

        formats.Append(copy);
        formats.Count = index + 1;
        return index;
    }

    private uint MarkFill()
    {
        if (ExistingMarkFill() is { } existing)
        {
            return existing;
        }

        var stylesheet = Stylesheet();
        var fills = stylesheet.Fills;
        if (fills is null)
        {
            // Excel reserves the first two fills (none, gray125); a new list starts with them.
            fills = new Fills(
                new Fill(new PatternFill { PatternType = PatternValues.None }),
                new Fill(new PatternFill { PatternType = PatternValues.Gray125 }));
            stylesheet.Fills = fills;
        }

        fills.Append(MarkFillElement());
        fills.Count = (uint)fills.Elements<Fill>().Count();
        _fillId = fills.Count - 1;
        return _fillId.Value;
    }

    private uint? ExistingMarkFill()
    {
        if (_fillId is not null)
        {
            return _fillId;
        }

        var mark = MarkFillElement().OuterXml;
        var index = 0u;
        foreach (var fill in workbook.WorkbookStylesPart?.Stylesheet?.Fills?.Elements<Fill>() ?? [])
        {
            if (fill.OuterXml == mark)
            {
                return _fillId = index;
            }

            index++;
        }

        return null;
    }

    private static Fill MarkFillElement() => new(new PatternFill(
        new ForegroundColor { Rgb = HexBinaryValue.FromString(MarkRgb) },
        new BackgroundColor { Indexed = 64 })
    { PatternType = PatternValues.Solid });

    private Stylesheet Stylesheet()
    {
        if (_stylesheet is not null)
        {
            return _stylesheet;
        }

        var part = workbook.WorkbookStylesPart ?? workbook.AddNewPart<WorkbookStylesPart>();
        part.Stylesheet ??= new Stylesheet(
            new Fonts(new Font()) { Count = 1 },
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
            new Borders(new Border()) { Count = 1 },
            new CellFormats(new CellFormat()) { Count = 1 });
        return _stylesheet = part.Stylesheet;
    }
}
