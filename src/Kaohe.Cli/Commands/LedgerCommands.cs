using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Kaohe.Common.Errors;
using Kaohe.Common.Tabular;
using Kaohe.Domain.Accounts;
using Kaohe.Domain.Ledger;
using Kaohe.Features.Ledger;
using Kaohe.Features.Units;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Kaohe.Cli.Commands;

internal static class LedgerCommands
{
    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Command Create()
    {
        var files = new Argument<FileInfo[]>("files") { Description = "还款计划或合同台账文件（CSV：UTF-8/GBK；或 XLSX）", Arity = ArgumentArity.OneOrMore };
        var import = new Command("import", "导入贷后台账（整份文件校验通过才写入；同一文件重复导入不改变数据）") { files };
        CliHost.Run(import, async (sp, p, ct) =>
        {
            var handler = sp.GetRequiredService<ImportLedger>();
            foreach (var file in p.GetValue(files)!)
            {
                if (!file.Exists) throw KaoheException.NotFound($"文件不存在：{file.FullName}");
                LedgerImportResult? result = null;
                await AnsiConsole.Progress().Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                    .StartAsync(async ctx =>
                    {
                        // A 还款计划 is read twice, to check it and to write it; progress counts both reads.
                        var task = ctx.AddTask(Markup.Escape(file.Name), maxValue: Math.Max(1, 2 * file.Length));
                        result = await handler.HandleAsync(file.FullName, UserScope.System, bytes => task.Value = bytes, ct);
                        task.Value = task.MaxValue;
                    });
                Console.WriteLine(result!.UnitsReplaced == 0
                    ? $"{result.FileName}：内容已导入过，未做改动（{result.UnitsUnchanged} 个单位）"
                    : $"{result.FileName}：写入 {result.Rows} 行，{result.UnitsReplaced} 个单位的台账已更新，{result.UnitsUnchanged} 个单位未变");
                foreach (var line in result.Warnings) Console.Error.WriteLine(line);
            }
            return 0;
        });
        return new Command("ledger", "贷后台账：导入与回收、逾期统计") { import, Stats() };
    }

    private static Command Stats()
    {
        var files = new Argument<FileInfo[]>("files") { Description = "直接从文件统计（不导入）；省略则从数据库统计", Arity = ArgumentArity.ZeroOrMore };
        var asOf = new Option<string>("--as-of") { Description = "统计截止日期 D，如 2025-12-31", Required = true };
        var year = new Option<int?>("--year") { Description = "统计年度 Y（默认 D 所在年）" };
        var by = new Option<string>("--by") { Description = "unit、city 或 province", DefaultValueFactory = _ => "unit" };
        var format = new Option<string?>("--format") { Description = "csv、gbk、xlsx 或 json（默认：终端表格；有 --out 时为 csv）" };
        var output = new Option<FileInfo?>("--out") { Description = "输出文件" };
        var stats = new Command("stats", "计算回收率、逾期率与账龄（截至 D）") { files, asOf, year, by, format, output };
        CliHost.Run(stats, async (sp, p, ct) =>
        {
            if (!DateOnly.TryParse(p.GetValue(asOf), CultureInfo.InvariantCulture, out var d)) throw KaoheException.Invalid("--as-of 应为日期，如 2025-12-31");
            var level = p.GetValue(by) switch { "city" => LedgerLevel.City, "province" => LedgerLevel.Province, _ => LedgerLevel.Unit };
            var request = new LedgerFiguresRequest(d, p.GetValue(year), level);
            var paths = p.GetValue(files) ?? [];
            var report = paths.Length == 0
                ? await sp.GetRequiredService<ComputeLedgerFigures>().FromDatabaseAsync(request, UserScope.System, ct: ct)
                : await sp.GetRequiredService<ComputeFiguresFromFiles>().HandleAsync(paths.Select(f => f.FullName).ToList(), request, UserScope.System, ct: ct);
            await WriteAsync(report, p.GetValue(format), p.GetValue(output), ct);
            // On standard error, so that a table written to standard output stays a table.
            foreach (var line in report.Warnings) Console.Error.WriteLine(line);
            return 0;
        });
        return stats;
    }

    private static async Task WriteAsync(LedgerReport report, string? format, FileInfo? output, CancellationToken ct)
    {
        if (format is null && output is null)
        {
            var table = new Table().AddColumns(LedgerReport.Headers.Take(11).Select(Markup.Escape).ToArray());
            foreach (var row in report.Cells()) table.AddRow(row.Take(11).Select(Markup.Escape).ToArray());
            AnsiConsole.Write(table);
            return;
        }
        var bytes = format == "json" ? Json(report) : report.Write(TableWriter.ParseFormat(format));
        if (output is null) await Console.OpenStandardOutput().WriteAsync(bytes, ct);
        else
        {
            await File.WriteAllBytesAsync(output.FullName, bytes, ct);
            Console.WriteLine($"已写入 {output.FullName}");
        }
    }

    private static byte[] Json(LedgerReport report)
    {
        var rows = report.Cells().Select(c => LedgerReport.Headers.Select((h, i) => (h, c[i])).ToDictionary(x => x.h, x => x.Item2));
        var overpaid = report.Overpaid.Select(o => new { unit = o.Unit, rows = o.Rows, amount = Yuan.Format(o.Fen) });
        var doc = new { asOf = report.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), year = report.Year, rows, overpaid };
        return Encoding.UTF8.GetBytes(JsonSerializer.Serialize(doc, JsonOptions));
    }

    public static Command CreateDemo()
    {
        var rows = new Option<long>("--rows") { Description = "还款计划行数", DefaultValueFactory = _ => 10_000 };
        var seed = new Option<int>("--seed") { Description = "随机种子（相同种子生成相同文件）", DefaultValueFactory = _ => 1 };
        var units = new Option<int?>("--units") { Description = "单位个数（默认全部有区划代码的单位）" };
        var output = new Option<DirectoryInfo>("--out") { Description = "输出目录", DefaultValueFactory = _ => new DirectoryInfo("ledger-demo") };
        var ledger = new Command("ledger", "生成合成的贷后台账文件（2018 年贷款政策；还款计划.csv 与 合同台账.csv）") { rows, seed, units, output };
        CliHost.Run(ledger, async (sp, p, ct) =>
        {
            var r = await sp.GetRequiredService<GenerateDemoLedger>().HandleAsync(
                new DemoLedgerRequest(p.GetValue(rows), p.GetValue(seed), p.GetValue(output)!.FullName, p.GetValue(units)), ct);
            Console.WriteLine($"已生成 {r.Instalments} 条还款计划、{r.Contracts} 份合同、{r.Borrowers} 名借款人：{Path.GetDirectoryName(r.InstalmentsPath)}");
            return 0;
        });
        return ledger;
    }
}
