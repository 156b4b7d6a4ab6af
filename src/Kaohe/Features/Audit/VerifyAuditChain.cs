using Kaohe.Data;
using Microsoft.EntityFrameworkCore;

namespace Kaohe.Features.Audit;

/// <param name="TrailProblem">What is wrong with the contact trail (催收留痕), checked against the chain; null when intact.</param>
public sealed record AuditVerification(long EntriesChecked, long? FirstBrokenId, string Message, string? TrailProblem = null)
{
    public bool IsIntact => FirstBrokenId is null && TrailProblem is null;
}

/// <summary>
/// Recomputes the chain from the first entry and names the first one that was altered or follows a removal; then
/// checks the contact trail against the creations the chain holds (<see cref="Collection.VerifyContactTrail"/>).
/// </summary>
public sealed class VerifyAuditChain(KaoheDbContext db)
{
    public async Task<AuditVerification> HandleAsync(CancellationToken ct = default)
    {
        var previous = AuditTrail.Genesis;
        long count = 0;
        await foreach (var e in db.AuditEntries.AsNoTracking().OrderBy(e => e.Id).AsAsyncEnumerable().WithCancellation(ct))
        {
            count++;
            if (e.PreviousHash != previous)
                return new(count, e.Id, AuditTexts.BrokenBefore(e.Id));
            if (AuditTrail.HashOf(e) != e.Hash)
                return new(count, e.Id, AuditTexts.BrokenAt(e));
            previous = e.Hash;
        }
        var (records, problem) = await Collection.VerifyContactTrail.RunAsync(db, ct);
        if (problem is not null) return new(count, null, AuditTexts.IntactButTrailWrong(count, problem), problem);
        return new(count, null, AuditTexts.Intact(count, records));
    }
}
