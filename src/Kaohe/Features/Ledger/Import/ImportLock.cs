using System.Globalization;
using Kaohe.Common.Errors;
using Kaohe.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Kaohe.Features.Ledger;

/// <summary>
/// Ledger imports run one at a time. Each reads the current snapshots and the known borrowers, then
/// writes: two imports at once could both supersede a unit's snapshot and both add a current one, or
/// both add the same new borrower (the second then fails on the key). An import waits up to
/// <see cref="Wait"/> for the one in progress (small files take well under a second), then is refused
/// as <see cref="ErrorKind.Busy"/> before it has written anything, the same on both databases:
/// <list type="bullet">
/// <item>PostgreSQL: a transaction-level advisory lock, waited for under <c>lock_timeout</c>;</item>
/// <item>SQLite: the import's write transaction itself (<c>BEGIN IMMEDIATE</c>, which EF issues), waited for
/// a second at a time under the connection's busy timeout, so that a cancel ends the wait. SQLite has one writer at a time: any write holding the database
/// that long refuses the import, in practice another import (other writes take milliseconds).</item>
/// </list>
/// Without the bound a second import waited the 30 s command or busy timeout and then failed with the
/// driver's own error ("database is locked", or a timeout).
/// </summary>
internal static class ImportLock
{
    // Any fixed number, the same for every import: "kaohe-ledger" in ASCII.
    internal const long Key = 0x6b616f68655f6c64;

    /// <summary>How long an import waits for the one in progress; whole seconds (SQLite's busy timeout counts in seconds).</summary>
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    /// <summary>Begins the import's transaction and takes the lock, held until the transaction ends.</summary>
    /// <exception cref="KaoheException">Busy: another import still held it after <paramref name="wait"/>.</exception>
    public static async Task<IDbContextTransaction> BeginAsync(KaoheDbContext db, TimeSpan wait, CancellationToken ct)
    {
        if (db.Provider == DatabaseProvider.Postgres) return await BeginPostgresAsync(db, wait, ct);
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        var timeout = connection.DefaultTimeout;
        // The driver's own wait for a busy database does not look at a cancellation token: waited for in one piece,
        // a Ctrl+C (or a closed browser tab) would go unheard until the wait ended. So the wait is taken one second at
        // a time (the shortest the driver knows; 0 would mean no limit), with the token looked at in between.
        connection.DefaultTimeout = 1;
        var attempts = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    return await db.Database.BeginTransactionAsync(ct);
                }
                catch (SqliteException e) when (e.SqliteErrorCode == SQLitePCL.raw.SQLITE_BUSY)
                {
                    if (attempt >= attempts) throw Busy(wait, e);
                    ct.ThrowIfCancellationRequested();
                }
            }
        }
        finally
        {
            connection.DefaultTimeout = timeout;
        }
    }

    private static async Task<IDbContextTransaction> BeginPostgresAsync(KaoheDbContext db, TimeSpan wait, CancellationToken ct)
    {
        var tx = await db.Database.BeginTransactionAsync(ct);
        try
        {
            // lock_timeout (in ms) for this one lock: the import's other lock waits keep the session's setting.
            var timeout = ((long)wait.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
            await db.Database.ExecuteSqlAsync(
                $"SELECT set_config('lock_timeout', {timeout}, true); SELECT pg_advisory_xact_lock({Key}); SET LOCAL lock_timeout TO DEFAULT;", ct);
            return tx;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.LockNotAvailable)
        {
            await tx.DisposeAsync();
            throw Busy(wait, e);
        }
        catch
        {
            await tx.DisposeAsync();
            throw;
        }
    }

    /// <summary>Another ledger import was in progress for longer than this one would wait; nothing was written.</summary>
    private static KaoheException Busy(TimeSpan waited, Exception inner) => KaoheException.Busy(LedgerTexts.NotImported, LedgerTexts.ImportInProgress(waited), inner);
}
