using System.Diagnostics;
using System.Globalization;
using Kaohe.Bench;

// Usage: dotnet run -c Release --project bench/Kaohe.Bench -- [--rows 5000000] [--seed 1] [--dir /tmp/kaohe-bench]
//        [--as-of 2025-12-31] [--pg "Host=…;Username=…;Database=postgres"]
// Child modes (one measured command each): child kaohe-files DB CSV ASOF | child kaohe-db TARGET ASOF | child duckdb CSV ASOF
//        | child-import TARGET FILE
if (args.Length > 0 && args[0] == "child") return await Children.RunAsync(args[1..]);
if (args is [ImportSteps.ChildMode, var importTarget, var importFile]) return await ImportSteps.ChildAsync(importTarget, importFile);

var options = Options.Parse(args);
var report = new Report();
report.Machine();
var dir = Directory.CreateDirectory(options.Dir).FullName;
var registry = Path.Combine(dir, "registry.db");
if (!File.Exists(registry)) await using (await BenchHost.OpenAsync(registry, withRegistry: true)) { }
var csv = await Steps.GenerateAsync(registry, dir, options, report);

// (a) figures from the CSV file: Kaohe and DuckDB, each as a whole command (a fresh process), best of two.
var kaoheFile = Steps.BestOf(2, () => Steps.Child(report, "kaohe-files", registry, csv, options.AsOfText));
var duck = Steps.BestOf(2, () => Steps.Child(report, "duckdb", csv, options.AsOfText));
report.Compare("(a) 从 CSV 计算指标", "Kaohe", kaoheFile, "DuckDB", duck, goal: "Kaohe ≥ 3× 快于 DuckDB");

// (b) import: Kaohe (full validation, snapshot, encryption of new borrowers) against the bulk loaders' floor.
var sqliteDb = Path.Combine(dir, "import.db");
await ImportSteps.ImportSqliteAsync(registry, sqliteDb, csv, options, report);
string? pgTarget = null;
if (options.Postgres is { } pg) pgTarget = await ImportSteps.ImportPostgresAsync(pg, csv, options, report);
await ImportSteps.ImportContractsAsync(registry, dir, csv, options, report);

// (c) figures from the stored ledger, against DuckDB on the file.
var fromSqlite = Steps.BestOf(2, () => Steps.Child(report, "kaohe-db", sqliteDb, options.AsOfText));
report.Compare("(c) 从数据库计算指标（SQLite）", "Kaohe SQLite", fromSqlite, "DuckDB（CSV）", duck, goal: "< 2× DuckDB");
if (pgTarget is not null)
{
    var fromPg = Steps.BestOf(2, () => Steps.Child(report, "kaohe-db", pgTarget, options.AsOfText));
    report.Compare("(c) 从数据库计算指标（PostgreSQL）", "Kaohe PostgreSQL", fromPg, "DuckDB（CSV）", duck, goal: "< 2× DuckDB");
}

// (d) peak memory against rows: the same command on the first fifth of the file.
var fifth = Steps.Prefix(csv, options.Rows / 5);
var small = Steps.Child(report, "kaohe-files", registry, fifth, options.AsOfText);
report.Memory(options.Rows / 5, small, options.Rows, kaoheFile);
report.Agreement(kaoheFile, duck, fromSqlite);

var text = report.ToString();
Console.WriteLine(text);
File.WriteAllText(Path.Combine(dir, "results.md"), text);
return 0;

internal sealed record Options(long Rows, int Seed, string Dir, DateOnly AsOf, string? Postgres)
{
    public string AsOfText => AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static Options Parse(string[] args)
    {
        string? Get(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        return new Options(long.Parse(Get("--rows") ?? "5000000", CultureInfo.InvariantCulture), int.Parse(Get("--seed") ?? "1", CultureInfo.InvariantCulture),
            Get("--dir") ?? "/tmp/kaohe-bench", DateOnly.ParseExact(Get("--as-of") ?? "2025-12-31", "yyyy-MM-dd", CultureInfo.InvariantCulture),
            Get("--pg") ?? Environment.GetEnvironmentVariable("KAOHE_BENCH_PG"));
    }
}

/// <summary>What one measured command reported: wall seconds (parent side), peak memory, the totals it computed.</summary>
internal sealed record Measured(double Seconds, double PeakMb, string Totals);
