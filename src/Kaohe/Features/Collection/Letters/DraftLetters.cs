using Kaohe.Common.Errors;
using Kaohe.Common.Time;
using Kaohe.Data;
using Kaohe.Domain.Accounts;
using Kaohe.Domain.Collection;
using Kaohe.Features.Ledger;
using Microsoft.EntityFrameworkCore;

namespace Kaohe.Features.Collection;

/// <param name="CaseIds">The cases to write to; null for every open case of <see cref="Tab"/>.</param>
/// <param name="Deadline">The date the letter asks the arrears to be paid by (Beijing); null for 15 days from today.</param>
/// <param name="Record">Register each letter as sent: a contact record 信函 / 信函已寄出 on its case.</param>
public sealed record LetterRequest(LetterKind Kind, IReadOnlyList<int>? CaseIds = null, QueueTab Tab = QueueTab.All, DateOnly? Deadline = null, bool Record = false);

public sealed record LetterBatch(string UnitName, LetterKind Kind, DateOnly Date, IReadOnlyList<Letter> Letters, int Recorded)
{
    public string FileName(string extension) => LetterTexts.FileName(UnitName, Kind, Date, extension);
}

/// <summary>
/// 还款提醒函 and 逾期催收函 for one case or a batch of a unit's open cases (issue 13): the province's text
/// (<see cref="LetterTemplates"/>) filled in from each case, addressed to the borrower and the co-borrower of the newest
/// contract in the current 合同台账, signed by the unit's centre with its address and phone. Only the unit's county officer
/// writes them; registered as sent, each letter is a contact record, all in one transaction.
/// </summary>
public sealed class DraftLetters(KaoheDbContext db, ListCollectionQueue queue, LetterTemplates templates)
{
    public const int DefaultDays = 15;

    /// <summary>The deadline a letter gets unless one is chosen: 15 days from today (Beijing).</summary>
    public DateOnly DefaultDeadline => new BeijingClock(db.Clock).Today.AddDays(DefaultDays);

    public async Task<LetterBatch> HandleAsync(int unitId, LetterRequest request, UserScope scope, CancellationToken ct = default)
    {
        var q = await queue.HandleAsync(unitId, scope, request.CaseIds is null ? request.Tab : QueueTab.All, null, 1, ListCollectionQueue.All, ct);
        if (!scope.MayRecordContacts(unitId)) throw KaoheException.Forbidden(LetterTexts.LettersForbidden);
        LetterText.RequireKnown(request.Kind);
        var clock = new BeijingClock(db.Clock);
        var deadline = request.Deadline ?? DefaultDeadline;
        if (deadline < clock.Today) throw KaoheException.InvalidFields(LetterTexts.DeadlineInPast, new Dictionary<string, string[]> { ["deadline"] = [LetterTexts.DeadlineInPast] });
        var lines = q.Lines.Where(l => l.ClosedOn is null && (request.CaseIds is null || request.CaseIds.Contains(l.CaseId))).ToList();
        if (request.CaseIds is { } ids && ids.Except(lines.Select(l => l.CaseId)).Any()) throw KaoheException.NotFound(LetterTexts.CaseNotInUnit);
        if (lines.Count == 0) throw KaoheException.Invalid(LetterTexts.NoCases);

        var unit = await db.Units.Where(u => u.Id == unitId).Select(u => new { u.Name, u.CentreAddress, u.CentrePhone }).SingleAsync(ct);
        var keys = lines.Select(l => l.BorrowerKey).ToList();
        var coBorrowers = (await db.CurrentContracts(scope, unitId).Where(c => keys.Contains(c.BorrowerKey))
                .Select(c => new { c.BorrowerKey, c.SchoolYear, c.CoBorrowerName }).ToListAsync(ct))
            .GroupBy(c => c.BorrowerKey).ToDictionary(g => g.Key, g => g.MaxBy(c => c.SchoolYear)!.CoBorrowerName);
        var text = await templates.TextAsync(request.Kind, ct);
        var centre = LetterTexts.CentreName(unit.Name);
        var letters = lines.Select(l => text.Render(l.CaseId, new LetterFacts(l.BorrowerName, coBorrowers.GetValueOrDefault(l.BorrowerKey), l.Contracts,
            l.OverduePrincipalFen, l.OverdueInterestFen, l.OldestUnpaidDue, l.DaysOverdue, deadline, centre, unit.CentreAddress, unit.CentrePhone, clock.Today))).ToList();
        if (request.Record) await RecordAsync(lines.Select(l => l.CaseId).ToList(), request.Kind, deadline, scope, clock, ct);
        return new LetterBatch(unit.Name, request.Kind, clock.Today, letters, request.Record ? letters.Count : 0);
    }

    private async Task RecordAsync(List<int> caseIds, LetterKind kind, DateOnly deadline, UserScope scope, BeijingClock clock, CancellationToken ct)
    {
        var cases = await db.CollectionCases.Where(c => caseIds.Contains(c.Id)).ToListAsync(ct);
        var input = new ContactInput(clock.Now.DateTime, ContactChannel.Letter, ContactParty.Borrower, ContactResult.LetterSent, Notes: LetterTexts.Notes(kind, deadline));
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.ContactRecords.AddRange(cases.Select(c => ContactRules.ToRecord(c, input, scope.UserName, clock.UtcNow)));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }
}
