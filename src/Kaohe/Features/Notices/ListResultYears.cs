using Kaohe.Data;
using Kaohe.Domain.Assessment;
using Microsoft.EntityFrameworkCore;

namespace Kaohe.Features.Notices;

public sealed record ResultYear(int Year, string Title, bool Sealed, bool Historical, int Units, int Excellent, string ExcellentRate);

/// <summary>The years that have a campaign, newest first, with their size and 优秀率 (the province's published figures).</summary>
public sealed class ListResultYears(KaoheDbContext db)
{
    public async Task<IReadOnlyList<ResultYear>> HandleAsync(bool sealedOnly = false, CancellationToken ct = default)
    {
        var rows = await db.Campaigns.AsNoTracking().Where(c => !sealedOnly || c.Status == CampaignStatus.Sealed)
            .OrderByDescending(c => c.Year).ThenBy(c => c.Id)
            .Select(c => new
            {
                c.Year,
                c.Title,
                c.Status,
                c.IsHistorical,
                Units = c.Units.Count(u => u.FinalGrade != null),
                Excellent = c.Units.Count(u => u.FinalGrade == Grade.Excellent),
            }).ToListAsync(ct);
        return rows.DistinctBy(r => r.Year).Select(r => new ResultYear(r.Year, r.Title, r.Status == CampaignStatus.Sealed, r.IsHistorical, r.Units, r.Excellent,
            Domain.Common.Percent.Format(r.Excellent, r.Units))).ToList();
    }
}
