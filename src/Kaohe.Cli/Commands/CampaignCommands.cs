using System.CommandLine;
using Kaohe.Common.Errors;
using Kaohe.Domain.Accounts;
using Kaohe.Domain.Assessment;
using Kaohe.Features.Assessment;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Kaohe.Cli.Commands;

internal static class CampaignCommands
{
    private static readonly Argument<int> Id = new("campaign") { Description = "考核编号（见 kaohe campaign list）" };

    public static Command Create()
    {
        var list = new Command("list", "列出考核");
        CliHost.Run(list, async (sp, _, ct) =>
        {
            var table = new Table().AddColumns("编号", "年度", "名称", "状态", "单位", "已定等级", "阶段");
            foreach (var c in await sp.GetRequiredService<ListCampaigns>().HandleAsync(UserScope.System, ct))
                table.AddRow($"{c.Id}", $"{c.Year}", Markup.Escape(c.Title), AssessmentTexts.StatusName(c.Status), $"{c.Units}", $"{c.Graded}",
                    Markup.Escape(string.Join(" ", c.Stages.Select(s => $"{s.Name}:{AssessmentTexts.StageStatusName(s.Status)}"))));
            AnsiConsole.Write(table);
            return 0;
        });
        return new Command("campaign", "考核") { list, CreateCommand(), StageCommand("open-stage", true), StageCommand("close-stage", false), Results(), Sample(), Seal() };
    }

    private static Command CreateCommand()
    {
        var year = new Option<int>("--year") { Description = "考核的工作年度", Required = true };
        var start = new Option<DateOnly>("--start") { Description = "开始日期 yyyy-MM-dd", Required = true };
        var end = new Option<DateOnly>("--end") { Description = "结束日期 yyyy-MM-dd", Required = true };
        var cmd = new Command("create", "新建考核（默认全部在册单位、默认指标体系，四个阶段平分时间）") { year, start, end };
        CliHost.Run(cmd, async (sp, p, ct) =>
        {
            var c = await sp.GetRequiredService<CreateCampaign>().HandleAsync(new NewCampaign(p.GetValue(year), p.GetValue(start), p.GetValue(end)), UserScope.System, ct);
            Console.WriteLine(AssessmentTexts.CampaignCreated(c.Id, c.Title, c.Units.Count));
            return 0;
        });
        return cmd;
    }

    private static Command StageCommand(string name, bool open)
    {
        var stage = new Argument<string>("stage") { Description = "自查、市级主评、专家组复评 或 实地查看" };
        var cmd = new Command(name, open ? "开放阶段" : "结束阶段") { Id, stage };
        CliHost.Run(cmd, async (sp, p, ct) =>
        {
            if (!Stages.TryParse(p.GetValue(stage), out var s)) throw KaoheException.Invalid(AssessmentTexts.UnknownStage(p.GetValue(stage) ?? ""));
            if (open) await sp.GetRequiredService<OpenStage>().HandleAsync(p.GetValue(Id), s, UserScope.System, ct);
            else await sp.GetRequiredService<CloseStage>().HandleAsync(p.GetValue(Id), s, UserScope.System, ct);
            Console.WriteLine(AssessmentTexts.StageToggled(s, open));
            return 0;
        });
        return cmd;
    }

    private static Command Results()
    {
        var cmd = new Command("results", "按等级和市统计考核结果") { Id };
        CliHost.Run(cmd, async (sp, p, ct) =>
        {
            var r = await sp.GetRequiredService<CampaignResults>().HandleAsync(p.GetValue(Id), UserScope.System, ct);
            var table = new Table().AddColumns(["市", "单位", .. Grades.InNoticeOrder.Select(g => g.ChineseName()), "优秀率"]);
            foreach (var c in r.Cities) table.AddRow([Markup.Escape(c.City), $"{c.Units}", .. Grades.InNoticeOrder.Select(g => $"{c.Counts[g]}"), c.ExcellentRate]);
            table.AddRow(["合计", $"{r.Units}", .. Grades.InNoticeOrder.Select(g => $"{r.Counts[g]}"), r.ExcellentRate]);
            AnsiConsole.Write(table);
            return 0;
        });
        return cmd;
    }

    private static Command Sample()
    {
        var perCity = new Option<int>("--per-city") { Description = "每市抽取的单位数", DefaultValueFactory = _ => 1 };
        var seed = new Option<int?>("--seed") { Description = "随机种子（给出则可复现；省略则取当前时间并保存）" };
        var include = new Option<int[]>("--include") { Description = "必须抽到的单位编号", AllowMultipleArgumentsPerToken = true };
        var exclude = new Option<int[]>("--exclude") { Description = "不抽的单位编号", AllowMultipleArgumentsPerToken = true };
        var cmd = new Command("sample", "抽取实地查看单位（按市分层、按风险加权）") { Id, perCity, seed, include, exclude };
        CliHost.Run(cmd, async (sp, p, ct) =>
        {
            var r = await sp.GetRequiredService<DrawFieldVisits>().HandleAsync(p.GetValue(Id),
                new DrawRequest(p.GetValue(perCity), p.GetValue(seed), p.GetValue(include) ?? [], p.GetValue(exclude) ?? []), UserScope.System, ct);
            Console.WriteLine(AssessmentTexts.DrawRecorded(r.UnitIds, r.Seed, r.DrawId));
            return 0;
        });
        return cmd;
    }

    private static Command Seal()
    {
        var confirm = new Option<bool>("--confirm-computed") { Description = "先把尚未确定的单位按计算等级确定" };
        var cmd = new Command("seal", "封存考核结果（之后只读）") { Id, confirm };
        CliHost.Run(cmd, async (sp, p, ct) =>
        {
            if (p.GetValue(confirm))
                Console.WriteLine(AssessmentTexts.ComputedConfirmed(await sp.GetRequiredService<ConfirmComputedGrades>().HandleAsync(p.GetValue(Id), UserScope.System, ct)));
            await sp.GetRequiredService<SealResults>().HandleAsync(p.GetValue(Id), UserScope.System, ct);
            Console.WriteLine(AssessmentTexts.SealedShort);
            return 0;
        });
        return cmd;
    }
}
