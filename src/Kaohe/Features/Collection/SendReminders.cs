using System.Text;
using Kaohe.Common.Errors;
using Kaohe.Common.Tabular;
using Kaohe.Common.Time;
using Kaohe.Data;
using Kaohe.Domain.Accounts;
using Kaohe.Domain.Collection;
using Kaohe.Features.Ledger;
using Kaohe.Features.Units;
using Microsoft.EntityFrameworkCore;

namespace Kaohe.Features.Collection;

public sealed record SmsLine(int CaseId, string BorrowerName, string Phone, SmsOutcome? Outcome, string Detail);

public sealed record SmsResult(int Sent, int NotSent, int WithoutPhone, IReadOnlyList<SmsLine> Lines);

/// <summary>
/// 催收短信 for the open cases of a unit (or a tab of its queue), from a template (<see cref="SmsTemplate"/>), to the
/// phone on the borrower's newest contract in the current 合同台账. Either sent through the configured gateway, each
/// message then a contact record (短信) with its delivery status, saved as soon as the gateway has answered; or written
/// to a batch file (CSV: 手机号码, 短信内容) for the platform the county already uses, each message a record 短信已交平台发送,
/// and the file's clear phone numbers an audited unmasked export. Only the unit's county officer sends.
/// </summary>
public sealed class SendReminders(KaoheDbContext db, ListCollectionQueue queue, ISmsGateway gateway, PersonalDataProtector protector)
{
    private sealed record Message(CollectionCase Case, string Name, string Phone, string Text);

    public async Task<SmsResult> SendAsync(int unitId, string template, UserScope scope, QueueTab tab = QueueTab.All, CancellationToken ct = default)
    {
        var (messages, without) = await MessagesAsync(unitId, template, scope, tab, ct);
        if (!gateway.IsConfigured) throw new KaoheException(ErrorKind.Unavailable, CollectionTexts.NoSmsGateway);
        var clock = new BeijingClock(db.Clock);
        var lines = new List<SmsLine>();
        foreach (var m in messages)
        {
            var delivery = await gateway.SendAsync(m.Phone, m.Text, ct);
            var sent = delivery.Outcome == SmsOutcome.Sent;
            await SaveAsync([Record(m, sent ? ContactResult.SmsSent : ContactResult.SmsFailed, $"{m.Text}（{delivery.Detail}）", scope, clock)], null, ct);
            lines.Add(new SmsLine(m.Case.Id, m.Name, Masking.Phone(m.Phone), delivery.Outcome, delivery.Detail));
        }
        return new SmsResult(lines.Count(l => l.Outcome == SmsOutcome.Sent), lines.Count(l => l.Outcome != SmsOutcome.Sent), without, lines);
    }

    public async Task<(byte[] File, string FileName, int Messages)> BatchAsync(int unitId, string template, UserScope scope, TableFormat format, QueueTab tab = QueueTab.All, CancellationToken ct = default)
    {
        var (messages, _) = await MessagesAsync(unitId, template, scope, tab, ct);
        if (!scope.MayUnmask(unitId)) throw KaoheException.Forbidden(LedgerPageTexts.UnmaskForbidden);
        var clock = new BeijingClock(db.Clock);
        var unit = await db.Units.Where(u => u.Id == unitId).Select(u => u.Name).SingleAsync(ct);
        var file = TableWriter.Write(["手机号码", "短信内容"], messages.Select(m => (IReadOnlyList<string>)[m.Phone, m.Text]), format == TableFormat.Xlsx ? TableFormat.Csv : format);
        var view = new UnmaskedView("催收短信批量文件", null, unitId, $"{unit} 催收短信", ["联系电话"], messages.Count, "交短信平台发送");
        await SaveAsync(messages.Select(m => Record(m, ContactResult.SmsHandedOver, m.Text, scope, clock)).ToList(), view, ct);
        return (file, $"{unit}催收短信-{clock.Today:yyyyMMdd}.csv", messages.Count);
    }

    private async Task<(List<Message> Messages, int WithoutPhone)> MessagesAsync(int unitId, string template, UserScope scope, QueueTab tab, CancellationToken ct)
    {
        if (tab == QueueTab.Closed) throw KaoheException.Invalid(CollectionTexts.SmsClosed);
        var t = SmsTemplate.Parse(template);
        var q = await queue.HandleAsync(unitId, scope, tab, null, 1, ListCollectionQueue.All, ct);
        if (!scope.MayRecordContacts(unitId)) throw KaoheException.Forbidden(CollectionTexts.SmsForbidden);
        var ids = q.Lines.Select(l => l.CaseId).ToList();
        var cases = await db.CollectionCases.Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        var keys = cases.Values.Select(c => c.BorrowerKey).ToList();
        var phones = (await db.CurrentContracts(scope, unitId).Where(c => keys.Contains(c.BorrowerKey) && c.PhoneCipher != null)
                .Select(c => new { c.BorrowerKey, c.SchoolYear, c.PhoneCipher }).ToListAsync(ct))
            .GroupBy(c => c.BorrowerKey).ToDictionary(g => g.Key, g => protector.Decrypt(g.MaxBy(c => c.SchoolYear)!.PhoneCipher!));
        var messages = new List<Message>();
        foreach (var l in q.Lines)
            if (phones.TryGetValue(cases[l.CaseId].BorrowerKey, out var phone))
                messages.Add(new Message(cases[l.CaseId], l.BorrowerName, phone, t.Render(l.BorrowerName, q.UnitName, l.OverdueFen, l.OldestUnpaidDue, l.DaysOverdue)));
        return (messages, q.Lines.Count - messages.Count);
    }

    private static ContactRecord Record(Message m, ContactResult result, string notes, UserScope scope, BeijingClock clock) =>
        ContactRules.ToRecord(m.Case, new ContactInput(clock.Now.DateTime, ContactChannel.Sms, ContactParty.Borrower, result, Notes: notes.Length > 2000 ? notes[..2000] : notes),
            scope.UserName, clock.UtcNow);

    private async Task SaveAsync(IReadOnlyList<ContactRecord> records, UnmaskedView? view, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (view is not null) await Masking.RecordUnmaskedViewAsync(db, view, ct);
        db.ContactRecords.AddRange(records);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }
}
