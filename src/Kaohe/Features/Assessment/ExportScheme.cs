using Kaohe.Common.Tabular;
using Kaohe.Data;
using Kaohe.Domain.Assessment;
using Microsoft.EntityFrameworkCore;

namespace Kaohe.Features.Assessment;

/// <summary>Lists scheme versions, and writes one as CSV or XLSX in the import format.</summary>
public sealed class ExportScheme(KaoheDbContext db)
{
    public async Task<List<SchemeSummary>> ListAsync(CancellationToken ct = default)
    {
        var used = await db.Campaigns.Where(c => c.SchemeId != null).Select(c => c.SchemeId!.Value).Distinct().ToListAsync(ct);
        var schemes = await db.IndicatorSchemes.AsNoTracking().Include(s => s.Indicators).OrderBy(s => s.Name).ThenBy(s => s.Version).ToListAsync(ct);
        return schemes.Select(s => new SchemeSummary(s.Id, s.Name, s.Version, s.Indicators.Count, s.MaxTotal, used.Contains(s.Id))).ToList();
    }

    public async Task<IndicatorScheme?> GetAsync(int id, CancellationToken ct = default) =>
        await db.IndicatorSchemes.AsNoTracking().Include(s => s.Indicators).FirstOrDefaultAsync(s => s.Id == id, ct);

    public async Task<byte[]?> HandleAsync(int id, TableFormat format, CancellationToken ct = default) =>
        await GetAsync(id, ct) is { } scheme ? SchemeFile.Write(scheme, format) : null;
}
