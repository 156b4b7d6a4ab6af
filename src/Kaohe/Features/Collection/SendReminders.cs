using Kaohe.Common.Errors;
using Kaohe.Common.Time;
using Kaohe.Data;
using Kaohe.Domain.Accounts;
using Kaohe.Domain.Collection;
using Kaohe.Features.Ledger;

namespace Kaohe.Features.Collection;

public sealed record SmsLine(int CaseId, string BorrowerName, string Phone, SmsOutcome? Outcome, string Detail);

public sealed record SmsResult(int Sent, int NotSent, int WithoutPhone, IReadOnlyList<SmsLine> Lines);

/// <summary>
/// 催收短信 for the open cases of a unit (or a tab of its queue), from a template (<see cref="SmsTemplate"/>), to the
/// phone on the borrower's newest contract in the current 合同台账, sent through the configured gateway: each message
/// then a contact record (短信) with its delivery status, saved as soon as the gateway has answered. Without a gateway,
/// <see cref="ExportReminderBatch"/> writes the same messages to a file. Only the unit's county officer sends.
/// </summary>
public sealed class SendReminders(KaoheDbContext db, ListCollectionQueue queue, ISmsGateway gateway, PersonalDataProtector protector)
{
    public async Task<SmsResult> HandleAsync(int unitId, string template, UserScope scope, QueueTab tab = QueueTab.All, CancellationToken ct = default)
    {
        var (messages, without) = await ReminderMessages.DraftAsync(db, queue, protector, unitId, template, scope, tab, ct);
        if (!gateway.IsConfigured) throw new KaoheException(ErrorKind.Unavailable, CollectionTexts.NoSmsGateway);
        var clock = new BeijingClock(db.Clock);
        var lines = new List<SmsLine>();
        foreach (var m in messages)
        {
            var delivery = await gateway.SendAsync(m.Phone, m.Text, ct);
            var sent = delivery.Outcome == SmsOutcome.Sent;
            await ReminderMessages.SaveAsync(db, [ReminderMessages.Record(m, sent ? ContactResult.SmsSent : ContactResult.SmsFailed, CollectionTexts.SmsNotes(m.Text, delivery.Detail), scope, clock)], null, ct);
            lines.Add(new SmsLine(m.Case.Id, m.Name, Masking.Phone(m.Phone), delivery.Outcome, delivery.Detail));
        }
        return new SmsResult(lines.Count(l => l.Outcome == SmsOutcome.Sent), lines.Count(l => l.Outcome != SmsOutcome.Sent), without, lines);
    }
}
