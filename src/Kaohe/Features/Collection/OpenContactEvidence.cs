using Kaohe.Common.Errors;
using Kaohe.Data;
using Kaohe.Domain.Accounts;
using Kaohe.Domain.Collection;
using Microsoft.EntityFrameworkCore;

namespace Kaohe.Features.Collection;

/// <summary>
/// One evidence file kept with a contact record (a photo, a recording, a PDF), for download. Its record's case must be
/// one the caller may open; otherwise, as for a file that does not exist, not found (so ids cannot be probed).
/// </summary>
public sealed class OpenContactEvidence(KaoheDbContext db)
{
    public async Task<ContactEvidence> HandleAsync(int evidenceId, UserScope scope, CancellationToken ct = default)
    {
        var cases = await db.CasesVisibleToAsync(scope, ct);
        return await db.ContactEvidence.AsNoTracking()
            .Where(e => e.Id == evidenceId && db.ContactRecords.Any(r => r.Id == e.ContactRecordId && cases.Any(c => c.Id == r.CaseId)))
            .FirstOrDefaultAsync(ct) ?? throw KaoheException.NotFound();
    }
}
