using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Kaohe.Features.Bulletin;

using Kaohe.Tests.Features.Ledger;

namespace Kaohe.Tests.Features.Bulletin;

/// <summary>The bulletin's three documents, re-opened: rankings, numbers and the chart are really in them.</summary>
public sealed class BulletinTests
{
    // 中原区 95/100 = 95.00%, 二七区 190/200 = 95.00% (shares place 1), 龙亭区 80/100 = 80.00%, 涧西区 nothing due this year.
    internal static BulletinModel Sample()
    {
        BulletinUnit U(string name, string city, int order, decimal due, decimal paid, decimal cumDue, decimal overdue, int people, int late) =>
            new(name, city, order, new BulletinFigures(due, paid, cumDue, overdue, people, late));
        var zz = new[] { U("中原区", "郑州市", 1, 100m, 95m, 300m, 5m, 10, 1), U("二七区", "郑州市", 2, 200m, 190m, 400m, 40m, 20, 4) };
        var kf = new[] { U("龙亭区", "开封市", 3, 100m, 80m, 100m, 20m, 5, 2) };
        var ly = new[] { U("涧西区", "洛阳市", 4, 0m, 0m, 50m, 0m, 3, 0), U("老城区", "洛阳市", 5, 0m, 0m, 0m, 0m, 0, 0) };
        var cities = new[] { City("郑州市", zz), City("开封市", kf), City("洛阳市", ly) };
        return new BulletinModel(2026, new DateOnly(2026, 12, 31), new DateOnly(2027, 1, 5), BulletinTexts.DefaultIssuer,
            BulletinFigures.Sum(cities.Select(c => c.Figures)), cities);
    }

    private static BulletinCity City(string name, BulletinUnit[] units) => new(name, BulletinFigures.Sum(units.Select(u => u.Figures)), units);

    [Fact]
    public void Ranking_ByRecovery_SharesEqualRates_AndLeavesOutUnitsWithNothingDue()
    {
        var ranked = Sample().RankedByRecovery();
        Assert.Equal([(1, "中原区"), (1, "二七区"), (3, "龙亭区")], ranked.Select(r => (r.Rank, r.Unit.Name)));
    }

    [Fact]
    public void Ranking_ByOverdue_PutsTheLowestRateFirst()
    {
        var ranked = Sample().RankedByOverdue();
        // 涧西区 0/50 = 0%, 中原区 5/300 = 1.67%, 二七区 40/400 = 10%, 龙亭区 20/100 = 20%; 老城区 has nothing due.
        Assert.Equal(["涧西区", "中原区", "二七区", "龙亭区"], ranked.Select(r => r.Unit.Name));
        Assert.Equal(1.67m, ranked[1].Rate);
    }

    [Fact]
    public void Docx_ReopensWithTheRankedUnitsInOrder_AndOfficialFonts()
    {
        using var doc = WordprocessingDocument.Open(new MemoryStream(BulletinDocx.Document(Sample())), false);
        var body = doc.MainDocumentPart!.Document!.Body!;
        Assert.Contains("关于2026年全省生源地信用助学贷款回收情况的通报", body.InnerText);
        var rows = body.Elements<Table>().Select(t => t.Elements<TableRow>().Select(r => string.Join("|", r.Elements<TableCell>().Select(c => c.InnerText))).ToList()).ToList();
        var ranking = rows.Single(t => t[0].StartsWith("名次|单位|所属市|当年应还本息", StringComparison.Ordinal));
        Assert.Equal("1|中原区|郑州市|100.00|95.00|95.00%", ranking[1]);
        Assert.Equal("1|二七区|郑州市|200.00|190.00|95.00%", ranking[2]);
        Assert.Equal("3|龙亭区|开封市|100.00|80.00|80.00%", ranking[3]);
        var fonts = body.Descendants<RunFonts>().Select(f => f.EastAsia?.Value).ToHashSet();
        Assert.Contains("仿宋_GB2312", fonts);
        Assert.Contains("方正小标宋简体", fonts);
        var page = body.Elements<SectionProperties>().Single().GetFirstChild<PageSize>()!;
        Assert.Equal((11906u, 16838u), (page.Width!.Value, page.Height!.Value));
    }

    [Fact]
    public void Html_ContainsTheNumbers_AndAChart()
    {
        var html = Encoding.UTF8.GetString(BulletinHtml.Document(Sample()));
        Assert.Contains("<td class=\"num\">95.00%</td>", html);
        Assert.Contains("<td class=\"num\">190.00</td>", html);
        Assert.Contains("当年本息回收率91.25%", html); // province: (95 + 190 + 80) / (100 + 200 + 100)
        Assert.Contains("data-echart=", html);
        Assert.Contains("echarts.init", html);
        Assert.Contains("Apache", html); // the library itself is inline: the file opens offline
    }

    [Fact]
    public void Pdf_IsAPdfWithTheEmbeddedFont_AndItsTextHasTheRanking()
    {
        var pdf = BulletinPdf.Document(Sample());
        Assert.Equal("%PDF", Encoding.ASCII.GetString(pdf, 0, 4));
        var text = PdfText.Of(pdf);
        if (text is null) Assert.Skip("pdftotext 不可用（apt-get install poppler-utils）");
        Assert.Contains("关于2026年全省生源地信用助学贷款回收情况的通报", string.Concat(text.Where(c => !char.IsWhiteSpace(c))));
        Assert.Matches(@"1\s+龙亭区\s+开封市|3\s+龙亭区\s+开封市", text);
        Assert.Contains("91.25%", text);
    }
}
