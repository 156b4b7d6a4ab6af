using System.Text;
using static System.Net.WebUtility;

namespace Kaohe.Features.Bulletin;

/// <summary>
/// The bulletin as one HTML file. A download carries Apache ECharts inline so it opens offline;
/// a page of the app links the script the site already serves instead.
/// </summary>
public static class BulletinHtml
{
    public static byte[] Document(BulletinModel model, string? echartsUrl = null)
    {
        var layout = BulletinLayout.Of(model);
        var html = new StringBuilder(64 * 1024);
        html.Append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\" />\n<title>").Append(HtmlEncode(layout.Title)).Append("</title>\n<style>")
            .Append(Style).Append("</style>\n</head>\n<body>\n<article class=\"bulletin\">\n");
        Body(html, layout);
        html.Append("</article>\n");
        if (echartsUrl is null) html.Append("<script>").Append(EChartsSource.Value).Append("</script>\n");
        else html.Append("<script src=\"").Append(HtmlEncode(echartsUrl)).Append("\"></script>\n");
        html.Append("<script>").Append(DrawCharts).Append("</script>\n</body>\n</html>\n");
        return Encoding.UTF8.GetBytes(html.ToString());
    }

    /// <summary>The bulletin's body alone (no page, no scripts), for showing it inside a page of the app.</summary>
    public static string Fragment(BulletinModel model)
    {
        var html = new StringBuilder(64 * 1024);
        html.Append("<article class=\"bulletin\">\n");
        Body(html, BulletinLayout.Of(model));
        return html.Append("</article>\n").ToString();
    }

    private static void Body(StringBuilder html, BulletinLayout layout)
    {
        html.Append("<h1>").Append(HtmlEncode(layout.Title)).Append("</h1>\n<p class=\"as-of\">").Append(HtmlEncode(layout.AsOfLine)).Append("</p>\n");
        foreach (var block in layout.Blocks)
        {
            switch (block)
            {
                case BulletinHeading h:
                    html.Append(h.Level == 1 ? "<h2>" : "<h3>").Append(HtmlEncode(h.Text)).Append(h.Level == 1 ? "</h2>\n" : "</h3>\n");
                    break;
                case BulletinParagraph p:
                    html.Append("<p>").Append(HtmlEncode(p.Text)).Append("</p>\n");
                    break;
                case BulletinTable t:
                    Table(html, t);
                    break;
                case BulletinChart c:
                    html.Append("<div class=\"chart\" id=\"").Append(c.Spec.Id).Append("\" style=\"height:").Append(c.Spec.HeightPixels)
                        .Append("px\" data-echart=\"").Append(HtmlEncode(c.Spec.ToEChartsOption())).Append("\"></div>\n");
                    break;
            }
        }
        html.Append("<p class=\"signature\">").Append(HtmlEncode(layout.Issuer)).Append("<br />").Append(HtmlEncode(layout.IssuedOn)).Append("</p>\n");
    }

    private static void Table(StringBuilder html, BulletinTable t)
    {
        html.Append("<table>\n<thead><tr>");
        foreach (var h in t.Headers) html.Append("<th>").Append(HtmlEncode(h)).Append("</th>");
        html.Append("</tr></thead>\n<tbody>\n");
        foreach (var row in t.Rows)
        {
            html.Append("<tr>");
            for (var i = 0; i < row.Count; i++)
                html.Append(i >= t.NumericFrom ? "<td class=\"num\">" : "<td>").Append(HtmlEncode(row[i])).Append("</td>");
            html.Append("</tr>\n");
        }
        html.Append("</tbody>\n</table>\n");
    }

    private const string Style =
        "body{margin:0;background:#f4f4f4;font-family:'FangSong','仿宋','Noto Serif CJK SC','AR PL UMing CN',serif;color:#111}" +
        ".bulletin{max-width:960px;margin:0 auto;background:#fff;padding:2.5rem 3rem;line-height:1.8}" +
        "h1{font-family:'FZXiaoBiaoSong-B05S','方正小标宋简体','Noto Serif CJK SC',serif;text-align:center;font-size:1.7rem;margin:0}" +
        ".as-of{text-align:center;margin:.2rem 0 1.5rem}h2{font-family:'SimHei','黑体','Noto Sans CJK SC',sans-serif;font-size:1.15rem;margin:1.4rem 0 .4rem}" +
        "h3{font-family:'KaiTi','楷体',serif;font-size:1.05rem;margin:1rem 0 .3rem}p{text-indent:2em;margin:.3rem 0}" +
        "table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem;font-size:.85rem}th,td{border:1px solid #555;padding:.2rem .4rem}" +
        "th{background:#eee}td.num{text-align:right;font-variant-numeric:tabular-nums}.chart{width:100%;margin:.5rem 0}" +
        ".signature{text-align:right;text-indent:0;margin-top:2rem}@media print{body{background:#fff}.bulletin{padding:0}}";

    private const string DrawCharts =
        "document.querySelectorAll('[data-echart]').forEach(function(el){if(window.echarts){echarts.init(el,null,{renderer:'svg'}).setOption(JSON.parse(el.getAttribute('data-echart')));}});";

    private static readonly Lazy<string> EChartsSource = new(() =>
    {
        using var stream = typeof(BulletinHtml).Assembly.GetManifestResourceStream("Kaohe.echarts.min.js")
            ?? throw new InvalidOperationException("echarts.min.js is not embedded in the Kaohe assembly");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    });
}
