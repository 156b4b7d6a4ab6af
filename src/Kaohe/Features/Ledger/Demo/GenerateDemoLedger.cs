using Kaohe.Data;
using Microsoft.EntityFrameworkCore;

namespace Kaohe.Features.Ledger;

public sealed record DemoLedgerRequest(long Rows, int Seed, string Folder, int? Units = null, DateOnly? ExportDate = null);

/// <summary>
/// Writes synthetic 还款计划 and 合同台账 files for units of the registry (those with a 6-digit
/// division code, whose code is a real Henan area code for the ID numbers), in the notice's order.
/// </summary>
public sealed class GenerateDemoLedger(KaoheDbContext db)
{
    public static readonly DateOnly DefaultExportDate = new(2025, 12, 31);

    public async Task<GeneratedLedger> HandleAsync(DemoLedgerRequest request, CancellationToken ct = default)
    {
        var units = await RegistryUnitsAsync(db, ct);
        if (request.Units is { } n) units = units.Take(Math.Max(1, n)).ToList();
        return LedgerGenerator.Generate(request.Folder, request.Rows, request.Seed, units, request.ExportDate ?? DefaultExportDate);
    }

    public static async Task<List<GeneratorUnit>> RegistryUnitsAsync(KaoheDbContext db, CancellationToken ct) =>
        (await db.Units.AsNoTracking().Where(u => u.DivisionCode != null && u.DivisionCode.Length == 6)
            .OrderBy(u => u.CityGroup.SortOrder).ThenBy(u => u.SortOrder)
            .Select(u => new { u.Name, u.DivisionCode }).ToListAsync(ct))
        .Select(u => new GeneratorUnit(u.Name, u.DivisionCode!)).ToList();
}
