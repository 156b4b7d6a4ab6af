using Kaohe.Common.Errors;
using Kaohe.Common.Time;
using Kaohe.Data;
using Kaohe.Domain.Accounts;
using Kaohe.Domain.Collection;
using Kaohe.Features.Ledger;
using Microsoft.EntityFrameworkCore;

namespace Kaohe.Features.Collection;

/// <summary>
/// What <see cref="SendReminders"/> and <see cref="ExportReminderBatch"/> share: the messages of a tab's open cases,
/// one per borrower with a phone on the newest contract of the current 合同台账, each to become a contact record (短信).
/// </summary>
internal static class ReminderMessages
{
    internal sealed record Message(CollectionCase Case, string Name, string Phone, string Text);

    /// <summary>The messages, and how many of the tab's cases have no phone. Only the unit's county officer sends.</summary>
    public static async Task<(List<Message> Messages, int WithoutPhone)> DraftAsync(
        KaoheDbContext db, ListCollectionQueue queue, PersonalDataProtector protector, int unitId, string template, UserScope scope, QueueTab tab, CancellationToken ct)
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

    /// <summary>The contact record of one message (notes cut to the record's 2000 characters).</summary>
    public static ContactRecord Record(Message m, ContactResult result, string notes, UserScope scope, BeijingClock clock) =>
        ContactRules.ToRecord(m.Case, new ContactInput(clock.Now.DateTime, ContactChannel.Sms, ContactParty.Borrower, result, Notes: notes.Length > 2000 ? notes[..2000] : notes),
            scope.UserName, clock.UtcNow);

    /// <summary>Saves the records (and, for a batch file, its audited unmasked view) in one transaction.</summary>
    public static async Task SaveAsync(KaoheDbContext db, IReadOnlyList<ContactRecord> records, UnmaskedView? view, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (view is not null) await Masking.RecordUnmaskedViewAsync(db, view, ct);
        db.ContactRecords.AddRange(records);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }
}
