using System.Diagnostics;
using System.Globalization;
using System.Text;
using Kaohe.Domain.Ledger;

namespace Kaohe.Bench;

/// <summary>
/// Runs measured commands as a person would: the published `kaohe` executable, or this program in its
/// DuckDB child mode. Wall time is the parent's; peak memory is the child's VmHWM, polled from /proc
/// while it runs (a high-water mark, so the last reading before exit is the peak).
/// </summary>
internal static class Commands
{
    /// <summary>Publishes the command line as it is deployed (ReadyToRun, see Kaohe.Cli.csproj) and returns the `kaohe` path.</summary>
    public static string PublishCli(string root, string dir)
    {
        var output = Path.Combine(dir, "kaohe-cli");
        Run("dotnet", ["publish", Path.Combine(root, "src", "Kaohe.Cli"), "-c", "Release", "-o", output, "-v", "q", "-nologo"]);
        return Path.Combine(output, "kaohe");
    }

    /// <summary>`kaohe ledger stats [FILE] --as-of D --db DB`: the figures, totals read back from the CSV it writes.</summary>
    public static Measured Figures(Report report, string label, string kaohe, string db, string? csv, string asOf)
    {
        var output = Path.Combine(Path.GetTempPath(), $"kaohe-bench-{Guid.NewGuid():N}.csv");
        List<string> args = ["ledger", "stats", .. csv is null ? Array.Empty<string>() : [csv], "--as-of", asOf, "--db", db, "--format", "csv", "--out", output];
        var (seconds, peak, _) = Run(kaohe, args);
        var totals = Totals(File.ReadAllLines(output, Encoding.UTF8));
        File.Delete(output);
        return report.Measured(label, new Measured(seconds, peak, totals));
    }

    /// <summary>This program's DuckDB child: read_csv and the same figures in SQL (DuckDbFigures).</summary>
    public static Measured DuckDb(Report report, string csv, string asOf)
    {
        var self = Environment.ProcessPath!;
        List<string> args = self.EndsWith("dotnet", StringComparison.Ordinal) ? [typeof(Commands).Assembly.Location] : [];
        var (seconds, peak, stdout) = Run(self, [.. args, "child", "duckdb", csv, asOf]);
        return report.Measured($"duckdb {Path.GetFileName(csv)}", new Measured(seconds, peak, stdout.Trim()));
    }

    /// <summary>The province's sums in DuckDbFigures' column order, and the number of units, from the CSV table.</summary>
    private static string Totals(string[] lines)
    {
        var province = lines[^1].Split(',');
        long Fen(int i) => Yuan.ParseFen(Encoding.ASCII.GetBytes(province[i]));
        long Count(int i) => long.Parse(province[i], CultureInfo.InvariantCulture);
        long[] values = [Fen(2), Fen(3), Fen(5), Fen(6), Count(8), Count(9), Count(11), Count(13), Count(15), Count(17), lines.Length - 2];
        return string.Join(',', values);
    }

    public static (double Seconds, double PeakMb, string Stdout) Run(string file, IReadOnlyList<string> args)
    {
        var psi = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["KAOHE_DATA_KEY"] = BenchHost.DataKey; // the key the imports used (a PostgreSQL target needs one)
        var sw = Stopwatch.StartNew();
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        var peak = 0.0;
        while (!p.WaitForExit(5)) peak = Math.Max(peak, PeakMemory.Megabytes(p.Id));
        sw.Stop();
        if (p.ExitCode != 0) throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed: {stderr.Result}{stdout.Result}");
        return (sw.Elapsed.TotalSeconds, peak, stdout.Result);
    }
}
