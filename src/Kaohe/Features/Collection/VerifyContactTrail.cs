using System.Text.Json;
using Kaohe.Data;
using Kaohe.Domain.Audit;
using Kaohe.Domain.Collection;
using Microsoft.EntityFrameworkCore;

namespace Kaohe.Features.Collection;

/// <summary>
/// Checks the contact trail against itself and against the audit chain, which holds every record's creation with
/// its hash (<see cref="ContactRecord"/>): a record edited in the database (its content no longer gives its hash, or
/// its hash is not the one created), removed (created, no longer there), slipped in (there, never created) or moved
/// to another id. Run by <c>kaohe audit verify</c> after the chain itself (which proves the creations unaltered).
/// Null when the trail is intact; else the first problem, in Chinese.
/// </summary>
internal static class VerifyContactTrail
{
    public static async Task<(int Checked, string? Problem)> RunAsync(KaoheDbContext db, CancellationToken ct)
    {
        var created = new Dictionary<int, string?>();
        await foreach (var e in db.AuditEntries.AsNoTracking().Where(e => e.EntityType == nameof(ContactRecord))
                           .Select(e => new { e.Id, e.Action, e.EntityId, e.After }).AsAsyncEnumerable().WithCancellation(ct))
        {
            if (e.Action != AuditActions.Create) return (0, $"联系记录 {e.EntityId} 在审计日志第 {e.Id} 条被{e.Action}：联系记录只能追加，不能修改或删除");
            if (int.TryParse(e.EntityId, out var id)) created[id] = HashIn(e.After);
        }
        var seen = 0;
        await foreach (var r in db.ContactRecords.AsNoTracking().OrderBy(r => r.Id).AsAsyncEnumerable().WithCancellation(ct))
        {
            seen++;
            if (r.ComputeHash() != r.Hash) return (seen, $"联系记录 {r.Id} 的内容被改动过：与其哈希不符");
            if (!created.Remove(r.Id, out var hash)) return (seen, $"联系记录 {r.Id} 不在审计链中：它不是经由 Kaohe 登记的");
            if (hash != r.Hash) return (seen, $"联系记录 {r.Id} 与审计链中登记时的内容不符：被改动或调换过");
        }
        if (created.Count > 0) return (seen, $"联系记录 {string.Join("、", created.Keys.Order().Take(10))} 已登记却不见了：被删除过");

        // Each record's evidence files: their bytes give their hashes, and the hashes in order give the record's list.
        var files = new Dictionary<int, List<string>>();
        await foreach (var f in db.ContactEvidence.AsNoTracking().OrderBy(f => f.Id).Select(f => new { f.ContactRecordId, f.Id, f.Sha256, f.Content }).AsAsyncEnumerable().WithCancellation(ct))
        {
            if (Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(f.Content)) != f.Sha256)
                return (seen, $"联系记录 {f.ContactRecordId} 的佐证材料（第 {f.Id} 个文件）被改动过：与其哈希不符");
            (files.TryGetValue(f.ContactRecordId, out var l) ? l : files[f.ContactRecordId] = []).Add(f.Sha256);
        }
        var listed = await db.ContactRecords.AsNoTracking().Where(r => r.EvidenceSha256 != null).Select(r => new { r.Id, r.EvidenceSha256 }).ToListAsync(ct);
        foreach (var r in listed)
            if (!files.Remove(r.Id, out var hashes) || string.Join(",", hashes) != r.EvidenceSha256)
                return (seen, $"联系记录 {r.Id} 的佐证材料与登记时不符：被删除、替换或增加过");
        if (files.Count > 0) return (seen, $"联系记录 {files.Keys.Min()} 有登记时没有的佐证材料：被增加过");
        return (seen, null);
    }

    private static string? HashIn(string? after)
    {
        if (after is null) return null;
        using var doc = JsonDocument.Parse(after);
        return doc.RootElement.TryGetProperty(nameof(ContactRecord.Hash), out var h) ? h.GetString() : null;
    }
}
