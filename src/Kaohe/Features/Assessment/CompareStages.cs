using Kaohe.Common.Errors;
using Kaohe.Data;
using Kaohe.Domain.Accounts;
using Kaohe.Domain.Assessment;
using Microsoft.EntityFrameworkCore;

namespace Kaohe.Features.Assessment;

public sealed record StageComparison(int UnitId, string Name, string City, IReadOnlyDictionary<Stage, decimal?> Totals, decimal MaxGap, bool Flagged);

/// <summary>Mean city score minus mean expert score: above zero the city was more lenient than the experts.</summary>
public sealed record CityLeniency(string City, int Units, decimal? MeanCity, decimal? MeanExpert, decimal? Leniency);

public sealed record ExpertSpread(string Expert, int Units, decimal MeanDifference, decimal MaxDifference);

public sealed record ComparisonView(IReadOnlyList<StageComparison> Units, IReadOnlyList<CityLeniency> Cities, IReadOnlyList<ExpertSpread> Experts);

/// <summary>Every unit's totals across the four stages, largest gaps first; per-city leniency; per-expert spread against the previous stage.</summary>
public sealed class CompareStages(KaoheDbContext db)
{
    public async Task<ComparisonView> HandleAsync(int campaignId, UserScope scope, CancellationToken ct = default)
    {
        var campaign = await db.Campaigns.AsNoTracking().Include(c => c.Scheme).FirstOrDefaultAsync(c => c.Id == campaignId, ct) ?? throw KaoheException.NotFound();
        var limit = campaign.Scheme?.MaxGapWithoutReason ?? 10m;
        var visible = db.UnitIdsVisibleIn(campaignId, scope);
        var units = await db.CampaignUnits.AsNoTracking().Include(u => u.Results).Include(u => u.Unit).ThenInclude(u => u.CityGroup)
            .Where(u => u.CampaignId == campaignId && visible.Contains(u.UnitId)).AsSplitQuery().ToListAsync(ct);
        var rows = units.Select(u =>
        {
            var totals = Stages.InOrder.ToDictionary(s => s, s => u.ResultOf(s) is { IsSubmitted: true } r ? r.Total : (decimal?)null);
            var present = Stages.InOrder.Where(s => totals[s] is not null).Select(s => totals[s]!.Value).ToList();
            var gap = present.Zip(present.Skip(1)).Select(p => Math.Abs(p.First - p.Second)).DefaultIfEmpty(0m).Max();
            return new StageComparison(u.UnitId, u.Unit.PublishedName, u.Unit.CityGroup.Name, totals, gap, gap > limit / 2);
        }).OrderByDescending(r => r.MaxGap).ThenBy(r => r.UnitId).ToList();
        var cities = units.GroupBy(u => u.Unit.CityGroup).OrderBy(g => g.Key.SortOrder).Select(g =>
        {
            var city = Mean(g.Select(u => u.ResultOf(Stage.CityReview)));
            var expert = Mean(g.Select(u => u.ResultOf(Stage.ExpertReview)));
            return new CityLeniency(g.Key.Name, g.Count(), city, expert, city - expert);
        }).ToList();
        var experts = units.Select(u => (Expert: u.ResultOf(Stage.ExpertReview), Previous: u.PreviousOf(Stage.ExpertReview)))
            .Where(p => p.Expert is { IsSubmitted: true } && p.Previous is not null)
            .GroupBy(p => p.Expert!.ScoredBy ?? "")
            .Select(g =>
            {
                var d = g.Select(p => p.Expert!.Total - p.Previous!.Total).ToList();
                return new ExpertSpread(g.Key, d.Count, Math.Round(d.Average(), 2, MidpointRounding.AwayFromZero), d.Max(Math.Abs));
            })
            .OrderBy(e => e.Expert, StringComparer.Ordinal).ToList();
        return new ComparisonView(rows, cities, experts);
    }

    private static decimal? Mean(IEnumerable<StageResult?> results)
    {
        var totals = results.Where(r => r is { IsSubmitted: true }).Select(r => r!.Total).ToList();
        return totals.Count == 0 ? null : Math.Round(totals.Average(), 2, MidpointRounding.AwayFromZero);
    }
}
