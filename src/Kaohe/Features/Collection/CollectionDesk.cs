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

public static class CollectionDeskTexts
{
    public const string Promises = "承诺还款已到期或已违约、待跟进的案件";
    public const string NeverContacted = "从未联系的逾期案件";
    public const string NextSteps = "本周内（或已过期）计划的下一步联系";
    public const string Open = "各单位未结的逾期催收案件";
    public static string OpenDetail(int never, int lost) => $"其中从未联系 {never} 件，失联 {lost} 件";
}
