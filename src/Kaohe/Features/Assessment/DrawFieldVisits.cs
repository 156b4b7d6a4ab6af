using System.Text.Json;
using Kaohe.Common.Errors;
using Kaohe.Data;
using Kaohe.Domain.Accounts;
using Kaohe.Domain.Assessment;
using Microsoft.EntityFrameworkCore;

namespace Kaohe.Features.Assessment;

public sealed record DrawRequest(int PerCity, int? Seed = null, IReadOnlyList<int>? MustInclude = null, IReadOnlyList<int>? MustExclude = null);

public sealed record DrawResult(int DrawId, int Seed, IReadOnlyList<int> UnitIds);

/// <summary>
/// Draws the units for field visits (实地查看): stratified by city, weighted by risk, with must-include
/// and must-exclude lists. The seed and every input are stored with the result, so the draw can be redone.
/// </summary>
public sealed class DrawFieldVisits(KaoheDbContext db)
{
    public async Task<DrawResult> HandleAsync(int campaignId, DrawRequest request, UserScope scope, CancellationToken ct = default)
    {
        AssessmentPermissions.Demand(AssessmentPermissions.MayManage(scope.Role));
        var campaign = await db.Campaigns.Include(c => c.Units).ThenInclude(u => u.Results).Include(c => c.Units).ThenInclude(u => u.Unit)
            .AsSplitQuery().FirstOrDefaultAsync(c => c.Id == campaignId, ct) ?? throw KaoheException.NotFound();
        campaign.EnsureNotSealed();
        var seed = request.Seed ?? (int)(db.Clock.GetUtcNow().ToUnixTimeMilliseconds() % int.MaxValue);
        var candidates = await CandidatesAsync(campaign, ct);
        var sample = new SampleRequest(candidates, request.PerCity, seed, request.MustInclude ?? [], request.MustExclude ?? []);
        var drawn = FieldVisitSampler.Draw(sample);
        foreach (var unit in campaign.Units)
        {
            if (drawn.Contains(unit.UnitId)) unit.MarkSampled();
            else unit.Unsample();
        }
        var draw = new FieldVisitDraw
        {
            CampaignId = campaignId,
            Seed = seed,
            InputsJson = JsonSerializer.Serialize(sample),
            DrawnUnitIds = string.Join(',', drawn),
            DrawnAtUtc = db.Clock.GetUtcNow().UtcDateTime,
            DrawnBy = scope.UserName,
        };
        db.FieldVisitDraws.Add(draw);
        await db.SaveChangesAsync(ct);
        return new DrawResult(draw.Id, seed, drawn);
    }

    private async Task<List<SampleCandidate>> CandidatesAsync(Campaign campaign, CancellationToken ct)
    {
        var openFindings = await db.Findings.Where(f => f.UnitId != null && f.Status < FindingStatus.Resolved)
            .GroupBy(f => f.UnitId!.Value).Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.N, ct);
        var lastVisit = await db.CampaignUnits.Where(u => u.IsSampled && u.Campaign.Year < campaign.Year)
            .GroupBy(u => u.UnitId).Select(g => new { g.Key, Year = g.Max(u => u.Campaign.Year) }).ToDictionaryAsync(g => g.Key, g => g.Year, ct);
        return campaign.Units.OrderBy(u => u.UnitId).Select(u =>
        {
            var self = u.ResultOf(Stage.SelfCheck);
            var city = u.ResultOf(Stage.CityReview);
            var gap = self is { IsSubmitted: true } && city is { IsSubmitted: true } ? self.Total - city.Total : 0m;
            var years = lastVisit.TryGetValue(u.UnitId, out var y) ? campaign.Year - y : 5;
            return new SampleCandidate(u.UnitId, u.Unit.CityGroupId, u.Latest?.Total, gap, openFindings.GetValueOrDefault(u.UnitId), years);
        }).ToList();
    }
}
