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

/// <summary>A file to keep with a contact record: its name as uploaded (shown, never used as a path) and its bytes.</summary>
public sealed record EvidenceUpload(string FileName, byte[] Content);

/// <summary>
/// Appends one contact record to a case's trail (留痕), in one transaction with its audit entry. Nothing is ever
/// edited: a correction is a new record naming the one it corrects, once. Field names in the errors are the form's.
/// </summary>
public sealed class RecordContact(KaoheDbContext db)
{
    /// <param name="evidence">Photos, recordings or PDFs kept with the record (at most 5, 10 MB each; the kind from the bytes).</param>
    public async Task<ContactRecord> HandleAsync(int caseId, ContactInput input, UserScope scope, IReadOnlyList<EvidenceUpload>? evidence = null, CancellationToken ct = default)
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
        var files = Evidence(c, evidence ?? [], errors);
        if (errors.Count > 0)
            throw KaoheException.InvalidFields(CollectionTexts.RecordInvalid, errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()));

        var record = ContactRules.ToRecord(c, input, scope.UserName, clock.UtcNow, files.Count == 0 ? null : string.Join(",", files.Select(f => f.Sha256)));
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.ContactRecords.Add(record);
        await db.SaveChangesAsync(ct);
        foreach (var f in files) f.ContactRecordId = record.Id;
        db.ContactEvidence.AddRange(files);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return record;
    }

    /// <summary>The files to keep, each checked by its bytes; what is wrong with the others goes to <paramref name="errors"/>.</summary>
    private static List<ContactEvidence> Evidence(CollectionCase c, IReadOnlyList<EvidenceUpload> evidence, List<(string Field, string Message)> errors)
    {
        var files = new List<ContactEvidence>();
        if (evidence.Count > ContactEvidence.MaxFiles) errors.Add((ContactRules.Evidence, CollectionTexts.EvidenceTooMany(ContactEvidence.MaxFiles)));
        foreach (var f in evidence)
        {
            var name = Path.GetFileName(f.FileName ?? "");  // a JSON client may leave out a name or the content
            if (f.Content is null || f.Content.Length == 0 || f.Content.Length > ContactEvidence.MaxBytes) errors.Add((ContactRules.Evidence, CollectionTexts.EvidenceEmptyOrTooLarge(name)));
            else if (ContactEvidence.ContentTypeOf(f.Content) is not { } type) errors.Add((ContactRules.Evidence, CollectionTexts.EvidenceKindUnknown(name)));
            else files.Add(new ContactEvidence
            {
                UnitId = c.UnitId, FileName = name.Length > 260 ? name[^260..] : name, ContentType = type, Size = f.Content.Length,
                Sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(f.Content)), Content = f.Content,
            });
        }
        return files;
    }
}
