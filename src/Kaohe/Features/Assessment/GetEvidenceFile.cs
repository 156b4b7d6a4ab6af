using Kaohe.Common.Errors;
using Kaohe.Data;
using Kaohe.Domain.Accounts;
using Kaohe.Domain.Assessment;
using Microsoft.EntityFrameworkCore;

namespace Kaohe.Features.Assessment;

/// <summary>One evidence file with its bytes, for anyone who may see its unit; out of scope is not found.</summary>
public sealed class GetEvidenceFile(KaoheDbContext db)
{
    public async Task<EvidenceFile> HandleAsync(int fileId, UserScope scope, CancellationToken ct = default)
    {
        var visible = db.UnitIdsVisibleTo(scope);
        return await db.EvidenceFiles.AsNoTracking()
            .FirstOrDefaultAsync(f => f.Id == fileId && db.CampaignUnits.Any(u => u.Id == f.CampaignUnitId && visible.Contains(u.UnitId)), ct)
            ?? throw KaoheException.NotFound();
    }
}
