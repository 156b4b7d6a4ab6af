using Kaohe.Data;
using Kaohe.Domain.Accounts;
using Kaohe.Features.Ledger;
using Kaohe.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Kaohe.Tests.Features.Ledger;

/// <summary>
/// On PostgreSQL the instalments' one index is a block range index: right after an import it must
/// cover every new block (an unsummarized range is read whole by each lookup) and the planner must
/// know the table well enough to use it for a borrower's page.
/// </summary>
public sealed class PostgresLedgerIndexTests
{
    [Fact]
    public async Task AfterALargeImport_NothingIsLeftToSummarize_AndABorrowersPageUsesTheIndex()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        var units = (await db.Query(c => GenerateDemoLedger.RegistryUnitsAsync(c, default))).Skip(20).Take(2).ToList();
        var files = LedgerGenerator.Generate(TestFolders.Create("kaohe-brin-"), 150_000, 3, units, new DateOnly(2025, 12, 31));
        await db.Run<ImportLedger, LedgerImportResult>(h => h.HandleAsync(files.InstalmentsPath, UserScope.System));

        await using var conn = new NpgsqlConnection(db.Target.ConnectionString);
        await conn.OpenAsync(TestContext.Current.CancellationToken);
        await using (var summarize = new NpgsqlCommand("""SELECT brin_summarize_new_values('"IX_Instalments_SnapshotId_BorrowerKey"'::regclass)""", conn))
            Assert.Equal(0, await summarize.ExecuteScalarAsync(TestContext.Current.CancellationToken));

        var plan = await db.Query(async c =>
        {
            var unit = await c.Units.Where(u => u.DivisionCode == units[0].AreaCode).Select(u => u.Id).SingleAsync();
            var key = await c.CurrentInstalments(UserScope.System, unitId: unit).Select(i => i.BorrowerKey).FirstAsync();
            await using var explain = c.CurrentInstalments(UserScope.System, unitId: unit).Where(i => i.BorrowerKey == key).CreateDbCommand();
            explain.CommandText = "EXPLAIN " + explain.CommandText;
            await c.Database.OpenConnectionAsync();
            explain.Connection = c.Database.GetDbConnection();
            var lines = new List<string>();
            await using var r = await explain.ExecuteReaderAsync();
            while (await r.ReadAsync()) lines.Add(r.GetString(0));
            return string.Join('\n', lines);
        });
        Assert.Contains("IX_Instalments_SnapshotId_BorrowerKey", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("Seq Scan on \"Instalments\"", plan, StringComparison.Ordinal);
    }
}
