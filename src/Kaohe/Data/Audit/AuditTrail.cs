using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Kaohe.Domain.Audit;
using Microsoft.EntityFrameworkCore;

namespace Kaohe.Data;

public sealed record AuditDraft(string Action, string EntityType, string? EntityId, int? UnitId, string? Before, string? After, string? Reason = null);

/// <summary>
/// Appends entries to the hash chain, each an HMAC (<see cref="AuditGuard"/>) over its fields and the previous hash.
/// One writer at a time: a process lock, and on PostgreSQL an advisory lock. The head it leaves becomes the checkpoint
/// once the transaction commits (<see cref="AuditHeadInterceptor"/>), unless the chain no longer passes through the
/// last checkpoint: then the checkpoint stays where it is, as the evidence <c>kaohe audit verify</c> reports.
/// </summary>
public static class AuditTrail
{
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";
    private const long PostgresLockKey = 0x4B616F6865; // "Kaohe"
    private static readonly SemaphoreSlim Gate = new(1, 1);

    /// <summary>Records one event that is not a row change (a sign-in, an unmasked view, a bulk import).</summary>
    public static async Task RecordAsync(KaoheDbContext db, AuditDraft draft, CancellationToken ct = default)
    {
        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            await AppendAsync(db, [draft], ct);
            if (own is not null) await own.CommitAsync(ct);
        }
        finally
        {
            if (own is not null) await own.DisposeAsync();
        }
    }

    internal static async Task AppendAsync(KaoheDbContext db, IEnumerable<AuditDraft> drafts, CancellationToken ct)
    {
        await Gate.WaitAsync(ct);
        try
        {
            if (db.Provider == DatabaseProvider.Postgres)
                await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({PostgresLockKey})", ct);
            var previous = await db.AuditEntries.OrderByDescending(e => e.Id).Select(e => e.Hash).FirstOrDefaultAsync(ct) ?? Genesis;
            var continues = await PassesCheckpointAsync(db, ct);
            var now = Truncate(db.Clock.GetUtcNow().UtcDateTime);
            AuditEntry? last = null;
            foreach (var d in drafts)
            {
                var entry = new AuditEntry
                {
                    AtUtc = now, Actor = db.Actor.Name, Action = d.Action, EntityType = d.EntityType, EntityId = d.EntityId,
                    UnitId = d.UnitId, Before = d.Before, After = d.After, Reason = d.Reason, PreviousHash = previous, Hash = "",
                    HashKind = AuditHashKind.HmacSha256,
                };
                entry.Hash = MacOf(entry, db.Guard);
                previous = entry.Hash;
                db.AuditEntries.Add(entry);
                last = entry;
            }
            await db.SaveWithoutAuditAsync(ct);
            if (last is not null) db.PendingHead = continues ? new AuditHead(last.Id, last.Hash) : null;
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>The hash an entry should carry, by its kind.</summary>
    public static string Expected(AuditEntry e, AuditGuard guard) => e.HashKind == AuditHashKind.HmacSha256 ? MacOf(e, guard) : HashOf(e);

    /// <summary>SHA-256 over every field but the id and the hash itself, as a JSON array (unambiguous): entries before issue 22.</summary>
    public static string HashOf(AuditEntry e) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Canonical(e))));

    /// <summary>HMAC-SHA256 with the chain's key over the same text as <see cref="HashOf"/>.</summary>
    public static string MacOf(AuditEntry e, AuditGuard guard) => guard.Sign(Canonical(e));

    private static string Canonical(AuditEntry e) => JsonSerializer.Serialize(new object?[]
    {
        e.PreviousHash, e.AtUtc.ToString("yyyy-MM-ddTHH:mm:ss.fff", System.Globalization.CultureInfo.InvariantCulture), e.Actor, e.Action, e.EntityType, e.EntityId,
        e.UnitId, e.Before, e.After, e.Reason,
    });

    /// <summary>The chain's last entry, or null while it is empty (the notice and the bulletin print it).</summary>
    public static async Task<AuditHead?> HeadAsync(KaoheDbContext db, CancellationToken ct = default) =>
        await db.AuditEntries.AsNoTracking().OrderByDescending(e => e.Id).Select(e => new AuditHead(e.Id, e.Hash)).FirstOrDefaultAsync(ct);

    /// <summary>Whether the entry the checkpoint names is still in the chain as it was (one lookup by key); true without a checkpoint, false for one the key did not sign.</summary>
    private static async Task<bool> PassesCheckpointAsync(KaoheDbContext db, CancellationToken ct)
    {
        var (state, checkpoint) = db.Guard.ReadCheckpoint();
        if (state == CheckpointState.Missing) return true;
        if (checkpoint is null) return false;
        var hash = await db.AuditEntries.Where(e => e.Id == checkpoint.Id).Select(e => e.Hash).FirstOrDefaultAsync(ct);
        return hash == checkpoint.Hash;
    }

    // Both databases keep milliseconds exactly; the hash must see the same instant after a round trip.
    private static DateTime Truncate(DateTime t) => new(t.Ticks - (t.Ticks % TimeSpan.TicksPerMillisecond), DateTimeKind.Utc);
}
