using Kaohe.Data;
using Kaohe.Domain.Assessment;
using Kaohe.Domain.Audit;
using Kaohe.Features.Audit;
using Kaohe.Features.Demo;
using Microsoft.EntityFrameworkCore;

namespace Kaohe.Features.Notices;

/// <summary>
/// A sealed 2017 year of made-up results, so the notice pages, the public page and the year-over-year
/// comparison with the 2018 campaign have something to show. The grades are synthetic — derived from each
/// unit's place in the list, not from any publication — and the campaign's title and every notice made
/// from it say 演示数据. Real past years are loaded with `kaohe results import`.
/// </summary>
public sealed class NoticeDemoStep(KaoheDbContext db) : IDemoStep
{
    public const int Year = 2017;

    public int Order => 50;

    public async Task<string?> RunAsync(CancellationToken ct)
    {
        if (await db.Campaigns.AnyAsync(c => c.Year == Year, ct)) return null;
        var units = await db.Units.Where(u => u.IsActive).OrderBy(u => u.CityGroup.SortOrder).ThenBy(u => u.SortOrder).Select(u => u.Id).ToListAsync(ct);
        if (units.Count == 0) return null;
        var campaign = new Campaign
        {
            Year = Year,
            Title = $"{Year} 年度考核（{NoticeTexts.SyntheticLabel}，非真实结果）",
            Status = CampaignStatus.Sealed,
            IsHistorical = true,
            SealedAtUtc = db.Clock.GetUtcNow().UtcDateTime,
            SealedBy = "demo",
            Units = units.Select((id, i) => new CampaignUnit { UnitId = id, FinalGrade = SyntheticGrade(i), FinalScore = SyntheticScore(i) }).ToList(),
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Campaigns.Add(campaign);
        await db.SaveChangesAsync(ct);
        await AuditTrail.RecordAsync(db, new AuditDraft(AuditActions.Import, nameof(Campaign), campaign.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), null, null,
            await SealedData.RecordJsonAsync(db, campaign.Id, new Dictionary<string, object> { ["year"] = Year, ["units"] = units.Count }, ct), NoticeTexts.SyntheticLabel), ct);
        await tx.CommitAsync(ct);
        return $"{Year} 年度演示考核结果（{units.Count} 个单位，演示数据）";
    }

    // About 60% 优秀, 30% 良好, a few 合格 and 不合格, spread over the cities by a fixed stride; the grade follows
    // the default score table of DOMAIN.md (优秀 ≥ 90, 良好 ≥ 80, 合格 ≥ 60).
    private static int Spread(int i) => i * 37 % 100;

    private static decimal SyntheticScore(int i) => Spread(i) switch
    {
        < 60 and var s => 99.5m - s * 0.15m,
        < 90 and var s => 89.5m - (s - 60) * 0.3m,
        < 97 and var s => 79m - (s - 90) * 2m,
        var s => 58m - (s - 97) * 2m,
    };

    private static Grade SyntheticGrade(int i) => SyntheticScore(i) switch
    {
        >= 90 => Grade.Excellent,
        >= 80 => Grade.Good,
        >= 60 => Grade.Pass,
        _ => Grade.Fail,
    };
}
