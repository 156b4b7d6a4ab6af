using Kaohe.Data;
using Kaohe.Domain.Accounts;
using Kaohe.Domain.Assessment;

namespace Kaohe.Features.Assessment;

/// <summary>Confirms the computed grade (after the scheme's 优秀 quota) for every scored unit not yet decided; returns how many.</summary>
public sealed class ConfirmComputedGrades(KaoheDbContext db)
{
    public async Task<int> HandleAsync(int campaignId, UserScope scope, CancellationToken ct = default)
    {
        var campaign = await DecidingCampaign.LoadAsync(db, campaignId, scope, ct);
        var rules = campaign.Scheme?.Rules ?? GradeRules.Default;
        var scored = campaign.Units.Where(u => u.Step == UnitStep.Scored && u.ComputedGrade is not null).ToList();
        var withQuota = rules.ApplyQuota(scored.Select(u => new GradedUnit<int>(u.UnitId, u.Unit.CityGroupId, u.FinalScore ?? 0, u.ComputedGrade!.Value)));
        var confirmed = 0;
        foreach (var unit in scored.Where(u => u.FinalGrade is null))
        {
            var grade = withQuota[unit.UnitId];
            var kept = grade == unit.ComputedGrade;
            unit.Decide(grade, kept ? null : AssessmentTexts.QuotaReason, kept ? null : 1, kept ? null : 0, null);
            confirmed++;
        }
        await db.SaveChangesAsync(ct);
        return confirmed;
    }
}
