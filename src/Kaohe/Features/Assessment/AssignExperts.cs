using System.Globalization;
using Kaohe.Common.Errors;
using Kaohe.Data;
using Kaohe.Domain.Accounts;
using Kaohe.Domain.Assessment;
using Microsoft.EntityFrameworkCore;

namespace Kaohe.Features.Assessment;

public sealed record AssignmentResult(int Added, IReadOnlyList<int> Unassigned, IReadOnlyDictionary<int, int> LoadPerExpert);

/// <summary>Assigns experts to a campaign's units automatically (<see cref="ExpertAssigner"/>), keeping the assignments already made.</summary>
public sealed class AssignExperts(KaoheDbContext db)
{
    public async Task<AssignmentResult> HandleAsync(int campaignId, UserScope scope, int perUnit = 1, CancellationToken ct = default)
    {
        var (campaign, units, experts, conflicts) = await ExpertPool.LoadAsync(db, campaignId, scope, ct);
        var existing = await db.ExpertAssignments.Where(a => a.CampaignId == campaignId).Select(a => new { a.ExpertUserId, a.UnitId }).ToListAsync(ct);
        var plan = ExpertAssigner.Plan(units, experts, conflicts, existing.Select(a => (a.ExpertUserId, a.UnitId)).ToList(), perUnit);
        db.ExpertAssignments.AddRange(plan.Added.Select(a => new ExpertAssignment { CampaignId = campaign.Id, ExpertUserId = a.ExpertId, UnitId = a.UnitId }));
        await db.SaveChangesAsync(ct);
        return new AssignmentResult(plan.Added.Count, plan.Unassigned, plan.Load);
    }

}
