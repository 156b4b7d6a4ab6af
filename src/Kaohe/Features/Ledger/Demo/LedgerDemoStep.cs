using Kaohe.Data;
using Kaohe.Domain.Accounts;
using Kaohe.Features.Demo;
using Microsoft.EntityFrameworkCore;

namespace Kaohe.Features.Ledger;

/// <summary>A modest demo ledger: about 12,000 instalments over four units (二七区 first, the demo county account's), enough
/// borrowers in arrears (some ten per unit) for the collection desk to show each kind of work.</summary>
public sealed class LedgerDemoStep(KaoheDbContext db, ImportLedger import) : IDemoStep
{
    public const int Rows = 12_000, Seed = 2018;
    private static readonly string[] DemoUnits = ["410103", "410102", "410184", "410322"];

    public int Order => 40;

    public async Task<string?> RunAsync(CancellationToken ct)
    {
        if (await db.LedgerSnapshots.AnyAsync(ct)) return null;
        var all = await GenerateDemoLedger.RegistryUnitsAsync(db, ct);
        var units = DemoUnits.Select(code => all.FirstOrDefault(u => u.AreaCode == code)).OfType<GeneratorUnit>().ToList();
        if (units.Count == 0) return null;
        var folder = Path.Combine(Path.GetTempPath(), "kaohe-demo-ledger-" + Guid.NewGuid().ToString("N"));
        try
        {
            var exportDate = new Common.Time.BeijingClock(db.Clock).Today;
            var files = LedgerGenerator.Generate(folder, Rows, Seed, units, exportDate);
            await import.HandleAsync(files.InstalmentsPath, UserScope.System, ct: ct);
            await import.HandleAsync(files.ContractsPath, UserScope.System, ct: ct);
            return $"贷后台账 {files.Instalments} 条还款计划、{files.Contracts} 份合同（{units.Count} 个单位）";
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
