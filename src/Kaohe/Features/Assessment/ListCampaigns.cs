using Kaohe.Data;
using Kaohe.Domain.Accounts;
using Kaohe.Domain.Assessment;
using Microsoft.EntityFrameworkCore;

namespace Kaohe.Features.Assessment;

public sealed record StageInfo(Stage Stage, string Name, DateOnly OpensOn, DateOnly DueOn, DateOnly GraceUntil, StageStatus Status);

public sealed record CampaignSummary(int Id, int Year, string Title, CampaignStatus Status, bool IsHistorical, int? SchemeId, int Units, int Graded,
    IReadOnlyList<StageInfo> Stages, DateTime? SealedAtUtc);

/// <summary>The campaigns, newest first, with the number of units the account can see in each.</summary>
public sealed class ListCampaigns(KaoheDbContext db)
{
    public Task<List<CampaignSummary>> HandleAsync(UserScope scope, CancellationToken ct = default) =>
        CampaignSummaries.ReadAsync(db, db.Campaigns, scope, ct);
}

/// <summary>Campaigns as the list shows them (<see cref="ListCampaigns"/>, <see cref="GetCampaign"/>): the stages, and the units the account can see.</summary>
internal static class CampaignSummaries
{
    public static async Task<List<CampaignSummary>> ReadAsync(KaoheDbContext db, IQueryable<Campaign> which, UserScope scope, CancellationToken ct)
    {
        var visible = db.UnitIdsVisibleTo(scope);
        var campaigns = await which.AsNoTracking().Include(c => c.Stages).OrderByDescending(c => c.Year).ThenByDescending(c => c.Id).ToListAsync(ct);
        var ids = campaigns.Select(c => c.Id).ToList();
        var counts = await db.CampaignUnits.Where(u => ids.Contains(u.CampaignId) && visible.Contains(u.UnitId)).GroupBy(u => u.CampaignId)
            .Select(g => new { g.Key, N = g.Count(), Graded = g.Count(u => u.FinalGrade != null) }).ToDictionaryAsync(g => g.Key, ct);
        return campaigns.Select(c => new CampaignSummary(c.Id, c.Year, c.Title, c.Status, c.IsHistorical, c.SchemeId,
            counts.TryGetValue(c.Id, out var n) ? n.N : 0, n?.Graded ?? 0,
            c.Stages.OrderBy(s => s.Stage).Select(s => new StageInfo(s.Stage, s.Stage.ChineseName(), s.OpensOn, s.DueOn, s.GraceUntil, s.Status)).ToList(),
            c.SealedAtUtc)).ToList();
    }
}
