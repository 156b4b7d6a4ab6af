using System.CommandLine;
using System.Globalization;
using Kaohe.Common.Errors;
using Kaohe.Domain.Accounts;
using Kaohe.Features.Bulletin;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Kaohe.Cli.Commands;

/// <summary><c>kaohe ledger bulletin --as-of D --format docx|pdf|html --out FILE</c>: the 回收数据通报 from the stored ledger.</summary>
internal static class BulletinCommands
{
    /// <summary>Adds <c>bulletin</c> under the <c>ledger</c> command (the engine's, or a new one when it is not there).</summary>
    public static void AttachTo(RootCommand root)
    {
        var ledger = root.Subcommands.FirstOrDefault(c => c.Name == "ledger");
        if (ledger is null) root.Add(ledger = new Command("ledger", "贷后台账"));
        ledger.Add(Create());
    }

    private static Command Create()
    {
        var asOf = new Option<string>("--as-of") { Description = "截至日期，如 2026-12-31", Required = true };
        var year = new Option<int?>("--year") { Description = "统计年度（默认为截至日期所在年）" };
        var format = new Option<string>("--format") { Description = "docx、pdf 或 html", DefaultValueFactory = _ => "docx" };
        var output = new Option<FileInfo>("--out") { Description = "输出文件", Required = true };
        var command = new Command("bulletin", "生成回收数据通报（全省各单位按当年本息回收率和逾期率排名）") { asOf, year, format, output };
        CliHost.Run(command, async (sp, p, ct) =>
        {
            if (!DateOnly.TryParseExact(p.GetValue(asOf), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                throw KaoheException.Invalid("--as-of 应为 yyyy-MM-dd 格式的日期");
            if (!BulletinFiles.TryParse(p.GetValue(format), out var f)) throw KaoheException.Invalid("--format 应为 docx、pdf 或 html");
            var bytes = BulletinFiles.Render(await sp.GetRequiredService<BuildBulletin>().HandleAsync(date, p.GetValue(year), UserScope.System, ct), f);
            var file = p.GetValue(output)!;
            await File.WriteAllBytesAsync(file.FullName, bytes, ct);
            Console.WriteLine($"已生成 {file.FullName}（{bytes.Length / 1024} KB）");
            return 0;
        });
        return command;
    }
}
