using System.CommandLine;
using Kaohe.Common.Errors;
using Kaohe.Common.Tabular;
using Kaohe.Domain.Accounts;
using Kaohe.Features.Units;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Kaohe.Cli.Commands;

internal static class UnitCommands
{
    public static Command Create()
    {
        var query = new Option<string?>("--q") { Description = "按名称、别名或区划代码查找" };
        var list = new Command("list", "列出单位") { query };
        CliHost.Run(list, async (sp, p, ct) =>
        {
            var units = await sp.GetRequiredService<ListUnits>().HandleAsync(new UnitSearch(p.GetValue(query)), UserScope.System, ct);
            var table = new Table().AddColumns("分组", "单位", "通报名称", "类型", "区划代码", "别名");
            foreach (var u in units) table.AddRow(Markup.Escape(u.CityGroup), Markup.Escape(u.Name), Markup.Escape(u.PublishedName), Markup.Escape(u.Type), u.DivisionCode ?? "—", Markup.Escape(string.Join("、", u.Aliases)));
            AnsiConsole.Write(table);
            Console.WriteLine(UnitTexts.Counted(units.Count));
            return 0;
        });

        var file = new Argument<FileInfo>("file") { Description = "CSV（UTF-8 或 GBK）或 XLSX 文件" };
        var import = new Command("import", "导入单位（任何一行有错则全部不写入）") { file };
        CliHost.Run(import, async (sp, p, ct) =>
        {
            var path = p.GetValue(file)!;
            if (!path.Exists) throw KaoheException.NotFound(UnitTexts.FileMissing(path.FullName));
            var result = await sp.GetRequiredService<ImportUnits>().HandleAsync(TabularFile.Read(path.FullName), UserScope.System, ct);
            Console.WriteLine(UnitTexts.Imported(result));
            return 0;
        });

        var format = new Option<string>("--format") { Description = "csv（UTF-8）、gbk 或 xlsx", DefaultValueFactory = _ => "csv" };
        var output = new Option<FileInfo>("--out") { Description = "输出文件", Required = true };
        var export = new Command("export", "导出单位") { format, output };
        CliHost.Run(export, async (sp, p, ct) =>
        {
            var bytes = await sp.GetRequiredService<ExportUnits>().HandleAsync(TableWriter.ParseFormat(p.GetValue(format)), UserScope.System, ct);
            await File.WriteAllBytesAsync(p.GetValue(output)!.FullName, bytes, ct);
            Console.WriteLine(UnitTexts.Exported(p.GetValue(output)!.FullName));
            return 0;
        });

        return new Command("units", "单位名录") { list, import, export };
    }
}
