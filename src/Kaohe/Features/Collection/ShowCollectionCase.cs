using Kaohe.Common.Errors;
using Kaohe.Common.Time;
using Kaohe.Data;
using Kaohe.Domain.Accounts;
using Kaohe.Domain.Collection;
using Kaohe.Features.Ledger;
using Microsoft.EntityFrameworkCore;

namespace Kaohe.Features.Collection;

public sealed record EvidenceLine(int Id, string FileName, string ContentType, long Size);

public sealed record TrailEntry(
    int Id, DateTime ContactedAtUtc, ContactChannel Channel, ContactParty Party, ContactResult Result, string? Notes, string? NextAction,
    DateOnly? NextActionOn, long? PromisedFen, DateOnly? PromisedOn, int? CorrectsId, int? CorrectedById, string RecordedBy, DateTime RecordedAtUtc,
    bool? PromiseKept, long? PaidSinceFen, DateOnly? PromiseCheckedOn, IReadOnlyList<EvidenceLine> Evidence);

public sealed record CaseDetail(
    QueueLine Case, int UnitId, string UnitName, string City, CaseCloseReason? CloseReason, DateOnly? PaidOn, int? PreviousCaseId, int? NextCaseId,
    IReadOnlyList<TrailEntry> Trail, BorrowerDetail? Borrower, bool MayRecord, DateOnly AsOf);

/// <summary>
/// One case: its figures, the borrower's instalments and contracts from the unit's current ledger (personal numbers
/// masked; the clear view is the borrower page's, audited there), and the whole trail, newest first, with what
/// became of each promise and which records were corrected by which.
/// </summary>
public sealed class ShowCollectionCase(KaoheDbContext db, ShowBorrower borrowers)
{
    public async Task<CaseDetail> HandleAsync(int caseId, UserScope scope, CancellationToken ct = default)
    {
        var c = await (await db.CasesVisibleToAsync(scope, ct)).AsNoTracking().Where(x => x.Id == caseId)
            .Select(x => new { Case = x, Unit = x.Unit.Name, City = x.Unit.CityGroup.Name }).FirstOrDefaultAsync(ct) ?? throw KaoheException.NotFound();
        var today = new BeijingClock(db.Clock).Today;
        var line = (await ListCollectionQueue.LinesAsync(db, db.CollectionCases.Where(x => x.Id == caseId), today, ct)).Single();
        var records = await db.ContactRecords.AsNoTracking().Where(r => r.CaseId == caseId).OrderByDescending(r => r.ContactedAtUtc).ThenByDescending(r => r.Id).ToListAsync(ct);
        var outcomes = await db.PromiseOutcomes.AsNoTracking().Where(o => o.CaseId == caseId).ToDictionaryAsync(o => o.ContactRecordId, ct);
        var recordIds = records.Select(r => r.Id).ToList();
        var evidence = (await db.ContactEvidence.AsNoTracking().Where(e => recordIds.Contains(e.ContactRecordId)).OrderBy(e => e.Id)
            .Select(e => new { e.ContactRecordId, Line = new EvidenceLine(e.Id, e.FileName, e.ContentType, e.Size) }).ToListAsync(ct))
            .ToLookup(e => e.ContactRecordId, e => e.Line);
        var correctedBy = records.Where(r => r.CorrectsId is not null).ToDictionary(r => r.CorrectsId!.Value, r => r.Id);
        var trail = records.Select(r =>
        {
            var o = outcomes.GetValueOrDefault(r.Id);
            return new TrailEntry(r.Id, r.ContactedAtUtc, r.Channel, r.Party, r.Result, r.Notes, r.NextAction, r.NextActionOn, r.PromisedFen, r.PromisedOn,
                r.CorrectsId, correctedBy.TryGetValue(r.Id, out var by) ? by : null, r.RecordedBy, r.RecordedAtUtc, o?.Kept, o?.PaidSinceFen, o?.CheckedOn,
                evidence[r.Id].ToList());
        }).ToList();
        var next = await db.CollectionCases.Where(x => x.PreviousCaseId == caseId).Select(x => (int?)x.Id).FirstOrDefaultAsync(ct);
        var borrower = await borrowers.FindMaskedAsync(c.Case.UnitId, c.Case.BorrowerKey, today, scope, ct);
        return new CaseDetail(line, c.Case.UnitId, c.Unit, c.City, c.Case.CloseReason, c.Case.PaidOn, c.Case.PreviousCaseId, next, trail,
            borrower, scope.MayRecordContacts(c.Case.UnitId), today);
    }
}
