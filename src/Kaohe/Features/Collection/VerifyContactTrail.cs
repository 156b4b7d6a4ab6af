using System.Text.Json;
using Kaohe.Data;
using Kaohe.Domain.Audit;
using Kaohe.Domain.Collection;
using Kaohe.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace Kaohe.Features.Collection;

/// <summary>
/// Checks the contact trail against itself and against the audit chain, which holds every record's creation with
/// its hash (<see cref="ContactRecord"/>): a record edited in the database (its content no longer gives its hash, or
/// its hash is not the one created), removed (created, no longer there), slipped in (there, never created) or moved
/// to another id. The collection's part of <c>kaohe audit verify</c> (<see cref="VerifyAuditChain"/>), run after the
/// chain itself (which proves the creations unaltered).
/// </summary>
public sealed class VerifyContactTrail(KaoheDbContext db) : IAuditedTrail
{
    public string Name => CollectionTexts.TrailName;

    public async Task<TrailCheck> VerifyAsync(CancellationToken ct)
    {
        var (records, problem) = await CheckAsync(ct);
        return new TrailCheck(CollectionTexts.TrailChecked(records), problem);
    }

    /// <summary>How many records were checked, and null when the trail is intact; else the first problem, in Chinese.</summary>
    private async Task<(int Checked, string? Problem)> CheckAsync(CancellationToken ct)
    {
        var created = new Dictionary<int, string?>();
        await foreach (var e in db.AuditEntries.AsNoTracking().Where(e => e.EntityType == nameof(ContactRecord))
                           .Select(e => new { e.Id, e.Action, e.EntityId, e.After }).AsAsyncEnumerable().WithCancellation(ct))
        {
            if (e.Action != AuditActions.Create) return (0, CollectionTexts.TrailChanged(e.EntityId, e.Id, e.Action));
            if (int.TryParse(e.EntityId, out var id)) created[id] = HashIn(e.After);
        }
        var seen = 0;
        await foreach (var r in db.ContactRecords.AsNoTracking().OrderBy(r => r.Id).AsAsyncEnumerable().WithCancellation(ct))
        {
            seen++;
            if (r.ComputeHash() != r.Hash) return (seen, CollectionTexts.TrailEdited(r.Id));
            if (!created.Remove(r.Id, out var hash)) return (seen, CollectionTexts.TrailNotAudited(r.Id));
            if (hash != r.Hash) return (seen, CollectionTexts.TrailSwapped(r.Id));
        }
        if (created.Count > 0) return (seen, CollectionTexts.TrailRemoved(created.Keys.Order().Take(10)));

        // Each record's evidence files: their bytes give their hashes, and the hashes in order give the record's list.
        var files = new Dictionary<int, List<string>>();
        await foreach (var f in db.ContactEvidence.AsNoTracking().OrderBy(f => f.Id).Select(f => new { f.ContactRecordId, f.Id, f.Sha256, f.Content }).AsAsyncEnumerable().WithCancellation(ct))
        {
            if (Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(f.Content)) != f.Sha256)
                return (seen, CollectionTexts.EvidenceEdited(f.ContactRecordId, f.Id));
            (files.TryGetValue(f.ContactRecordId, out var l) ? l : files[f.ContactRecordId] = []).Add(f.Sha256);
        }
        var listed = await db.ContactRecords.AsNoTracking().Where(r => r.EvidenceSha256 != null).Select(r => new { r.Id, r.EvidenceSha256 }).ToListAsync(ct);
        foreach (var r in listed)
            if (!files.Remove(r.Id, out var hashes) || string.Join(",", hashes) != r.EvidenceSha256)
                return (seen, CollectionTexts.EvidenceChanged(r.Id));
        if (files.Count > 0) return (seen, CollectionTexts.EvidenceAdded(files.Keys.Min()));
        return (seen, null);
    }

    private static string? HashIn(string? after)
    {
        if (after is null) return null;
        using var doc = JsonDocument.Parse(after);
        return doc.RootElement.TryGetProperty(nameof(ContactRecord.Hash), out var h) ? h.GetString() : null;
    }
}
