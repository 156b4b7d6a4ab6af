using Kaohe.Data;
using Kaohe.Domain.Accounts;
using Kaohe.Domain.Assessment;
using Kaohe.Features.Assessment;
using Kaohe.Features.Ledger;
using Kaohe.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Kaohe.Tests.Features.Ledger.LedgerFixtures;

namespace Kaohe.Tests.Features.Assessment;

/// <summary>
/// A 2025 campaign at the self-check stage over 中牟县 (the hand-made ledger of LedgerFixtures) and 荥阳市 (no ledger),
/// with the demo ledger set aside so the province's figure is the hand-made one. As of 2025-12-31 (worked out by hand):
/// 中牟县 overdue 1,500 of 3,600 (41.67%); 登封市 adds 400 due, 100 overdue, so the province is 1,600 of 4,000 (40.00%);
/// 中牟县 recovered 600 of 600 due in 2025 (100%); 回执 missing for K2, K3 and K5 (3); 乙 graduated in 2025 unconfirmed (1).
/// </summary>
internal sealed record ComputedFixture(TestDatabase Db, int CampaignId, int Zhongmu, int Xingyang, UserScope Zm, UserScope Xy) : IAsyncDisposable
{
    public ValueTask DisposeAsync() => Db.DisposeAsync();

    public static string ProvinceInstalments() =>
        Instalments() + $"登封市,HT-E-1,{Id("410185200204040051")},钱七,2024-12-20,400.00,0.00,300.00,0.00,2024-12-20\n";

    public static async Task<ComputedFixture> CreateAsync(DatabaseProvider provider)
    {
        var db = await TestDatabase.CreateAsync(provider);
        await db.Query(c => c.LedgerSnapshots.Where(s => s.SupersededAtUtc == null).ExecuteUpdateAsync(u => u.SetProperty(s => s.SupersededAtUtc, DateTime.UtcNow)));
        await ImportAsync(db, ProvinceInstalments(), "还款计划.csv");
        await ImportAsync(db, Contracts(), "合同台账.csv");
        var zhongmu = await UnitIdAsync(db, "中牟县");
        var xingyang = await UnitIdAsync(db, "荥阳市");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var campaign = (await db.Run<CreateCampaign, Campaign>(h => h.HandleAsync(new NewCampaign(2025, today.AddDays(-1), today.AddDays(40), UnitIds: [zhongmu, xingyang]), UserScope.System))).Id;
        await db.Run<OpenStage, bool>(async h => { await h.HandleAsync(campaign, Stage.SelfCheck, UserScope.System); return true; });
        return new(db, campaign, zhongmu, xingyang, new(9001, "zm", Role.CountyOperator, zhongmu, null), new(9002, "xy", Role.CountyOperator, xingyang, null));
    }

    public static Task<LedgerImportResult> ImportAsync(TestDatabase db, string csv, string name) =>
        db.Run<ImportLedger, LedgerImportResult>(h => h.HandleAsync(Write(Files.Csv(csv), name), UserScope.System));

    public static Task<int> UnitIdAsync(TestDatabase db, string name) => db.Query(c => c.Units.Where(u => u.Name == name).Select(u => u.Id).SingleAsync());

    /// <summary>Full marks on every indicator scored by people (veto items not hit).</summary>
    public Task<List<PointsEntry>> PeoplesPointsAsync() => Db.Query(async c =>
    {
        var scheme = await c.IndicatorSchemes.Include(s => s.Indicators).SingleAsync(s => c.Campaigns.Any(k => k.Id == CampaignId && k.SchemeId == s.Id));
        return scheme.Leaves.Where(l => l.Kind == IndicatorKind.Scored).Select(l => new PointsEntry(l.Code, l.MaxPoints)).ToList();
    });

    public Task<StageResult> ScoreAsync(int unitId, StageScoring s, UserScope scope) => Db.Run<ScoreStage, StageResult>(h => h.HandleAsync(CampaignId, unitId, s, scope));

    /// <summary>The stored score of an indicator at a stage, by code.</summary>
    public Task<IndicatorScore?> StoredAsync(int unitId, Stage stage, string code) => Db.Query(c => c.IndicatorScores
        .Where(s => c.StageResults.Any(r => r.Id == s.StageResultId && r.Stage == stage && c.CampaignUnits.Any(u => u.Id == r.CampaignUnitId && u.CampaignId == CampaignId && u.UnitId == unitId)))
        .Where(s => c.Indicators.Any(i => i.Id == s.IndicatorId && i.Code == code)).SingleOrDefaultAsync());
}
