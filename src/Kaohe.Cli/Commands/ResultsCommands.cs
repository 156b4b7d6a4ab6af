using System.CommandLine;
using Kaohe.Common.Tabular;
using Kaohe.Domain.Accounts;
using Kaohe.Features.Notices;
using Microsoft.Extensions.DependencyInjection;

namespace Kaohe.Cli.Commands;

internal static class ResultsCommands
{
    public static Command Create()
    {
        var year = new Option<int>("--year") { Description = "考核年度，如 2018", Required = true };
        var file = new Argument<FileInfo>("file") { Description = "CSV（UTF-8 或 GBK）或 XLSX，表头：单位、所属市、等级、得分（得分可无）" };
        var title = new Option<string?>("--title") { Description = "考核名称（默认“YEAR 年度考核（往年结果导入）”）" };
        var import = new Command("import", "导入往年公布的考核结果，作为已封存的历史考核（任何一行有错则全部不写入）") { year, file, title };
        CliHost.Run(import, async (sp, p, ct) =>
        {
            var path = p.GetValue(file)!;
            if (!path.Exists) throw new FileNotFoundException($"文件不存在：{path.FullName}");
            var r = await sp.GetRequiredService<ImportResults>().HandleAsync(p.GetValue(year), TabularFile.Read(path.FullName), UserScope.System, p.GetValue(title), ct);
            Console.WriteLine(ResultsTexts.Imported(r));
            return 0;
        });

        var format = new Option<string>("--format") { Description = "xlsx、csv 或 gbk", DefaultValueFactory = _ => "xlsx" };
        var output = new Option<FileInfo>("--out") { Description = "输出文件", Required = true };
        var export = new Command("export", "导出一个年度全部单位的得分和等级") { year, format, output };
        CliHost.Run(export, async (sp, p, ct) =>
        {
            var bytes = await sp.GetRequiredService<ExportResults>().HandleAsync(p.GetValue(year), TableWriter.ParseFormat(p.GetValue(format)), UserScope.System, ct);
            await File.WriteAllBytesAsync(p.GetValue(output)!.FullName, bytes, ct);
            Console.WriteLine(ResultsTexts.Exported(p.GetValue(output)!.FullName));
            return 0;
        });

        var compare = new Command("compare", "与上一年度对比（等级升降、各市优秀率），导出 XLSX") { year, output };
        CliHost.Run(compare, async (sp, p, ct) =>
        {
            var c = await sp.GetRequiredService<CompareYears>().HandleAsync(p.GetValue(year), UserScope.System, ct);
            await File.WriteAllBytesAsync(p.GetValue(output)!.FullName, CompareYears.Xlsx(c), ct);
            Console.WriteLine(ResultsTexts.Compared(c, p.GetValue(output)!.FullName));
            return 0;
        });

        return new Command("results", "考核结果：往年结果导入、导出、年度对比") { import, export, compare };
    }
}
