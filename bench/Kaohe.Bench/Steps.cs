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

    /// <summary>Runs this program in a child mode as one whole command; wall time includes process start.</summary>
    public static Measured Child(Report report, params string[] args)
    {
        var psi = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, RedirectStandardError = true };
        if (Environment.ProcessPath!.EndsWith("dotnet", StringComparison.Ordinal)) psi.ArgumentList.Add(typeof(Steps).Assembly.Location);
        psi.ArgumentList.Add("child");
        foreach (var a in args) psi.ArgumentList.Add(a);
        var sw = Stopwatch.StartNew();
        using var p = Process.Start(psi)!;
        var output = p.StandardOutput.ReadToEnd();
        var error = p.StandardError.ReadToEnd();
        p.WaitForExit();
        sw.Stop();
        if (p.ExitCode != 0) throw new InvalidOperationException($"child {string.Join(' ', args)} failed: {error}{output}");
        var parts = output.Trim().Split('|');
        var m = new Measured(sw.Elapsed.TotalSeconds, double.Parse(parts[0], CultureInfo.InvariantCulture), parts[1]);
        report.Line($"  {args[0]} {Path.GetFileName(args[^2])}: {m.Seconds:F2} s, 峰值内存 {m.PeakMb:F0} MB");
        return m;
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
