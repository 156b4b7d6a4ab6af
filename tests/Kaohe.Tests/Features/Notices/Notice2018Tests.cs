using Kaohe.Domain.Assessment;
using Kaohe.Features.Notices;

namespace Kaohe.Tests.Features.Notices;

/// <summary>The 2018 notice generated from the imported 2018 results, read back out of each format.</summary>
public sealed class Notice2018Tests(Notice2018Fixture fixture) : IClassFixture<Notice2018Fixture>
{
    [Fact]
    public void Import2018_Takes168Units_WithThePublishedCounts()
    {
        Assert.Equal(168, fixture.Import.Units);
        Assert.Equal([122, 41, 5, 0], Grades.InNoticeOrder.Select(g => fixture.Import.Counts[g]));
    }

    [Theory]
    [InlineData(NoticeFormat.Txt)]
    [InlineData(NoticeFormat.Html)]
    [InlineData(NoticeFormat.Docx)]
    [InlineData(NoticeFormat.Pdf)]
    public void Notice2018_InEachFormat_HasTheReferenceAnnex_AndTheResultsSentence(NoticeFormat format)
    {
        var text = NoticeReference.Text(NoticeFormats.Generate(fixture.Notice, format), format);
        var flat = NoticeReference.NormalizeDocument(text);
        var annex = string.Concat(NoticeReference.AnnexLines());
        Assert.Contains("一、考核优秀单位郑州市：二七区、中原区、新郑市", annex); // the reference parsed as expected
        Assert.EndsWith("四、考核不合格单位无", annex);
        Assert.Contains(NoticeReference.Normalize(NoticeTexts.AnnexTitle(2018) + annex), flat);
        Assert.Contains(NoticeReference.Normalize(NoticeReference.ResultsSentence2018), flat);
        Assert.Contains("教资助函〔2019〕192号", flat);
        Assert.Contains("2019年5月20日", flat);
    }

    [Fact]
    public void Notice2018_Text_HasTheSentenceWithItsSpaces_AndEachAnnexLineWhole()
    {
        var text = NoticeTxt.Text(fixture.Notice);
        Assert.Contains("经考核专家组集体评审，全省 168 个县级资助中心中，确定考核优秀单位 122 个，考核良好单位 41 个，考核合格单位 5 个，优秀率 72.62%。各单位考核情况详见附件。", text);
        Assert.Contains("\n郑州市：二七区、中原区、新郑市、管城回族区、中牟县、惠济区、金水区、登封市、经济技术开发区、荥阳市、航空港区。\n", text);
        Assert.Contains("\n商丘市：梁园区、睢阳区。\n", text);
        Assert.Contains("\n四、考核不合格单位\n无\n", text);
        Assert.Contains("覆盖全省开办生源地贷款业务的168个县级资助中心", text);
    }

    [Fact]
    public void Notice2018_Docx_IsGongwenLayout_WithFontsNamedForEveryScript()
    {
        using var doc = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(NoticeDocx.Generate(fixture.Notice)), false);
        var body = doc.MainDocumentPart!.Document!.Body!;
        var section = body.GetFirstChild<DocumentFormat.OpenXml.Wordprocessing.SectionProperties>()!;
        var margin = section.GetFirstChild<DocumentFormat.OpenXml.Wordprocessing.PageMargin>()!;
        Assert.Equal((2098, 1587U), (margin.Top!.Value, margin.Left!.Value));
        Assert.Equal(11906U, section.GetFirstChild<DocumentFormat.OpenXml.Wordprocessing.PageSize>()!.Width!.Value);
        var fonts = body.Descendants<DocumentFormat.OpenXml.Wordprocessing.RunFonts>().ToList();
        Assert.All(fonts, f => Assert.True(f.Ascii == f.EastAsia && f.HighAnsi == f.EastAsia));
        Assert.Contains(fonts, f => f.EastAsia == "仿宋_GB2312");
        Assert.Contains(fonts, f => f.EastAsia == "方正小标宋简体");
        Assert.Contains(body.Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>(), p => p.ParagraphProperties?.PageBreakBefore is not null && p.InnerText == "附件");
        Assert.All(body.Descendants<DocumentFormat.OpenXml.Wordprocessing.Indentation>().Where(i => i.FirstLineChars is not null), i => Assert.Equal("640", i.FirstLine));
        // Word refuses a file whose elements break the schema (e.g. out of order), so the file must validate.
        Assert.Empty(new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(doc).Select(e => $"{e.Path?.XPath}: {e.Description}"));
        var footers = doc.MainDocumentPart.FooterParts.Select(f => f.Footer!.InnerText).ToList();
        Assert.Equal(2, footers.Count);
        Assert.All(footers, f => Assert.Equal("—  PAGE 1 —", f));
    }
}
