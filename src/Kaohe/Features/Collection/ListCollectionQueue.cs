using System.ComponentModel;
using Kaohe.Common.Errors;
using Kaohe.Common.Time;
using Kaohe.Data;
using Kaohe.Domain.Accounts;
using Kaohe.Domain.Collection;
using Microsoft.EntityFrameworkCore;

namespace Kaohe.Features.Collection;

/// <summary>The queue's tabs; each counts its cases.</summary>
public enum QueueTab
{
    [Description("全部待办")] All = 0,
    [Description("承诺到期/违约")] Promises = 1,
    [Description("从未联系")] NeverContacted = 2,
    [Description("本月新逾期")] NewThisMonth = 3,
    [Description("失联")] Lost = 4,
    [Description("已结案")] Closed = 5,
}

/// <summary>Where a case's promise to pay stands.</summary>
public enum PromiseState
{
    [Description("无")] None = 0,
    [Description("承诺中")] Pending = 1,
    [Description("承诺已到期")] Due = 2,
    [Description("已违约")] Broken = 3,
    [Description("已兑现")] Kept = 4,
}

public sealed record QueueLine(
    int CaseId, long BorrowerKey, string BorrowerName, string Contracts, long OverduePrincipalFen, long OverdueInterestFen,
    DateOnly OldestUnpaidDue, int DaysOverdue, AgingBucket Bucket, DateOnly OpenedOn, DateOnly? ClosedOn, int Contacts,
    DateTime? LastContactUtc, ContactResult? LastResult, PromiseState Promise, DateOnly? PromisedOn, long? PromisedFen, DateOnly? NextActionOn, int Priority)
{
    public long OverdueFen => OverduePrincipalFen + OverdueInterestFen;
}

public sealed record BucketTotal(AgingBucket Bucket, int Cases, long OverdueFen);

public sealed record CollectionQueue(
    int UnitId, string UnitName, string City, DateOnly AsOf, QueueTab Tab, AgingBucket? Bucket, bool MayRecord,
    IReadOnlyDictionary<QueueTab, int> Counts, IReadOnlyList<BucketTotal> Buckets, IReadOnlyList<QueueLine> Lines, int Total, int Page, int PageSize)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>
/// 今日待办: a unit's open cases, first what cannot wait. The priority, in this order: (1) a promise whose date has
/// come without a payment judged, or a promise broken and not followed up since; (2) a case never contacted;
/// (3) the rest. Within each, the larger overdue amount × days overdue first. The tabs narrow the same order
/// (本月新逾期: opened this month; 失联: the latest contact's result was 失联); 已结案 lists closed cases, newest first.
/// City and province read the same queue; only the unit's own county officer records contacts.
/// </summary>
public sealed class ListCollectionQueue(KaoheDbContext db)
{
    public const int DefaultPageSize = 50, MaxPageSize = 500;

    /// <summary>Every case of the tab in one page: for the call list, the SMS and the desk, never for a screen.</summary>
    internal const int All = int.MaxValue;

