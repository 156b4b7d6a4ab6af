using Kaohe.Common.Tabular;
using Kaohe.Data;
using Kaohe.Domain.Accounts;
using Kaohe.Domain.Assessment;
using Kaohe.Features.Demo;
using Microsoft.EntityFrameworkCore;

namespace Kaohe.Features.Assessment;

public sealed record SchemeSummary(int Id, string Name, int Version, int Indicators, decimal MaxTotal, bool InUse);

/// <summary>Imports a scheme from CSV/XLSX as a new version (an import never edits an existing version).</summary>
public sealed class ImportScheme(KaoheDbContext db)
{
    public const string DefaultName = "河南省生源地信用助学贷款县级资助中心考核指标体系";

    public async Task<SchemeSummary> HandleAsync(TabularFile file, string name, UserScope scope, CancellationToken ct = default)
    {
        if (scope.Role != Role.ProvinceAdmin) throw new UnauthorizedAccessException(AssessmentTexts.NotAllowed);
        var nodes = SchemeFile.Parse(file);
        var version = (await db.IndicatorSchemes.Where(s => s.Name == name).MaxAsync(s => (int?)s.Version, ct) ?? 0) + 1;
        var scheme = new IndicatorScheme { Name = name, Version = version, CreatedAtUtc = db.Clock.GetUtcNow().UtcDateTime, Indicators = nodes };
        db.IndicatorSchemes.Add(scheme);
        await db.SaveChangesAsync(ct);
        return new SchemeSummary(scheme.Id, name, version, nodes.Count, scheme.MaxTotal, false);
    }

    /// <summary>The latest version of the shipped default scheme (data/default-scheme.csv), imported on first use.</summary>
    public async Task<IndicatorScheme> DefaultAsync(CancellationToken ct = default)
    {
        var existing = await db.IndicatorSchemes.Include(s => s.Indicators).Where(s => s.Name == DefaultName)
            .OrderByDescending(s => s.Version).FirstOrDefaultAsync(ct);
        if (existing is not null) return existing;
        var summary = await HandleAsync(TabularFile.Read(Path.Combine(LoadDemoData.DataFolder, "default-scheme.csv")), DefaultName, UserScope.System, ct);
        return await db.IndicatorSchemes.Include(s => s.Indicators).SingleAsync(s => s.Id == summary.Id, ct);
    }
}
