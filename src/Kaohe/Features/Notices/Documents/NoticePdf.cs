using Kaohe.Documents;
using PdfSharp.Drawing;
using L = Kaohe.Documents.GongwenLayout;

namespace Kaohe.Features.Notices;

/// <summary>
/// The notice as PDF with the CJK font embedded (subset), laid out as the .docx is: no browser or office
/// suite needed on the server. Text is extractable (pdftotext) because PDFsharp writes a ToUnicode map.
/// </summary>
public static class NoticePdf
{
    private static readonly XColor Red = XColor.FromArgb(0xC0, 0, 0);

    // A joint notice stacks its issuers, one per line, in the red masthead (GB/T 9704-2012 §7.2.3).
    internal const double IssuerSize = 26;

    public static byte[] Generate(NoticeDocument n) => Generate(n, L.Standard);

    public static byte[] Generate(NoticeDocument n, L layout)
    {
        using var pdf = new PdfComposer(layout, n.Title);
        if (n.Watermark is { } mark) pdf.Paragraph($"【{mark}】", align: Align.Center, color: Red);
        foreach (var issuer in n.IssuerNames) pdf.Paragraph(issuer, IssuerSize, Align.Center, bold: true, color: Red);
        pdf.Paragraph(n.DocumentNumber, align: Align.Center);
        pdf.Rule(Red);
        pdf.Paragraph("");
        pdf.Paragraph(n.Title, L.TitleSize, Align.Center, bold: true);
        pdf.Paragraph("");
        pdf.Paragraph(n.Addressee, align: Align.Left);
        foreach (var p in n.Opening) pdf.Paragraph(p, indentChars: 2);
        foreach (var section in n.Sections)
        {
            pdf.Paragraph(section.Heading, align: Align.Left, indentChars: 2, bold: true);
            foreach (var p in section.Paragraphs) pdf.Paragraph(p, indentChars: 2);
        }
        pdf.Paragraph("");
        pdf.Paragraph(n.AnnexReference, indentChars: 2);
        pdf.Paragraph("");
        pdf.Paragraph(string.Join("　　", n.IssuerNames), align: Align.Right, rightChars: 2);
        pdf.Paragraph(n.DateText, align: Align.Right, rightChars: 4);
        pdf.Paragraph("");
        pdf.Paragraph(n.Disclosure, indentChars: 2);
        pdf.NewPage();
        pdf.Paragraph(NoticeTexts.AnnexLabel, align: Align.Left, bold: true);
        pdf.Paragraph(n.AnnexTitle, L.TitleSize, Align.Center, bold: true);
        foreach (var grade in n.Results.Annex)
        {
            pdf.Paragraph(grade.Heading, align: Align.Left, indentChars: 2, bold: true);
            foreach (var line in NoticeTxt.Lines(grade)) pdf.Paragraph(line, indentChars: 2);
        }
        pdf.Paragraph("");
        pdf.Paragraph(n.Verification, align: Align.Left);
        return pdf.Finish();
    }
}
