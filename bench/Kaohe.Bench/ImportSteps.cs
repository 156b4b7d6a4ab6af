using System.Diagnostics;
using Npgsql;

namespace Kaohe.Bench;

/// <summary>
/// (b) import: Kaohe's ImportLedger against the bulk loaders' floor on the same file. Each side runs
/// twice, the two alternating, and keeps its best time; Kaohe runs as a command of its own each time. Before every measured run the dirty pages
/// are written out (sync, and a PostgreSQL CHECKPOINT), so that no run pays for the writes of the
/// run before it: on this machine's disk that was seconds, and it fell on whichever side came second.
/// </summary>
internal static partial class ImportSteps
{
    private const int Rounds = 2;

    public static async Task ImportSqliteAsync(string cli, string registry, string target, string csv, Options o, Report report)
    {
        double kaohe = double.MaxValue, peer = double.MaxValue;
        var peerDb = Path.Combine(Path.GetDirectoryName(target)!, "peer.db");
        for (var round = 0; round < Rounds; round++)
        {
            await CopyRegistryAsync(registry, target);
            kaohe = Math.Min(kaohe, Logged(report, "kaohe-import", target, (await ImportAsync(cli, target, csv, null)).Seconds));
            File.Delete(peerDb);
            await SettleAsync(null);
            var sw = Stopwatch.StartNew();
            var psi = new ProcessStartInfo("sqlite3", peerDb) { RedirectStandardInput = true };
            using (var p = Process.Start(psi)!)
            {
                await p.StandardInput.WriteAsync($"CREATE TABLE t(unit TEXT, contract TEXT, id TEXT, name TEXT, due TEXT, dp TEXT, di TEXT, pp TEXT, pi TEXT, paid TEXT);\n.mode csv\n.import --skip 1 '{csv}' t\n");
                p.StandardInput.Close();
                await p.WaitForExitAsync();
            }
            peer = Math.Min(peer, Logged(report, "sqlite3 .import", peerDb, sw.Elapsed.TotalSeconds));
        }
        report.Import("SQLite", o.Rows, kaohe, "sqlite3 .import", peer);
    }

    public static async Task<string> ImportPostgresAsync(string cli, string server, string csv, Options o, Report report)
    {
        double kaohe = double.MaxValue, peer = double.MaxValue;
        var target = "";
        for (var round = 0; round < Rounds; round++)
        {
            target = await NewDatabaseAsync(server, $"kaohe_bench_{o.Rows}");
            kaohe = Math.Min(kaohe, Logged(report, "kaohe-import", "PostgreSQL", (await ImportAsync(cli, target, csv, server)).Seconds));
            await using var conn = new NpgsqlConnection(target);
            await conn.OpenAsync();
            await using (var create = new NpgsqlCommand("CREATE TABLE t(unit varchar, contract varchar, id varchar, name varchar, due date, dp numeric(18,2), di numeric(18,2), pp numeric(18,2), pi numeric(18,2), paid date)", conn))
                await create.ExecuteNonQueryAsync();
            await SettleAsync(server);
            var sw = Stopwatch.StartNew();
            await using (var copy = new NpgsqlCommand($"COPY t FROM '{csv}' (FORMAT csv, HEADER true)", conn) { CommandTimeout = 0 })
                await copy.ExecuteNonQueryAsync();
            peer = Math.Min(peer, Logged(report, "COPY", "PostgreSQL", sw.Elapsed.TotalSeconds));
            await using (var drop = new NpgsqlCommand("DROP TABLE t", conn)) await drop.ExecuteNonQueryAsync();
        }
        report.Import("PostgreSQL", o.Rows, kaohe, "COPY（服务器端，CSV）", peer);
        return target;
    }

    /// <summary>
    /// The 合同台账 that comes with the ledger, once, into a database of its own (the figures of (c)
    /// read the instalment database, which stays as it was): SQLite, and PostgreSQL when a server is given.
    /// </summary>
    public static async Task ImportContractsAsync(string cli, string registry, string dir, string csv, Options o, Report report)
    {
        var file = Path.Combine(Path.GetDirectoryName(csv)!, "合同台账.csv");
        var sqlite = Path.Combine(dir, "contracts.db");
        await CopyRegistryAsync(registry, sqlite);
        report.ImportAlone("SQLite", "合同台账", await ImportAsync(cli, sqlite, file, null));
        if (o.Postgres is not { } server) return;
        var target = await NewDatabaseAsync(server, $"kaohe_bench_contracts_{o.Rows}");
        report.ImportAlone("PostgreSQL", "合同台账", await ImportAsync(cli, target, file, server));
    }

    /// <summary>A copy of the registry database, migrated to this build (a registry left by an older build lacks the newer tables).</summary>
    private static async Task CopyRegistryAsync(string registry, string target)
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools(); // a pooled connection would still hold the file of the round before
        foreach (var f in new[] { target, target + "-wal", target + "-shm" }) File.Delete(f);
        File.Copy(registry, target);
        if (File.Exists(registry + "-wal")) File.Copy(registry + "-wal", target + "-wal");
        await using (await BenchHost.OpenAsync(target, withRegistry: false, migrate: true)) { }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    private static async Task<string> NewDatabaseAsync(string server, string name)
    {
        await AdminAsync(server, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
        await AdminAsync(server, $"CREATE DATABASE {name}");
        var target = new NpgsqlConnectionStringBuilder(server) { Database = name }.ToString();
        await using (await BenchHost.OpenAsync(target, withRegistry: true)) { }
        return target;
    }

    /// <summary>
    /// Kaohe's whole import of one file as an operator runs it: `kaohe ledger import FILE --db TARGET`, the
    /// published command (start-up, validation pass, write pass, commit), settled first, wall time seen from here.
    /// </summary>
    private static async Task<(double Seconds, long Rows)> ImportAsync(string cli, string target, string file, string? server)
    {
        await SettleAsync(server);
        var (seconds, _, stdout) = Commands.Run(cli, ["ledger", "import", file, "--db", target]);
        var written = RowsWritten().Match(stdout);
        if (!written.Success) throw new InvalidOperationException($"import of {file} wrote nothing: {stdout}");
        return (seconds, long.Parse(written.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"写入 (\d+) 行")]
    private static partial System.Text.RegularExpressions.Regex RowsWritten();

    private static async Task SettleAsync(string? server)
    {
        if (server is not null) await AdminAsync(server, "CHECKPOINT");
        using var sync = Process.Start("sync")!;
        await sync.WaitForExitAsync();
    }

    private static double Logged(Report report, string what, string where, double seconds)
    {
        report.Line($"  {what} {Path.GetFileName(where)}: {seconds:F2} s");
        return seconds;
    }

    public static async Task AdminAsync(string server, string sql)
    {
        await using var conn = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false }.ToString());
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        await cmd.ExecuteNonQueryAsync();
    }
}
