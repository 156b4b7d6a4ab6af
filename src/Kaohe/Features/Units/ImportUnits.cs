using System.Text.Json;
using Kaohe.Common.Errors;
using Kaohe.Common.Tabular;
using Kaohe.Data;
using Kaohe.Domain.Accounts;
using Kaohe.Domain.Audit;
using Kaohe.Domain.Units;
using Microsoft.EntityFrameworkCore;

namespace Kaohe.Features.Units;

public sealed record UnitImportResult(int Created, int Updated, int Unchanged);

/// <summary>
/// Imports units from CSV/XLSX in the columns of data/henan-units.csv. A unit is matched by its
/// division code, else by group and name. Any bad row rejects the whole file and nothing is written.
/// </summary>
public sealed class ImportUnits(KaoheDbContext db)
{
    public async Task<UnitImportResult> HandleAsync(TabularFile file, UserScope scope, CancellationToken ct = default)
    {
        if (!scope.CanEditRegistry) throw KaoheException.Forbidden(UnitTexts.NotAllowed);
        var errors = new List<ImportError>();
        var map = ColumnMap.Resolve(file.Headers, UnitRow.Columns, errors);
        if (errors.Count > 0) throw new ImportRejectedException(errors);

        var groups = await db.CityGroups.ToDictionaryAsync(g => g.Name, ct);
        var existing = await db.Units.Include(u => u.Aliases).Include(u => u.ServedDistricts).Include(u => u.CityGroup).ToListAsync(ct);
        var rows = new List<(UnitRow Row, int Number)>();
        var seenCodes = new Dictionary<string, int>();
        var seenNames = new Dictionary<(string, string), int>();
        foreach (var line in file.Rows)
        {
            if (UnitRow.Parse(line, map, errors) is not { } row) continue;
            UnitRules.Check(row, line.Number, groups, errors);
            if (row.Code is { } code && !seenCodes.TryAdd(code, line.Number))
                errors.Add(new(line.Number, UnitColumns.Code, UnitTexts.DuplicateInFile(UnitColumns.Code, code, seenCodes[code])));
            if (!seenNames.TryAdd((row.Group, row.Name), line.Number))
                errors.Add(new(line.Number, UnitColumns.Name, UnitTexts.DuplicateInFile(UnitTexts.Unit, row.Name, seenNames[(row.Group, row.Name)])));
            rows.Add((row, line.Number));
        }
        if (file.Rows.Count == 0) errors.Add(new(0, null, UnitTexts.NoDataRows));

        var plan = rows.Select(r => (r.Row, r.Number, Unit: Match(r.Row, existing))).ToList();
        foreach (var (row, number, unit) in plan)
        {
            var clash = row.Code is null ? null : existing.FirstOrDefault(u => u.DivisionCode == row.Code && u != unit);
            if (clash is not null && !plan.Any(p => p.Unit == clash && p.Row.Code != row.Code))
                errors.Add(new(number, UnitColumns.Code, UnitTexts.CodeTaken(row.Code!, clash.Name)));
        }
        if (errors.Count > 0) throw new ImportRejectedException(errors.OrderBy(e => e.Row).ToList());

        return await WriteAsync(plan.Select(p => (p.Row, p.Unit)).ToList(), groups, ct);
    }

    private async Task<UnitImportResult> WriteAsync(List<(UnitRow Row, Unit? Unit)> plan, Dictionary<string, CityGroup> groups, CancellationToken ct)
    {
        int created = 0, updated = 0;
        var nextOrder = await db.Units.MaxAsync(u => (int?)u.SortOrder, ct) ?? 0;
        foreach (var (row, match) in plan)
        {
            if (match is null)
            {
                var unit = db.Units.Add(new Unit { Name = row.Name, PublishedName = row.PublishedName, SortOrder = row.SortOrder > 0 ? row.SortOrder : ++nextOrder }).Entity;
                UnitRules.Apply(row, unit, groups[row.Group]);
                created++;
                continue;
            }
            var before = UnitRow.FromEntity(match).ToCells();
            UnitRules.Apply(row, match, groups[row.Group]);
            if (!before.SequenceEqual(UnitRow.FromEntity(match).ToCells())) updated++;
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        await AuditTrail.RecordAsync(db, new AuditDraft(AuditActions.Import, nameof(Unit), null, null, null,
            JsonSerializer.Serialize(new ImportAudit(plan.Count, created, updated), JsonSerializerOptions.Web)), ct);
        await tx.CommitAsync(ct);
        return new UnitImportResult(created, updated, plan.Count - created - updated);
    }

    /// <summary>What the import's audit event records: {"rows":…,"created":…,"updated":…}.</summary>
    private sealed record ImportAudit(int Rows, int Created, int Updated);

    private static Unit? Match(UnitRow row, List<Unit> existing) =>
        (row.Code is null ? null : existing.FirstOrDefault(u => u.DivisionCode == row.Code))
        ?? existing.FirstOrDefault(u => u.CityGroup.Name == row.Group && u.Name == row.Name);
}
