using Kaohe.Data;
using Microsoft.EntityFrameworkCore;

namespace Kaohe.Features.Ledger;

/// <summary>
/// Ledger imports run one at a time. Each reads the current snapshots and the known borrowers, then
/// writes: two imports at once could both supersede a unit's snapshot and both add a current one, or
/// both add the same new borrower (the second then fails on the key). On PostgreSQL a transaction-level
/// advisory lock orders them; on SQLite the import's write transaction already does.
/// </summary>
internal static class ImportLock
{
    // Any fixed number, the same for every import: "kaohe-ledger" in ASCII.
    internal const long Key = 0x6b616f68655f6c64;

    /// <summary>Waits for any other import to commit or roll back; held until this transaction ends.</summary>
    public static async Task AcquireAsync(KaoheDbContext db, CancellationToken ct)
    {
        if (db.Provider != DatabaseProvider.Postgres) return;
        await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({Key})", ct);
    }
}
