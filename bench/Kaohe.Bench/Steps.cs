using System.Diagnostics;
using System.Globalization;
using Kaohe.Features.Ledger;

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

    public static string Prefix(string csv, long rows)
    {
        var path = Path.Combine(Path.GetDirectoryName(csv)!, $"prefix-{rows}.csv");
        if (File.Exists(path)) return path;
        using var w = new StreamWriter(path);
        foreach (var line in File.ReadLines(csv).Take((int)rows + 1)) w.Write(line + "\n");
        return path;
    }
}
