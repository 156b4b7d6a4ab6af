using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Kaohe.Domain.Audit;
using Microsoft.EntityFrameworkCore;

namespace Kaohe.Data;

public sealed record AuditDraft(string Action, string EntityType, string? EntityId, int? UnitId, string? Before, string? After, string? Reason = null);

/// <summary>Appends entries to the hash chain. One writer at a time: a process lock, and on PostgreSQL an advisory lock.</summary>
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
            var now = Truncate(db.Clock.GetUtcNow().UtcDateTime);
            foreach (var d in drafts)
            {
                var entry = new AuditEntry
                {
                    AtUtc = now, Actor = db.Actor.Name, Action = d.Action, EntityType = d.EntityType, EntityId = d.EntityId,
                    UnitId = d.UnitId, Before = d.Before, After = d.After, Reason = d.Reason, PreviousHash = previous, Hash = "",
                };
                entry.Hash = HashOf(entry);
                previous = entry.Hash;
                db.AuditEntries.Add(entry);
            }
            await db.SaveWithoutAuditAsync(ct);
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>SHA-256 over every field but the id and the hash itself, as a JSON array (unambiguous).</summary>
    public static string HashOf(AuditEntry e)
    {
        var canonical = JsonSerializer.Serialize(new object?[]
        {
            e.PreviousHash, e.AtUtc.ToString("yyyy-MM-ddTHH:mm:ss.fff", System.Globalization.CultureInfo.InvariantCulture), e.Actor, e.Action, e.EntityType, e.EntityId,
            e.UnitId, e.Before, e.After, e.Reason,
        });
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    // Both databases keep milliseconds exactly; the hash must see the same instant after a round trip.
    private static DateTime Truncate(DateTime t) => new(t.Ticks - (t.Ticks % TimeSpan.TicksPerMillisecond), DateTimeKind.Utc);
}
