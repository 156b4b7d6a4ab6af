using Kaohe.Domain.Accounts;
using Kaohe.Features.Desk;

namespace Kaohe.Features.Collection;

/// <summary>
/// The collection desk's part of the home pages: for a county, the promises come due or broken, the cases never
/// contacted and the next steps planned for this week or already past, each linking to its tab of the queue; for a
/// city and the province, the open cases of their units and how many were never contacted.
/// </summary>
public sealed class CollectionDesk(ListCollectionQueue queue, CollectionOverview overview) : IDeskSource
{
    public async Task<IReadOnlyList<DeskItem>> ItemsAsync(UserScope scope, DateOnly today, CancellationToken ct)
    {
        if (scope is { Role: Role.CountyOperator, UnitId: { } unit })
        {
            var q = await queue.HandleAsync(unit, scope, QueueTab.All, null, 1, ListCollectionQueue.All, ct);
            var href = $"/Collection/Queue/{unit}";
            var items = new List<DeskItem>();
            if (q.Counts[QueueTab.Promises] > 0) items.Add(new DeskItem(DeskAreas.Collection, CollectionDeskTexts.Promises, href + "?tab=Promises", q.Counts[QueueTab.Promises]));
            if (q.Counts[QueueTab.NeverContacted] > 0) items.Add(new DeskItem(DeskAreas.Collection, CollectionDeskTexts.NeverContacted, href + "?tab=NeverContacted", q.Counts[QueueTab.NeverContacted]));
            var planned = q.Lines.Where(l => l.NextActionOn is { } d && d <= today.AddDays(7)).ToList();
            if (planned.Count > 0)
                items.Add(new DeskItem(DeskAreas.Collection, CollectionDeskTexts.NextSteps, href, planned.Count, planned.Min(l => l.NextActionOn)));
            return items;
        }
        if (scope.Role is not (Role.CityReviewer or Role.ProvinceAdmin)) return [];
        var o = await overview.HandleAsync(scope, ct: ct);
        if (o.OpenCases == 0) return [];
        return [new DeskItem(DeskAreas.Collection, CollectionDeskTexts.Open, "/Collection", o.OpenCases,
            Detail: CollectionDeskTexts.OpenDetail(o.Units.Sum(u => u.NeverContacted), o.Units.Sum(u => u.Lost)))];
    }
}
