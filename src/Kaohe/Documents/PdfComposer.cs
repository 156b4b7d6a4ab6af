using PdfSharp.Drawing;
using PdfSharp.Pdf;
using L = Kaohe.Documents.GongwenLayout;

namespace Kaohe.Documents;

public enum Align { Justify, Left, Center, Right }

/// <summary>
/// Kaohe's one way to compose a PDF: flows paragraphs down A4 pages on the layout's line grid with the embedded CJK
/// font, breaking lines itself (PDFsharp breaks only at spaces), draws tables and bar charts
/// (<c>PdfComposer.Tables.cs</c>), and numbers the pages "— 1 —" at the end. The notice and the bulletin use it.
/// </summary>
internal sealed partial class PdfComposer : IDisposable
{
    private readonly PdfDocument _doc = new();
    private readonly L _layout;
    private readonly Dictionary<(string, double, bool), double> _widths = new();
    private readonly Dictionary<(double, bool), XFont> _fonts = new();
    private XGraphics? _gfx;
    private double _y;

    public PdfComposer(L layout, string title)
    {
        CjkFont.EnsureRegistered();
        _layout = layout;
        _doc.Info.Title = title;
        _doc.Info.Creator = "Kaohe 考核";
        NewPage();
    }

    public void NewPage()
    {
        _gfx?.Dispose();
        var page = _doc.AddPage();
        page.Width = XUnit.FromPoint(L.PageWidth);
        page.Height = XUnit.FromPoint(L.PageHeight);
        _gfx = XGraphics.FromPdfPage(page);
        _y = L.Top;
    }

    public void Paragraph(string text, double size = L.BodySize, Align align = Align.Justify, int indentChars = 0,
        int rightChars = 0, bool bold = false, XColor? color = null)
    {
        var pitch = Math.Max(_layout.LinePitch, size * 1.3);
        var indent = indentChars * size;
        var width = L.TextWidth - rightChars * L.BodySize;
        var lines = CjkLineBreaker.Break(text, t => Width(t, size, bold), width - indent, width);
        for (var i = 0; i < lines.Count; i++)
        {
            if (_y + pitch > L.Top + L.TextHeight + 0.5) NewPage();
            var x = L.Left + (i == 0 ? indent : 0);
            var room = width - (i == 0 ? indent : 0);
            Line(lines[i], x, room, size, bold, color ?? XColors.Black, i == lines.Count - 1 && align == Align.Justify ? Align.Left : align, pitch);
            _y += pitch;
        }
        if (text.Length == 0) _y += pitch;
    }

    public void Rule(XColor color)
    {
        _gfx!.DrawLine(new XPen(color, 1.5), L.Left, _y + 2, L.Left + L.TextWidth, _y + 2);
        _y += 6;
    }

    private void Line(string line, double x, double room, double size, bool bold, XColor color, Align align, double pitch)
    {
        var font = Font(size, bold);
        var brush = new XSolidBrush(color);
        var top = _y + (pitch - size) / 2;
        var tokens = CjkLineBreaker.Tokens(line).ToList();
        var natural = tokens.Sum(t => Width(t, size, bold));
        if (align != Align.Justify || tokens.Count < 2 || natural >= room)
        {
            var start = align switch { Align.Center => x + (room - natural) / 2, Align.Right => x + room - natural, _ => x };
            _gfx!.DrawString(line, font, brush, start, top, XStringFormats.TopLeft);
            return;
        }
        var gap = (room - natural) / (tokens.Count - 1);
        foreach (var t in tokens)
        {
            _gfx!.DrawString(t, font, brush, x, top, XStringFormats.TopLeft);
            x += Width(t, size, bold) + gap;
        }
    }

    private XFont Font(double size, bool bold)
    {
        if (!_fonts.TryGetValue((size, bold), out var f))
            _fonts[(size, bold)] = f = new XFont(CjkFont.Family, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular, new XPdfFontOptions(PdfFontEncoding.Unicode));
        return f;
    }

    private double Width(string token, double size, bool bold)
    {
        if (!_widths.TryGetValue((token, size, bold), out var w))
            _widths[(token, size, bold)] = w = _gfx!.MeasureString(token, Font(size, bold)).Width;
        return w;
    }

    /// <summary>GB/T 9704-2012 §7.5: 4号 numerals with dashes, 7 mm below the type area, odd pages right, even left.</summary>
    public byte[] Finish()
    {
        _gfx?.Dispose();
        _gfx = null;
        for (var i = 0; i < _doc.PageCount; i++)
        {
            using var gfx = XGraphics.FromPdfPage(_doc.Pages[i]);
            var text = $"— {i + 1} —";
            var font = Font(L.PageNumberSize, false);
            var w = gfx.MeasureString(text, font).Width;
            var x = i % 2 == 0 ? L.Left + L.TextWidth - L.PageNumberSize - w : L.Left + L.PageNumberSize;
            gfx.DrawString(text, font, XBrushes.Black, x, L.Top + L.TextHeight + 7 * L.Mm, XStringFormats.TopLeft);
        }
        using var stream = new MemoryStream();
        _doc.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    public void Dispose()
    {
        _gfx?.Dispose();
        _doc.Dispose();
    }
}
