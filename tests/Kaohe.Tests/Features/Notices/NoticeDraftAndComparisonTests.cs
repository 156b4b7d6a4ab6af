using Kaohe.Common.Errors;
using Kaohe.Data;
using Kaohe.Domain.Accounts;
using Kaohe.Domain.Assessment;
using Kaohe.Features.Notices;
using Kaohe.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace Kaohe.Tests.Features.Notices;

/// <summary>Drafting the narrative from the campaign and last year's notice; comparing a year with the one before.</summary>
public sealed class NoticeDraftAndComparisonTests
{
    private static Task<ResultsImportResult> ImportAsync(TestDatabase db, int year, string rows) =>
        db.Run<ImportResults, ResultsImportResult>(h => h.HandleAsync(year, Files.Table(Files.Csv("单位,所属市,等级\n" + rows)), UserScope.System));

    [Fact]
    public async Task Draft_CarriesLastYearsRequirements_AndDraftsProblemsFromFindingsByCategory()
    {
        await using var db = await NoticeReference.RegistryOnlyAsync(DatabaseProvider.Sqlite);
        await ImportAsync(db, 2013, "二七区,郑州市,优秀\n");
        var fields2013 = await db.Run<DraftNotice, NoticeFields>(h => h.HandleAsync(2013));
        Assert.Equal(NoticeTexts.Requirements, fields2013.Requirements);
        await db.Run<EditNotice, NoticeFields>(h => h.HandleAsync(2013, fields2013 with { Requirements = "（一）二〇一七年的要求。" }, UserScope.System));

        var imported = await ImportAsync(db, 2014, "二七区,郑州市,良好\n中原区,郑州市,优秀\n");
        await db.Query(async c =>
        {
            c.Findings.AddRange(
                new Finding { CampaignId = imported.CampaignId, Category = FindingCategory.PostLoan, Text = "风险补偿金归集不及时" },
                new Finding { CampaignId = imported.CampaignId, Category = FindingCategory.Staffing, Text = "工作人员没有按照编制数配备到位。" },
                new Finding { CampaignId = imported.CampaignId, Category = FindingCategory.PostLoan, Text = "贷款逾期率过高" });
            return await c.SaveChangesAsync();
        });
        var fields = await db.Run<DraftNotice, NoticeFields>(h => h.HandleAsync(2014));
        Assert.Equal("（一）二〇一七年的要求。", fields.Requirements);
        Assert.Equal("在考核过程中，也发现了工作中存在的突出问题：一是机构队伍建设方面。工作人员没有按照编制数配备到位。二是贷后管理方面。风险补偿金归集不及时；贷款逾期率过高。", fields.Problems);
        Assert.Contains("等4个阶段进行，考核范围覆盖全省开办生源地贷款业务的2个县级资助中心。考核情况显示", fields.Overview);
        Assert.Equal("教资助函〔2015〕号", fields.DocumentNumber);
    }

    [Fact]
    public async Task NoticeUseCases_RefuseByTheErrorContract_MissingYearNotFound_UnsealedConflict_NonAdminForbidden()
    {
        await using var db = await NoticeReference.RegistryOnlyAsync(DatabaseProvider.Sqlite);
        await db.Query(async c =>
        {
            c.Campaigns.Add(new Campaign { Year = 2016, Title = "2016 年度考核", Status = CampaignStatus.Open });
            return await c.SaveChangesAsync();
        });
        var missing = await Assert.ThrowsAsync<KaoheException>(() => db.Run<DraftNotice, NoticeFields>(h => h.HandleAsync(2009)));
        Assert.Equal((ErrorKind.NotFound, "没有 2009 年度的考核"), (missing.Kind, missing.Title));
        var unsealed = await Assert.ThrowsAsync<KaoheException>(() => db.Run<ComposeNotice, NoticeDocument>(h => h.HandleAsync(2016)));
        Assert.Equal((ErrorKind.Conflict, NoticeTexts.NotSealed), (unsealed.Kind, unsealed.Title));

        var fields = await db.Run<DraftNotice, NoticeFields>(h => h.HandleAsync(2016));
        var city = new UserScope(2, "city", Role.CityReviewer, null, 1);
        var forbidden = await Assert.ThrowsAsync<KaoheException>(() => db.Run<EditNotice, NoticeFields>(h => h.HandleAsync(2016, fields with { Title = "改" }, city)));
        Assert.Equal((ErrorKind.Forbidden, NoticeTexts.NotAllowed), (forbidden.Kind, forbidden.Title));
        Assert.Equal(0, await db.Query(c => c.NoticeDrafts.CountAsync()));
    }

