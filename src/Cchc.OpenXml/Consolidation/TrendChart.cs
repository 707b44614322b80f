using System.Globalization;
using Cchc.Appendix.Consolidation;
using Cchc.OpenXml.Writing;
using DocumentFormat.OpenXml.Packaging;
using A = DocumentFormat.OpenXml.Drawing;
using C = DocumentFormat.OpenXml.Drawing.Charts;
using Xdr = DocumentFormat.OpenXml.Drawing.Spreadsheet;

namespace Cchc.OpenXml.Consolidation;

/// <summary>
/// A native Excel line chart over the trend table: one line per indicator, the periods along the bottom, the last
/// period's point marked larger, the figures read from the sheet's cells (with their cached values, so a reader that
/// does not recalculate still draws it).
/// </summary>
internal static class TrendChart
{
    private const uint CategoryAxis = 500_000_001;
    private const uint ValueAxis = 500_000_002;

    /// <summary>Adds the chart's drawing to <paramref name="sheet"/>; its relationship id for the sheet's <c>drawing</c> element, or null without a trend.</summary>
    public static string? Add(WorksheetPart sheet, string sheetName, IReadOnlyList<TrendSeries> trends, int firstDataRow)
    {
        if (trends.Count == 0 || trends[0].Points.Count == 0)
        {
            return null;
        }

        var drawings = sheet.AddNewPart<DrawingsPart>();
        var chartPart = drawings.AddNewPart<ChartPart>();
        chartPart.ChartSpace = Chart(sheetName, trends, firstDataRow);

        var top = firstDataRow + trends.Count + 1;
        drawings.WorksheetDrawing = new Xdr.WorksheetDrawing(new Xdr.TwoCellAnchor(
            new Xdr.FromMarker(new Xdr.ColumnId("0"), new Xdr.ColumnOffset("0"), new Xdr.RowId(top.ToString(CultureInfo.InvariantCulture)), new Xdr.RowOffset("0")),
            new Xdr.ToMarker(new Xdr.ColumnId("8"), new Xdr.ColumnOffset("0"), new Xdr.RowId((top + 22).ToString(CultureInfo.InvariantCulture)), new Xdr.RowOffset("0")),
            new Xdr.GraphicFrame(
                new Xdr.NonVisualGraphicFrameProperties(
                    new Xdr.NonVisualDrawingProperties { Id = 2, Name = "Biểu đồ xu hướng" },
                    new Xdr.NonVisualGraphicFrameDrawingProperties()),
                new Xdr.Transform(new A.Offset { X = 0, Y = 0 }, new A.Extents { Cx = 0, Cy = 0 }),
                new A.Graphic(new A.GraphicData(new C.ChartReference { Id = drawings.GetIdOfPart(chartPart) })
                {
                    Uri = "http://schemas.openxmlformats.org/drawingml/2006/chart",
                }))
            { Macro = string.Empty },
            new Xdr.ClientData()));

        return sheet.GetIdOfPart(drawings);
    }

