using Kaohe.Documents;
using G = Kaohe.Documents.GongwenLayout;

namespace Kaohe.Features.Bulletin;

/// <summary>
/// The bulletin as PDF on the official-document page (GB/T 9704 margins), composed by <see cref="PdfComposer"/> as the
/// notice is: the embedded CJK face (subset), paragraphs, tables whose header repeats on each page, and the chart as
/// bars. Text stays extractable.
/// </summary>
public static class BulletinPdf
{
    private const double BodySize = 14;

    // A denser page than the notice's 22 lines: 25 lines of 14 pt text, the bulletin's tables being the bulk of it.
    private static readonly G Layout = new(LinesPerPage: 25);

    public static byte[] Document(BulletinModel model)
    {
        var layout = BulletinLayout.Of(model);
        using var pdf = new PdfComposer(Layout, layout.Title);
        pdf.Paragraph(layout.Title, G.TitleSize, Align.Center, bold: true);
        pdf.Paragraph(layout.AsOfLine, BodySize, Align.Center);
        foreach (var block in layout.Blocks)
        {
            switch (block)
            {
                case BulletinHeading h: pdf.Paragraph(h.Text, BodySize, Align.Left, indentChars: 2, bold: h.Level == 1); break;
                case BulletinParagraph p: pdf.Paragraph(p.Text, BodySize, Align.Left, indentChars: 2); break;
                case BulletinTable t: pdf.Table(t.Headers, t.Rows, t.NumericFrom); break;
                case BulletinChart c: pdf.Bars(c.Spec, v => BulletinTexts.Rate(v)); break;
            }
        }
        pdf.Paragraph("", BodySize);
        pdf.Paragraph(layout.Issuer, BodySize, Align.Right);
        pdf.Paragraph(layout.IssuedOn, BodySize, Align.Right);
        return pdf.Finish();
    }
}
