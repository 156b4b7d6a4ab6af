using Kaohe.Common.Errors;
using Kaohe.Data;
using Kaohe.Domain.Accounts;
using Kaohe.Domain.Assessment;
using Microsoft.EntityFrameworkCore;

namespace Kaohe.Features.Assessment;

public sealed record CityProgress(string City, int Units, IReadOnlyDictionary<UnitStep, int> AtStep, int Late, IReadOnlyList<string> LateUnits);

/// <summary>Progress per city: how many units are at each step, and who is late (still at a stage past its due date).</summary>
public sealed class CampaignProgress(KaoheDbContext db)
{
    public async Task<List<CityProgress>> HandleAsync(int campaignId, UserScope scope, CancellationToken ct = default)
    {
        var campaign = await db.Campaigns.AsNoTracking().Include(c => c.Stages).FirstOrDefaultAsync(c => c.Id == campaignId, ct) ?? throw KaoheException.NotFound();
        var today = new Common.Time.BeijingClock(db.Clock).Today;
        var visible = db.UnitIdsVisibleIn(campaignId, scope);
        var units = await db.CampaignUnits.Where(u => u.CampaignId == campaignId && visible.Contains(u.UnitId))
            .Select(u => new { u.Step, Name = u.Unit.PublishedName, City = u.Unit.CityGroup.Name, u.Unit.CityGroup.SortOrder }).ToListAsync(ct);
        bool IsLate(UnitStep step) => !campaign.IsSealed && step != UnitStep.Scored
            && campaign.Stages.FirstOrDefault(s => (int)s.Stage == (int)step) is { Status: StageStatus.Open } s && s.IsLate(today);
        return units.GroupBy(u => (u.City, u.SortOrder)).OrderBy(g => g.Key.SortOrder).Select(g => new CityProgress(
            g.Key.City, g.Count(),
            Enum.GetValues<UnitStep>().ToDictionary(s => s, s => g.Count(u => u.Step == s)),
            g.Count(u => IsLate(u.Step)),
            g.Where(u => IsLate(u.Step)).Select(u => u.Name).ToList())).ToList();
    }
}
