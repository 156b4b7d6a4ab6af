using Kaohe.Data;
using Kaohe.Domain.Accounts;
using Kaohe.Domain.Assessment;

namespace Kaohe.Features.Assessment;

public sealed record ScoreLine(string Code, decimal Points, bool VetoHit, string? Note, ScoreOrigin Origin = ScoreOrigin.Person);

public sealed record StageView(Stage Stage, string Name, decimal Total, Grade? VetoCap, bool Submitted, string? ScoredBy, string? Comment, string? GapReason, IReadOnlyList<ScoreLine> Scores);

public sealed record IndicatorLine(string Code, int Level, string Title, decimal MaxPoints, IndicatorKind Kind, string? Guidance, string? Evidence, bool IsLeaf, bool FromData = false);

public sealed record CampaignUnitView(
    int CampaignId, int Year, string CampaignTitle, bool Sealed, int UnitId, string UnitName, string City, bool ReportsToProvince,
    UnitStep Step, string StepName, string? ReturnReason, bool IsSampled, decimal? FinalScore, Grade? ComputedGrade, Grade? FinalGrade,
    string? DecisionReason, IReadOnlyList<StageView> Stages, IReadOnlyList<IndicatorLine> Indicators, IReadOnlyList<Stage> OpenStages,
    IReadOnlyList<ComputedLine> Computed);

/// <summary>
/// One unit in one campaign with every stage's scores side by side and the scheme to score against; out of scope is not found.
/// Computed indicators come with what each stage recorded and, for the stage in progress, the ledger now.
/// </summary>
public sealed class GetCampaignUnit(KaoheDbContext db, ScoreFromLedger ledger)
{
    public async Task<CampaignUnitView> HandleAsync(int campaignId, int unitId, UserScope scope, CancellationToken ct = default)
    {
        var u = await CampaignUnits.LoadAsync(db, campaignId, unitId, scope, ct);
        var c = u.Campaign;
        var today = new Common.Time.BeijingClock(db.Clock).Today;
        var live = u.StageInProgress();
        var readings = live is null ? new Dictionary<int, LedgerReading>() : await ledger.ReadAsync(u, scope, ct);
        return new CampaignUnitView(c.Id, c.Year, c.Title, c.IsSealed, u.UnitId, u.Unit.PublishedName, (await db.CityGroups.FindAsync([u.Unit.CityGroupId], ct))!.Name,
            u.Unit.ReportsToProvince, u.Step, AssessmentTexts.StepName(u.Step), u.ReturnReason, u.IsSampled, u.FinalScore, u.ComputedGrade, u.FinalGrade, u.DecisionReason,
            StagesOf(u), IndicatorsOf(c.Scheme), c.Stages.Where(s => s.AcceptsWork(today)).Select(s => s.Stage).OrderBy(s => s).ToList(),
            ComputedLines.Build(u, live, readings));
    }

    private static List<StageView> StagesOf(CampaignUnit u)
    {
        var codes = u.Campaign.Scheme?.Indicators.ToDictionary(i => i.Id, i => i.Code) ?? [];
        return u.Results.OrderBy(r => r.Stage).Select(r => new StageView(r.Stage, r.Stage.ChineseName(), r.Total, r.VetoCap, r.IsSubmitted, r.ScoredBy, r.Comment, r.GapReason,
            r.Scores.Select(s => new ScoreLine(codes.GetValueOrDefault(s.IndicatorId, "?"), s.Points, s.VetoHit, s.Note, s.Origin)).ToList())).ToList();
    }

    private static List<IndicatorLine> IndicatorsOf(IndicatorScheme? scheme)
    {
        var leaves = scheme?.Leaves.Select(l => l.Code).ToHashSet() ?? [];
        return (scheme?.Indicators ?? []).OrderBy(i => i.SortOrder)
            .Select(i => new IndicatorLine(i.Code, i.Level, i.Title, i.MaxPoints, i.Kind, i.Guidance, i.Evidence, leaves.Contains(i.Code), i.IsComputedFromData)).ToList();
    }
}
