using System.CommandLine;
using Kaohe.Common.Errors;
using Kaohe.Features.Notices;
using Microsoft.Extensions.DependencyInjection;

namespace Kaohe.Cli.Commands;

internal static class NoticeCommands
{
    public static Command Create()
    {
        var campaign = new Option<int>("--campaign") { Description = "考核年度，如 2018", Required = true };
        var format = new Option<string>("--format") { Description = "docx、pdf、html 或 txt", DefaultValueFactory = _ => "docx" };
        var output = new Option<FileInfo>("--out") { Description = "输出文件", Required = true };
        var notice = new Command("notice", "生成考核结果通报（已封存的考核）") { campaign, format, output };
        CliHost.Run(notice, async (sp, p, ct) =>
        {
            if (!NoticeFormats.TryParse(p.GetValue(format), out var f)) throw KaoheException.Invalid(NoticeTexts.UnknownFormat(p.GetValue(format)));
            var document = await sp.GetRequiredService<ComposeNotice>().HandleAsync(p.GetValue(campaign), ct);
            var path = p.GetValue(output)!.FullName;
            await File.WriteAllBytesAsync(path, NoticeFormats.Generate(document, f), ct);
            Console.WriteLine(NoticeTexts.Generated(path, document.Results.Sentence));
            return 0;
        });
        return notice;
    }
}
