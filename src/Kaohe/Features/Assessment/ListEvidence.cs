using Kaohe.Common.Errors;
using Kaohe.Data;
using Kaohe.Domain.Accounts;
using Kaohe.Domain.Assessment;
using Microsoft.EntityFrameworkCore;

namespace Kaohe.Features.Assessment;

public sealed record EvidenceInfo(int Id, Stage Stage, string FileName, long Size, string? UploadedBy, DateTime UploadedAtUtc);

/// <summary>The evidence files of one unit in one campaign, for anyone who may see the unit; out of scope is not found.</summary>
public sealed class ListEvidence(KaoheDbContext db)
{
    public async Task<List<EvidenceInfo>> HandleAsync(int campaignId, int unitId, UserScope scope, CancellationToken ct = default)
    {
        if (!await db.UnitIdsVisibleTo(scope).ContainsAsync(unitId, ct)) throw KaoheException.NotFound();
        return await db.EvidenceFiles.Where(f => db.CampaignUnits.Any(u => u.Id == f.CampaignUnitId && u.CampaignId == campaignId && u.UnitId == unitId))
            .OrderBy(f => f.Id).Select(f => new EvidenceInfo(f.Id, f.Stage, f.FileName, f.Size, f.UploadedBy, f.UploadedAtUtc)).ToListAsync(ct);
    }
}
