using System.Globalization;
using Kaohe.Common.Errors;
using Kaohe.Common.Tabular;
using Kaohe.Common.Time;
using Kaohe.Data;
using Kaohe.Domain.Accounts;
using Kaohe.Domain.Collection;
using Kaohe.Domain.Ledger;
using Kaohe.Features.Units;
using Microsoft.EntityFrameworkCore;

namespace Kaohe.Features.Collection;

public sealed record CallListImportResult(string FileName, int Records, int RowsLeftEmpty);

/// <summary>
/// The call list's round trip (电话催收清单): the queue, or a tab or bucket of it, exported with an empty result
/// block; officers fill it in (in Excel, whose drop-downs offer the catalogue, or on paper and type it in later);
/// imported back, each filled row becomes a contact record. A row whose result block is left empty is skipped (that
/// borrower was not called). Any bad row rejects the whole file with row, column and reason; nothing is written.
/// No personal number is in the list: the officer dials from the borrower page, whose clear view is audited.
/// </summary>
public sealed class CallList(KaoheDbContext db, ListCollectionQueue queue)
{
    public const string CaseColumn = "案件编号";
    public const int MaxRows = 50_000;

    private static readonly string[] Context = [CaseColumn, "借款人", "合同编号", "逾期本息（元）", "逾期天数", "账龄", "联系次数", "最近联系", "承诺还款"];

    /// <summary>The result block, as the columns are headed; the contact rules' field names lead to them.</summary>
    private static readonly string[] Block =
        [ContactRules.Time, ContactRules.Channel, ContactRules.Party, ContactRules.Result, "承诺金额（元）", ContactRules.PromisedDate, ContactRules.Notes, ContactRules.NextAction, ContactRules.NextActionDate];

    private static string ColumnOf(string field) => field is ContactRules.Promise or ContactRules.PromisedAmount ? "承诺金额（元）" : field;

    public async Task<(byte[] File, string FileName)> ExportAsync(int unitId, UserScope scope, TableFormat format, QueueTab tab = QueueTab.All, AgingBucket? bucket = null, CancellationToken ct = default)
    {
        var q = await queue.HandleAsync(unitId, scope, tab, bucket, 1, ListCollectionQueue.All, ct);
        var rows = q.Lines.Select(l => (IReadOnlyList<string>)
        [
            l.CaseId.ToString(CultureInfo.InvariantCulture), l.BorrowerName, l.Contracts, Yuan.Format(l.OverdueFen), l.DaysOverdue.ToString(CultureInfo.InvariantCulture),
            CollectionTexts.Name(l.Bucket), l.Contacts.ToString(CultureInfo.InvariantCulture),
            l.LastContactUtc is { } at ? BeijingClock.Format(at) + " " + CollectionTexts.Name(l.LastResult!.Value) : "从未联系",
            l.Promise == PromiseState.None ? "" : $"{CollectionTexts.Name(l.Promise)} {Yuan.Format(l.PromisedFen ?? 0)} {l.PromisedOn:yyyy-MM-dd}",
            "", "", "", "", "", "", "", "", "",
        ]).ToList();
        var bytes = TableWriter.Write([.. Context, .. Block], rows, format);
        if (format == TableFormat.Xlsx)
            bytes = XlsxDropdowns.Add(bytes, new Dictionary<int, IReadOnlyList<string>>
            {
                [Context.Length + 1] = Names<ContactChannel>(), [Context.Length + 2] = Names<ContactParty>(), [Context.Length + 3] = Names<ContactResult>(),
            }, rows.Count + 1);
        return (bytes, $"{q.UnitName}电话催收清单-{q.AsOf:yyyyMMdd}{TableWriter.Extension(format)}");
    }

