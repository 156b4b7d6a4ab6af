using Kaohe.Common.Errors;
using Kaohe.Common.Tabular;
using Kaohe.Common.Time;
using Kaohe.Data;
using Kaohe.Domain.Accounts;
using Kaohe.Domain.Collection;
using Kaohe.Features.Ledger;
using Microsoft.EntityFrameworkCore;

namespace Kaohe.Features.Collection;

/// <summary>
/// The 催收短信 of <see cref="SendReminders"/> written to a batch file (CSV: 手机号码, 短信内容) for the SMS platform the
/// county already uses: each message a contact record 短信已交平台发送, and the file's clear phone numbers an audited
/// unmasked export. Only the unit's county officer, who may see the unit's phones in clear, exports it.
/// </summary>
public sealed class ExportReminderBatch(KaoheDbContext db, ListCollectionQueue queue, PersonalDataProtector protector)
{
    public async Task<(byte[] File, string FileName, int Messages)> HandleAsync(int unitId, string template, UserScope scope, TableFormat format, QueueTab tab = QueueTab.All, CancellationToken ct = default)
    {
        var (messages, _) = await ReminderMessages.DraftAsync(db, queue, protector, unitId, template, scope, tab, ct);
        if (!scope.MayUnmask(unitId)) throw KaoheException.Forbidden(LedgerPageTexts.UnmaskForbidden);
        var clock = new BeijingClock(db.Clock);
        var unit = await db.Units.Where(u => u.Id == unitId).Select(u => u.Name).SingleAsync(ct);
        var file = TableWriter.Write(["手机号码", "短信内容"], messages.Select(m => (IReadOnlyList<string>)[m.Phone, m.Text]), format == TableFormat.Xlsx ? TableFormat.Csv : format);
        var view = new UnmaskedView(CollectionTexts.SmsBatchView, null, unitId, CollectionTexts.SmsBatchViewOf(unit), [CollectionTexts.SmsBatchPhoneField], messages.Count, CollectionTexts.SmsBatchPurpose);
        await ReminderMessages.SaveAsync(db, messages.Select(m => ReminderMessages.Record(m, ContactResult.SmsHandedOver, m.Text, scope, clock)).ToList(), view, ct);
        return (file, CollectionTexts.SmsBatchFileName(unit, clock.Today), messages.Count);
    }
}
