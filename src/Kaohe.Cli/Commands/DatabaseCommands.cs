using System.CommandLine;
using Kaohe.Data;
using Kaohe.Features.Demo;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Kaohe.Cli.Commands;

internal static class DatabaseCommands
{
    public static Command Create()
    {
        var migrate = new Command("migrate", "创建数据库并应用全部迁移");
        CliHost.Run(migrate, (sp, _, _) =>
        {
            Console.WriteLine($"已迁移：{sp.GetRequiredService<KaoheDatabase>().Target.Describe()}");
            return Task.FromResult(0);
        });
        return new Command("db", "数据库") { migrate };
    }
}

internal static class DemoCommands
{
    public static Command Create()
    {
        var load = new Command("load", "载入与网页首次启动相同的演示数据（已有的不重复载入）");
        CliHost.Run(load, async (sp, _, ct) =>
        {
            Console.WriteLine(await sp.GetRequiredService<LoadDemoData>().HandleAsync(ct));
            return 0;
        });
        return new Command("demo", "演示数据") { load, LedgerCommands.CreateDemo() };
    }
}
