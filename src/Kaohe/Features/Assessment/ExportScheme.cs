using Kaohe.Common.Errors;
using Kaohe.Common.Tabular;
using Kaohe.Data;
using Kaohe.Domain.Assessment;
using Microsoft.EntityFrameworkCore;

namespace Kaohe.Features.Assessment;

/// <summary>Writes one scheme version as CSV or XLSX in the import format (<see cref="SchemeFile"/>).</summary>
public sealed class ExportScheme(KaoheDbContext db)
{
    public async Task<byte[]> HandleAsync(int id, TableFormat format, CancellationToken ct = default)
    {
        var scheme = await db.IndicatorSchemes.AsNoTracking().Include(s => s.Indicators).FirstOrDefaultAsync(s => s.Id == id, ct) ?? throw KaoheException.NotFound();
        return SchemeFile.Write(scheme, format);
    }
}
