using System.Globalization;
using Kaohe.Common.Errors;
using Kaohe.Data;
using Kaohe.Domain.Accounts;
using Kaohe.Domain.Assessment;
using Microsoft.EntityFrameworkCore;

namespace Kaohe.Features.Assessment;

/// <summary>What assigning and reassigning experts share: the province only, an unsealed campaign, its units, the active experts and last year's pairs (a conflict).</summary>
internal static class ExpertPool
{
    public static async Task<(Campaign, List<UnitToReview>, List<ExpertCandidate>, ExpertConflicts)> LoadAsync(KaoheDbContext db, int campaignId, UserScope scope, CancellationToken ct)
    {
        AssessmentPermissions.Demand(AssessmentPermissions.MayManage(scope.Role));
        var campaign = await db.Campaigns.FirstOrDefaultAsync(c => c.Id == campaignId, ct) ?? throw KaoheException.NotFound();
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
