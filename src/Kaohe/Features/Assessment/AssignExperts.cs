using System.Globalization;
using Kaohe.Data;
using Kaohe.Domain.Accounts;
using Kaohe.Domain.Assessment;
using Kaohe.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace Kaohe.Features.Assessment;

public sealed record AssignmentResult(int Added, IReadOnlyList<int> Unassigned, IReadOnlyDictionary<int, int> LoadPerExpert);

/// <summary>Assigns experts to a campaign's units automatically, and lets the province move one assignment (logged with a reason).</summary>
public sealed class AssignExperts(KaoheDbContext db)
{
    public const string AdjustAction = "调整专家分配";

    public async Task<AssignmentResult> HandleAsync(int campaignId, UserScope scope, int perUnit = 1, CancellationToken ct = default)
    {
        var (campaign, units, experts, conflicts) = await LoadAsync(campaignId, scope, ct);
        var existing = await db.ExpertAssignments.Where(a => a.CampaignId == campaignId).Select(a => new { a.ExpertUserId, a.UnitId }).ToListAsync(ct);
        var plan = ExpertAssigner.Plan(units, experts, conflicts, existing.Select(a => (a.ExpertUserId, a.UnitId)).ToList(), perUnit);
        db.ExpertAssignments.AddRange(plan.Added.Select(a => new ExpertAssignment { CampaignId = campaign.Id, ExpertUserId = a.ExpertId, UnitId = a.UnitId }));
        await db.SaveChangesAsync(ct);
        return new AssignmentResult(plan.Added.Count, plan.Unassigned, plan.Load);
    }

    /// <summary>Moves a unit from one expert to another; a conflicting target is refused.</summary>
    public async Task AdjustAsync(int campaignId, int unitId, int fromExpertId, int toExpertId, string reason, UserScope scope, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(reason)) throw new AssessmentRuleException("调整专家分配必须填写理由");
        var (_, units, experts, conflicts) = await LoadAsync(campaignId, scope, ct);
        var unit = units.FirstOrDefault(u => u.UnitId == unitId) ?? throw new KeyNotFoundException(AssessmentTexts.NotFound);
        var to = experts.FirstOrDefault(e => e.UserId == toExpertId) ?? throw new KeyNotFoundException("目标专家不存在");
        if (conflicts.Conflict(to, unit) is { } conflict) throw new AssessmentRuleException(conflict);
        var current = await db.ExpertAssignments.FirstOrDefaultAsync(a => a.CampaignId == campaignId && a.UnitId == unitId && a.ExpertUserId == fromExpertId, ct)
            ?? throw new KeyNotFoundException("原分配不存在");
        current.ExpertUserId = toExpertId;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        await AuditTrail.RecordAsync(db, new AuditDraft(AdjustAction, nameof(ExpertAssignment), current.Id.ToString(CultureInfo.InvariantCulture), unitId,
            $"{{\"expert\":{fromExpertId}}}", $"{{\"expert\":{toExpertId}}}", reason.Trim()), ct);
        await tx.CommitAsync(ct);
    }

    private async Task<(Campaign, List<UnitToReview>, List<ExpertCandidate>, ExpertConflicts)> LoadAsync(int campaignId, UserScope scope, CancellationToken ct)
    {
        if (scope.Role != Role.ProvinceAdmin) throw new UnauthorizedAccessException(AssessmentTexts.NotAllowed);
        var campaign = await db.Campaigns.FirstOrDefaultAsync(c => c.Id == campaignId, ct) ?? throw new KeyNotFoundException(AssessmentTexts.NotFound);
        campaign.EnsureNotSealed();
        var units = await db.CampaignUnits.Where(u => u.CampaignId == campaignId)
            .Select(u => new UnitToReview(u.UnitId, u.Unit.CityGroupId)).ToListAsync(ct);
        var experts = await db.Users.Where(u => u.Role == Role.Expert && u.IsActive).OrderBy(u => u.Id)
            .Select(u => new ExpertCandidate(u.Id, u.CityGroupId)).ToListAsync(ct);
        var lastYear = await db.ExpertAssignments
            .Where(a => db.Campaigns.Any(c => c.Id == a.CampaignId && c.Year == campaign.Year - 1))
            .Select(a => new { a.ExpertUserId, a.UnitId }).ToListAsync(ct);
        return (campaign, units, experts, new ExpertConflicts(lastYear.Select(a => (a.ExpertUserId, a.UnitId))));
    }
}
