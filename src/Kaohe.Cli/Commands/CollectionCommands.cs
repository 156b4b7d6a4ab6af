using System.CommandLine;
using System.Globalization;
using Kaohe.Common.Errors;
using Kaohe.Common.Tabular;
using Kaohe.Data;
using Kaohe.Domain.Accounts;
using Kaohe.Domain.Collection;
using Kaohe.Features.Accounts;
using Kaohe.Features.Collection;
using Kaohe.Features.Units;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Kaohe.Cli.Commands;

/// <summary>
/// <c>kaohe collection queue --unit U [--format xlsx --out F]</c> and <c>kaohe collection import-calls F --user NAME</c>:
/// the collection desk's queue and call list from the shell. A call list is recorded in the name of a county
/// officer's account (<c>--user</c>), whose unit's cases it may fill in, as on the web.
/// </summary>
internal static class CollectionCommands
{
    public static Command Create()
    {
        var unit = new Option<string>("--unit") { Description = "单位区划代码或名称，如 410103 或 二七区", Required = true };
        var tab = new Option<string?>("--tab") { Description = "All、Promises、NeverContacted、NewThisMonth、Lost 或 Closed（默认 All）" };
        var format = new Option<string?>("--format") { Description = "xlsx、csv 或 gbk：导出电话催收清单（需 --out）；不填则在终端列出" };
        var output = new Option<FileInfo?>("--out") { Description = "输出文件" };
        var queue = new Command("queue", "列出单位的催收待办（或导出为电话催收清单）") { unit, tab, format, output };
        CliHost.Run(queue, async (sp, p, ct) =>
        {
            var unitId = await UnitIdAsync(sp.GetRequiredService<KaoheDbContext>(), p.GetValue(unit)!, ct);
            var t = p.GetValue(tab) is { } text ? Enum.Parse<QueueTab>(text, ignoreCase: true) : QueueTab.All;
            if (p.GetValue(output) is { } file)
            {
                var f = TableWriter.ParseFormat(p.GetValue(format) ?? Path.GetExtension(file.Name).TrimStart('.'));
                var (bytes, _) = await sp.GetRequiredService<ExportCallList>().HandleAsync(unitId, UserScope.System, f, t, ct: ct);
                await File.WriteAllBytesAsync(file.FullName, bytes, ct);
                Console.WriteLine($"已导出 {file.FullName}");
                return 0;
            }
            var q = await sp.GetRequiredService<ListCollectionQueue>().HandleAsync(unitId, UserScope.System, t, pageSize: 500, ct: ct);
            var table = new Table().AddColumns("案件", "借款人", "逾期本息（元）", "逾期天数", "账龄", "联系次数", "最近联系", "承诺还款");
            foreach (var l in q.Lines)
                table.AddRow(l.CaseId.ToString(CultureInfo.InvariantCulture), Markup.Escape(l.BorrowerName), Domain.Ledger.Yuan.Format(l.OverdueFen),
                    l.DaysOverdue.ToString(CultureInfo.InvariantCulture), CollectionTexts.Name(l.Bucket), l.Contacts.ToString(CultureInfo.InvariantCulture),
                    l.LastResult is { } r ? CollectionTexts.Name(r) : CollectionTexts.NeverContacted, l.Promise == PromiseState.None ? "" : CollectionTexts.Name(l.Promise));
            AnsiConsole.Write(table);
            Console.WriteLine($"{q.UnitName}：{CollectionTexts.Name(q.Tab)} {q.Total} 件" + (q.Total > q.Lines.Count ? $"（列出前 {q.Lines.Count} 件）" : ""));
            return 0;
        });

        var path = new Argument<FileInfo>("file") { Description = "填好的电话催收清单（.xlsx 或 .csv，UTF-8 或 GBK）" };
        var user = new Option<string>("--user") { Description = "以哪个县资助中心经办人的账户登记（如 erqi）", Required = true };
        var import = new Command("import-calls", "导入填好的电话催收清单：每填一行登记一条联系记录；任何一行有误则整份不导入") { path, user };
        CliHost.Run(import, async (sp, p, ct) =>
        {
            var db = sp.GetRequiredService<KaoheDbContext>();
            var file = p.GetValue(path)!;
            await using var stream = file.OpenRead();
            var r = await sp.GetRequiredService<ImportCallList>().HandleAsync(stream, file.Name, await ScopeOfAsync(db, p.GetValue(user)!, ct), ct);
            Console.WriteLine($"已导入 {r.FileName}：联系记录 {r.Records} 条" + (r.RowsLeftEmpty > 0 ? $"，未填写结果的 {r.RowsLeftEmpty} 行未导入" : ""));
            return 0;
        });
        var smsUnit = new Option<string>("--unit") { Description = "单位区划代码或名称", Required = true };
        var template = new Option<string>("--template") { Description = "短信模板，占位符 {姓名} {单位} {逾期金额} {最早应还日期} {逾期天数}", Required = true };
        var smsUser = new Option<string>("--user") { Description = "以哪个县资助中心经办人的账户发送（如 erqi）", Required = true };
        var smsOut = new Option<FileInfo?>("--out") { Description = "写成短信批量文件（CSV：手机号码,短信内容），交本单位短信平台发送；不填则经配置的短信平台（Kaohe__Sms__Url）发送" };
        var sms = new Command("sms", "给单位的逾期借款人发催收短信（或导出批量文件）；每条记为一条联系记录") { smsUnit, template, smsUser, smsOut };
        CliHost.Run(sms, async (sp, p, ct) =>
        {
            var db = sp.GetRequiredService<KaoheDbContext>();
            var unitId = await UnitIdAsync(db, p.GetValue(smsUnit)!, ct);
            var scope = await ScopeOfAsync(db, p.GetValue(smsUser)!, ct);
            if (p.GetValue(smsOut) is { } file)
            {
                var (bytes, _, count) = await sp.GetRequiredService<ExportReminderBatch>().HandleAsync(unitId, p.GetValue(template)!, scope, TableFormat.Csv, ct: ct);
                await File.WriteAllBytesAsync(file.FullName, bytes, ct);
                Console.WriteLine($"已写出 {file.FullName}：短信 {count} 条（含手机号明文，已记入审计日志）");
                return 0;
            }
            var r = await sp.GetRequiredService<SendReminders>().HandleAsync(unitId, p.GetValue(template)!, scope, ct: ct);
            foreach (var l in r.Lines.Where(l => l.Outcome != SmsOutcome.Sent)) Console.WriteLine($"  {l.BorrowerName}（{l.Phone}）：{l.Detail}");
            Console.WriteLine($"已发送 {r.Sent} 条，未发出 {r.NotSent} 条，无手机号 {r.WithoutPhone} 人");
            return r.NotSent == 0 ? 0 : 1;
        });
        return new Command("collection", "逾期催收") { queue, import, sms, Letters() };
    }

