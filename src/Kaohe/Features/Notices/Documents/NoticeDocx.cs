using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Kaohe.Documents;
using L = Kaohe.Documents.GongwenLayout;

namespace Kaohe.Features.Notices;

/// <summary>
/// The notice as .docx in the GB/T 9704-2012 layout. The file names the standard Chinese fonts
/// (Word on Windows uses them); it embeds none. Page numbers "— 1 —" sit in the footer, odd pages
/// right and even pages left; the annex starts on a new page.
/// </summary>
public static class NoticeDocx
{
    public static byte[] Generate(NoticeDocument n) => Generate(n, L.Standard);

    public static byte[] Generate(NoticeDocument n, L layout)
    {
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            var w = new DocxWriter(layout);
            var body = new Body();
            foreach (var p in Paragraphs(n, w)) body.Append(p);
            body.Append(Section(main, layout));
            main.Document = new Document(body);
            main.AddNewPart<DocumentSettingsPart>().Settings = new Settings(new EvenAndOddHeaders());
            main.AddNewPart<StyleDefinitionsPart>().Styles = DefaultStyles();
            doc.PackageProperties.Title = n.Title;
            doc.PackageProperties.Creator = n.Issuers;
        }
        return stream.ToArray();
    }

    private static IEnumerable<Paragraph> Paragraphs(NoticeDocument n, DocxWriter w)
    {
        if (n.Watermark is { } mark) yield return w.P($"【{mark}】", L.HeadingFont, L.BodySize, JustificationValues.Center, color: "C00000");
        foreach (var issuer in n.IssuerNames) yield return w.P(issuer, L.TitleFont, NoticePdf.IssuerSize, JustificationValues.Center, color: "C00000");
        yield return w.P(n.DocumentNumber, L.BodyFont, L.BodySize, JustificationValues.Center, redRule: true);
        yield return w.P("", L.BodyFont, L.BodySize);
        yield return w.P(n.Title, L.TitleFont, L.TitleSize, JustificationValues.Center);
        yield return w.P("", L.BodyFont, L.BodySize);
        yield return w.P(n.Addressee, L.BodyFont, L.BodySize);
        foreach (var p in n.Opening) yield return w.Body(p);
        foreach (var section in n.Sections)
        {
            yield return w.P(section.Heading, L.HeadingFont, L.BodySize, indent: true);
            foreach (var p in section.Paragraphs)
                yield return p.StartsWith('（') ? w.P(p, L.BodyFont, L.BodySize, indent: true) : w.Body(p);
        }
        yield return w.P("", L.BodyFont, L.BodySize);
        yield return w.Body(n.AnnexReference);
        yield return w.P("", L.BodyFont, L.BodySize);
        yield return w.P(string.Join("　　", n.IssuerNames), L.BodyFont, L.BodySize, JustificationValues.Right, rightChars: 2);
        yield return w.P(n.DateText, L.BodyFont, L.BodySize, JustificationValues.Right, rightChars: 4);
        yield return w.P("", L.BodyFont, L.BodySize);
        yield return w.Body(n.Disclosure);
        yield return w.P(NoticeTexts.AnnexLabel, L.HeadingFont, L.BodySize, pageBreak: true);
        yield return w.P(n.AnnexTitle, L.TitleFont, L.TitleSize, JustificationValues.Center);
        foreach (var grade in n.Results.Annex)
        {
            yield return w.P(grade.Heading, L.HeadingFont, L.BodySize, indent: true);
            foreach (var line in NoticeTxt.Lines(grade)) yield return w.Body(line);
        }
        yield return w.P("", L.BodyFont, L.BodySize);
        yield return w.P(n.Verification, L.BodyFont, L.BodySize);
    }

    // The character grid's pitch is the default font size plus charSpace: without 3号 as the document default,
    // Word and LibreOffice would lay 16 pt characters on a 10 pt grid and give each two cells.
    private static Styles DefaultStyles()
    {
        var size = ((int)(L.BodySize * 2)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new Styles(new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle(
                new RunFonts { Ascii = L.BodyFont, HighAnsi = L.BodyFont, EastAsia = L.BodyFont, ComplexScript = L.BodyFont },
                new FontSize { Val = size }, new FontSizeComplexScript { Val = size }, new Languages { Val = "en-US", EastAsia = "zh-CN" })),
            new ParagraphPropertiesDefault()));
    }

    private static SectionProperties Section(MainDocumentPart main, L layout)
    {
        var odd = PageNumberFooter(main, JustificationValues.Right);
        var even = PageNumberFooter(main, JustificationValues.Left);
        return new SectionProperties(
            new FooterReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(odd) },
            new FooterReference { Type = HeaderFooterValues.Even, Id = main.GetIdOfPart(even) },
            new PageSize { Width = 11906U, Height = 16838U },
            new PageMargin { Top = L.Twips(L.Top), Bottom = L.Twips(L.Bottom), Left = (uint)L.Twips(L.Left), Right = (uint)L.Twips(L.Right), Header = 851U, Footer = 992U, Gutter = 0U },
            new DocGrid { Type = DocGridValues.Lines, LinePitch = L.Twips(layout.LinePitch) });
    }

    // GB/T 9704-2012 §7.5: 4号 Arabic numerals with a dash each side, one character in from the edge.
    private static FooterPart PageNumberFooter(MainDocumentPart main, JustificationValues side)
    {
        var part = main.AddNewPart<FooterPart>();
        var p = new Paragraph(new ParagraphProperties(
            side == JustificationValues.Right ? new Indentation { Right = "280" } : new Indentation { Left = "280" }, new Justification { Val = side }));
        p.Append(DocxWriter.Run("— ", L.PageNumberFont, L.PageNumberSize),
            new Run(new FieldChar { FieldCharType = FieldCharValues.Begin }), new Run(new FieldCode(" PAGE ") { Space = SpaceProcessingModeValues.Preserve }),
            new Run(new FieldChar { FieldCharType = FieldCharValues.Separate }), DocxWriter.Run("1", L.PageNumberFont, L.PageNumberSize),
            new Run(new FieldChar { FieldCharType = FieldCharValues.End }), DocxWriter.Run(" —", L.PageNumberFont, L.PageNumberSize));
        part.Footer = new Footer(p);
        return part;
    }
}
