using Kaohe.Common.Tabular;
using Kaohe.Data;
using Kaohe.Domain.Accounts;
using Kaohe.Domain.Assessment;
using Kaohe.Features.Notices;
using Kaohe.Features.Units;
using Kaohe.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kaohe.Tests.Features.Notices;

/// <summary>The past-results import and the notice built from it, on SQLite and on PostgreSQL.</summary>
public abstract class ResultsImportDataTests(DatabaseProvider provider)
{
    // A year unlike 2018: nobody 优秀, three 不合格, eleven units in all, listed in no particular order;
    // names by alias (郟县, 临颖县), by code (410425 is 郏县 — here 叶县's code 410422), ambiguous-looking zone names with their city.
    private const string Year2015 = """
        单位,所属市,等级,得分
        新城区,平顶山市,不合格,55
        经济开发区,驻马店市,良好,86.5
        浉河区,信阳市,不合格,
        临颖县,漯河市,合格,70
        济源市,济源市,合格,
        巩义市,省直管县（市）,良好,
        410422,平顶山市,良好,81
        中原区,郑州市,合格,
        经济技术开发区,郑州市,良好,
        郟县,平顶山市,良好,
        二七区,郑州市,不合格,
        """;

    private static readonly string[] ExpectedAnnex2015 =
    [
        "一、考核优秀单位", "无",
        "二、考核良好单位", "郑州市：经济技术开发区。", "平顶山市：郟县、叶县。", "驻马店市：经济开发区。", "省直管县（市）：巩义市。",
        "三、考核合格单位", "郑州市：中原区。", "漯河市：临颖县。", "济源市：济源市。",
        "四、考核不合格单位", "郑州市：二七区。", "平顶山市：新城区。", "信阳市：浉河区。",
    ];

    [Fact]
    public async Task ImportAnotherYear_WithNoExcellentAndSomeFailing_GivesItsOwnAnnexAndCounts()
    {
        await using var db = await NoticeReference.RegistryOnlyAsync(provider);
        var result = await db.Run<ImportResults, ResultsImportResult>(h => h.HandleAsync(2015, Files.Table(Files.Csv(Year2015, gbk: true)), UserScope.System));
        Assert.Equal([0, 5, 3, 3], Grades.InNoticeOrder.Select(g => result.Counts[g]));

        var notice = await db.Run<ComposeNotice, NoticeDocument>(h => h.HandleAsync(2015));
        Assert.Equal("全省 11 个县级资助中心中，确定考核优秀单位 0 个，考核良好单位 5 个，考核合格单位 3 个，考核不合格单位 3 个，优秀率 0.00%", notice.Results.Sentence);
        var text = NoticeTxt.Text(notice);
        var annex = text[text.IndexOf("一、考核优秀单位", text.IndexOf(NoticeTexts.AnnexTitle(2015) + "\n", StringComparison.Ordinal), StringComparison.Ordinal)..];
        var lines = annex.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(ExpectedAnnex2015, lines[..^1]);
        Assert.StartsWith("封存校验码：", lines[^1]); // the notice ends with what a printed copy is checked against
        Assert.Contains("覆盖全省开办生源地贷款业务的11个县级资助中心（其中，包括3个未列入行政区划的开发区，下同）", text);
        var pdf = NoticeReference.NormalizeDocument(NoticeReference.PdfText(NoticePdf.Generate(notice)));
        Assert.Contains(string.Concat(ExpectedAnnex2015), pdf);
        var scores = await db.Query(c => c.CampaignUnits.Where(u => u.CampaignId == result.CampaignId && u.FinalScore != null).OrderBy(u => u.FinalScore).Select(u => u.FinalScore).ToListAsync());
        Assert.Equal([55m, 70m, 81m, 86.5m], scores);
        var audit = await db.Query(c => c.AuditEntries.Where(e => e.EntityType == "Campaign" && e.EntityId == result.CampaignId.ToString(System.Globalization.CultureInfo.InvariantCulture) && e.Action == "导入").SingleAsync());
        Assert.StartsWith("{\"year\":2015,\"units\":11,\"封存校验码\":", audit.After);
    }

    [Fact]
    public async Task Import_UnknownWrongCityOrAmbiguousUnits_ListsCandidates_AndWritesNothing()
    {
        await using var db = await NoticeReference.RegistryOnlyAsync(provider);
        // A second 高新区 (洛阳) makes the bare name ambiguous, as it is across Henan's cities.
        await db.Run<ImportUnits, UnitImportResult>(h => h.HandleAsync(Files.Table(Files.Csv(
            "规范名称,通报名称,单位类型,区划代码,代码版本,通报分组,上级市\n洛阳高新技术产业开发区,高新区,开发区（统计用代码）,410371,2018统计用,洛阳市,洛阳市\n")), UserScope.System));
        var csv = "单位,所属市,等级\n二七区,郑州市,优秀\n高新区,,良好\n浉河区,郑州市,合格\n火星区,郑州市,优秀\n高新区,安阳市,优秀\n中原区,郑州市,特优\n二七区,郑州市,良好\n";
        var error = await Assert.ThrowsAsync<ImportRejectedException>(() =>
            db.Run<ImportResults, ResultsImportResult>(h => h.HandleAsync(2016, Files.Table(Files.Csv(csv)), UserScope.System)));
        var byRow = error.ImportErrors.ToLookup(e => e.Row);
        Assert.Contains(byRow[3], e => e.Column == "单位" && e.Message.Contains("可能是多个单位") && e.Message.Contains("安阳市 高新区") && e.Message.Contains("洛阳市 高新区"));
        Assert.Contains(byRow[4], e => e.Message.StartsWith("郑州市没有名称、别名或区划代码为“浉河区”的单位", StringComparison.Ordinal) && e.Message.Contains("信阳市 浉河区"));
        Assert.Contains(byRow[5], e => e.Message.Contains("“火星区”"));
        Assert.Empty(byRow[6]);
        Assert.Contains(byRow[7], e => e.Column == "等级" && e.Message.Contains("特优"));
        Assert.Contains(byRow[8], e => e.Message == "单位“二七区”与第 2 行是同一单位");
        Assert.Empty(byRow[2]);
        Assert.False(await db.Query(c => c.Campaigns.AnyAsync(x => x.Year == 2016)));
    }

    [Fact]
    public async Task Import_YearThatAlreadyHasACampaign_SaysSo_AndDoesNotDuplicate()
    {
        await using var db = await NoticeReference.RegistryOnlyAsync(provider);
        var file = Files.Csv("单位,所属市,等级\n二七区,郑州市,优秀\n");
        await db.Run<ImportResults, ResultsImportResult>(h => h.HandleAsync(2013, Files.Table(file), UserScope.System));
        var error = await Assert.ThrowsAsync<ImportRejectedException>(() =>
            db.Run<ImportResults, ResultsImportResult>(h => h.HandleAsync(2013, Files.Table(file), UserScope.System)));
        Assert.StartsWith("2013 年度已有考核“2013 年度考核（往年结果导入）”（已封存，往年结果导入），不能重复导入", Assert.Single(error.ImportErrors).Message);
        Assert.Equal(1, await db.Query(c => c.Campaigns.CountAsync(x => x.Year == 2013)));
    }
}

public sealed class SqliteResultsImportDataTests() : ResultsImportDataTests(DatabaseProvider.Sqlite);

public sealed class PostgresResultsImportDataTests() : ResultsImportDataTests(DatabaseProvider.Postgres);
