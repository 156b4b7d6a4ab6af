using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Kaohe.Features.Bulletin;

/// <summary>
/// The bulletin as a Word document in the style of an official document (GB/T 9704): A4, title in
/// 方正小标宋简体 二号, body in 仿宋_GB2312 三号 with a two-character first-line indent, headings in
/// 黑体 and 楷体_GB2312. The file names the fonts; Word on Windows supplies them.
/// </summary>
public static class BulletinDocx
{
    internal const string TitleFont = "方正小标宋简体";
    internal const string BodyFont = "仿宋_GB2312";
    private const string Heading1Font = "黑体";
    private const string Heading2Font = "楷体_GB2312";
    private const int BodySize = 32;     // half-points: 16 pt = 三号
    private const int TitleSize = 44;    // 22 pt = 二号
    internal const int TextWidth = 11906 - 1588 - 1474; // A4 width less the 28 mm and 26 mm margins, in twips

    public static byte[] Document(BulletinModel model)
    {
        var layout = BulletinLayout.Of(model);
        using var output = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(output, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            var body = new Body();
            body.Append(Para(layout.Title, TitleFont, TitleSize, JustificationValues.Center, indent: false, after: 0));
            body.Append(Para(layout.AsOfLine, BodyFont, BodySize, JustificationValues.Center, indent: false, after: 320));
            foreach (var block in layout.Blocks) Append(body, block);
            body.Append(Para(layout.Issuer, BodyFont, BodySize, JustificationValues.Right, indent: false, before: 640));
            body.Append(Para(layout.IssuedOn, BodyFont, BodySize, JustificationValues.Right, indent: false));
            body.Append(PageSetup());
            main.Document = new Document(body);
            main.Document.Save();
        }
        return output.ToArray();
    }

    private static void Append(Body body, BulletinBlock block)
    {
        switch (block)
        {
            case BulletinHeading { Level: 1 } h: body.Append(Para(h.Text, Heading1Font, BodySize, JustificationValues.Both, indent: true)); break;
            case BulletinHeading h: body.Append(Para(h.Text, Heading2Font, BodySize, JustificationValues.Both, indent: true)); break;
            case BulletinParagraph p: body.Append(Para(p.Text, BodyFont, BodySize, JustificationValues.Both, indent: true)); break;
            case BulletinTable t: body.Append(DocxTables.Table(t)); body.Append(Para("", BodyFont, 16, JustificationValues.Left, indent: false)); break;
            case BulletinChart c:
                body.Append(Para(c.Spec.Title, Heading1Font, 24, JustificationValues.Center, indent: false));
                body.Append(DocxTables.BarChart(c.Spec));
                body.Append(Para("", BodyFont, 16, JustificationValues.Left, indent: false));
                break;
        }
    }

    /// <summary>A paragraph of one run. LibreOffice ignores FirstLineChars, so the indent is also given in twips (2 × 16 pt).</summary>
    internal static Paragraph Para(string text, string font, int halfPoints, JustificationValues align, bool indent, int before = 0, int after = 0)
    {
        var props = new ParagraphProperties(
            new SpacingBetweenLines { Before = before.ToString(System.Globalization.CultureInfo.InvariantCulture), After = after.ToString(System.Globalization.CultureInfo.InvariantCulture), Line = halfPoints >= BodySize ? "560" : "300", LineRule = LineSpacingRuleValues.Exact },
            new Justification { Val = align });
        if (indent) props.Indentation = new Indentation { FirstLine = (halfPoints * 20).ToString(System.Globalization.CultureInfo.InvariantCulture), FirstLineChars = 200 };
        return new Paragraph(props, Run(text, font, halfPoints));
    }

    internal static Run Run(string text, string font, int halfPoints, bool bold = false)
    {
        var props = new RunProperties(new RunFonts { Ascii = font, HighAnsi = font, EastAsia = font, ComplexScript = font });
        if (bold) props.Append(new Bold());
        props.Append(new FontSize { Val = halfPoints.ToString(System.Globalization.CultureInfo.InvariantCulture) }, new FontSizeComplexScript { Val = halfPoints.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        return new Run(props, new Text(text) { Space = SpaceProcessingModeValues.Preserve });
    }

    // A4 with the official-document margins: top 37 mm, bottom 35 mm, left 28 mm, right 26 mm.
    private static SectionProperties PageSetup() => new(
        new PageSize { Width = 11906, Height = 16838 },
        new PageMargin { Top = 2098, Bottom = 1984, Left = 1588, Right = 1474, Header = 851, Footer = 992, Gutter = 0 });
}
