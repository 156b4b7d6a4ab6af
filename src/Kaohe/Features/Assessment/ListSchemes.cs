using Kaohe.Data;
using Microsoft.EntityFrameworkCore;

namespace Kaohe.Features.Assessment;

/// <summary>The scheme versions by name and version, each with whether a campaign has used it (then it is never edited).</summary>
public sealed class ListSchemes(KaoheDbContext db)
{
    public async Task<List<SchemeSummary>> HandleAsync(CancellationToken ct = default)
    {
        var used = await db.Campaigns.Where(c => c.SchemeId != null).Select(c => c.SchemeId!.Value).Distinct().ToListAsync(ct);
        var schemes = await db.IndicatorSchemes.AsNoTracking().Include(s => s.Indicators).OrderBy(s => s.Name).ThenBy(s => s.Version).ToListAsync(ct);
        return schemes.Select(s => new SchemeSummary(s.Id, s.Name, s.Version, s.Indicators.Count, s.MaxTotal, used.Contains(s.Id))).ToList();
    }
}
