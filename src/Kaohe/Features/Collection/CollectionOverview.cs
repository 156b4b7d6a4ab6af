using Kaohe.Common.Time;
using Kaohe.Data;
using Kaohe.Domain.Accounts;
using Kaohe.Domain.Collection;
using Kaohe.Features.Ledger;
using Microsoft.EntityFrameworkCore;

namespace Kaohe.Features.Collection;

/// <summary>The collection work of one unit in figures: no borrower in it, so every role that sees the unit may read it.</summary>
public sealed record CollectionUnitFigures(
    int UnitId, string UnitName, int CityGroupId, string City, int OpenCases, long OverdueFen, IReadOnlyDictionary<AgingBucket, int> CasesByBucket,
    int NeverContacted, int ContactedInPeriod, int ContactsInPeriod, int PromisesMade, int PromisesKept, int PromisesBroken, int Lost,
    long RecoveredAfterContactFen = 0)
{
    /// <summary>Share of the cases open at the period's end contacted within the period, percent; null without open cases.</summary>
    public decimal? ContactedShare => OpenCases == 0 ? null : Math.Round(100m * ContactedInPeriod / OpenCases, 2);

    /// <summary>Promises kept of those judged, percent; null when none was judged.</summary>
    public decimal? KeptShare => PromisesKept + PromisesBroken == 0 ? null : Math.Round(100m * PromisesKept / (PromisesKept + PromisesBroken), 2);
}

/// <summary>
/// The days the figures look at, Beijing dates, both included. Cases are counted as they stood at <see cref="To"/> (open
/// then: opened on or before it and not closed by it); contacts, promises, their judgements and recovery within it.
/// </summary>
public sealed record CollectionPeriod(DateOnly From, DateOnly To)
{
    public const int DefaultDays = 30;

    /// <summary>The 30 days up to today (today the 30th), the period the desk and the bulletin use.</summary>
    public static CollectionPeriod LastDays(DateOnly today, int days = DefaultDays) => new(today.AddDays(1 - days), today);

    /// <summary>The period a page or a request names: either end may be left out (the end then today, the start 30 days before the end); none for neither.</summary>
    public static CollectionPeriod? Of(DateOnly? from, DateOnly? to, DateOnly today) =>
        from is null && to is null ? null : new(from ?? (to ?? today).AddDays(1 - DefaultDays), to ?? today);
}

public sealed record CollectionOverviewResult(DateOnly AsOf, IReadOnlyList<CollectionUnitFigures> Units)
{
    /// <summary>The period of the figures (<see cref="AsOf"/> is its end).</summary>
    public CollectionPeriod Period { get; init; } = CollectionPeriod.LastDays(AsOf);

    public int OpenCases => Units.Sum(u => u.OpenCases);
    public long OverdueFen => Units.Sum(u => u.OverdueFen);

    /// <summary>Each unit's open cases by aging bucket, with the share contacted in the last 30 days on the right axis.</summary>
    public Common.Charts.ChartSpec Chart() => new("collection-units", CollectionTexts.ChartTitle,
        Units.Select(u => u.UnitName).ToList(),
        [
            .. Enum.GetValues<AgingBucket>().Select(b => new Common.Charts.ChartSeries(CollectionTexts.Name(b), Units.Select(u => (decimal?)u.CasesByBucket[b]).ToList())),
            new Common.Charts.ChartSeries(CollectionTexts.ChartContacted, Units.Select(u => u.ContactedShare).ToList(), Common.Charts.SeriesKind.Line, OnRightAxis: true),
        ],
        LeftAxis: CollectionTexts.CasesUnit, RightAxis: "%", Horizontal: Units.Count > 12);
}

/// <summary>
/// Per unit of the caller's scope that has cases: open cases and overdue amount by aging bucket, how many were never
/// contacted or contacted in the last 30 days, promises made and how they ended, borrowers lost (失联). Figures only:
/// the bank observer reads them too. The computed indicators and the bulletin section are to build on these.
/// </summary>
public sealed class CollectionOverview(KaoheDbContext db)
{
    /// <summary>Today in Beijing, the default end of a period.</summary>
    public DateOnly Today => new BeijingClock(db.Clock).Today;