    private static C.ChartSpace Chart(string sheetName, IReadOnlyList<TrendSeries> trends, int firstDataRow)
    {
        var sheet = "'" + sheetName.Replace("'", "''", StringComparison.Ordinal) + "'";
        var periods = trends[0].Points.Select(p => p.Period.ToString()).ToList();
        var lastColumn = periods.Count;
        var categories = $"{sheet}!${Letters(1)}$1:${Letters(lastColumn)}$1";

        var line = new C.LineChart(new C.Grouping { Val = C.GroupingValues.Standard }, new C.VaryColors { Val = false });
        for (var s = 0; s < trends.Count; s++)
        {
            var series = trends[s];
            var row = firstDataRow + s + 1;
            var name = $"{series.Label} ({series.Unit})";
            var values = new C.NumberingCache(new C.FormatCode("General"), new C.PointCount { Val = (uint)series.Points.Count });
            for (var p = 0; p < series.Points.Count; p++)
            {
                if (series.Points[p].Value is { } value)
                {
                    values.Append(new C.NumericPoint(new C.NumericValue(value.ToString(CultureInfo.InvariantCulture))) { Index = (uint)p });
                }
            }

            line.Append(new C.LineChartSeries(
                new C.Index { Val = (uint)s },
                new C.Order { Val = (uint)s },
                new C.SeriesText(new C.StringReference(
                    new C.Formula($"{sheet}!$A${row}"),
                    new C.StringCache(new C.PointCount { Val = 1 }, new C.StringPoint(new C.NumericValue(name)) { Index = 0 }))),
                new C.Marker(new C.Symbol { Val = C.MarkerStyleValues.Circle }, new C.Size { Val = 5 }),
                // This period's value, the one the province reports now, stands out from the periods before.
                new C.DataPoint(
                    new C.Index { Val = (uint)(series.Points.Count - 1) },
                    new C.Marker(new C.Symbol { Val = C.MarkerStyleValues.Diamond }, new C.Size { Val = 10 }),
                    new C.Bubble3D { Val = false }),
                new C.CategoryAxisData(new C.StringReference(new C.Formula(categories), Strings(periods))),
                new C.Values(new C.NumberReference(new C.Formula($"{sheet}!${Letters(1)}${row}:${Letters(lastColumn)}${row}"), values)),
                new C.Smooth { Val = false }));
        }

        line.Append(new C.ShowMarker { Val = true }, new C.AxisId { Val = CategoryAxis }, new C.AxisId { Val = ValueAxis });

        var chart = new C.Chart(
            new C.Title(
                new C.ChartText(new C.RichText(
                    new A.BodyProperties(),
                    new A.ListStyle(),
                    new A.Paragraph(new A.Run(new A.RunProperties { Language = "vi-VN", Bold = true, FontSize = 1200 }, new A.Text("Xu hướng qua các kỳ báo cáo"))))),
                new C.Overlay { Val = false }),
            new C.AutoTitleDeleted { Val = false },
            new C.PlotArea(
                new C.Layout(),
                line,
                new C.CategoryAxis(
                    new C.AxisId { Val = CategoryAxis },
                    new C.Scaling(new C.Orientation { Val = C.OrientationValues.MinMax }),
                    new C.Delete { Val = false },
                    new C.AxisPosition { Val = C.AxisPositionValues.Bottom },
                    new C.NumberingFormat { FormatCode = "General", SourceLinked = true },
                    new C.MajorTickMark { Val = C.TickMarkValues.Outside },
                    new C.MinorTickMark { Val = C.TickMarkValues.None },
                    new C.TickLabelPosition { Val = C.TickLabelPositionValues.NextTo },
                    new C.CrossingAxis { Val = ValueAxis },
                    new C.Crosses { Val = C.CrossesValues.AutoZero },
                    new C.AutoLabeled { Val = true },
                    new C.LabelAlignment { Val = C.LabelAlignmentValues.Center },
                    new C.LabelOffset { Val = 100 },
                    new C.NoMultiLevelLabels { Val = false }),
                new C.ValueAxis(
                    new C.AxisId { Val = ValueAxis },
                    new C.Scaling(new C.Orientation { Val = C.OrientationValues.MinMax }),
                    new C.Delete { Val = false },
                    new C.AxisPosition { Val = C.AxisPositionValues.Left },
                    new C.MajorGridlines(),
                    new C.NumberingFormat { FormatCode = "#,##0.0", SourceLinked = false },
                    new C.MajorTickMark { Val = C.TickMarkValues.Outside },
                    new C.MinorTickMark { Val = C.TickMarkValues.None },
                    new C.TickLabelPosition { Val = C.TickLabelPositionValues.NextTo },
                    new C.CrossingAxis { Val = CategoryAxis },
                    new C.Crosses { Val = C.CrossesValues.AutoZero },
                    new C.CrossBetween { Val = C.CrossBetweenValues.Between })),
            new C.Legend(new C.LegendPosition { Val = C.LegendPositionValues.Bottom }, new C.Overlay { Val = false }),
            new C.PlotVisibleOnly { Val = true },
            new C.DisplayBlanksAs { Val = C.DisplayBlanksAsValues.Gap });

        return new C.ChartSpace(
            new C.EditingLanguage { Val = "vi-VN" },
            new C.RoundedCorners { Val = false },
            chart);
    }

    private static C.StringCache Strings(List<string> texts)
    {
        var cache = new C.StringCache(new C.PointCount { Val = (uint)texts.Count });
        for (var i = 0; i < texts.Count; i++)
        {
            cache.Append(new C.StringPoint(new C.NumericValue(texts[i])) { Index = (uint)i });
        }

        return cache;
    }

    private static string Letters(int column) => new(ExcelCells.Reference(0, column).TakeWhile(char.IsAsciiLetter).ToArray());
}
