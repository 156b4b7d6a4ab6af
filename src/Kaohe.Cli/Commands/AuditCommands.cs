using System.CommandLine;
using Kaohe.Features.Audit;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Kaohe.Cli.Commands;

internal static class AuditCommands
{
    public static Command Create()
    {
        var verify = new Command("verify", "重新计算审计日志的哈希链，指出第一条被改动或删除的位置（退出码 1）");
        CliHost.Run(verify, async (sp, _, ct) =>
        {
            var result = await sp.GetRequiredService<VerifyAuditChain>().HandleAsync(ct);
            if (result.IsIntact) AnsiConsole.MarkupLineInterpolated(System.Globalization.CultureInfo.InvariantCulture, $"[green]{result.Message}[/]");
            else AnsiConsole.MarkupLineInterpolated(System.Globalization.CultureInfo.InvariantCulture, $"[red]{result.Message}[/]");
            return result.IsIntact ? 0 : 1;
        });
        return new Command("audit", "审计日志") { verify };
    }
}
