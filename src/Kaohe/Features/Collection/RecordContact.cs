using Kaohe.Common.Errors;
using Kaohe.Common.Time;
using Kaohe.Data;
using Kaohe.Domain.Accounts;
using Kaohe.Domain.Collection;
using Microsoft.EntityFrameworkCore;

namespace Kaohe.Features.Collection;

/// <summary>A contact as a person enters it: the time is Beijing wall-clock time.</summary>
public sealed record ContactInput(
    DateTime ContactedAt, ContactChannel Channel, ContactParty Party, ContactResult Result, string? Notes = null,
    string? NextAction = null, DateOnly? NextActionOn = null, long? PromisedFen = null, DateOnly? PromisedOn = null, int? CorrectsId = null);

/// <summary>
/// Appends one contact record to a case's trail (留痕), in one transaction with its audit entry. Nothing is ever
/// edited: a correction is a new record naming the one it corrects, once. Field names in the errors are the form's.
/// </summary>
public sealed class RecordContact(KaoheDbContext db)
{
    public async Task<ContactRecord> HandleAsync(int caseId, ContactInput input, UserScope scope, CancellationToken ct = default)
    {
        var c = await (await db.CasesVisibleToAsync(scope, ct)).FirstOrDefaultAsync(x => x.Id == caseId, ct) ?? throw KaoheException.NotFound();
        if (!scope.MayRecordContacts(c.UnitId)) throw KaoheException.Forbidden(CollectionTexts.RecordForbidden);
        var clock = new BeijingClock(db.Clock);
        var errors = ContactRules.Check(input, clock.Now.DateTime);
        if (input.CorrectsId is { } corrects)
        {
            if (!await db.ContactRecords.AnyAsync(r => r.Id == corrects && r.CaseId == c.Id, ct)) errors.Add((ContactRules.Corrects, CollectionTexts.CorrectsUnknown));
            else if (await db.ContactRecords.AnyAsync(r => r.CorrectsId == corrects, ct)) errors.Add((ContactRules.Corrects, CollectionTexts.CorrectsTwice));
        }
        if (errors.Count > 0)
            throw KaoheException.InvalidFields(CollectionTexts.RecordInvalid, errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()));

        var record = ContactRules.ToRecord(c, input, scope.UserName, clock.UtcNow);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.ContactRecords.Add(record);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return record;
    }
}
