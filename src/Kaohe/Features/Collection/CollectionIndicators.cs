using Kaohe.Common.Time;
using Kaohe.Data;
using Kaohe.Features.Ledger;
using Microsoft.EntityFrameworkCore;

namespace Kaohe.Features.Collection;

/// <summary>
/// The assessment's indicators of 贷后管理记录和留痕 (the notice's 四（四）), for a unit and a work year as of D (12-31 of
/// the year, or today if earlier), next to the ledger's in <see cref="ComputeLedgerIndicators"/>. A corrected contact
/// record counts once, as its correction. Codes: collection.contacted-30d, collection.promise-kept,
/// collection.never-contacted; each is a source a scheme may score from (<c>LedgerSources</c>). The ledger finds it as an
/// <see cref="ILedgerIndicatorSource"/>.
/// </summary>
public sealed class CollectionIndicators(KaoheDbContext db) : ILedgerIndicatorSource
{
    public const string ContactedWithin30Days = "collection.contacted-30d",
        PromiseKept = "collection.promise-kept", NeverContacted = "collection.never-contacted";

    public async Task<IReadOnlyList<LedgerIndicator>> ComputeAsync(int unitId, int year, DateOnly asOf, CancellationToken ct)
    {
        var start = new DateOnly(year, 1, 1);
        var endUtc = BeijingClock.StartOfDayUtc(asOf.AddDays(1));
        var cases = await db.CollectionCases.AsNoTracking().Where(c => c.UnitId == unitId && c.OpenedOn <= asOf && (c.ClosedOn == null || c.ClosedOn >= start))
            .Select(c => new { c.Id, c.OpenedOn, c.ClosedOn }).ToListAsync(ct);
        var records = await db.ContactRecords.AsNoTracking().Where(r => r.UnitId == unitId && r.ContactedAtUtc < endUtc)
            .Select(r => new { r.Id, r.CaseId, r.ContactedAtUtc, r.CorrectsId }).ToListAsync(ct);
        var valid = ContactRules.Uncorrected(records, r => r.Id, r => r.CorrectsId).ToList();
        var byCase = valid.ToLookup(r => r.CaseId, r => BeijingClock.DateOf(r.ContactedAtUtc));
        var judged = await db.PromiseOutcomes.AsNoTracking().Where(o => o.UnitId == unitId && o.CheckedOn >= start && o.CheckedOn <= asOf).Select(o => o.Kept).ToListAsync(ct);

        var fresh = cases.Where(c => c.OpenedOn >= start && c.OpenedOn <= asOf.AddDays(-30)).ToList();
        var reached = fresh.Count(c => byCase[c.Id].Any(d => d >= c.OpenedOn.AddDays(-30) && d <= c.OpenedOn.AddDays(30)));
        var openAtD = cases.Where(c => c.ClosedOn is null || c.ClosedOn > asOf).ToList();
        var never = openAtD.Count(c => !byCase[c.Id].Any());
        var kept = judged.Count(k => k);
        var d = LedgerPageTexts.Date(asOf);
        decimal? Share(int k, int n) => n == 0 ? null : Math.Round(100m * k / n, 2);
        return
        [
            new(ContactedWithin30Days, CollectionTexts.ContactedWithin30DaysName, Share(reached, fresh.Count), "%",
                CollectionTexts.ContactedWithin30DaysDefinition(year, LedgerPageTexts.Date(asOf.AddDays(-30))),
                $"{reached} ÷ {fresh.Count} = {LedgerPageTexts.Rate(Share(reached, fresh.Count))}"),
            new(PromiseKept, CollectionTexts.PromiseKeptName, Share(kept, judged.Count), "%", CollectionTexts.PromiseKeptDefinition(year, d),
                $"{kept} ÷ {judged.Count} = {LedgerPageTexts.Rate(Share(kept, judged.Count))}"),
            new(NeverContacted, CollectionTexts.NeverContactedName, never, CollectionTexts.CasesUnit, CollectionTexts.NeverContactedDefinition(d), CollectionTexts.NeverContactedWorking(never, openAtD.Count)),
        ];
    }
}
