using Kaohe.Common.Tabular;
using Kaohe.Data;
using Kaohe.Domain.Accounts;
using Kaohe.Domain.Assessment;
using Kaohe.Domain.Common;
using Kaohe.Features.Assessment;
using Kaohe.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kaohe.Tests.Features.Assessment;

/// <summary>The assessment's data behaviour on SQLite and PostgreSQL: the 2018 demo results, scheme versions.</summary>
public abstract class AssessmentDataTests(DatabaseProvider provider)
{
    [Fact]
    public async Task Demo2018_MatchesTheNotice_UnitByUnit()
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var results = await db.Query(c => c.CampaignUnits.Where(u => u.Campaign.Year == 2018)
            .Select(u => new { u.Unit.DivisionCode, u.Unit.Name, u.FinalGrade, u.FinalScore, Sealed = u.Campaign.Status }).ToListAsync());
        var reference = TabularFile.Read(Path.Combine(AppContext.BaseDirectory, "Reference", "henan-2018-units.csv"));
        Assert.Equal(168, reference.Rows.Count);
        Assert.Equal(168, results.Count);
        foreach (var row in reference.Rows)
        {
            var code = row[5];
            var unit = Assert.Single(results, r => code.Length > 0 ? r.DivisionCode == code : r.Name == row[1]);
            Assert.True(Grades.TryParse(row[6], out var expected));
            Assert.True(expected == unit.FinalGrade, $"{row[1]}：应为 {row[6]}，实为 {unit.FinalGrade}");
            Assert.Equal(expected, GradeRules.Default.GradeOf(unit.FinalScore!.Value));
        }
        Assert.All(results, r => Assert.Equal(CampaignStatus.Sealed, r.Sealed));
        var excellent = results.Count(r => r.FinalGrade == Grade.Excellent);
        Assert.Equal((122, 41, 5, 0), (excellent, results.Count(r => r.FinalGrade == Grade.Good), results.Count(r => r.FinalGrade == Grade.Pass), results.Count(r => r.FinalGrade == Grade.Fail)));
        Assert.Equal("72.62%", Percent.Format(excellent, results.Count));
    }

    [Fact]
    public async Task Demo2018_StageScores_StayWithinTheGapLimit_AndTheLatestIsTheFinal()
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var units = await db.Query(c => c.CampaignUnits.Include(u => u.Results).Include(u => u.Unit).Where(u => u.Campaign.Year == 2018).ToListAsync());
        Assert.All(units, u =>
        {
            Assert.Equal(u.FinalScore, u.Latest!.Total);
            Assert.Equal(!u.Unit.ReportsToProvince, u.ResultOf(Stage.CityReview) is not null);
            var ordered = u.Results.OrderBy(r => r.Stage).Select(r => r.Total).ToList();
            Assert.All(ordered.Zip(ordered.Skip(1)), p => Assert.InRange(Math.Abs(p.First - p.Second), 0m, 10m));
        });
    }

    [Fact]
    public async Task SchemeUsedByACampaign_IsNeverEdited_AChangeMakesTheNextVersion()
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var used = await db.Query(c => c.Campaigns.Where(k => k.Year == 2019).Select(k => k.SchemeId!.Value).SingleAsync());
        var revised = await db.Run<ReviseScheme, int>(h => h.HandleAsync(used, new SchemeRevision("1.1", Title: "领导小组", ExcellentMin: 92), UserScope.System));
        Assert.NotEqual(used, revised);
        var (before, after) = await db.Query(async c => (
            await c.IndicatorSchemes.Include(s => s.Indicators).SingleAsync(s => s.Id == used),
            await c.IndicatorSchemes.Include(s => s.Indicators).SingleAsync(s => s.Id == revised)));
        Assert.Equal("资助工作领导小组与工作会议", before.Indicators.Single(i => i.Code == "1.1").Title);
        Assert.Equal(90m, before.ExcellentMin);
        Assert.Equal("领导小组", after.Indicators.Single(i => i.Code == "1.1").Title);
        Assert.Equal((92m, before.Version + 1, before.Indicators.Count), (after.ExcellentMin, after.Version, after.Indicators.Count));

        // The new version, used by no campaign yet, is edited in place.
        Assert.Equal(revised, await db.Run<ReviseScheme, int>(h => h.HandleAsync(revised, new SchemeRevision(GoodMin: 78), UserScope.System)));
    }

    [Fact]
    public async Task SchemeImport_WithBadCells_ReportsEachInChinese_AndWritesNothing()
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var before = await db.Query(c => c.IndicatorSchemes.CountAsync());
        var file = Files.Table(Files.Csv("编号,名称,分值,类型\n1,组织,10,人工评分\n1.1,领导,6,人工评分\n1.2,机构,abc,人工评分\n1.x,坏,1,人工评分\n2.1,孤儿,1,打分\n", gbk: true));
        var e = await Assert.ThrowsAsync<ImportRejectedException>(() => db.Run<ImportScheme, SchemeSummary>(h => h.HandleAsync(file, "测试", UserScope.System)));
        var text = string.Join("\n", e.ImportErrors);
        Assert.Contains("第 4 行“分值”列", text);
        Assert.Contains("第 5 行“编号”列", text);
        Assert.Contains("第 6 行“类型”列", text);
        Assert.Equal(before, await db.Query(c => c.IndicatorSchemes.CountAsync()));
    }

    [Fact]
    public async Task DefaultScheme_HasOneHundredPoints_AndSurvivesAnXlsxRoundTrip()
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var id = await db.Query(c => c.Campaigns.Where(k => k.Year == 2019).Select(k => k.SchemeId!.Value).SingleAsync());
        var bytes = await db.Run<ExportScheme, byte[]>(h => h.HandleAsync(id, Kaohe.Common.Tabular.TableFormat.Xlsx));
        var imported = await db.Run<ImportScheme, SchemeSummary>(h => h.HandleAsync(Files.Table(bytes, "s.xlsx"), "往返", UserScope.System));
        Assert.Equal(100m, imported.MaxTotal);
        var (a, b) = await db.Query(async c => (
            await c.Indicators.Where(i => i.SchemeId == id).OrderBy(i => i.SortOrder).Select(i => new { i.Code, i.Title, i.MaxPoints, i.Kind, i.VetoCap, i.Guidance, i.DataSource, i.PointsRule }).ToListAsync(),
            await c.Indicators.Where(i => i.SchemeId == imported.Id).OrderBy(i => i.SortOrder).Select(i => new { i.Code, i.Title, i.MaxPoints, i.Kind, i.VetoCap, i.Guidance, i.DataSource, i.PointsRule }).ToListAsync()));
        Assert.Equal(a, b);
        Assert.Contains(a, i => i.Kind == IndicatorKind.Veto);
        Assert.Equal(["5.2", "5.4", "6.2.2", "6.3"], a.Where(i => i.Kind == IndicatorKind.Computed).Select(i => i.Code));
        Assert.All(a.Where(i => i.Kind == IndicatorKind.Computed), i => Assert.True(i.DataSource is not null && i.PointsRule is not null));
    }
}

public sealed class AssessmentDataTestsOnSqlite() : AssessmentDataTests(DatabaseProvider.Sqlite);

public sealed class AssessmentDataTestsOnPostgres() : AssessmentDataTests(DatabaseProvider.Postgres);