    /// <param name="pageSize">At most <see cref="MaxPageSize"/>; the callers inside Kaohe that need the whole tab pass <see cref="All"/>.</param>
    public async Task<CollectionQueue> HandleAsync(int unitId, UserScope scope, QueueTab tab = QueueTab.All, AgingBucket? bucket = null, int page = 1, int pageSize = DefaultPageSize, CancellationToken ct = default)
    {
        var cases = (await db.CasesVisibleToAsync(scope, ct)).Where(c => c.UnitId == unitId);
        var unit = await db.UnitsVisibleTo(scope).Where(u => u.Id == unitId).Select(u => new { u.Name, City = u.CityGroup.Name }).FirstOrDefaultAsync(ct)
            ?? throw KaoheException.NotFound();
        var today = new BeijingClock(db.Clock).Today;
        var lines = await LinesAsync(db, cases.Where(c => c.ClosedOn == null), today, ct);
        var closedCount = await cases.CountAsync(c => c.ClosedOn != null, ct);
        var monthStart = new DateOnly(today.Year, today.Month, 1);
        bool In(QueueTab t, QueueLine l) => t switch
        {
            QueueTab.Promises => l.Promise is PromiseState.Due or PromiseState.Broken,
            QueueTab.NeverContacted => l.Contacts == 0,
            QueueTab.NewThisMonth => l.OpenedOn >= monthStart,
            QueueTab.Lost => l.LastResult == ContactResult.Lost,
            _ => true,
        };
        var counts = Enum.GetValues<QueueTab>().ToDictionary(t => t, t => t == QueueTab.Closed ? closedCount : lines.Count(l => In(t, l)));
        var buckets = Enum.GetValues<AgingBucket>().Select(b => new BucketTotal(b, lines.Count(l => l.Bucket == b), lines.Where(l => l.Bucket == b).Sum(l => l.OverdueFen))).ToList();

        List<QueueLine> chosen;
        if (tab == QueueTab.Closed)
        {
            var closed = await LinesAsync(db, cases.Where(c => c.ClosedOn != null), today, ct);
            chosen = closed.Where(l => bucket is null || l.Bucket == bucket).OrderByDescending(l => l.ClosedOn).ThenByDescending(l => l.CaseId).ToList();
        }
        else
        {
            chosen = lines.Where(l => In(tab, l) && (bucket is null || l.Bucket == bucket))
                .OrderBy(l => l.Priority).ThenByDescending(l => (decimal)l.OverdueFen * l.DaysOverdue).ThenBy(l => l.CaseId).ToList();
        }
        pageSize = pageSize == All ? All : Math.Clamp(pageSize, 1, MaxPageSize);
        page = Math.Max(1, page);
        return new CollectionQueue(unitId, unit.Name, unit.City, today, tab, bucket, scope.MayRecordContacts(unitId), counts, buckets,
            chosen.Skip((int)Math.Min((long)(page - 1) * pageSize, int.MaxValue)).Take(pageSize).ToList(), chosen.Count, page, pageSize);
    }

    /// <summary>The cases with their contacts and promise, as of today (Beijing).</summary>
    internal static async Task<List<QueueLine>> LinesAsync(KaoheDbContext db, IQueryable<CollectionCase> cases, DateOnly today, CancellationToken ct)
    {
        var list = await cases.AsNoTracking().ToListAsync(ct);
        var ids = cases.Select(c => c.Id);
        var records = await db.ContactRecords.AsNoTracking().Where(r => ids.Contains(r.CaseId))
            .Select(r => new { r.Id, r.CaseId, r.ContactedAtUtc, r.Result, r.PromisedFen, r.PromisedOn, r.NextActionOn, r.CorrectsId }).ToListAsync(ct);
        var outcomes = await db.PromiseOutcomes.AsNoTracking().Where(o => ids.Contains(o.CaseId)).ToDictionaryAsync(o => o.ContactRecordId, ct);
        var byCase = ContactRules.Uncorrected(records, r => r.Id, r => r.CorrectsId).ToLookup(r => r.CaseId);
        return list.Select(c =>
        {
            var trail = byCase[c.Id].OrderBy(r => r.ContactedAtUtc).ThenBy(r => r.Id).ToList();
            var last = trail.LastOrDefault();
            var promise = trail.LastOrDefault(r => r.PromisedOn is not null);
            var state = PromiseState.None;
            if (promise is not null)
            {
                if (outcomes.TryGetValue(promise.Id, out var o))
                    // A broken promise stays urgent until someone contacts the borrower again after it was judged.
                    state = o.Kept ? PromiseState.Kept : last!.ContactedAtUtc >= BeijingClock.StartOfDayUtc(o.CheckedOn) && last.Id != promise.Id ? PromiseState.None : PromiseState.Broken;
                else state = promise.PromisedOn <= today ? PromiseState.Due : PromiseState.Pending;
            }
            var days = c.IsOpen ? c.DaysOverdue(today) : c.DaysOverdue(c.ClosedOn!.Value);
            var priority = state is PromiseState.Due or PromiseState.Broken ? 1 : trail.Count == 0 ? 2 : 3;
            return new QueueLine(c.Id, c.BorrowerKey, c.BorrowerName, c.ContractNumbers, c.OverduePrincipalFen, c.OverdueInterestFen, c.OldestUnpaidDue,
                days, AgingBuckets.Of(days), c.OpenedOn, c.ClosedOn, trail.Count, last?.ContactedAtUtc, last?.Result, state, promise?.PromisedOn, promise?.PromisedFen,
                last?.NextActionOn, priority);
        }).ToList();
    }
}
