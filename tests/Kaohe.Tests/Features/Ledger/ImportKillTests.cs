using System.Globalization;
using System.Text.RegularExpressions;
using Kaohe.Data;
using Kaohe.Features.Ledger;
using Kaohe.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kaohe.Tests.Features.Ledger;

/// <summary>
/// `kaohe ledger import` killed with SIGKILL (no handler runs, no rollback is sent) while it checks the file, while it
/// writes, and at the very end: the database still opens, the audit chain verifies, the snapshot is either all there
/// or not there at all, and the same import then succeeds. On SQLite (the WAL holds the uncommitted pages) and on
/// PostgreSQL (the server aborts the dead connection's transaction).
/// </summary>
public abstract partial class ImportKillTests(DatabaseProvider provider)
{
    /// <summary>A line of the progress printed when the output is not a terminal: "还款计划.csv: 37%". The check is 0–50 %, the write 50–100 %.</summary>
    [GeneratedRegex(@": (\d+)%$")]
    private static partial Regex ProgressLine();

    private static int? Percent(string line) =>
        ProgressLine().Match(line) is { Success: true } m ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : null;

    public static TheoryData<string, int, int> KillPoints => new()
    {
        { "校验结束、写入开始", 1, 49 }, // the check reports its progress once, at its end
        { "写入中", 50, 94 },
        { "写入末尾（同步催收案件、提交）", 95, 100 },
    };

    [Theory]
    [MemberData(nameof(KillPoints))]
    public async Task KilledMidImport_LosesNothing_AndTheSameImportThenSucceeds(string phase, int fromPercent, int toPercent)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await TestDatabase.CreateAsync(provider);
        var units = (await db.Query(c => GenerateDemoLedger.RegistryUnitsAsync(c, default))).Take(20).ToList();
        // 1,000,000 rows (97 MB): seconds to check and write, with progress printed once a second.
        var path = LedgerGenerator.Generate(TestFolders.Create("kaohe-kill-"), 1_000_000, 7, units, new DateOnly(2025, 12, 31)).InstalmentsPath;
        var lastSnapshot = await db.Query(c => c.LedgerSnapshots.MaxAsync(s => (int?)s.Id)) ?? 0;
        var environment = new Dictionary<string, string>
        {
            [DatabaseTarget.EnvironmentVariable] = db.Target.ConnectionString,
            [PersonalDataProtector.EnvironmentVariable] = DemoTemplates.DataKey,
        };

        var killed = false;
        using (var kaohe = KaoheProcess.Start(environment, "ledger", "import", path))
        {
            try
            {
                await kaohe.LineAsync(line => Percent(line) is { } p && p >= fromPercent && p <= toPercent, ct);
                await kaohe.SignalAsync("KILL", ct);
                killed = true;
            }
            catch (InvalidOperationException)
            {
                // The import ended before the progress line awaited (a fast machine): the kill came after the commit,
                // and what follows must hold all the same.
            }
            var (code, output) = await kaohe.ExitAsync(ct);
            Assert.True(!killed || code == 128 + 9, $"{phase}: exit {code}\n{output}");
        }

        // Either nothing of the import is visible, or all of it (a kill after the commit): never part of it.
        var after = await StateSinceAsync(db, lastSnapshot);
        Assert.True(after.Orphans == 0, $"{phase}: {after.Orphans} instalment rows belong to no snapshot");
        Assert.True(after.Rows is 0 or 1_000_000, $"{phase}: {after.Rows} rows of 1000000 visible");
        if (killed && toPercent < 95) Assert.Equal(0, after.Rows); // killed before the write ended: nothing committed
        var verify = await KaoheProcessRunAsync(environment, "audit", "verify");
        Assert.True(verify.Code == 0, $"{phase}: kaohe audit verify: {verify.Output}");

        var again = await KaoheProcessRunAsync(environment, "ledger", "import", path);
        Assert.True(again.Code == 0, $"{phase}: {again.Output}");
        Assert.Equal((1_000_000, 0), await StateSinceAsync(db, lastSnapshot));
        Assert.Equal(0, (await KaoheProcessRunAsync(environment, "audit", "verify")).Code);
    }

    /// <summary>
    /// The instalment rows of the snapshots made after <paramref name="lastSnapshot"/> and current (an import that
    /// committed), and the rows whose snapshot does not exist (the rule that replaces the foreign key).
    /// </summary>
    private static Task<(int Rows, int Orphans)> StateSinceAsync(TestDatabase db, int lastSnapshot) => db.Query(async c =>
    {
        var imported = c.LedgerSnapshots.Where(s => s.Id > lastSnapshot && s.SupersededAtUtc == null).Select(s => s.Id);
        var rows = await c.Instalments.CountAsync(i => imported.Contains(i.SnapshotId));
        var orphans = await c.Instalments.CountAsync(i => !c.LedgerSnapshots.Any(s => s.Id == i.SnapshotId));
        return (rows, orphans);
    });

    private static async Task<(int Code, string Output)> KaoheProcessRunAsync(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        using var kaohe = KaoheProcess.Start(environment, args);
        return await kaohe.ExitAsync(TestContext.Current.CancellationToken);
    }
}

public sealed class SqliteImportKillTests() : ImportKillTests(DatabaseProvider.Sqlite);

public sealed class PostgresImportKillTests() : ImportKillTests(DatabaseProvider.Postgres);