    public async Task<CallListImportResult> ImportAsync(Stream file, string fileName, UserScope scope, CancellationToken ct = default)
    {
        var table = TabularFile.Read(file, fileName);
        var errors = new List<ImportError>();
        var map = ColumnMap.Resolve(table.Headers, [new ColumnSpec(CaseColumn, true), .. Block.Select(b => new ColumnSpec(b, b is ContactRules.Time or ContactRules.Channel or ContactRules.Party or ContactRules.Result, b == "承诺金额（元）" ? ["承诺金额"] : []))], errors);
        if (errors.Count > 0) throw new ImportRejectedException(errors);
        if (table.Rows.Count > MaxRows) throw new ImportRejectedException([new ImportError(0, null, $"一次最多导入 {MaxRows:N0} 行，本文件有 {table.Rows.Count:N0} 行")]);

        var cases = await (await db.CasesVisibleToAsync(scope, ct)).ToDictionaryAsync(c => c.Id, ct);
        var clock = new BeijingClock(db.Clock);
        var now = clock.Now.DateTime;
        var inputs = new List<(CollectionCase Case, ContactInput Input)>();
        var seen = new Dictionary<(int, DateTime, ContactResult), int>();
        var empty = 0;
        foreach (var row in table.Rows)
        {
            if (Block.All(b => map.Get(row, b).Length == 0)) { empty++; continue; }
            void Error(string column, string message) => errors.Add(new ImportError(row.Number, column, message));
            var before = errors.Count;
            CollectionCase? c = null;
            if (!int.TryParse(map.Get(row, CaseColumn), NumberStyles.None, CultureInfo.InvariantCulture, out var caseId) || !cases.TryGetValue(caseId, out c))
                Error(CaseColumn, $"“{map.Get(row, CaseColumn)}”不是您范围内的催收案件编号");
            else if (!scope.MayRecordContacts(c.UnitId)) Error(CaseColumn, CollectionTexts.RecordForbidden);
            var at = ParseTime(map.Get(row, ContactRules.Time));
            if (at is null) Error(ContactRules.Time, "应为日期和时间，如 2026-03-05 14:30");
            var channel = Parse<ContactChannel>(map.Get(row, ContactRules.Channel), ContactRules.Channel, Error);
            var party = Parse<ContactParty>(map.Get(row, ContactRules.Party), ContactRules.Party, Error);
            var result = Parse<ContactResult>(map.Get(row, ContactRules.Result), ContactRules.Result, Error);
            var amountText = map.Get(row, "承诺金额（元）");
            long? promised = amountText.Length == 0 ? null : Yuan.ParseFen(amountText) is var fen and >= 0 ? fen : null;
            if (amountText.Length > 0 && promised is null) Error("承诺金额（元）", "应为金额（元），最多两位小数，如 1200.50");
            var promisedOn = ParseDate(map.Get(row, ContactRules.PromisedDate), ContactRules.PromisedDate, Error);
            var nextOn = ParseDate(map.Get(row, ContactRules.NextActionDate), ContactRules.NextActionDate, Error);
            if (errors.Count > before || c is null || at is null) continue;
            var input = new ContactInput(at.Value, channel!.Value, party!.Value, result!.Value, Nullable(map.Get(row, ContactRules.Notes)),
                Nullable(map.Get(row, ContactRules.NextAction)), nextOn, promised, promisedOn);
            foreach (var (field, message) in ContactRules.Check(input, now)) Error(ColumnOf(field), message);
            if (seen.TryGetValue((c.Id, at.Value, result.Value), out var first)) Error(ContactRules.Time, $"与第 {first} 行重复（同一案件、同一时间、同一结果）");
            else seen[(c.Id, at.Value, result.Value)] = row.Number;
            if (errors.Count == before) inputs.Add((c, input));
        }
        if (errors.Count > 0) throw new ImportRejectedException(errors);
        if (inputs.Count == 0) throw new ImportRejectedException([new ImportError(0, null, "文件中没有填写联系结果的行：请在“联系时间”至“下一步日期”各列填写后再导入")]);

        var recordedAt = clock.UtcNow;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.ContactRecords.AddRange(inputs.Select(i => ContactRules.ToRecord(i.Case, i.Input, scope.UserName, recordedAt)));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new CallListImportResult(Path.GetFileName(fileName), inputs.Count, empty);
    }

    private static string[] Names<T>() where T : struct, Enum => Enum.GetValues<T>().Select(CollectionTexts.Name).ToArray();

    private static T? Parse<T>(string text, string column, Action<string, string> error) where T : struct, Enum
    {
        foreach (var v in Enum.GetValues<T>())
            if (CollectionTexts.Name(v) == text) return v;
        error(column, text.Length == 0 ? $"不能为空，应为：{string.Join("、", Names<T>())}" : $"“{text}”不是可选的值，应为：{string.Join("、", Names<T>())}");
        return null;
    }

    private static readonly string[] TimeFormats = ["yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd H:mm", "yyyy/M/d H:mm", "yyyy/M/d HH:mm", "yyyy/M/d H:mm:ss", "yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss"];
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy/M/d", "yyyy-M-d"];

    private static DateTime? ParseTime(string text) =>
        DateTime.TryParseExact(text, TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) ? t : null;

    private static DateOnly? ParseDate(string text, string column, Action<string, string> error)
    {
        if (text.Length == 0) return null;
        if (DateOnly.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
        error(column, $"“{text}”不是日期，应如 2026-03-05");
        return null;
    }

    private static string? Nullable(string text) => text.Length == 0 ? null : text;
}
