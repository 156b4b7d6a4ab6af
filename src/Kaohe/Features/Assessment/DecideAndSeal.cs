using System.Globalization;
using Kaohe.Data;
using Kaohe.Domain.Accounts;
using Kaohe.Domain.Assessment;
using Kaohe.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace Kaohe.Features.Assessment;

public sealed record GradeDecision(int UnitId, Grade Grade, string? Reason = null, int? VotesFor = null, int? VotesAgainst = null, int? VotesAbstain = null);

/// <summary>
/// The expert group's collective decision (集体评审): the computed grade stands unless changed with a
/// reason and a vote tally; then the seal makes the results read-only and is recorded in the audit trail.
/// </summary>
public sealed class DecideAndSeal(KaoheDbContext db)
{
    public const string SealAction = "封存";

    public async Task DecideAsync(int campaignId, IReadOnlyList<GradeDecision> decisions, UserScope scope, CancellationToken ct = default)
    {
        var campaign = await LoadAsync(campaignId, scope, ct);
        foreach (var d in decisions)
        {
            var unit = campaign.Units.FirstOrDefault(u => u.UnitId == d.UnitId) ?? throw new KeyNotFoundException(AssessmentTexts.NotFound);
            unit.Decide(d.Grade, d.Reason, d.VotesFor, d.VotesAgainst, d.VotesAbstain);
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Confirms the computed grade (after the scheme's quota) for every scored unit not yet decided.</summary>
    public async Task<int> ConfirmComputedAsync(int campaignId, UserScope scope, CancellationToken ct = default)
    {
        var campaign = await LoadAsync(campaignId, scope, ct);
        var rules = campaign.Scheme?.Rules ?? GradeRules.Default;
        var scored = campaign.Units.Where(u => u.Step == UnitStep.Scored && u.ComputedGrade is not null).ToList();
        var withQuota = rules.ApplyQuota(scored.Select(u => new GradedUnit<int>(u.UnitId, u.Unit.CityGroupId, u.FinalScore ?? 0, u.ComputedGrade!.Value)));
        var confirmed = 0;
        foreach (var unit in scored.Where(u => u.FinalGrade is null))
        {
            var grade = withQuota[unit.UnitId];
            unit.Decide(grade, grade == unit.ComputedGrade ? null : "优秀名额限制", grade == unit.ComputedGrade ? null : 1, grade == unit.ComputedGrade ? null : 0, null);
            confirmed++;
        }
        await db.SaveChangesAsync(ct);
        return confirmed;
    }

    public async Task SealAsync(int campaignId, UserScope scope, CancellationToken ct = default)
    {
        var campaign = await LoadAsync(campaignId, scope, ct);
        campaign.Seal(scope.UserName, db.Clock.GetUtcNow().UtcDateTime);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        var counts = string.Join(",", Grades.InNoticeOrder.Select(g => $"\"{g.ChineseName()}\":{campaign.Units.Count(u => u.FinalGrade == g)}"));
        await AuditTrail.RecordAsync(db, new AuditDraft(SealAction, nameof(Campaign), campaign.Id.ToString(CultureInfo.InvariantCulture), null, null, "{" + counts + "}"), ct);
        await tx.CommitAsync(ct);
    }

    private async Task<Campaign> LoadAsync(int campaignId, UserScope scope, CancellationToken ct)
    {
        if (scope.Role is not (Role.ProvinceAdmin or Role.Expert)) throw new UnauthorizedAccessException(AssessmentTexts.NotAllowed);
        var campaign = await db.Campaigns.Include(c => c.Stages).Include(c => c.Scheme).Include(c => c.Units).ThenInclude(u => u.Unit)
            .AsSplitQuery().FirstOrDefaultAsync(c => c.Id == campaignId, ct) ?? throw new KeyNotFoundException(AssessmentTexts.NotFound);
        campaign.EnsureNotSealed();
        return campaign;
    }
}
