using Kaohe.Data;
using Kaohe.Domain.Accounts;
using Kaohe.Domain.Ledger;
using Kaohe.Features.Ledger;
using Kaohe.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using static Kaohe.Tests.Features.Ledger.LedgerFixtures;

namespace Kaohe.Tests.Features.Ledger;

/// <summary>
/// On PostgreSQL ledger imports take turns (<see cref="ImportLock"/>): one that starts while another holds
/// the lock waits for it, so two imports never both supersede a unit's snapshot or add the same borrower.
/// </summary>
public sealed class PostgresImportLockTests
{
    [Fact]
    public async Task AnImport_WaitsForTheImportInProgress_ThenLeavesOneCurrentSnapshotPerUnit()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        var path = Write(Files.Csv(Instalments()), "还款计划.csv");

        // Stand in for an import in progress: hold the same lock in an open transaction.
        await using var other = new NpgsqlConnection(db.Target.ConnectionString);
        await other.OpenAsync(ct);
        await using var tx = await other.BeginTransactionAsync(ct);
        await using (var hold = new NpgsqlCommand($"SELECT pg_advisory_xact_lock({ImportLock.Key})", other, tx)) await hold.ExecuteNonQueryAsync(ct);

        var import = db.Run<ImportLedger, LedgerImportResult>(h => h.HandleAsync(path, UserScope.System, ct: ct));
        await using (var waiting = new NpgsqlCommand("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted", other, tx))
        {
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while ((long)(await waiting.ExecuteScalarAsync(ct))! == 0 && !import.IsCompleted && DateTime.UtcNow < deadline) await Task.Delay(20, ct);
            Assert.False(import.IsCompleted, "the import did not wait for the lock");
            Assert.Equal(1L, await waiting.ExecuteScalarAsync(ct));
        }
        await tx.RollbackAsync(ct);
        Assert.Equal(2, (await import).UnitsReplaced);

        var current = await db.Query(c => c.LedgerSnapshots.Where(s => s.Kind == LedgerKind.Instalments && s.SupersededAtUtc == null)
            .GroupBy(s => s.UnitId).Select(g => g.Count()).ToListAsync(ct));
        Assert.All(current, n => Assert.Equal(1, n));
    }
}
