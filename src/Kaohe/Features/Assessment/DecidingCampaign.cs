using Kaohe.Common.Errors;
using Kaohe.Data;
using Kaohe.Domain.Accounts;
using Kaohe.Domain.Assessment;
using Microsoft.EntityFrameworkCore;

namespace Kaohe.Features.Assessment;

/// <summary>Loads a campaign for the expert group's decision or the seal: only those who decide, only while not sealed.</summary>
internal static class DecidingCampaign
{
    public static async Task<Campaign> LoadAsync(KaoheDbContext db, int campaignId, UserScope scope, CancellationToken ct)
    {
        AssessmentPermissions.Demand(AssessmentPermissions.MayDecide(scope.Role));
        var campaign = await db.Campaigns.Include(c => c.Stages).Include(c => c.Scheme).Include(c => c.Units).ThenInclude(u => u.Unit)
            .AsSplitQuery().FirstOrDefaultAsync(c => c.Id == campaignId, ct) ?? throw KaoheException.NotFound();
        campaign.EnsureNotSealed();
        return campaign;
    }
}
