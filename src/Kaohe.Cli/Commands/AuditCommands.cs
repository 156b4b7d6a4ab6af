using System.CommandLine;
using Kaohe.Features.Audit;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Kaohe.Cli.Commands;

internal static class AuditCommands
{
    public static Command Create()
    {
        var data = new Option<bool>("--data") { Description = "再核对数据：每个受审计的行与审计链最后记录的是否一致，台账快照的行数和摘要与导入时是否一致" };
        var verify = new Command("verify", "重新计算审计日志的哈希链（HMAC），对照检查点和已封存考核的封存校验码，指出第一处被改动、删除或截去的位置（退出码 1）") { data };
        CliHost.Run(verify, async (sp, p, ct) =>
        {
            var result = await sp.GetRequiredService<VerifyAuditChain>().HandleAsync(ct);
            Report(result.IsIntact, result.Message.Split('；'));
            if (!p.GetValue(data)) return result.IsIntact ? 0 : 1;
            var check = await sp.GetRequiredService<CheckAuditedData>().HandleAsync(ct);
            Report(check.IsClean, check.IsClean
                ? AuditTexts.DataClean(check.RowsChecked, check.BulkChecked).Split('；')
                : [AuditTexts.DataDiffers(check.Differences.Count), .. check.Differences]);
            return result.IsIntact && check.IsClean ? 0 : 1;
        });
        return new Command("audit", "审计日志") { verify };
    }

    // The first line in colour, then one part of the report a line (the checkpoint, each sealed year, each trail, each
    // difference), so none is wrapped mid-way.
    private static void Report(bool ok, string[] lines)
    {
        if (ok) AnsiConsole.MarkupLineInterpolated(System.Globalization.CultureInfo.InvariantCulture, $"[green]{lines[0]}[/]");
        else AnsiConsole.MarkupLineInterpolated(System.Globalization.CultureInfo.InvariantCulture, $"[red]{lines[0]}[/]");
        foreach (var line in lines.Skip(1)) Console.WriteLine("  " + line);
    }
}
