using System.Data.Common;
using Kaohe.Common.Errors;
using Kaohe.Data;
using Kaohe.Domain.Accounts;
using Kaohe.Domain.Ledger;
using Kaohe.Features.Ledger;
using Kaohe.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Kaohe.Tests.Features.Ledger.LedgerFixtures;

namespace Kaohe.Tests.Features.Ledger;

/// <summary>
/// Ledger imports take turns (<see cref="ImportLock"/>), on SQLite as on PostgreSQL: one that starts while another
/// holds the lock waits for it, so two imports never both supersede a unit's snapshot or add the same borrower; and
/// one that would wait longer than <see cref="ImportLedger.LockWait"/> is refused in Chinese, having written nothing.
/// </summary>
public abstract class ImportLockDataTests(DatabaseProvider provider)
{
    /// <summary>Stands in for an import in progress: holds what an import holds, in a transaction of its own.</summary>
    private async Task<(DbConnection, DbTransaction)> HoldAsync(TestDatabase db, CancellationToken ct)
    {
        var conn = db.Target.CreateConnection();
        await conn.OpenAsync(ct);
        var tx = await conn.BeginTransactionAsync(ct); // SQLite: BEGIN IMMEDIATE, the database's one write lock
        if (provider == DatabaseProvider.Postgres)
        {
            await using var hold = conn.CreateCommand();
            (hold.Transaction, hold.CommandText) = (tx, $"SELECT pg_advisory_xact_lock({ImportLock.Key})");
            await hold.ExecuteNonQueryAsync(ct);
        }
        return (conn, tx);
    }

    /// <summary>Until the import waits for the lock: PostgreSQL lists the waiter; SQLite polls for its lock and shows none, so give it time.</summary>
    private async Task WaitingAsync(DbConnection holder, Task import, CancellationToken ct)
    {
        if (provider == DatabaseProvider.Sqlite)
        {
            await Task.WhenAny(import, Task.Delay(TimeSpan.FromSeconds(1), ct));
            return;
        }
        await using var waiting = holder.CreateCommand();
        waiting.CommandText = "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted";
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((long)(await waiting.ExecuteScalarAsync(ct))! == 0 && !import.IsCompleted && DateTime.UtcNow < deadline) await Task.Delay(20, ct);
    }

    private static Task<(int, int, int)> CountsAsync(TestDatabase db) => db.Query(async c =>
        (await c.LedgerSnapshots.CountAsync(), await c.Instalments.CountAsync() + await c.Contracts.CountAsync(), await c.LedgerBorrowers.CountAsync()));

    [Fact]
    public async Task AnImport_WaitsForTheImportInProgress_ThenLeavesOneCurrentSnapshotPerUnit()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await TestDatabase.CreateAsync(provider);
        var path = Write(Files.Csv(Instalments()), "还款计划.csv");
        var (holder, held) = await HoldAsync(db, ct);
        await using (holder)
        {
            // On a thread of its own: on SQLite the driver waits for the lock synchronously.
            var import = Task.Run(() => db.Run<ImportLedger, LedgerImportResult>(h => h.HandleAsync(path, UserScope.System, ct: ct)), ct);
            await WaitingAsync(holder, import, ct);
            Assert.False(import.IsCompleted, "the import did not wait for the lock");
            await held.RollbackAsync(ct);
            Assert.Equal(2, (await import).UnitsReplaced);
        }

        var current = await db.Query(c => c.LedgerSnapshots.Where(s => s.Kind == LedgerKind.Instalments && s.SupersededAtUtc == null)
            .GroupBy(s => s.UnitId).Select(g => g.Count()).ToListAsync(ct));
        Assert.All(current, n => Assert.Equal(1, n));
    }

    [Fact]
    public async Task AnImport_WhileAnotherOutlastsTheWait_IsRefusedInChinese_AndWritesNothing()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await TestDatabase.CreateAsync(provider);
        var protector = await db.Run<PersonalDataProtector, PersonalDataProtector>(p => Task.FromResult(p));
        var wait = TimeSpan.FromSeconds(1);
        Task<LedgerImportResult> Import(string path) =>
            Task.Run(() => db.Query(c => new ImportLedger(c, protector, []) { LockWait = wait }.HandleAsync(path, UserScope.System, ct: ct)), ct);
        var before = await CountsAsync(db);
        var (holder, held) = await HoldAsync(db, ct);
        await using (holder)
        {
            foreach (var file in new[] { Write(Files.Csv(Instalments()), "还款计划.csv"), Write(Files.Csv(Contracts()), "合同台账.csv") })
            {
                var e = await Assert.ThrowsAsync<KaoheException>(() => Import(file));
                Assert.Equal(ErrorKind.Busy, e.Kind);
                Assert.Equal("另一台账导入正在进行（已等待 1 秒仍未结束），请稍后再试；本文件未写入任何数据", e.Detail);
            }
            await held.RollbackAsync(ct);
        }
        Assert.Equal(before, await CountsAsync(db));
        Assert.Equal(2, (await Import(Write(Files.Csv(Instalments()), "还款计划.csv"))).UnitsReplaced);
    }
}

public sealed class SqliteImportLockDataTests() : ImportLockDataTests(DatabaseProvider.Sqlite);

public sealed class PostgresImportLockDataTests() : ImportLockDataTests(DatabaseProvider.Postgres);
