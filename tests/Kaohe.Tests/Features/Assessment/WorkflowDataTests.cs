using Kaohe.Common.Errors;
using Kaohe.Data;
using Kaohe.Domain.Accounts;
using Kaohe.Domain.Assessment;
using Kaohe.Features.Assessment;
using Kaohe.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kaohe.Tests.Features.Assessment;

/// <summary>One unit through the four stages via the handlers, each step by the account that owns it, with scope enforced.</summary>
public abstract class WorkflowDataTests(DatabaseProvider provider)
{
    private static Task<UserScope> ScopeAsync(TestDatabase db, string user) => db.Query(c => c.Users.Where(u => u.UserName == user)
        .Select(u => new UserScope(u.Id, u.UserName, u.Role, u.UnitId, u.CityGroupId)).SingleAsync());

    private static Task<List<PointsEntry>> PointsAsync(TestDatabase db, int campaignId, decimal share) => db.Query(async c =>
    {
        var scheme = await c.IndicatorSchemes.Include(s => s.Indicators).SingleAsync(s => c.Campaigns.Any(k => k.Id == campaignId && k.SchemeId == s.Id));
        return scheme.Leaves.Where(l => l.Kind != IndicatorKind.Veto).Select(l => new PointsEntry(l.Code, Math.Round(l.MaxPoints * share * 2m, MidpointRounding.AwayFromZero) / 2m, Note: "说明")).ToList();
    });

    private static Task<StageResult> Score(TestDatabase db, int campaign, int unit, StageScoring s, UserScope scope) =>
        db.Run<ScoreStage, StageResult>(h => h.HandleAsync(campaign, unit, s, scope));

    [Fact]
    public async Task OneUnit_ThroughAllFourStages_ByFourAccounts_EndsSealedWithItsGrade()
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        // Without the demo ledger the computed indicators have no data, so people score them with a note, as every other
        // indicator here (ComputedIndicatorDataTests covers the ledger's points).
        await db.Query(c => c.LedgerSnapshots.ExecuteUpdateAsync(u => u.SetProperty(s => s.SupersededAtUtc, DateTime.UtcNow)));
        var (admin, county, city, expert) = (await ScopeAsync(db, "admin"), await ScopeAsync(db, "erqi"), await ScopeAsync(db, "zhengzhou"), await ScopeAsync(db, "expert"));
        var erqi = county.UnitId!.Value;
        var other = await db.Query(c => c.Units.Where(u => u.DivisionCode == "410102").Select(u => u.Id).SingleAsync());
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var campaign = (await db.Run<CreateCampaign, Campaign>(h => h.HandleAsync(new NewCampaign(2020, today.AddDays(-1), today.AddDays(40), UnitIds: [erqi, other]), admin))).Id;
        await db.Run<OpenStage, bool>(async h => { await h.HandleAsync(campaign, Stage.SelfCheck, admin); return true; });

        var full = await PointsAsync(db, campaign, 1m);
        Assert.Equal(ErrorKind.NotFound, (await Assert.ThrowsAsync<KaoheException>(() => Score(db, campaign, other, new(Stage.SelfCheck, full), county))).Kind);
        Assert.Equal(ErrorKind.Forbidden, (await Assert.ThrowsAsync<KaoheException>(() => Score(db, campaign, erqi, new(Stage.CityReview, full), county))).Kind);
        Assert.Equal(ErrorKind.Invalid, (await Assert.ThrowsAsync<KaoheException>(() => Score(db, campaign, erqi, new(Stage.SelfCheck, full[..3], Submit: true), county))).Kind);
        Assert.Equal(100m, (await Score(db, campaign, erqi, new(Stage.SelfCheck, full, Submit: true), county)).Total);
        Assert.Equal(ErrorKind.Conflict, (await Assert.ThrowsAsync<KaoheException>(() => Score(db, campaign, erqi, new(Stage.SelfCheck, full), county))).Kind); // locked

        // The city stage is not open yet; then the city returns the unit, the county resubmits.
        Assert.Equal(ErrorKind.Conflict, (await Assert.ThrowsAsync<KaoheException>(() => Score(db, campaign, erqi, new(Stage.CityReview, full), city))).Kind);
        await db.Run<OpenStage, bool>(async h => { await h.HandleAsync(campaign, Stage.CityReview, admin); return true; });
        await db.Run<ReturnUnit, bool>(async h => { await h.HandleAsync(campaign, erqi, Stage.SelfCheck, "佐证材料不全", city); return true; });
        Assert.True(await db.Query(c => c.AuditEntries.AnyAsync(e => e.Action == ReturnUnit.AuditAction && e.Reason == "佐证材料不全" && e.UnitId == erqi
            && e.Before == "{\"step\":\"待市级主评\"}" && e.After == "{\"step\":\"县级自查中\"}")));
        await Score(db, campaign, erqi, new(Stage.SelfCheck, full, Submit: true), county);

