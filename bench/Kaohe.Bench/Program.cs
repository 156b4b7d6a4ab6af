using System.Diagnostics;
using System.Globalization;
using Kaohe.Bench;

// Usage: dotnet run -c Release --project bench/Kaohe.Bench -- [--rows 5000000] [--seed 1] [--dir /tmp/kaohe-bench]
//        [--as-of 2025-12-31] [--pg "Host=…;Username=…;Database=postgres"] [--runs 3]
// Child mode (the peer as one measured command): child duckdb CSV ASOF
if (args.Length > 0 && args[0] == "child") return Children.Run(args[1..]);

var options = Options.Parse(args);
var report = new Report();
report.Machine();
var dir = Directory.CreateDirectory(options.Dir).FullName;
var kaohe = Commands.PublishCli(Options.RepositoryRoot(), dir);
var registry = Path.Combine(dir, "registry.db");
if (!File.Exists(registry)) await using (await BenchHost.OpenAsync(registry, withRegistry: true)) { }
var csv = await Steps.GenerateAsync(registry, dir, options, report);

// (a) figures from the CSV file, each side a whole command (a fresh process), taken in turns, best of n.
Measured? kaoheFile = null, duck = null;
for (var i = 0; i < options.Runs; i++)
{
    kaoheFile = Steps.Best(kaoheFile, Commands.Figures(report, $"kaohe ledger stats {Path.GetFileName(csv)}", kaohe, registry, csv, options.AsOfText));
    duck = Steps.Best(duck, Commands.DuckDb(report, csv, options.AsOfText));
}
report.Compare("(a) 从 CSV 计算指标", "Kaohe", kaoheFile!, "DuckDB", duck!, goal: "Kaohe ≥ 3× 快于 DuckDB");

// (b) import: Kaohe (full validation, snapshot, encryption of new borrowers) against the bulk loaders' floor.
var sqliteDb = Path.Combine(dir, "import.db");
await ImportSteps.ImportSqliteAsync(kaohe, registry, sqliteDb, csv, options, report);
string? pgTarget = null;
if (options.Postgres is { } pg) pgTarget = await ImportSteps.ImportPostgresAsync(kaohe, pg, csv, options, report);
await ImportSteps.ImportContractsAsync(kaohe, registry, dir, csv, options, report);

// (c) figures from the stored ledger, against DuckDB on the file.
var fromSqlite = Steps.BestOf(options.Runs, () => Commands.Figures(report, "kaohe ledger stats --db import.db", kaohe, sqliteDb, null, options.AsOfText));
report.Compare("(c) 从数据库计算指标（SQLite）", "Kaohe SQLite", fromSqlite, "DuckDB（CSV）", duck!, goal: "< 2× DuckDB");
if (pgTarget is not null)
{
    var fromPg = Steps.BestOf(options.Runs, () => Commands.Figures(report, "kaohe ledger stats --db PostgreSQL", kaohe, pgTarget, null, options.AsOfText));
    report.Compare("(c) 从数据库计算指标（PostgreSQL）", "Kaohe PostgreSQL", fromPg, "DuckDB（CSV）", duck!, goal: "< 2× DuckDB");
}

// (d) peak memory against rows: the same command on the first fifth of the file.
var fifth = Steps.Prefix(csv, options.Rows / 5);
var small = Commands.Figures(report, $"kaohe ledger stats {Path.GetFileName(fifth)}", kaohe, registry, fifth, options.AsOfText);
report.Memory(options.Rows / 5, small, options.Rows, kaoheFile!);
report.Agreement(kaoheFile!, duck!, fromSqlite);

// (e) the collection desk on the imported ledger: the largest queue's first page warm, a 10,000-row call list back.
await CollectionSteps.MeasureAsync(sqliteDb, report);

var text = report.ToString();
Console.WriteLine(text);
File.WriteAllText(Path.Combine(dir, "results.md"), text);
return 0;

internal sealed record Options(long Rows, int Seed, string Dir, DateOnly AsOf, string? Postgres, int Runs)
{
    public string AsOfText => AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The checkout this program runs from (where Kaohe.slnx is).</summary>
    public static string RepositoryRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            if (File.Exists(Path.Combine(d.FullName, "Kaohe.slnx"))) return d.FullName;
        }
        throw new InvalidOperationException("Kaohe.slnx not found above " + AppContext.BaseDirectory);
    }

    public static Options Parse(string[] args)
    {
        string? Get(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        return new Options(long.Parse(Get("--rows") ?? "5000000", CultureInfo.InvariantCulture), int.Parse(Get("--seed") ?? "1", CultureInfo.InvariantCulture),
            Get("--dir") ?? "/tmp/kaohe-bench", DateOnly.ParseExact(Get("--as-of") ?? "2025-12-31", "yyyy-MM-dd", CultureInfo.InvariantCulture),
            Get("--pg") ?? Environment.GetEnvironmentVariable("KAOHE_BENCH_PG"), int.Parse(Get("--runs") ?? "3", CultureInfo.InvariantCulture));
    }
}

/// <summary>What one measured command reported: wall seconds (parent side), peak memory, the totals it computed.</summary>
internal sealed record Measured(double Seconds, double PeakMb, string Totals);
