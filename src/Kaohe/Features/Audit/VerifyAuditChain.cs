using Kaohe.Data;
using Microsoft.EntityFrameworkCore;

namespace Kaohe.Features.Audit;

public sealed record AuditVerification(long EntriesChecked, long? FirstBrokenId, string Message)
{
    public bool IsIntact => FirstBrokenId is null;
}

/// <summary>Recomputes the chain from the first entry and names the first one that was altered or follows a removal.</summary>
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
        return new(count, null, $"审计链完整，共 {count} 条记录");
    }
}
