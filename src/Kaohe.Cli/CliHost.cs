using System.CommandLine;
using Kaohe.Common.Tabular;
using Kaohe.Data;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Kaohe.Cli;

/// <summary>
/// Builds the same services the web app uses for one command. The CLI is an operator's tool on the
/// server: it acts with the province administrator's scope, and its audit entries name the OS user.
/// Plain lines go to <see cref="Console"/>; Spectre draws the tables, colours and progress bars (its first use
/// costs a command 10–25 ms, a tenth of `ledger stats` on a small file).
/// </summary>
internal static class CliHost
{
    public static readonly Option<string?> Db = new("--db")
    {
        Description = "SQLite 文件路径或 PostgreSQL 连接字符串（Host=…）；默认取环境变量 KAOHE_DB，再默认 .kaohe/kaohe.db",
        Recursive = true,
    };

    public static readonly Option<string?> As = new("--as") { Description = "审计日志中记录的操作人（默认当前系统用户）", Recursive = true };

    public static void Run(Command command, Func<IServiceProvider, ParseResult, CancellationToken, Task<int>> body) =>
        command.SetAction((parse, ct) => RunAsync(parse, body, ct));

    private static async Task<int> RunAsync(ParseResult parse, Func<IServiceProvider, ParseResult, CancellationToken, Task<int>> body, CancellationToken ct)
    {
        // System.CommandLine starts handling Ctrl+C only once the action has returned its task, and on SQLite EF's async calls
        // complete synchronously: without this the whole command would run first, and a Ctrl+C would end the process at once.
        await Task.Yield();
        var overrides = new Dictionary<string, string?>();
        if (parse.GetValue(Db) is { } db) overrides[DatabaseTarget.EnvironmentVariable] = db;
        var config = new ConfigurationBuilder().AddEnvironmentVariables().AddInMemoryCollection(overrides).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(config).AddKaohe().BuildServiceProvider();
        try
        {
            await services.GetRequiredService<KaoheDatabase>().MigrateAsync(ct);
            await using var scope = services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<AuditActor>().Name = "cli:" + (parse.GetValue(As) ?? Environment.UserName);
            return await body(scope.ServiceProvider, parse, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Ctrl+C (or SIGTERM): every write runs in a transaction, so the one under way is rolled back, not half done.
            AnsiConsole.MarkupLine("[yellow]已取消：正在进行的操作未写入任何数据（之前已完成的不受影响）[/]");
            return 130;
        }
        catch (Exception e) when (DatabaseBusy.Is(e) && e is not Kaohe.Common.Errors.KaoheException)
        {
            // On SQLite another writer (an import, from the web app or another command) kept the database past the busy timeout.
            AnsiConsole.MarkupLineInterpolated(System.Globalization.CultureInfo.InvariantCulture, $"[red]错误：{DatabaseBusy.Message}[/]");
            return 2;
        }
        catch (ImportRejectedException e)
        {
            AnsiConsole.MarkupLine($"[red]文件有 {e.ImportErrors.Count} 处错误，未写入任何数据：[/]");
            foreach (var error in e.ImportErrors) Console.WriteLine("  " + error);
            return 2;
        }
        catch (Kaohe.Common.Errors.KaoheException e)
        {
            // The error contract's refusals (not found, forbidden, invalid with its fields): the title, the fields, exit 2.
            AnsiConsole.MarkupLineInterpolated(System.Globalization.CultureInfo.InvariantCulture, $"[red]错误：{e.Title}[/]");
            foreach (var (field, messages) in e.Errors)
                foreach (var message in messages) Console.WriteLine($"  {field}：{message}");
            if (e.Errors.Count == 0 && e.Detail is { } detail) Console.WriteLine("  " + detail);
            return 2;
        }
        catch (Exception e) when (e is ArgumentException or UnauthorizedAccessException or FileNotFoundException or InvalidOperationException
            or KeyNotFoundException)
        {
            AnsiConsole.MarkupLineInterpolated(System.Globalization.CultureInfo.InvariantCulture, $"[red]错误：{e.Message}[/]");
            return 2;
        }
        finally
        {
            await services.DisposeAsync();
        }
    }
}
