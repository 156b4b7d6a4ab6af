using Kaohe.Common.Charts;
using PdfSharp.Drawing;
using L = Kaohe.Documents.GongwenLayout;

namespace Kaohe.Documents;

/// <summary>Tables whose header repeats on each page, and a chart drawn as horizontal bars, on the composer's page.</summary>
internal sealed partial class PdfComposer
{
    private const double RowHeight = 13;
    private static readonly XColor[] SeriesColours = [XColor.FromArgb(0xC0, 0, 0), XColor.FromArgb(0x7F, 0x7F, 0x7F), XColor.FromArgb(0x2F, 0x55, 0x97)];

    /// <summary>Columns from <paramref name="numericFrom"/> on are right-aligned. Headers may wrap onto two lines; the body decides the widths.</summary>
    public void Table(IReadOnlyList<string> headers, IReadOnlyList<IReadOnlyList<string>> rows, int numericFrom, double size = 8)
    {
        var font = Font(size, false);
        var bold = Font(size, true);
        var natural = headers.Select((h, i) => Math.Max(_gfx!.MeasureString(h, bold).Width / 2, rows.Select(r => _gfx.MeasureString(r[i], font).Width).DefaultIfEmpty(0).Max()) + 6).ToArray();
        var scale = L.TextWidth / natural.Sum();
        var widths = natural.Select(w => w * scale).ToArray();
        Room(RowHeight * 2);
        Row(headers, widths, bold, size, headers.Count, shade: true);
        foreach (var row in rows)
        {
            if (_y + RowHeight > L.Top + L.TextHeight) { NewPage(); Row(headers, widths, bold, size, headers.Count, shade: true); }
            Row(row, widths, font, size, numericFrom, shade: false);
        }
        _y += RowHeight;
    }

    private void Row(IReadOnlyList<string> cells, double[] widths, XFont font, double size, int numericFrom, bool shade)
    {
        var x = L.Left;
        var pen = new XPen(XColors.Black, 0.5);
        var lines = cells.Select((c, i) => shade ? CjkLineBreaker.Break(c, t => _gfx!.MeasureString(t, font).Width, widths[i] - 4, widths[i] - 4) : [c]).ToList();
        var height = RowHeight + ((lines.Max(l => l.Count) - 1) * (size + 2));
        for (var i = 0; i < cells.Count; i++)
        {
            var box = new XRect(x, _y, widths[i], height);
            if (shade) _gfx!.DrawRectangle(new XSolidBrush(XColor.FromArgb(0xEE, 0xEE, 0xEE)), box);
            _gfx!.DrawRectangle(pen, box);
            var align = shade ? XStringAlignment.Center : i >= numericFrom ? XStringAlignment.Far : XStringAlignment.Near;
            var top = _y + ((height - (lines[i].Count * (size + 2))) / 2);
            foreach (var line in lines[i])
            {
                _gfx.DrawString(line, font, XBrushes.Black, new XRect(x + 2, top, widths[i] - 4, size + 2), new XStringFormat { Alignment = align, LineAlignment = XLineAlignment.Center });
                top += size + 2;
            }
            x += widths[i];
        }
        _y += height;
    }

    /// <summary>Horizontal bars, one group per category, scaled to the largest value; <paramref name="label"/> prints a value.</summary>
    public void Bars(ChartSpec spec, Func<decimal, string> label, double size = 8)
    {
        const double names = 70, values = 40, bar = 6;
        var font = Font(size, false);
        var group = (bar * spec.Series.Count) + 4;
        Room(_layout.LinePitch + (group * Math.Min(spec.Categories.Count, 5)));
        Paragraph(spec.Title, 11, Align.Center, bold: true);
        for (var s = 0; s < spec.Series.Count; s++)
            _gfx!.DrawString("■ " + spec.Series[s].Name, font, new XSolidBrush(SeriesColours[s % SeriesColours.Length]), L.Left + names + (s * 110), _y, XStringFormats.TopLeft);
        _y += RowHeight;
        var room = L.TextWidth - names - values;
        for (var c = 0; c < spec.Categories.Count; c++)
        {
            Room(group);
            _gfx!.DrawString(spec.Categories[c], font, XBrushes.Black, new XRect(L.Left, _y, names - 4, group - 4), new XStringFormat { Alignment = XStringAlignment.Far, LineAlignment = XLineAlignment.Center });
            for (var s = 0; s < spec.Series.Count; s++) Bar(spec.Series[s].Values[c], spec.MaxValue, L.Left + names, _y + (s * bar), bar, room, SeriesColours[s % SeriesColours.Length], label);
            _y += group;
        }
        _y += RowHeight;
    }

    private void Bar(decimal? value, decimal max, double x, double top, double bar, double room, XColor colour, Func<decimal, string> label)
    {
        var w = max <= 0 || value is not { } d ? 0 : (double)(d / max) * room;
        _gfx!.DrawRectangle(new XSolidBrush(colour), x, top, w, bar - 1);
        _gfx.DrawString(value is { } v ? label(v) : "—", Font(6, false), XBrushes.Black, x + w + 2, top - 0.5, XStringFormats.TopLeft);
    }

    /// <summary>Starts a new page unless <paramref name="height"/> still fits on this one.</summary>
    private void Room(double height)
    {
        if (_y + height > L.Top + L.TextHeight) NewPage();
    }
}
