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
                return new(count, e.Id, $"审计链在第 {e.Id} 条断开：它之前的记录被删除、插入或改动过");
            if (AuditTrail.HashOf(e) != e.Hash)
                return new(count, e.Id, $"审计链在第 {e.Id} 条断开：该记录的内容被改动过（{e.AtUtc:yyyy-MM-dd HH:mm:ss} {e.Actor} {e.Action} {e.EntityType}）");
            previous = e.Hash;
        }
        var (records, problem) = await Collection.VerifyContactTrail.RunAsync(db, ct);
        if (problem is not null) return new(count, null, $"审计链完整，共 {count} 条记录；但催收留痕有误：{problem}", problem);
        return new(count, null, $"审计链完整，共 {count} 条记录；催收联系记录 {records} 条，与审计链一致");
    }
}
