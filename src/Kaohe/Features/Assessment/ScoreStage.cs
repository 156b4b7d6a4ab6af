using Kaohe.Common.Errors;
using Kaohe.Data;
using Kaohe.Domain.Accounts;
using Kaohe.Domain.Assessment;

namespace Kaohe.Features.Assessment;

public sealed record PointsEntry(string Code, decimal Points, bool VetoHit = false, string? Note = null);

public sealed record StageScoring(Stage Stage, IReadOnlyList<PointsEntry> Points, string? Comment = null, string? GapReason = null, bool Submit = false);

/// <summary>
/// One stage's scoring of one unit by the role that owns the stage: saves a draft, or submits it
/// (all scored indicators filled in), which locks it and hands the unit on. At the city stage
/// submitting is accepting; returning is <see cref="ReturnUnit"/>. Computed indicators take their
/// points from the ledger at every save (<see cref="ScoreFromLedger"/>); people may not type them,
/// except where the ledger has no data, and then only with a note.
/// </summary>
public sealed class ScoreStage(KaoheDbContext db, ScoreFromLedger ledger)
{
    public async Task<StageResult> HandleAsync(int campaignId, int unitId, StageScoring request, UserScope scope, CancellationToken ct = default)
    {
        AssessmentPermissions.Demand(AssessmentPermissions.MayScore(scope.Role, request.Stage));
        var unit = await CampaignUnits.LoadAsync(db, campaignId, unitId, scope, ct);
        EnsureOpen(unit, request.Stage);
        return await ApplyAsync(unit, request, await ledger.ReadAsync(unit, scope, ct), scope, ct);
    }

    /// <summary>
    /// Saves with readings taken beforehand: the offline workbook reads every unit's ledger first, then writes all
    /// units in one transaction (the ledger is streamed on the raw connection, outside any transaction).
    /// </summary>
    internal async Task<StageResult> ApplyAsync(CampaignUnit unit, StageScoring request, IReadOnlyDictionary<int, LedgerReading> readings, UserScope scope, CancellationToken ct)
    {
        AssessmentPermissions.Demand(AssessmentPermissions.MayScore(scope.Role, request.Stage));
        EnsureOpen(unit, request.Stage);
        var scheme = unit.Campaign.Scheme ?? throw KaoheException.Conflict(AssessmentTexts.NoScheme);
        var result = unit.Edit(request.Stage);
        Fill(result, scheme, request, readings);
        if (request.Submit)
        {
            var missing = scheme.Leaves.Where(l => l.Kind != IndicatorKind.Veto && result.Scores.All(s => s.IndicatorId != l.Id)).ToList();
            if (missing.Count > 0)
                throw KaoheException.Invalid(string.Join("；", missing.Select(m => m.IsComputedFromData ? ComputedTexts.NoDataNeedsPerson(m.Code) : AssessmentTexts.MissingScore(m.Code))));
            unit.Submit(request.Stage, scheme, unit.Unit.ReportsToProvince, scope.UserName, db.Clock.GetUtcNow().UtcDateTime);
        }
        await db.SaveChangesAsync(ct);
        return result;
    }

    private void EnsureOpen(CampaignUnit unit, Stage stage)
    {
        unit.Campaign.EnsureNotSealed();
        if (!unit.Campaign.StageOf(stage).AcceptsWork(new Common.Time.BeijingClock(db.Clock).Today))
            throw KaoheException.Conflict(AssessmentTexts.StageNotOpen(stage));
    }

    private static void Fill(StageResult result, IndicatorScheme scheme, StageScoring request, IReadOnlyDictionary<int, LedgerReading> readings)
    {
        var leaves = scheme.Leaves.ToDictionary(l => l.Code);
        var errors = new List<string>();
        foreach (var entry in request.Points)
        {
            if (!leaves.TryGetValue(entry.Code, out var leaf)) { errors.Add(AssessmentTexts.NotScorable(entry.Code)); continue; }
            if (Refusal(leaf, entry, readings) is { } refusal) { errors.Add(refusal); continue; }
            var score = result.Scores.FirstOrDefault(s => s.IndicatorId == leaf.Id);
            if (score is null) result.Scores.Add(score = new IndicatorScore { IndicatorId = leaf.Id });
            score.Points = leaf.Kind == IndicatorKind.Veto ? 0 : entry.Points;
            score.VetoHit = leaf.Kind == IndicatorKind.Veto && entry.VetoHit;
            score.Note = string.IsNullOrWhiteSpace(entry.Note) ? null : entry.Note.Trim();
            score.Origin = leaf.IsComputedFromData ? ScoreOrigin.PersonNoData : ScoreOrigin.Person;
        }
        if (errors.Count > 0) throw KaoheException.Invalid(string.Join("；", errors));
        foreach (var (indicatorId, reading) in readings) result.Record(indicatorId, reading);
        result.Comment = request.Comment ?? result.Comment;
        result.GapReason = request.GapReason ?? result.GapReason;
        result.Recount(scheme.Indicators.ToDictionary(i => i.Id));
    }

    /// <summary>Why a person's entry is refused: out of range, or points for a computed indicator the ledger scores (or without a note when it cannot).</summary>
    private static string? Refusal(Indicator leaf, PointsEntry entry, IReadOnlyDictionary<int, LedgerReading> readings)
    {
        if (entry.Points < 0 || entry.Points > leaf.MaxPoints) return AssessmentTexts.PointsOutOfRange(leaf.Code, leaf.MaxPoints);
        if (!leaf.IsComputedFromData) return null;
        if (readings.TryGetValue(leaf.Id, out var reading) && reading.HasData) return ComputedTexts.NotTyped(leaf.Code);
        return string.IsNullOrWhiteSpace(entry.Note) ? ComputedTexts.NoDataNeedsNote(leaf.Code) : null;
    }
}