    private static Command Letters()
    {
        var unit = new Option<string>("--unit") { Description = "单位区划代码或名称", Required = true };
        var user = new Option<string>("--user") { Description = "以哪个县资助中心经办人的账户生成（如 erqi）", Required = true };
        var output = new Option<DirectoryInfo>("--out") { Description = "输出目录（写出 .pdf 和 .docx 各一份）", Required = true };
        var kind = new Option<string>("--kind") { Description = "overdue（逾期催收函，默认）或 reminder（还款提醒函）", DefaultValueFactory = _ => "overdue" };
        var deadline = new Option<string?>("--deadline") { Description = $"还款期限，如 2026-12-31（默认今天起 {DraftLetters.DefaultDays} 天）" };
        var record = new Option<bool>("--record") { Description = "登记为已寄出：每封信记为一条联系记录（信函 / 信函已寄出）" };
        var letters = new Command("letters", "为单位未结案的逾期借款人生成还款提醒函或逾期催收函（合并 PDF 与 Word）") { unit, user, output, kind, deadline, record };
        CliHost.Run(letters, async (sp, p, ct) =>
        {
            var db = sp.GetRequiredService<KaoheDbContext>();
            var unitId = await UnitIdAsync(db, p.GetValue(unit)!, ct);
            var scope = await ScopeOfAsync(db, p.GetValue(user)!, ct);
            var k = p.GetValue(kind) == "reminder" ? LetterKind.Reminder : LetterKind.Overdue;
            DateOnly? due = p.GetValue(deadline) is { } d
                ? DateOnly.TryParse(d, CultureInfo.InvariantCulture, out var day) ? day : throw KaoheException.Invalid("--deadline 应为日期，如 2026-12-31")
                : null;
            var batch = await sp.GetRequiredService<DraftLetters>().HandleAsync(unitId, new LetterRequest(k, Deadline: due, Record: p.GetValue(record)), scope, ct);
            var folder = p.GetValue(output)!;
            folder.Create();
            var pdf = Path.Combine(folder.FullName, batch.FileName(".pdf"));
            await File.WriteAllBytesAsync(pdf, LetterDocuments.Pdf(batch.Letters), ct);
            await File.WriteAllBytesAsync(Path.ChangeExtension(pdf, ".docx"), LetterDocuments.Docx(batch.Letters), ct);
            Console.WriteLine($"已生成 {batch.Letters.Count} 封{CollectionTexts.Name(k)}：{pdf}（及同名 .docx）" + (batch.Recorded > 0 ? $"；已登记 {batch.Recorded} 条联系记录" : ""));
            return 0;
        });
        return letters;
    }

    /// <summary>The scope of an active account, as if it had signed in: the CLI writes collection work in a person's name.</summary>
    private static async Task<UserScope> ScopeOfAsync(KaoheDbContext db, string name, CancellationToken ct) =>
        SignIn.ScopeOf(await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.UserName == name && u.IsActive, ct) ?? throw KaoheException.NotFound(CollectionTexts.NoActiveAccount(name)));

    private static async Task<int> UnitIdAsync(KaoheDbContext db, string text, CancellationToken ct) =>
        await db.Units.Where(u => u.DivisionCode == text || u.Name == text || u.PublishedName == text).Select(u => (int?)u.Id).FirstOrDefaultAsync(ct)
        ?? throw KaoheException.NotFound(CollectionTexts.NoUnit(text));
}
