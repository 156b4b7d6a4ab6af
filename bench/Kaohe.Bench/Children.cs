using System.Globalization;
using Kaohe.Domain.Accounts;
using Kaohe.Domain.Ledger;
using Kaohe.Features.Ledger;
using Kaohe.Features.Units;

namespace Kaohe.Bench;

/// <summary>One measured command per process: prints "peakMB|totals".</summary>
internal static class Children
{
    public static async Task<int> RunAsync(string[] args)
    {
        var asOf = DateOnly.ParseExact(args[^1], "yyyy-MM-dd", CultureInfo.InvariantCulture);
        string totals;
        switch (args[0])
        {
            case "duckdb":
                totals = string.Join(',', DuckDbFigures.Run(args[1], asOf));
                break;
            case "kaohe-files":
            case "kaohe-db":
                await using (var host = await BenchHost.OpenAsync(args[1], withRegistry: false))
                {
                    LedgerReport? report = null;
                    var request = new LedgerFiguresRequest(asOf);
                    var repeat = Environment.GetEnvironmentVariable("BENCH_REPEAT") is { } r ? int.Parse(r, CultureInfo.InvariantCulture) : 1;
                    for (var k = 0; k < repeat; k++) {
                    var sw = System.Diagnostics.Stopwatch.StartNew();
                    var cpu0 = Environment.CpuUsage.TotalTime.TotalSeconds;
                    await host.RunAsync<ComputeLedgerFigures>(async (h, _) => report = args[0] == "kaohe-db"
                        ? await h.FromDatabaseAsync(request, UserScope.System)
                        : await h.FromFilesAsync([args[2]], request, UserScope.System));
                    Console.Error.WriteLine($"compute {sw.Elapsed.TotalSeconds:F2}s cpu {Environment.CpuUsage.TotalTime.TotalSeconds - cpu0:F2}s");
                    }
                    _ = report!.Write(TableFormat.Csv); // the command writes its table, as the CLI does
                    totals = Totals(report);
                }
                break;
            default:
                return 1;
        }
        Console.WriteLine($"{PeakMemory.Megabytes().ToString("F1", CultureInfo.InvariantCulture)}|{totals}");
        return 0;
    }

    /// <summary>The province's sums in DuckDbFigures' column order, and the number of units.</summary>
    private static string Totals(LedgerReport report)
    {
        var p = report.Rows[^1].Totals;
        long[] values = [p.YearDue, p.YearPaid, p.CumulativeDue, p.CumulativeOverdue, p.InRepayment, p.Overdue,
            p.BucketBorrowers[0], p.BucketBorrowers[1], p.BucketBorrowers[2], p.BucketBorrowers[3], report.Rows.Count - 1];
        return string.Join(',', values);
    }
}
