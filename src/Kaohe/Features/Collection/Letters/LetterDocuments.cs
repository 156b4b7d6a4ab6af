using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Kaohe.Documents;
using L = Kaohe.Documents.GongwenLayout;

namespace Kaohe.Features.Collection;

/// <summary>
/// A batch of letters as one Word document and as one merged PDF, a letter a page (or more), on the official-document
/// page (GB/T 9704: A4, title 2号小标宋, body 3号仿宋 with a two-character indent, signature and date on the right).
/// The PDF embeds the CJK font (<see cref="CjkFont"/>), so it prints as it shows, and its text can be copied.
/// </summary>
public static class LetterDocuments
{
    public const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document", PdfType = "application/pdf";

    /// <summary>The batch as the file asked for: "docx", else the merged PDF; with its content type and file name.</summary>
    public static (byte[] Content, string ContentType, string FileName) File(LetterBatch batch, string? format) => format == "docx"
        ? (Docx(batch.Letters), DocxType, batch.FileName(".docx"))
        : (Pdf(batch.Letters), PdfType, batch.FileName(".pdf"));

    public static byte[] Docx(IReadOnlyList<Letter> letters)
    {
        var w = new DocxWriter(L.Standard);
        using var output = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(output, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            var body = new Body();
            for (var i = 0; i < letters.Count; i++)
            {
                var l = letters[i];
                body.Append(w.P(l.Title, L.TitleFont, L.TitleSize, JustificationValues.Center, pageBreak: i > 0));
                body.Append(w.P("", L.BodyFont, L.BodySize));
                body.Append(w.P(l.Salutation, L.BodyFont, L.BodySize, JustificationValues.Left));
                foreach (var p in l.Paragraphs) body.Append(w.Body(p));
                body.Append(w.P("", L.BodyFont, L.BodySize));
                body.Append(w.P(l.Signature, L.BodyFont, L.BodySize, JustificationValues.Right, rightChars: 2));
                body.Append(w.P(l.Date, L.BodyFont, L.BodySize, JustificationValues.Right, rightChars: 2));
            }
            body.Append(new SectionProperties(
                new PageSize { Width = (uint)L.Twips(L.PageWidth), Height = (uint)L.Twips(L.PageHeight) },
                new PageMargin
                {
                    Top = L.Twips(L.Top), Bottom = L.Twips(L.Bottom),
                    Left = (uint)L.Twips(L.Left), Right = (uint)L.Twips(L.Right),
                }));
            main.Document = new Document(body);
            main.Document.Save();
        }
        return output.ToArray();
    }

    public static byte[] Pdf(IReadOnlyList<Letter> letters)
    {
        using var pdf = new PdfComposer(L.Standard, letters.Count == 1 ? letters[0].Title : $"{letters[0].Title}（{letters.Count} 封）");
        for (var i = 0; i < letters.Count; i++)
        {
            var l = letters[i];
            if (i > 0) pdf.NewPage();
            pdf.Paragraph(l.Title, L.TitleSize, Align.Center, bold: true);
            pdf.Paragraph("");
            pdf.Paragraph(l.Salutation, align: Align.Left);
            foreach (var p in l.Paragraphs) pdf.Paragraph(p, indentChars: 2);
            pdf.Paragraph("");
            pdf.Paragraph(l.Signature, align: Align.Right, rightChars: 2);
            pdf.Paragraph(l.Date, align: Align.Right, rightChars: 2);
        }
        return pdf.Finish();
    }
}
