using System.Diagnostics;
using System.Globalization;
using Kaohe.Features.Ledger;
using Npgsql;

namespace Kaohe.Bench;

internal static class Steps
{
    public static async Task<string> GenerateAsync(string registry, string dir, Options o, Report report)
    {
        var folder = Path.Combine(dir, $"gen-{o.Rows}-{o.Seed}");
        var csv = Path.Combine(folder, "还款计划.csv");
        if (File.Exists(csv)) return csv;
        var sw = Stopwatch.StartNew();
        await using var host = await BenchHost.OpenAsync(registry, withRegistry: false);
        GeneratedLedger? g = null;
        await host.RunAsync<GenerateDemoLedger>(async (h, _) => g = await h.HandleAsync(new DemoLedgerRequest(o.Rows, o.Seed, folder)));
        report.Line($"生成：{g!.Instalments:N0} 行还款计划，{g.Borrowers:N0} 名借款人，{new FileInfo(csv).Length / 1e6:F0} MB，用时 {sw.Elapsed.TotalSeconds:F1} s");
        return csv;
    }

    public static Measured BestOf(int n, Func<Measured> run) => Enumerable.Range(0, n).Select(_ => run()).MinBy(m => m.Seconds)!;

    public static Measured Best(Measured? so, Measured next) => so is null || next.Seconds < so.Seconds ? next : so;

    public static async Task ImportSqliteAsync(string registry, string target, string csv, Options o, Report report)
    {
        foreach (var f in new[] { target, target + "-wal", target + "-shm" }) File.Delete(f);
        File.Copy(registry, target);
        if (File.Exists(registry + "-wal")) File.Copy(registry + "-wal", target + "-wal");
        var sw = Stopwatch.StartNew();
        await using (var host = await BenchHost.OpenAsync(target, withRegistry: false))
            await host.RunAsync<ImportLedger>((h, _) => h.HandleAsync(csv, Domain.Accounts.UserScope.System));
        var kaohe = sw.Elapsed.TotalSeconds;

        var peer = Path.Combine(Path.GetDirectoryName(target)!, "peer.db");
        File.Delete(peer);
        var script = $"CREATE TABLE t(unit TEXT, contract TEXT, id TEXT, name TEXT, due TEXT, dp TEXT, di TEXT, pp TEXT, pi TEXT, paid TEXT);\n.mode csv\n.import --skip 1 '{csv}' t\n";
        sw.Restart();
        var psi = new ProcessStartInfo("sqlite3", peer) { RedirectStandardInput = true };
        using (var p = Process.Start(psi)!)
        {
            await p.StandardInput.WriteAsync(script);
            p.StandardInput.Close();
            await p.WaitForExitAsync();
        }
        report.Import("SQLite", o.Rows, kaohe, "sqlite3 .import", sw.Elapsed.TotalSeconds);
    }

    public static async Task<string> ImportPostgresAsync(string server, string csv, Options o, Report report)
    {
        var name = $"kaohe_bench_{o.Rows}";
        await Admin(server, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
        await Admin(server, $"CREATE DATABASE {name}");
        var target = new NpgsqlConnectionStringBuilder(server) { Database = name }.ToString();
        await using (await BenchHost.OpenAsync(target, withRegistry: true)) { }
        var sw = Stopwatch.StartNew();
        await using (var host = await BenchHost.OpenAsync(target, withRegistry: false))
            await host.RunAsync<ImportLedger>((h, _) => h.HandleAsync(csv, Domain.Accounts.UserScope.System));
        var kaohe = sw.Elapsed.TotalSeconds;

        await using var conn = new NpgsqlConnection(target);
        await conn.OpenAsync();
        await using (var create = new NpgsqlCommand("CREATE TABLE t(unit varchar, contract varchar, id varchar, name varchar, due date, dp numeric(18,2), di numeric(18,2), pp numeric(18,2), pi numeric(18,2), paid date)", conn))
            await create.ExecuteNonQueryAsync();
        sw.Restart();
        await using (var copy = new NpgsqlCommand($"COPY t FROM '{csv}' (FORMAT csv, HEADER true)", conn) { CommandTimeout = 0 })
            await copy.ExecuteNonQueryAsync();
        report.Import("PostgreSQL", o.Rows, kaohe, "COPY（服务器端，CSV）", sw.Elapsed.TotalSeconds);
        return target;
    }

    private static async Task Admin(string server, string sql)
    {
        await using var conn = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false }.ToString());
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        await cmd.ExecuteNonQueryAsync();
    }

    public static string Prefix(string csv, long rows)
    {
        var path = Path.Combine(Path.GetDirectoryName(csv)!, $"prefix-{rows}.csv");
        if (File.Exists(path)) return path;
        using var w = new StreamWriter(path);
        foreach (var line in File.ReadLines(csv).Take((int)rows + 1)) w.Write(line + "\n");
        return path;
    }
}
