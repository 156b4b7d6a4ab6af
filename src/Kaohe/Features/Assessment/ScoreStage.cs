using Kaohe.Data;
using Kaohe.Domain.Accounts;
using Kaohe.Domain.Assessment;

namespace Kaohe.Features.Assessment;

public sealed record PointsEntry(string Code, decimal Points, bool VetoHit = false, string? Note = null);

public sealed record StageScoring(Stage Stage, IReadOnlyList<PointsEntry> Points, string? Comment = null, string? GapReason = null, bool Submit = false);

/// <summary>
/// One stage's scoring of one unit by the role that owns the stage: saves a draft, or submits it
/// (all scored indicators filled in), which locks it and hands the unit on. At the city stage
/// submitting is accepting; returning is <see cref="ReturnUnit"/>.
/// </summary>
public sealed class ScoreStage(KaoheDbContext db)
{
    public async Task<StageResult> HandleAsync(int campaignId, int unitId, StageScoring request, UserScope scope, CancellationToken ct = default)
    {
        if (!StageRoles.MayScore(scope.Role, request.Stage)) throw new UnauthorizedAccessException(AssessmentTexts.NotAllowed);
        var unit = await CampaignUnits.LoadAsync(db, campaignId, unitId, scope, ct);
        var campaign = unit.Campaign;
        campaign.EnsureNotSealed();
        if (!campaign.StageOf(request.Stage).AcceptsWork(DateOnly.FromDateTime(db.Clock.GetUtcNow().UtcDateTime)))
            throw new AssessmentRuleException(AssessmentTexts.StageNotOpen(request.Stage));
        var scheme = campaign.Scheme ?? throw new AssessmentRuleException("该考核没有指标体系");
        var result = unit.Edit(request.Stage);
        Fill(result, scheme, request);
        if (request.Submit)
        {
            var missing = scheme.Leaves.Where(l => l.Kind != IndicatorKind.Veto && result.Scores.All(s => s.IndicatorId != l.Id)).ToList();
            if (missing.Count > 0) throw new AssessmentRuleException(string.Join("；", missing.Select(m => AssessmentTexts.MissingScore(m.Code))));
            unit.Submit(request.Stage, scheme, unit.Unit.ReportsToProvince, scope.UserName, db.Clock.GetUtcNow().UtcDateTime);
        }
        await db.SaveChangesAsync(ct);
        return result;
    }

    private static void Fill(StageResult result, IndicatorScheme scheme, StageScoring request)
    {
        var leaves = scheme.Leaves.ToDictionary(l => l.Code);
        var errors = new List<string>();
        foreach (var entry in request.Points)
        {
            if (!leaves.TryGetValue(entry.Code, out var leaf)) { errors.Add($"指标 {entry.Code} 不是可评分的指标"); continue; }
            if (entry.Points < 0 || entry.Points > leaf.MaxPoints) { errors.Add(AssessmentTexts.PointsOutOfRange(leaf.Code, leaf.MaxPoints)); continue; }
            var score = result.Scores.FirstOrDefault(s => s.IndicatorId == leaf.Id);
            if (score is null) result.Scores.Add(score = new IndicatorScore { IndicatorId = leaf.Id });
            score.Points = leaf.Kind == IndicatorKind.Veto ? 0 : entry.Points;
            score.VetoHit = leaf.Kind == IndicatorKind.Veto && entry.VetoHit;
            score.Note = string.IsNullOrWhiteSpace(entry.Note) ? null : entry.Note.Trim();
        }
        if (errors.Count > 0) throw new AssessmentRuleException(string.Join("；", errors));
        result.Comment = request.Comment ?? result.Comment;
        result.GapReason = request.GapReason ?? result.GapReason;
        result.Recount(scheme.Indicators.ToDictionary(i => i.Id));
    }
}
