using System.Globalization;
using System.Text;

namespace Kaohe.Bench;

/// <summary>Collects the results as the markdown pasted into docs/benchmarks.md.</summary>
internal sealed class Report
{
    private readonly StringBuilder _log = new();
    private readonly StringBuilder _table = new();

    public void Line(string text)
    {
        Console.Error.WriteLine(text);
        _log.AppendLine(text);
    }

    public Measured Measured(string label, Measured m)
    {
        Line($"  {label}: {m.Seconds:F2} s, 峰值内存 {m.PeakMb:F0} MB");
        return m;
    }

    public void Machine()
    {
        var cpu = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':')[1].Trim();
        var mem = File.ReadLines("/proc/meminfo").First().Split(':')[1].Trim();
        var load = File.ReadAllText("/proc/loadavg").Split(' ')[0];
        Line($"机器：{Environment.ProcessorCount} 核，{cpu}，内存 {mem}，开始时 1 分钟负载 {load}；.NET {Environment.Version}；{DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
    }

    public void Compare(string what, string a, Measured ma, string b, Measured mb, string goal)
    {
        var ratio = mb.Seconds / ma.Seconds;
        _table.AppendLine(CultureInfo.InvariantCulture, $"| {what} | {a} {ma.Seconds:F2} s | {b} {mb.Seconds:F2} s | {a} 是 {b} 的 {ratio:F2}× 速度 | {goal} |");
    }

    public void Import(string db, long rows, double kaohe, string peer, double peerSeconds) =>
        _table.AppendLine(CultureInfo.InvariantCulture,
            $"| (b) 导入 {db} | Kaohe {kaohe:F1} s（{rows / kaohe:N0} 行/s） | {peer} {peerSeconds:F1} s（{rows / peerSeconds:N0} 行/s） | Kaohe 用时为 {kaohe / peerSeconds:F2}× | ≤ 1.5× |");

    /// <summary>An import without a peer row of its own (the 合同台账 that comes with the ledger).</summary>
    public void ImportAlone(string db, string file, (double Seconds, long Rows) kaohe) =>
        _table.AppendLine(CultureInfo.InvariantCulture,
            $"| (b) 导入{file} {db} | Kaohe {kaohe.Seconds:F1} s（{kaohe.Rows:N0} 行，{kaohe.Rows / kaohe.Seconds:N0} 行/s） | — | — | 计时，无目标 |");

    public void Memory(long smallRows, Measured small, long rows, Measured large) =>
        _table.AppendLine(CultureInfo.InvariantCulture,
            $"| (d) 峰值内存（从文件统计） | {smallRows:N0} 行：{small.PeakMb:F0} MB | {rows:N0} 行：{large.PeakMb:F0} MB | 行数 ×{rows / (double)smallRows:F0}，内存 ×{large.PeakMb / small.PeakMb:F2} | 不随行数增长（仅随借款人数） |");

    public void Agreement(Measured kaohe, Measured duck, Measured db)
    {
        _log.AppendLine($"全省合计（当年应还, 当年实还, 累计应还, 累计逾期, 还款期人数, 逾期人数, 四个账龄人数, 单位数）：");
        _log.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"  Kaohe 文件   {kaohe.Totals}");
        _log.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"  Kaohe 数据库 {db.Totals}");
        _log.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"  DuckDB       {duck.Totals}");
        _log.AppendLine(kaohe.Totals == duck.Totals && kaohe.Totals == db.Totals ? "  三者一致。" : "  **不一致！**");
    }

    public override string ToString() =>
        "| 项目 | Kaohe | 对照 | 比较 | 目标 |\n|---|---|---|---|---|\n" + _table + "\n```\n" + _log + "```\n";
}
