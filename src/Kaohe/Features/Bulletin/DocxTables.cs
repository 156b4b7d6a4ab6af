using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using Kaohe.Common.Charts;

namespace Kaohe.Features.Bulletin;

/// <summary>Tables for the Word bulletin, and its chart drawn as a table of shaded bars (opens in any Word or LibreOffice).</summary>
internal static class DocxTables
{
    private const int TableSize = 18; // 9 pt
    private const int BarColumns = 40;
    private static readonly string[] BarColours = ["C00000", "7F7F7F", "2F5597"];

    public static Table Table(BulletinTable t)
    {
        var table = new Table(Properties());
        var width = BulletinDocx.TextWidth / t.Headers.Count;
        table.Append(new TableGrid(t.Headers.Select(_ => new GridColumn { Width = width.ToString(CultureInfo.InvariantCulture) })));
        // The header row repeats on every page the table runs over.
        table.Append(new TableRow([new TableRowProperties(new TableHeader()), .. t.Headers.Select(h => Cell(h, width, JustificationValues.Center, bold: true))]));
        foreach (var row in t.Rows)
            table.Append(new TableRow(row.Select((c, i) => Cell(c, width, i >= t.NumericFrom ? JustificationValues.Right : JustificationValues.Left))));
        return table;
    }

    /// <summary>One row per category and series: name, series, a bar spanning a share of 40 grid columns, the value.</summary>
    public static Table BarChart(ChartSpec spec)
    {
        const int nameWidth = 1500, seriesWidth = 1700, valueWidth = 1000;
        var barWidth = (BulletinDocx.TextWidth - nameWidth - seriesWidth - valueWidth) / BarColumns;
        var max = spec.MaxValue;
        var table = new Table(Properties(borders: false));
        table.Append(new TableGrid(
            [new GridColumn { Width = nameWidth.ToString(CultureInfo.InvariantCulture) }, new GridColumn { Width = seriesWidth.ToString(CultureInfo.InvariantCulture) },
             .. Enumerable.Range(0, BarColumns).Select(_ => new GridColumn { Width = barWidth.ToString(CultureInfo.InvariantCulture) }),
             new GridColumn { Width = valueWidth.ToString(CultureInfo.InvariantCulture) }]));
        for (var c = 0; c < spec.Categories.Count; c++)
        {
            for (var s = 0; s < spec.Series.Count; s++)
            {
                var value = spec.Series[s].Values[c];
                var span = max <= 0 || value is not { } v ? 0 : (int)Math.Round(v / max * BarColumns, MidpointRounding.AwayFromZero);
                var row = new TableRow(
                    Cell(s == 0 ? spec.Categories[c] : "", nameWidth, JustificationValues.Left),
                    Cell(spec.Series[s].Name, seriesWidth, JustificationValues.Left));
                if (span > 0) row.Append(Span(span, barWidth, BarColours[s % BarColours.Length]));
                if (span < BarColumns) row.Append(Span(BarColumns - span, barWidth, null));
                row.Append(Cell(value is { } x ? x.ToString("F2", CultureInfo.InvariantCulture) : "—", valueWidth, JustificationValues.Right));
                table.Append(row);
            }
        }
        return table;
    }

    private static TableCell Span(int columns, int columnWidth, string? fill)
    {
        var props = new TableCellProperties(new GridSpan { Val = columns }, Width(columns * columnWidth));
        if (fill is not null) props.Append(new Shading { Val = ShadingPatternValues.Clear, Color = "auto", Fill = fill });
        return new TableCell(props, BulletinDocx.Para("", BulletinDocx.BodyFont, TableSize, JustificationValues.Left, indent: false));
    }

    private static TableCell Cell(string text, int width, JustificationValues align, bool bold = false)
    {
        var paragraph = new Paragraph(
            new ParagraphProperties(new SpacingBetweenLines { Before = "0", After = "0", Line = "260", LineRule = LineSpacingRuleValues.AtLeast }, new Justification { Val = align }),
            BulletinDocx.Run(text, BulletinDocx.BodyFont, TableSize, bold));
        return new TableCell(new TableCellProperties(Width(width), new TableCellVerticalAlignment { Val = TableVerticalAlignmentValues.Center }), paragraph);
    }

    private static TableCellWidth Width(int twips) => new() { Width = twips.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa };

    private static TableProperties Properties(bool borders = true)
    {
        var props = new TableProperties(
            new TableWidth { Width = BulletinDocx.TextWidth.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
            new TableLayout { Type = TableLayoutValues.Fixed },
            new TableJustification { Val = TableRowAlignmentValues.Center });
        if (!borders) return props;
        props.Append(new TableBorders(
            new TopBorder { Val = BorderValues.Single, Size = 4 }, new BottomBorder { Val = BorderValues.Single, Size = 4 },
            new LeftBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
            new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 }));
        return props;
    }
}
