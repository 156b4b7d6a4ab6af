using Kaohe.Common.Errors;
using Kaohe.Data;
using Kaohe.Domain.Accounts;
using Kaohe.Domain.Assessment;
using Microsoft.EntityFrameworkCore;

namespace Kaohe.Features.Assessment;

public sealed record FindingView(int Id, string Category, string Text, FindingStatus Status, DateOnly? DueDate);

/// <summary>The findings of one unit in one campaign, for anyone who may see the unit.</summary>
public sealed class ListFindings(KaoheDbContext db)
{
    public async Task<List<FindingView>> HandleAsync(int campaignId, int unitId, UserScope scope, CancellationToken ct = default)
    {
        // an out-of-scope unit answers like a missing one, so ids cannot be probed
        if (!await db.UnitIdsVisibleTo(scope).ContainsAsync(unitId, ct)) throw KaoheException.NotFound();
        var findings = await db.Findings.AsNoTracking().Where(f => f.CampaignId == campaignId && f.UnitId == unitId)
            .OrderBy(f => f.Id).ToListAsync(ct);
        return findings.Select(f => new FindingView(f.Id, f.Category.ChineseName(), f.Text, f.Status, f.DueDate)).ToList();
    }
}
