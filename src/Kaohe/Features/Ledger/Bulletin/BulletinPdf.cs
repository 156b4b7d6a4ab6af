using Kaohe.Common.Charts;
using Kaohe.Documents;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using G = Kaohe.Documents.GongwenLayout;

namespace Kaohe.Features.Ledger.Bulletin;

/// <summary>
/// The bulletin as PDF on the official-document page (GB/T 9704 margins), drawn with PDFsharp and the
/// embedded CJK face the notice uses (<see cref="CjkFont"/>, subset), its line breaker for paragraphs,
/// tables whose header repeats on each page, and the chart as bars. Text stays extractable.
/// </summary>
public sealed class BulletinPdf : IDisposable
{
    private const double BodySize = 14, TableSize = 8, Pitch = 25, RowHeight = 13;
    private static readonly XColor[] Colours = [XColor.FromArgb(0xC0, 0, 0), XColor.FromArgb(0x7F, 0x7F, 0x7F), XColor.FromArgb(0x2F, 0x55, 0x97)];
    private readonly PdfDocument _doc = new();
    private readonly Dictionary<(double, bool), XFont> _fonts = [];
    private XGraphics _gfx = null!;
    private double _y;

    private BulletinPdf(string title)
    {
        CjkFont.EnsureRegistered();
        _doc.Info.Title = title;
        _doc.Info.Creator = "Kaohe 考核";
        NewPage();
    }

    public static byte[] Document(BulletinModel model)
    {
        var layout = BulletinLayout.Of(model);
        using var pdf = new BulletinPdf(layout.Title);
        pdf.Text(layout.Title, G.TitleSize, XStringAlignment.Center, bold: true);
        pdf.Text(layout.AsOfLine, BodySize, XStringAlignment.Center);
        foreach (var block in layout.Blocks)
        {
            switch (block)
            {
                case BulletinHeading h: pdf.Text(h.Text, BodySize, XStringAlignment.Near, bold: h.Level == 1, indent: 2); break;
                case BulletinParagraph p: pdf.Text(p.Text, BodySize, XStringAlignment.Near, indent: 2); break;
                case BulletinTable t: pdf.Table(t); break;
                case BulletinChart c: pdf.Bars(c.Spec); break;
            }
        }
        pdf._y += Pitch;
        pdf.Text(layout.Issuer, BodySize, XStringAlignment.Far);
        pdf.Text(layout.IssuedOn, BodySize, XStringAlignment.Far);
        return pdf.Finish();
    }

    private void NewPage()
    {
        _gfx?.Dispose();
        var page = _doc.AddPage();
        page.Width = XUnit.FromPoint(G.PageWidth);
        page.Height = XUnit.FromPoint(G.PageHeight);
        _gfx = XGraphics.FromPdfPage(page);
        _y = G.Top;
    }

    private void Room(double height)
    {
        if (_y + height > G.Top + G.TextHeight) NewPage();
    }

    private void Text(string text, double size, XStringAlignment align, bool bold = false, int indent = 0)
    {
        var font = Font(size, bold);
        var lines = CjkLineBreaker.Break(text, t => _gfx.MeasureString(t, font).Width, G.TextWidth - (indent * size), G.TextWidth);
        var pitch = Math.Max(Pitch, size * 1.5);
        for (var i = 0; i < lines.Count; i++)
        {
            Room(pitch);
            var x = G.Left + (i == 0 ? indent * size : 0);
            var format = new XStringFormat { Alignment = align, LineAlignment = XLineAlignment.Near };
            var box = new XRect(x, _y + ((pitch - size) / 2), G.Left + G.TextWidth - x, size * 1.3);
            _gfx.DrawString(lines[i], font, XBrushes.Black, box, format);
            _y += pitch;
        }
    }

