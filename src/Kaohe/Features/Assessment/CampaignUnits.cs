using Kaohe.Common.Errors;
using Kaohe.Data;
using Kaohe.Domain.Accounts;
using Kaohe.Domain.Assessment;
using Microsoft.EntityFrameworkCore;

namespace Kaohe.Features.Assessment;

/// <summary>Loads one campaign unit for work, through the account's scope: out of scope is "not found".</summary>
internal static class CampaignUnits
{
    public static async Task<CampaignUnit> LoadAsync(KaoheDbContext db, int campaignId, int unitId, UserScope scope, CancellationToken ct)
    {
        var visible = db.UnitIdsVisibleIn(campaignId, scope);
        var unit = await db.CampaignUnits
            .Include(u => u.Unit).Include(u => u.Results).ThenInclude(r => r.Scores)
            .Include(u => u.Campaign).ThenInclude(c => c.Stages)
            .Include(u => u.Campaign).ThenInclude(c => c.Scheme!).ThenInclude(s => s.Indicators)
            .AsSplitQuery()
            .FirstOrDefaultAsync(u => u.CampaignId == campaignId && u.UnitId == unitId && visible.Contains(u.UnitId), ct);
        return unit ?? throw KaoheException.NotFound();
    }
}
