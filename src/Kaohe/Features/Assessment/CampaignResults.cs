using Kaohe.Common.Errors;
using Kaohe.Data;
using Kaohe.Domain.Accounts;
using Kaohe.Domain.Assessment;
using Kaohe.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Kaohe.Features.Assessment;

public sealed record UnitResult(int UnitId, string Name, string City, int CitySort, int UnitSort, decimal? Score, Grade? Grade, UnitStep Step);

public sealed record CityResult(string City, int Units, IReadOnlyDictionary<Grade, int> Counts, string ExcellentRate);

public sealed record ResultsView(int Units, IReadOnlyDictionary<Grade, int> Counts, string ExcellentRate, IReadOnlyList<CityResult> Cities, IReadOnlyList<UnitResult> UnitsInOrder);

/// <summary>Results by grade and by city, in the annex's order (grade, then the province's city order), with 优秀率 half-up to 2 places.</summary>
public sealed class CampaignResults(KaoheDbContext db)
{
    public async Task<ResultsView> HandleAsync(int campaignId, UserScope scope, CancellationToken ct = default)
    {
        if (!await db.Campaigns.AnyAsync(c => c.Id == campaignId, ct)) throw KaoheException.NotFound();
        var visible = db.UnitIdsVisibleIn(campaignId, scope);
        var units = await db.CampaignUnits.Where(u => u.CampaignId == campaignId && visible.Contains(u.UnitId))
            .Select(u => new UnitResult(u.UnitId, u.Unit.PublishedName, u.Unit.CityGroup.Name, u.Unit.CityGroup.SortOrder, u.Unit.SortOrder, u.FinalScore, u.FinalGrade, u.Step))
            .ToListAsync(ct);
        var ordered = units.OrderBy(u => u.Grade ?? (Grade)99).ThenBy(u => u.CitySort).ThenBy(u => u.UnitSort).ToList();
        var cities = units.GroupBy(u => (u.City, u.CitySort)).OrderBy(g => g.Key.CitySort)
            .Select(g => new CityResult(g.Key.City, g.Count(), Count(g), Percent.Format(g.Count(u => u.Grade == Grade.Excellent), g.Count()))).ToList();
        return new ResultsView(units.Count, Count(units), Percent.Format(units.Count(u => u.Grade == Grade.Excellent), units.Count), cities, ordered);
    }

    private static Dictionary<Grade, int> Count(IEnumerable<UnitResult> units) =>
        Grades.InNoticeOrder.ToDictionary(g => g, g => units.Count(u => u.Grade == g));
}
