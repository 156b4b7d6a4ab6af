using System.CommandLine;
using Kaohe.Features.Audit;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Kaohe.Cli.Commands;

internal static class AuditCommands
{
    public static Command Create()
    {
        var verify = new Command("verify", "重新计算审计日志的哈希链（HMAC），对照检查点和已封存考核的封存校验码，指出第一处被改动、删除或截去的位置（退出码 1）");
        CliHost.Run(verify, async (sp, _, ct) =>
        {
            var result = await sp.GetRequiredService<VerifyAuditChain>().HandleAsync(ct);
            // One part of the report a line (the checkpoint, each sealed year, each trail), so none is wrapped mid-way.
            var parts = result.Message.Split('；');
            if (result.IsIntact) AnsiConsole.MarkupLineInterpolated(System.Globalization.CultureInfo.InvariantCulture, $"[green]{parts[0]}[/]");
            else AnsiConsole.MarkupLineInterpolated(System.Globalization.CultureInfo.InvariantCulture, $"[red]{parts[0]}[/]");
            foreach (var part in parts.Skip(1)) Console.WriteLine("  " + part);
            return result.IsIntact ? 0 : 1;
        });
        return new Command("audit", "审计日志") { verify };
    }
}
