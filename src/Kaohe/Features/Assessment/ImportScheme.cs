using Kaohe.Common.Tabular;
using Kaohe.Data;
using Kaohe.Domain.Accounts;
using Kaohe.Domain.Assessment;
using Microsoft.EntityFrameworkCore;

namespace Kaohe.Features.Assessment;

public sealed record SchemeSummary(int Id, string Name, int Version, int Indicators, decimal MaxTotal, bool InUse);

/// <summary>Imports a scheme from CSV/XLSX as a new version (an import never edits an existing version).</summary>
public sealed class ImportScheme(KaoheDbContext db)
{
    public async Task<SchemeSummary> HandleAsync(TabularFile file, string name, UserScope scope, CancellationToken ct = default)
    {
        AssessmentPermissions.Demand(AssessmentPermissions.MayManage(scope.Role));
        var nodes = SchemeFile.Parse(file);
        var version = (await db.IndicatorSchemes.Where(s => s.Name == name).MaxAsync(s => (int?)s.Version, ct) ?? 0) + 1;
        var scheme = new IndicatorScheme { Name = name, Version = version, CreatedAtUtc = db.Clock.GetUtcNow().UtcDateTime, Indicators = nodes };
        db.IndicatorSchemes.Add(scheme);
        await db.SaveChangesAsync(ct);
        return new SchemeSummary(scheme.Id, name, version, nodes.Count, scheme.MaxTotal, false);
    }
}
