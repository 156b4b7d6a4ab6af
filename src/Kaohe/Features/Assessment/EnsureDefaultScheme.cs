using Kaohe.Common.Tabular;
using Kaohe.Data;
using Kaohe.Domain.Accounts;
using Kaohe.Domain.Assessment;
using Kaohe.Features.Demo;
using Microsoft.EntityFrameworkCore;

namespace Kaohe.Features.Assessment;

/// <summary>The latest version of the shipped default scheme (data/default-scheme.csv), imported on first use.</summary>
public sealed class EnsureDefaultScheme(KaoheDbContext db, ImportScheme import)
{
    public const string DefaultName = "河南省生源地信用助学贷款县级资助中心考核指标体系";

    public async Task<IndicatorScheme> HandleAsync(CancellationToken ct = default)
    {
        var existing = await db.IndicatorSchemes.Include(s => s.Indicators).Where(s => s.Name == DefaultName)
            .OrderByDescending(s => s.Version).FirstOrDefaultAsync(ct);
        if (existing is not null) return existing;
        var summary = await import.HandleAsync(TabularFile.Read(Path.Combine(LoadDemoData.DataFolder, "default-scheme.csv")), DefaultName, UserScope.System, ct);
        return await db.IndicatorSchemes.Include(s => s.Indicators).SingleAsync(s => s.Id == summary.Id, ct);
    }
}
