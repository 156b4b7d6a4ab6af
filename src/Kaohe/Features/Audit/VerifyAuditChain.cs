using Kaohe.Data;
using Microsoft.EntityFrameworkCore;

namespace Kaohe.Features.Audit;

/// <param name="TrailProblem">What is wrong with a trail checked against the chain (<see cref="IAuditedTrail"/>: the contact trail, 催收留痕); null when intact.</param>
public sealed record AuditVerification(long EntriesChecked, long? FirstBrokenId, string Message, string? TrailProblem = null)
{
    public bool IsIntact => FirstBrokenId is null && TrailProblem is null;
}

/// <summary>
/// Recomputes the chain from the first entry and names the first one that was altered or follows a removal; then
/// checks each trail kept outside it against the creations the chain holds (<see cref="IAuditedTrail"/>), in order.
/// </summary>
public sealed class VerifyAuditChain(KaoheDbContext db, IEnumerable<IAuditedTrail> trails)
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
        var checks = new List<string>();
        foreach (var trail in trails)
        {
            var check = await trail.VerifyAsync(ct);
            if (check.Problem is { } problem) return new(count, null, AuditTexts.IntactButTrailWrong(count, trail.Name, problem), problem);
            checks.Add(check.Checked);
        }
        return new(count, null, AuditTexts.Intact(count, checks));
    }
}
