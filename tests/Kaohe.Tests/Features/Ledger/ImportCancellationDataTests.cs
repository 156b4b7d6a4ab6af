using Kaohe.Data;
using Kaohe.Domain.Accounts;
using Kaohe.Features.Ledger;
using Kaohe.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Kaohe.Tests.Features.Ledger.LedgerFixtures;

namespace Kaohe.Tests.Features.Ledger;

/// <summary>
/// A cancelled import stops checking or writing within a chunk, rolls back, writes nothing and throws
/// <see cref="OperationCanceledException"/>; on SQLite and PostgreSQL.
/// </summary>
public abstract class ImportCancellationDataTests(DatabaseProvider provider)
{
    private static Task<(int, int, int, int)> CountsAsync(TestDatabase db) => db.Query(async c =>
        (await c.LedgerSnapshots.CountAsync(), await c.Instalments.CountAsync(), await c.LedgerBorrowers.CountAsync(), await c.AuditEntries.CountAsync()));

    [Fact]
    public async Task Instalments_CancelledWhileChecked_StopTheCheck_AndWriteNothing()
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var units = (await db.Query(c => GenerateDemoLedger.RegistryUnitsAsync(c, default))).Skip(20).Take(2).ToList();
        var path = LedgerGenerator.Generate(TestFolders.Create("kaohe-cancel-check-"), 140_000, 3, units, new DateOnly(2025, 12, 31)).InstalmentsPath;
        // A bad last row: a check that ran to the end would reject the file instead of stopping.
        File.AppendAllText(path, "不存在县,HT-X,410122200001010015,张三,2024-12-20,1,0,0,0,\n");
        var length = new FileInfo(path).Length;
        var before = await CountsAsync(db);
        using var cancel = new CancellationTokenSource();
        var reported = 0L;
        void Progress(long bytes)
        {
            reported = Math.Max(reported, bytes);
            cancel.Cancel(); // the check's first report: a chunk or 65,536 rows read
        }

        await Assert.ThrowsAsync<OperationCanceledException>(() => db.Run<ImportLedger, LedgerImportResult>(h => h.HandleAsync(path, UserScope.System, Progress, cancel.Token)));
        Assert.InRange(reported, 1, length); // the write never started
        Assert.Equal(before, await CountsAsync(db));

        var next = await db.Run<ImportLedger, LedgerImportResult>(h => h.HandleAsync(Write(Files.Csv(Instalments()), "还款计划.csv"), UserScope.System));
        Assert.Equal(2, next.UnitsReplaced);
    }

    [Fact]
    public async Task Instalments_CancelledAfterTheFirstChunk_ReadNoFurther_AndWriteNothing()
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var units = (await db.Query(c => GenerateDemoLedger.RegistryUnitsAsync(c, default))).Skip(20).Take(2).ToList();
        // 140,000 rows, 70,000 per unit: four chunks. Each read of the file reports its progress every 65,536 rows, the write's after the check's.
        var path = LedgerGenerator.Generate(TestFolders.Create("kaohe-cancel-"), 140_000, 3, units, new DateOnly(2025, 12, 31)).InstalmentsPath;
        var length = new FileInfo(path).Length;
        var before = await CountsAsync(db);
        using var cancel = new CancellationTokenSource();
        var readAfterCancel = 0L;
        void Progress(long bytes)
        {
            if (cancel.IsCancellationRequested) readAfterCancel = bytes;
            else if (bytes > length) cancel.Cancel(); // the write's first report: the first chunk is full
        }

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => db.Run<ImportLedger, LedgerImportResult>(h => h.HandleAsync(path, UserScope.System, Progress, cancel.Token)));
        Assert.True(cancel.IsCancellationRequested);
        Assert.Equal(0L, readAfterCancel); // the writer stopped at the next row, the first of the second chunk: the rest of the file was not read
        Assert.Equal(before, await CountsAsync(db));

        // Nothing is left holding the database: the next import goes through.
        var next = await db.Run<ImportLedger, LedgerImportResult>(h => h.HandleAsync(Write(Files.Csv(Instalments()), "还款计划.csv"), UserScope.System));
        Assert.Equal(2, next.UnitsReplaced);
    }
}

public sealed class SqliteImportCancellationDataTests() : ImportCancellationDataTests(DatabaseProvider.Sqlite);

public sealed class PostgresImportCancellationDataTests() : ImportCancellationDataTests(DatabaseProvider.Postgres);
