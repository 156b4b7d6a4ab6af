using System.Diagnostics;
using System.Globalization;
using System.Text;
using Kaohe.Data;
using Kaohe.Domain.Accounts;
using Kaohe.Features.Collection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kaohe.Bench;

/// <summary>
/// The collection desk on the imported province ledger (issue 13): the largest unit's first queue page, warm, in process
/// (as the web app serves it), and a 10,000-row call list imported back. The cases were built by the measured import.
/// </summary>
internal static class CollectionSteps
{
    public const int CallListRows = 10_000;

    public static async Task MeasureAsync(string target, Report report)
    {
        await using var host = await BenchHost.OpenAsync(target, withRegistry: false);
        var (unit, open) = (0, 0);
        await host.RunAsync<KaoheDbContext>(async (db, _) =>
        {
            var largest = await db.CollectionCases.Where(c => c.ClosedOn == null).GroupBy(c => c.UnitId)
                .Select(g => new { Unit = g.Key, Open = g.Count() }).OrderByDescending(g => g.Open).FirstOrDefaultAsync();
            (unit, open) = largest is null ? (0, 0) : (largest.Unit, largest.Open);
        });
        if (open == 0)
        {
            report.Line("催收：导入后没有未结案件，跳过");
            return;
        }
        var times = new List<double>();
        List<int> cases = [];
        for (var i = 0; i < 11; i++)
        {
            await host.RunAsync<ListCollectionQueue>(async (q, _) =>
            {
                var sw = Stopwatch.StartNew();
                var page = await q.HandleAsync(unit, UserScope.System);
                if (i > 0) times.Add(sw.Elapsed.TotalMilliseconds); // the first call warms the process
                if (i == 0) cases = (await q.HandleAsync(unit, UserScope.System, pageSize: ListCollectionQueue.MaxPageSize)).Lines.Select(l => l.CaseId).ToList();
            });
        }
        times.Sort();
        report.Line($"催收：最大单位的今日待办第一页（{open:N0} 件未结案件，进程内、已预热，10 次）：最快 {times[0]:F1} ms，中位 {times[5]:F1} ms（目标 < 100 ms）");

        var csv = CallList(cases);
        var county = new UserScope(0, "bench", Role.CountyOperator, unit, null);
        var watch = Stopwatch.StartNew();
        CallListImportResult? result = null;
        await host.RunAsync<ImportCallList>(async (h, _) => result = await h.HandleAsync(new MemoryStream(csv), "电话催收清单.csv", county));
        report.Line($"催收：导入 {CallListRows:N0} 行电话催收清单（{result!.Records:N0} 条联系记录，整份校验后一次写入）：{watch.Elapsed.TotalSeconds:F2} s");
    }

    /// <summary>A filled-in call list: the unit's cases in turn, each row a minute after the last, ending yesterday.</summary>
    private static byte[] CallList(List<int> cases)
    {
        var start = DateTime.UtcNow.AddHours(8).Date.AddDays(-1).AddMinutes(-CallListRows);
        var sb = new StringBuilder("案件编号,联系时间,联系方式,联系对象,联系结果\n");
        for (var i = 0; i < CallListRows; i++)
            sb.Append(cases[i % cases.Count].ToString(CultureInfo.InvariantCulture)).Append(',')
              .Append(start.AddMinutes(i).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)).Append(",电话,借款学生,无人接听\n");
        return Encoding.UTF8.GetBytes(sb.ToString());
    }
}
