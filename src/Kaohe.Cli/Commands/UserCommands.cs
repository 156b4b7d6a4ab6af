using System.CommandLine;
using Kaohe.Common.Errors;
using Kaohe.Domain.Accounts;
using Kaohe.Features.Accounts;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Kaohe.Cli.Commands;

internal static class UserCommands
{
    private static readonly Option<string> UserName = new("--user") { Description = "用户名", Required = true };
    private static readonly Option<string?> Password = new("--password") { Description = "密码（至少 8 位，含字母和数字，不含用户名，不是常见密码）；也可用环境变量 KAOHE_PASSWORD" };

    public static Command Create()
    {
        var display = new Option<string>("--name") { Description = "姓名或单位名称", Required = true };
        var role = new Option<string>("--role") { Description = "ProvinceAdmin、CityReviewer、CountyOperator、Expert、Observer（或中文角色名）", Required = true };
        var unit = new Option<string?>("--unit") { Description = "县资助中心经办人的单位（名称、别名或区划代码）" };
        var city = new Option<string?>("--city") { Description = "市资助中心评审员的所属市，或专家的所在市" };
        var add = new Command("add", "新增账户") { UserName, display, role, unit, city, Password };
        CliHost.Run(add, async (sp, p, ct) =>
        {
            if (!Roles.TryParse(p.GetValue(role), out var r)) throw KaoheException.Invalid(AccountTexts.UnknownRole(p.GetValue(role)));
            var user = await sp.GetRequiredService<CreateUser>().HandleAsync(
                new NewUser(p.GetValue(UserName)!, p.GetValue(display)!, r, PasswordOf(p), p.GetValue(unit), p.GetValue(city)), ct);
            Console.WriteLine(AccountTexts.UserAdded(user.UserName, user.Role.ChineseName()));
            return 0;
        });

        var reset = new Command("reset-password", "重置密码并解除锁定") { UserName, Password };
        CliHost.Run(reset, async (sp, p, ct) =>
        {
            await sp.GetRequiredService<ResetPassword>().HandleAsync(p.GetValue(UserName)!, PasswordOf(p), ct);
            Console.WriteLine(AccountTexts.PasswordReset(p.GetValue(UserName)!));
            return 0;
        });

        var list = new Command("list", "列出账户");
        CliHost.Run(list, async (sp, _, ct) =>
        {
            var table = new Table().AddColumns("用户名", "姓名", "角色", "所属");
            foreach (var u in await sp.GetRequiredService<ListUsers>().HandleAsync(ct))
                table.AddRow(Markup.Escape(u.UserName), Markup.Escape(u.DisplayName), u.Role.ChineseName(), Markup.Escape(u.Unit?.Name ?? u.CityGroup?.Name ?? "全省"));
            AnsiConsole.Write(table);
            return 0;
        });
        return new Command("users", "账户") { add, reset, list };
    }

    private static string PasswordOf(ParseResult p) =>
        p.GetValue(Password) ?? Environment.GetEnvironmentVariable("KAOHE_PASSWORD") ?? throw KaoheException.Invalid(AccountTexts.PasswordMissing);
}