    [Fact]
    public async Task Compare_ListsUnitsThatRoseOrFell_AndEachCitysCountsAndRateSideBySide()
    {
        await using var db = await NoticeReference.RegistryOnlyAsync(DatabaseProvider.Sqlite);
        await ImportAsync(db, 2012, "二七区,郑州市,不合格\n");
        await ImportAsync(db, 2013, "二七区,郑州市,良好\n中原区,郑州市,优秀\n浉河区,信阳市,合格\n");
        await ImportAsync(db, 2014, "二七区,郑州市,优秀\n中原区,郑州市,良好\n浉河区,信阳市,合格\n巩义市,省直管县（市）,优秀\n");
        var c = await db.Run<CompareYears, YearComparison>(h => h.HandleAsync(2014, UserScope.System));
        Assert.Equal(2013, c.PreviousYear);
        Assert.Equal(("郑州市", "二七区", Grade.Good, Grade.Excellent), Single(c.Rose));
        Assert.Equal(("郑州市", "中原区", Grade.Excellent, Grade.Good), Single(c.Fell));
        Assert.Equal(["郑州市", "信阳市", "省直管县（市）"], c.Cities.Select(x => x.City));
        var direct = c.Cities[2];
        Assert.Equal([0, 0, 0, 0], direct.Before);
        Assert.Equal([1, 0, 0, 0], direct.After);
        Assert.Equal(("—", "100.00%"), (direct.BeforeRate, direct.AfterRate));
        Assert.Equal(("33.33%", "50.00%"), (c.Province.BeforeRate, c.Province.AfterRate));

        var xlsx = new MemoryStream(CompareYears.Xlsx(c));
        Assert.Equal(["等级变化", "各市对比"], xlsx.GetSheetNames());
        var cities = xlsx.Query(useHeaderRow: true, sheetName: "各市对比").Cast<IDictionary<string, object>>().ToList();
        Assert.Equal("全省", cities[^1]["所属市"]);
        Assert.Equal("50.00%", cities[^1]["2014优秀率"]);

        var error = await Assert.ThrowsAsync<KaoheException>(() => db.Run<CompareYears, YearComparison>(h => h.HandleAsync(2012, UserScope.System)));
        Assert.Equal((ErrorKind.NotFound, "2012 年度之前没有已封存的考核，无法对比"), (error.Kind, error.Title));
    }

    [Fact]
    public async Task Export_HasEveryUnitWithScoreAndGrade_AndImportsBackAsAnotherYear()
    {
        await using var db = await NoticeReference.RegistryOnlyAsync(DatabaseProvider.Sqlite);
        await db.Run<ImportResults, ResultsImportResult>(h => h.HandleAsync(2014, Files.Table(NoticeReference.Results2018Csv()), UserScope.System));
        var csv = await db.Run<ExportResults, byte[]>(h => h.HandleAsync(2014, Kaohe.Common.Tabular.TableFormat.Csv, UserScope.System));
        var table = Files.Table(csv);
        Assert.Equal(ExportResults.Headers, table.Headers);
        Assert.Equal(168, table.Rows.Count);
        Assert.Equal(["2014", "平顶山市", "郟县", "郏县", "410425", "", "优秀"], table.Rows.Single(r => r[2] == "郟县").Cells);
        var again = await db.Run<ImportResults, ResultsImportResult>(h => h.HandleAsync(2019, table, UserScope.System));
        Assert.Equal(168, again.Units);
        var zhengzhou = await db.Query(c => c.CityGroups.Where(g => g.Name == "郑州市").Select(g => g.Id).SingleAsync());
        var scope = new UserScope(1, "zhengzhou", Role.CityReviewer, null, zhengzhou);
        var cityOnly = Files.Table(await db.Run<ExportResults, byte[]>(h => h.HandleAsync(2014, Kaohe.Common.Tabular.TableFormat.Xlsx, scope)), "r.xlsx");
        Assert.Equal(15, cityOnly.Rows.Count);
    }

    private static (string, string, Grade, Grade) Single(IReadOnlyList<GradeChange> changes)
    {
        var c = Assert.Single(changes);
        return (c.City, c.Unit, c.Before, c.After);
    }
}
