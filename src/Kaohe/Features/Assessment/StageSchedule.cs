using Kaohe.Common.Errors;
using Kaohe.Data;
using Kaohe.Domain.Accounts;
using Kaohe.Domain.Assessment;
using Microsoft.EntityFrameworkCore;

namespace Kaohe.Features.Assessment;

/// <summary>What opening and closing a stage share: the province only, and the campaign's own rule for the change.</summary>
internal static class StageSchedule
{
    public static async Task ChangeAsync(KaoheDbContext db, int campaignId, UserScope scope, Action<Campaign> change, CancellationToken ct)
    {
        AssessmentPermissions.Demand(AssessmentPermissions.MayManage(scope.Role));
        var campaign = await db.Campaigns.Include(c => c.Stages).FirstOrDefaultAsync(c => c.Id == campaignId, ct) ?? throw KaoheException.NotFound();
        change(campaign);
        await db.SaveChangesAsync(ct);
    }
}
