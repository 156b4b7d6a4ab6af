using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using Kaohe.Data;
using Kaohe.Features.Demo;
using Kaohe.Features.Notices;
using Kaohe.Tests.Infrastructure;

namespace Kaohe.Tests.Features.Notices;

/// <summary>
/// The published 2018 notice (Reference/, copied from the project's reference material) and ways to read
/// generated notices back as text. Comparisons ignore whitespace: the reference text was extracted from a
/// PDF, so it has spaces after some "：" and around numbers, and line breaks inside paragraphs.
/// </summary>
internal static partial class NoticeReference
{
    private static string Folder => Path.Combine(AppContext.BaseDirectory, "Reference");

    public static string NoticeText => File.ReadAllText(Path.Combine(Folder, "henan-2018-assessment-notice.txt"));

    /// <summary>The 2018 results as the past-results import takes them, built from the reference unit list.</summary>
    public static byte[] Results2018Csv()
    {
        var lines = File.ReadAllLines(Path.Combine(Folder, "henan-2018-units.csv"));
        var head = lines[0].Split(',');
        int Col(string name) => Array.IndexOf(head, name);
        var (unit, city, grade) = (Col("通报所用名称"), Col("所属市（通报分组）"), Col("2018考核等级"));
        var csv = new StringBuilder("单位,所属市,等级\n");
        foreach (var l in lines.Skip(1).Where(l => l.Length > 0))
        {
            var cells = l.Split(',');
            csv.Append(cells[unit]).Append(',').Append(cells[city]).Append(',').Append(cells[grade]).Append('\n');
        }
        return Encoding.UTF8.GetBytes(csv.ToString());
    }

    /// <summary>
    /// The annex of the reference notice from "一、考核优秀单位" to the end, one normalised line per heading or city.
    /// Two irregularities of the published text are evened out here, and Kaohe prints the regular form:
    /// the spaces after "：" in some lines are dropped (as all whitespace is), and the "。" missing after
    /// the last city line of a grade (商丘市：梁园区、睢阳区) is added.
    /// </summary>
    public static IReadOnlyList<string> AnnexLines()
    {
        var text = NoticeText;
        var start = text.IndexOf("一、考核优秀单位", text.IndexOf("附 件", StringComparison.Ordinal), StringComparison.Ordinal);
        return text[start..].Split('\n').Select(Normalize).Where(l => l.Length > 0)
            .Select(l => l.Contains('：') && !l.EndsWith('。') ? l + "。" : l).ToList();
    }

    /// <summary>
    /// A database with only the registry (the 168 units), none of the other areas' demo steps: these tests
    /// import their own years, and a demo campaign of the same year must not get in their way.
    /// </summary>
    public static async Task<TestDatabase> RegistryOnlyAsync(DatabaseProvider provider)
    {
        var db = await TestDatabase.CreateAsync(provider, withDemoData: false);
        await db.Run<RegistryDemoStep, string?>(s => s.RunAsync(CancellationToken.None));
        return db;
    }

    public static string ResultsSentence2018 => "全省 168 个县级资助中心中，确定考核优秀单位 122 个，考核良好单位 41 个，考核合格单位 5 个，优秀率 72.62%";

    public static string Normalize(string s) => Whitespace().Replace(s, "");

    /// <summary>Whitespace and the page numbers "— 2 —" removed, so an annex running over a page break reads on.</summary>
    public static string NormalizeDocument(string s) => PageNumber().Replace(Normalize(s), "");

    public static string Text(byte[] bytes, NoticeFormat format) => format switch
    {
        NoticeFormat.Txt => Encoding.UTF8.GetString(bytes),
        NoticeFormat.Html => WebUtility.HtmlDecode(Tags().Replace(Encoding.UTF8.GetString(bytes), "\n")),
        NoticeFormat.Docx => DocxText(bytes),
        _ => PdfText(bytes),
    };

    private static string DocxText(byte[] bytes)
    {
        using var doc = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        return string.Join("\n", doc.MainDocumentPart!.Document!.Body!.Elements<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText));
    }

    /// <summary>pdftotext (poppler-utils), as a reader would copy the text out of the PDF.</summary>
    public static string PdfText(byte[] bytes)
    {
        if (!File.Exists("/usr/bin/pdftotext")) Assert.Skip("未安装 poppler-utils（pdftotext），PDF 文本检查跳过");
        var file = Path.GetTempFileName();
        File.WriteAllBytes(file, bytes);
        try
        {
            var info = new ProcessStartInfo("pdftotext", ["-enc", "UTF-8", file, "-"]) { RedirectStandardOutput = true };
            using var p = Process.Start(info)!;
            var text = p.StandardOutput.ReadToEnd();
            p.WaitForExit();
            Assert.Equal(0, p.ExitCode);
            return text;
        }
        finally { File.Delete(file); }
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"—\d+—")]
    private static partial Regex PageNumber();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();
}