    /// <param name="withRecovery">Also read what was recovered within 90 days of a contact (the current 还款计划 rows of
    /// every contacted borrower, a query per unit): the figures page and the API ask for it, the desk and the bulletin do not.</param>
    /// <param name="period">The days to count; the 30 days up to today when not given. A period ending after today ends today.</param>
    public async Task<CollectionOverviewResult> HandleAsync(UserScope scope, int? cityGroupId = null, bool withRecovery = false,
        CollectionPeriod? period = null, CancellationToken ct = default)
    {
        var today = new BeijingClock(db.Clock).Today;
        var p = period ?? CollectionPeriod.LastDays(today);
        if (p.To > today) p = p with { To = today };
        if (p.From > p.To) throw Common.Errors.KaoheException.InvalidFields(CollectionTexts.PeriodInvalid, new Dictionary<string, string[]> { ["from"] = [CollectionTexts.PeriodInvalid] });
        var (fromUtc, endUtc) = (BeijingClock.StartOfDayUtc(p.From), BeijingClock.StartOfDayUtc(p.To.AddDays(1)));
        var units = db.UnitIdsVisibleTo(scope);
        var names = await db.Units.Where(u => units.Contains(u.Id) && (cityGroupId == null || u.CityGroupId == cityGroupId))
            .OrderBy(u => u.CityGroup.SortOrder).ThenBy(u => u.SortOrder)
            .Select(u => new { u.Id, u.Name, u.CityGroupId, City = u.CityGroup.Name }).ToListAsync(ct);
        var ids = names.Select(n => n.Id).ToList();
        // Open at the period's end; the amounts are each case's latest (a case's amounts are not kept day by day).
        var open = (await db.CollectionCases.Where(c => ids.Contains(c.UnitId) && c.OpenedOn <= p.To && (c.ClosedOn == null || c.ClosedOn > p.To))
            .Select(c => new { c.Id, c.UnitId, Overdue = c.OverduePrincipalFen + c.OverdueInterestFen, c.OldestUnpaidDue }).ToListAsync(ct))
            .ToLookup(c => c.UnitId);
        var records = await db.ContactRecords.Where(r => ids.Contains(r.UnitId) && r.ContactedAtUtc < endUtc)
            .Select(r => new { r.Id, r.CaseId, r.UnitId, r.ContactedAtUtc, r.Result, Promise = r.PromisedOn != null, r.CorrectsId }).ToListAsync(ct);
        var valid = ContactRules.Uncorrected(records, r => r.Id, r => r.CorrectsId).ToList();
        var inPeriod = valid.Where(r => r.ContactedAtUtc >= fromUtc).ToList();
        var byUnit = inPeriod.ToLookup(r => r.UnitId);
        var outcomes = (await db.PromiseOutcomes.Where(o => ids.Contains(o.UnitId) && o.CheckedOn >= p.From && o.CheckedOn <= p.To)
            .Select(o => new { o.UnitId, o.Kept }).ToListAsync(ct)).ToLookup(o => o.UnitId);
        var lastResult = valid.GroupBy(r => r.CaseId).ToDictionary(g => g.Key, g => g.MaxBy(r => (r.ContactedAtUtc, r.Id))!.Result);
        var contactedCases = inPeriod.Select(r => r.CaseId).ToHashSet();
        var recovered = withRecovery ? await RecoveredAfterContactAsync(scope, valid.Select(r => (r.CaseId, r.ContactedAtUtc)).ToList(), p, ct) : [];

        var rows = names.Select(n =>
        {
            var cases = open[n.Id].ToList();
            var mine = byUnit[n.Id].ToList();
            var judged = outcomes[n.Id].ToList();
            return new CollectionUnitFigures(n.Id, n.Name, n.CityGroupId, n.City, cases.Count, cases.Sum(c => c.Overdue),
                Enum.GetValues<AgingBucket>().ToDictionary(b => b, b => cases.Count(c => AgingBuckets.Of(p.To.DayNumber - c.OldestUnpaidDue.DayNumber) == b)),
                cases.Count(c => !lastResult.ContainsKey(c.Id)), cases.Count(c => contactedCases.Contains(c.Id)), mine.Count,
                mine.Count(r => r.Promise), judged.Count(o => o.Kept), judged.Count(o => !o.Kept),
                cases.Count(c => lastResult.TryGetValue(c.Id, out var r) && r == ContactResult.Lost), recovered.GetValueOrDefault(n.Id));
        }).Where(r => r.OpenCases > 0 || r.PromisesMade > 0).ToList();
        return new CollectionOverviewResult(p.To, rows) { Period = p };
    }

    /// <summary>
    /// Per unit: what the current 还款计划 shows paid within the period and within 90 days after a contact about the case
    /// (a row completed on a day d counts when some contact fell on or before d and no more than 90 days before it),
    /// whether or not the case is still open. Rows are read only for the contacted borrowers.
    /// </summary>
    private async Task<Dictionary<int, long>> RecoveredAfterContactAsync(UserScope scope, List<(int CaseId, DateTime At)> contacts, CollectionPeriod period, CancellationToken ct)
    {
        if (contacts.Count == 0) return [];
        var caseIds = contacts.Select(c => c.CaseId).Distinct().ToList();
        var cases = await db.CollectionCases.Where(c => caseIds.Contains(c.Id)).Select(c => new { c.Id, c.UnitId, c.BorrowerKey }).ToListAsync(ct);
        var days = contacts.GroupBy(c => c.CaseId).ToDictionary(g => g.Key, g => g.Select(c => BeijingClock.DateOf(c.At)).Order().ToList());
        var result = new Dictionary<int, long>();
        foreach (var unit in cases.GroupBy(c => c.UnitId))
        {
            var byBorrower = unit.GroupBy(c => c.BorrowerKey).ToDictionary(g => g.Key, g => g.SelectMany(c => days[c.Id]).Order().ToList());
            var keys = byBorrower.Keys.ToList();
            var paid = await db.CurrentInstalments(scope, unitId: unit.Key).Where(i => keys.Contains(i.BorrowerKey) && i.PaidDate >= period.From && i.PaidDate <= period.To)
                .Select(i => new { i.BorrowerKey, PaidDate = i.PaidDate!.Value, Paid = i.PaidPrincipalFen + i.PaidInterestFen }).ToListAsync(ct);
            result[unit.Key] = paid.Where(p => byBorrower[p.BorrowerKey].Any(d => d <= p.PaidDate && p.PaidDate.DayNumber - d.DayNumber <= 90)).Sum(p => p.Paid);
        }
        return result;
    }
}
