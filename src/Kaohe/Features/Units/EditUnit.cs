using Kaohe.Common.Tabular;
using Kaohe.Data;
using Kaohe.Domain.Accounts;
using Kaohe.Domain.Units;
using Microsoft.EntityFrameworkCore;

namespace Kaohe.Features.Units;

public sealed record UnitEdit(
    string Name, string? PublishedName, string? Aliases, string Type, string? DivisionCode, string? CodeVintage,
    int CityGroupId, string? ParentCity, string? ServedDistricts, int SortOrder, string? Note, bool IsActive);

public sealed record UnitEditResult(Unit? Unit, IReadOnlyList<ImportError> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>Creates or changes one unit (province administrator only), with the same checks as an import.</summary>
public sealed class EditUnit(KaoheDbContext db)
{
    public async Task<UnitEditResult> HandleAsync(int? id, UnitEdit edit, UserScope scope, CancellationToken ct = default)
    {
        if (!scope.CanEditRegistry) throw new UnauthorizedAccessException(UnitTexts.NotAllowed);
        var errors = new List<ImportError>();
        var unit = id is null ? null : await db.Units.Include(u => u.Aliases).Include(u => u.ServedDistricts).FirstOrDefaultAsync(u => u.Id == id, ct);
        if (id is not null && unit is null) return new(null, [new(0, null, UnitTexts.NotFound)]);

        var groups = await db.CityGroups.ToDictionaryAsync(g => g.Name, ct);
        var group = groups.Values.FirstOrDefault(g => g.Id == edit.CityGroupId);
        if (group is null) errors.Add(new(0, "通报分组", UnitTexts.GroupRequired));
        if (string.IsNullOrWhiteSpace(edit.Name)) errors.Add(new(0, "规范名称", UnitTexts.NameRequired));
        if (!UnitTypes.TryParse(edit.Type, out var type)) errors.Add(new(0, "单位类型", UnitTexts.UnknownType(edit.Type)));
        var code = string.IsNullOrWhiteSpace(edit.DivisionCode) ? null : edit.DivisionCode.Trim();
        if (code is not null && !DivisionCode.TryParse(code, out _)) errors.Add(new(0, "区划代码", UnitTexts.CodeMalformed));
        if (errors.Count > 0) return new(unit, errors);

        var name = edit.Name.Trim();
        var row = new UnitRow(name, string.IsNullOrWhiteSpace(edit.PublishedName) ? name : edit.PublishedName.Trim(),
            UnitRow.SplitList(edit.Aliases ?? ""), type, code, edit.CodeVintage?.Trim(), group!.Name, edit.ParentCity?.Trim(),
            UnitRow.ParseDistricts(edit.ServedDistricts ?? ""), edit.SortOrder, edit.Note?.Trim(), edit.IsActive);
        UnitRules.Check(row, 0, groups, errors);
        if (code is not null && await db.Units.Where(u => u.DivisionCode == code && u.Id != (id ?? 0)).Select(u => u.Name).FirstOrDefaultAsync(ct) is { } taken)
            errors.Add(new(0, "区划代码", UnitTexts.CodeTaken(code, taken)));
        if (await db.Units.AnyAsync(u => u.CityGroupId == group.Id && u.Name == name && u.Id != (id ?? 0), ct))
            errors.Add(new(0, "规范名称", UnitTexts.NameTaken(name, group.Name)));
        if (errors.Count > 0) return new(unit, errors);

        unit ??= db.Units.Add(new Unit { Name = name, PublishedName = row.PublishedName }).Entity;
        UnitRules.Apply(row, unit, group);
        await db.SaveChangesAsync(ct);
        return new(unit, []);
    }
}
