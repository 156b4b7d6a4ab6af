using System.Net;
using System.Text;

namespace Kaohe.Features.Notices;

/// <summary>
/// The notice as one self-contained HTML page (inline styles, no scripts): the public results page
/// (主动公开) serves exactly these bytes, and the same file can be saved and published elsewhere.
/// </summary>
public static class NoticeHtml
{
    private const string Style =
        "body{font-family:'FangSong','仿宋_GB2312','仿宋','AR PL UMing CN','Noto Serif CJK SC',serif;font-size:16pt;line-height:1.8;max-width:42em;margin:2em auto;padding:0 1em;color:#111}"
        + "header{text-align:center;border-bottom:2px solid #c00;padding-bottom:.5em;margin-bottom:1.5em}.issuers{color:#c00;font-size:24pt;letter-spacing:.1em}"
        + "h1,h2.annex{font-family:'方正小标宋简体','SimSun',serif;font-size:22pt;text-align:center;font-weight:normal;line-height:1.5}"
        + "h2,h3{font-family:'黑体','SimHei',sans-serif;font-size:16pt;font-weight:normal;margin:.6em 0}p{text-indent:2em;margin:0}"
        + ".to,.ref,.label{text-indent:0}.sign{text-align:right;margin-top:1.5em}.annex-page{margin-top:3em;border-top:1px dashed #999;padding-top:1em}"
        + ".check{text-indent:0;margin-top:2em;font-size:10.5pt;color:#555}.mark{color:#c00;font-weight:bold;text-align:center;text-indent:0}@media print{.annex-page{break-before:page;border:0}}";

    public static byte[] Generate(NoticeDocument n) => new UTF8Encoding(false).GetBytes(Page(n));

    public static string Page(NoticeDocument n)
    {
        var s = new StringBuilder();
        s.Append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        s.Append("<title>").Append(E(n.Title)).Append("</title>\n<style>").Append(Style).Append("</style>\n</head>\n<body>\n");
        if (n.Watermark is { } w) s.Append("<p class=\"mark\">【").Append(E(w)).Append("】</p>\n");
        s.Append("<header><div class=\"issuers\">").Append(E(n.Issuers)).Append("</div><div class=\"number\">").Append(E(n.DocumentNumber)).Append("</div></header>\n");
        s.Append("<h1>").Append(E(n.Title)).Append("</h1>\n<p class=\"to\">").Append(E(n.Addressee)).Append("</p>\n");
        foreach (var p in n.Opening) P(s, p);
        foreach (var section in n.Sections)
        {
            s.Append("<h2>").Append(E(section.Heading)).Append("</h2>\n");
            foreach (var p in section.Paragraphs) P(s, p);
        }
        s.Append("<p class=\"ref\">").Append(E(n.AnnexReference)).Append("</p>\n<div class=\"sign\">");
        s.Append(E(string.Join(" ", n.IssuerNames))).Append("<br>").Append(E(n.DateText)).Append("</div>\n<p class=\"to\">").Append(E(n.Disclosure)).Append("</p>\n");
        s.Append("<section class=\"annex-page\" id=\"annex\">\n<p class=\"label\">").Append(NoticeTexts.AnnexLabel).Append("</p>\n<h2 class=\"annex\">").Append(E(n.AnnexTitle)).Append("</h2>\n");
        foreach (var grade in n.Results.Annex)
        {
            s.Append("<h3>").Append(E(grade.Heading)).Append("</h3>\n");
            foreach (var line in NoticeTxt.Lines(grade)) P(s, line);
        }
        s.Append("<p class=\"check\">").Append(E(n.Verification)).Append("</p>\n");
        return s.Append("</section>\n</body>\n</html>\n").ToString();
    }

    private static void P(StringBuilder s, string text) => s.Append("<p>").Append(E(text)).Append("</p>\n");

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