        var lower = await PointsAsync(db, campaign, 0.85m);
        Assert.Equal(ErrorKind.Invalid, (await Assert.ThrowsAsync<KaoheException>(() => Score(db, campaign, erqi, new(Stage.CityReview, lower, Submit: true), city))).Kind); // gap > 10
        await Score(db, campaign, erqi, new(Stage.CityReview, lower, GapReason: "档案室不达标", Submit: true), city);

        // Experts: only once assigned; the demo expert (洛阳) may review a 郑州 unit.
        Assert.Equal(ErrorKind.NotFound, (await Assert.ThrowsAsync<KaoheException>(() => Score(db, campaign, erqi, new(Stage.ExpertReview, lower), expert))).Kind);
        var assigned = await db.Run<AssignExperts, AssignmentResult>(h => h.HandleAsync(campaign, admin));
        Assert.Equal(2, assigned.Added);
        await db.Run<OpenStage, bool>(async h => { await h.HandleAsync(campaign, Stage.ExpertReview, admin); return true; });
        await Score(db, campaign, erqi, new(Stage.ExpertReview, lower, Submit: true), expert);

        var draw = await db.Run<DrawFieldVisits, DrawResult>(h => h.HandleAsync(campaign, new DrawRequest(0, 7, MustInclude: [erqi]), admin));
        Assert.Equal([erqi], draw.UnitIds);
        await db.Run<OpenStage, bool>(async h => { await h.HandleAsync(campaign, Stage.FieldVisit, admin); return true; });
        var visit = await Score(db, campaign, erqi, new(Stage.FieldVisit, await PointsAsync(db, campaign, 0.8m), Submit: true), expert);
        Assert.Equal(78.5m, visit.Total); // the field visit found less than the experts: it counts, 合格

        // The other unit: self-check and city, then the expert; then the group decides and seals.
        await Score(db, campaign, other, new(Stage.SelfCheck, full, Submit: true), await ScopeAsync(db, "admin") with { Role = Role.CountyOperator, UnitId = other });
        await Score(db, campaign, other, new(Stage.CityReview, full, Submit: true), city);
        await Score(db, campaign, other, new(Stage.ExpertReview, full, Submit: true), expert);
        Assert.Equal(2, await db.Run<ConfirmComputedGrades, int>(h => h.HandleAsync(campaign, admin)));
        await db.Run<SealResults, bool>(async h => { await h.HandleAsync(campaign, admin); return true; });

        var unit = await db.Query(c => c.CampaignUnits.Include(u => u.Results).SingleAsync(u => u.CampaignId == campaign && u.UnitId == erqi));
        Assert.Equal((visit.Total, Grade.Pass), (unit.FinalScore!.Value, unit.FinalGrade!.Value));
        Assert.Equal(4, unit.Results.Count);
        Assert.True(await db.Query(c => c.AuditEntries.AnyAsync(e => e.Action == SealResults.SealAction && e.EntityId == campaign.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        Assert.Equal(ErrorKind.Conflict, (await Assert.ThrowsAsync<KaoheException>(() => db.Run<ReturnUnit, bool>(async h => { await h.HandleAsync(campaign, erqi, Stage.SelfCheck, "再看", admin); return true; }))).Kind);
    }

    [Fact]
    public async Task AutoAssignment_GivesTheLuoyangExpertNoLuoyangUnit_AndAdjustmentIsLogged()
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var admin = await ScopeAsync(db, "admin");
        var expert = await ScopeAsync(db, "expert");
        var campaign = await db.Query(c => c.Campaigns.Where(k => k.Year == 2019).Select(k => k.Id).SingleAsync());
        var result = await db.Run<AssignExperts, AssignmentResult>(h => h.HandleAsync(campaign, admin));
        var luoyang = await db.Query(c => c.Units.Where(u => u.CityGroup.Name == "洛阳市").Select(u => u.Id).ToListAsync());
        Assert.Equal(luoyang.Order(), result.Unassigned.Order());
        var units = await db.Query(c => c.ExpertAssignments.Where(a => a.CampaignId == campaign).Select(a => a.UnitId).ToListAsync());
        Assert.Empty(units.Intersect(luoyang));

        var e = await Assert.ThrowsAsync<KaoheException>(() => db.Run<ReassignExpert, bool>(async h =>
        {
            await h.HandleAsync(campaign, units[0], expert.UserId, expert.UserId, "", admin);
            return true;
        }));
        Assert.Equal((ErrorKind.Invalid, AssessmentTexts.ReassignNeedsReason), (e.Kind, e.Title));
    }
}

public sealed class WorkflowDataTestsOnSqlite() : WorkflowDataTests(DatabaseProvider.Sqlite);

public sealed class WorkflowDataTestsOnPostgres() : WorkflowDataTests(DatabaseProvider.Postgres);