    private void Table(BulletinTable t)
    {
        var font = Font(TableSize, false);
        var bold = Font(TableSize, true);
        // Headers may wrap onto two lines; the body decides the widths.
        var natural = t.Headers.Select((h, i) => Math.Max(_gfx.MeasureString(h, bold).Width / 2, t.Rows.Select(r => _gfx.MeasureString(r[i], font).Width).DefaultIfEmpty(0).Max()) + 6).ToArray();
        var scale = G.TextWidth / natural.Sum();
        var widths = natural.Select(w => w * scale).ToArray();
        Room(RowHeight * 2);
        Row(t.Headers, widths, bold, t.Headers.Count, shade: true);
        foreach (var row in t.Rows)
        {
            if (_y + RowHeight > G.Top + G.TextHeight) { NewPage(); Row(t.Headers, widths, bold, t.Headers.Count, shade: true); }
            Row(row, widths, font, t.NumericFrom, shade: false);
        }
        _y += RowHeight;
    }

    private void Row(IReadOnlyList<string> cells, double[] widths, XFont font, int numericFrom, bool shade)
    {
        var x = G.Left;
        var pen = new XPen(XColors.Black, 0.5);
        var lines = cells.Select((c, i) => shade ? CjkLineBreaker.Break(c, t => _gfx.MeasureString(t, font).Width, widths[i] - 4, widths[i] - 4) : [c]).ToList();
        var height = RowHeight + ((lines.Max(l => l.Count) - 1) * (TableSize + 2));
        for (var i = 0; i < cells.Count; i++)
        {
            var box = new XRect(x, _y, widths[i], height);
            if (shade) _gfx.DrawRectangle(new XSolidBrush(XColor.FromArgb(0xEE, 0xEE, 0xEE)), box);
            _gfx.DrawRectangle(pen, box);
            var align = shade ? XStringAlignment.Center : i >= numericFrom ? XStringAlignment.Far : XStringAlignment.Near;
            var top = _y + ((height - (lines[i].Count * (TableSize + 2))) / 2);
            foreach (var line in lines[i])
            {
                _gfx.DrawString(line, font, XBrushes.Black, new XRect(x + 2, top, widths[i] - 4, TableSize + 2), new XStringFormat { Alignment = align, LineAlignment = XLineAlignment.Center });
                top += TableSize + 2;
            }
            x += widths[i];
        }
        _y += height;
    }

    /// <summary>Horizontal bars, one group per category, scaled to the largest value.</summary>
    private void Bars(ChartSpec spec)
    {
        const double label = 70, value = 40, bar = 6;
        var font = Font(TableSize, false);
        var max = spec.MaxValue;
        var group = (bar * spec.Series.Count) + 4;
        Room(Pitch + (group * Math.Min(spec.Categories.Count, 5)));
        Text(spec.Title, 11, XStringAlignment.Center, bold: true);
        for (var s = 0; s < spec.Series.Count; s++)
            _gfx.DrawString("■ " + spec.Series[s].Name, font, new XSolidBrush(Colours[s % Colours.Length]), G.Left + label + (s * 110), _y, XStringFormats.TopLeft);
        _y += RowHeight;
        var room = G.TextWidth - label - value;
        for (var c = 0; c < spec.Categories.Count; c++)
        {
            Room(group);
            _gfx.DrawString(spec.Categories[c], font, XBrushes.Black, new XRect(G.Left, _y, label - 4, group - 4), new XStringFormat { Alignment = XStringAlignment.Far, LineAlignment = XLineAlignment.Center });
            for (var s = 0; s < spec.Series.Count; s++)
            {
                var v = spec.Series[s].Values[c];
                var w = max <= 0 || v is not { } d ? 0 : (double)(d / max) * room;
                var top = _y + (s * bar);
                _gfx.DrawRectangle(new XSolidBrush(Colours[s % Colours.Length]), G.Left + label, top, w, bar - 1);
                _gfx.DrawString(v is { } x ? BulletinTexts.Rate(x) : "—", Font(6, false), XBrushes.Black, G.Left + label + w + 2, top - 0.5, XStringFormats.TopLeft);
            }
            _y += group;
        }
        _y += RowHeight;
    }

    private XFont Font(double size, bool bold)
    {
        if (!_fonts.TryGetValue((size, bold), out var f))
            _fonts[(size, bold)] = f = new XFont(CjkFont.Family, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular, new XPdfFontOptions(PdfFontEncoding.Unicode));
        return f;
    }

    private byte[] Finish()
    {
        _gfx.Dispose();
        using var stream = new MemoryStream();
        _doc.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    public void Dispose()
    {
        _gfx.Dispose();
        _doc.Dispose();
    }
}
