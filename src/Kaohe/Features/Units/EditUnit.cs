using Kaohe.Common.Errors;
using Kaohe.Common.Tabular;
using Kaohe.Data;
using Kaohe.Domain.Accounts;
using Kaohe.Domain.Units;
using Microsoft.EntityFrameworkCore;

namespace Kaohe.Features.Units;

public sealed record UnitEdit(
    string Name, string? PublishedName, string? Aliases, string Type, string? DivisionCode, string? CodeVintage,
    int CityGroupId, string? ParentCity, string? ServedDistricts, int SortOrder, string? Note, bool IsActive)
{
    /// <summary>The form of an existing unit, lists written as the import writes them.</summary>
    public static UnitEdit From(Unit u) => new(u.Name, u.PublishedName, string.Join(';', u.Aliases.Select(a => a.Name)), u.Type.ChineseName(),
        u.DivisionCode, u.CodeVintage, u.CityGroupId, u.ParentCity, string.Join(';', u.ServedDistricts.Select(d => UnitRow.District(d.Name, d.DivisionCode))),
        u.SortOrder, u.Note, u.IsActive);
}

/// <summary>
/// Creates (no id) or changes one unit (province administrator only), with the same checks as an import. Refuses with
/// <see cref="ErrorKind.Invalid"/> naming every field at fault, keyed by its column as an import's errors are.
/// </summary>
public sealed class EditUnit(KaoheDbContext db)
{
    public async Task<Unit> HandleAsync(int? id, UnitEdit edit, UserScope scope, CancellationToken ct = default)
    {
        if (!scope.CanEditRegistry) throw KaoheException.Forbidden(UnitTexts.NotAllowed);
        var unit = id is null ? null
            : await db.Units.Include(u => u.Aliases).Include(u => u.ServedDistricts).FirstOrDefaultAsync(u => u.Id == id, ct)
                ?? throw KaoheException.NotFound(UnitTexts.NotFound);

        var groups = await db.CityGroups.ToDictionaryAsync(g => g.Name, ct);
        var (row, group) = Read(edit, groups);
        var errors = new List<ImportError>();
        UnitRules.Check(row, 0, groups, errors);
        if (row.Code is { } code && await db.Units.Where(u => u.DivisionCode == code && u.Id != (id ?? 0)).Select(u => u.Name).FirstOrDefaultAsync(ct) is { } taken)
            errors.Add(new(0, UnitColumns.Code, UnitTexts.CodeTaken(code, taken)));
        if (await db.Units.AnyAsync(u => u.CityGroupId == group.Id && u.Name == row.Name && u.Id != (id ?? 0), ct))
            errors.Add(new(0, UnitColumns.Name, UnitTexts.NameTaken(row.Name, group.Name)));
        RejectIfAny(errors);

        unit ??= db.Units.Add(new Unit { Name = row.Name, PublishedName = row.PublishedName }).Entity;
        UnitRules.Apply(row, unit, group);
        await db.SaveChangesAsync(ct);
        return unit;
    }

    /// <summary>The form as a row of the import, or the refusal naming each field that cannot be read.</summary>
    private static (UnitRow Row, CityGroup Group) Read(UnitEdit edit, Dictionary<string, CityGroup> groups)
    {
        var errors = new List<ImportError>();
        var group = groups.Values.FirstOrDefault(g => g.Id == edit.CityGroupId);
        if (group is null) errors.Add(new(0, UnitColumns.Group, UnitTexts.GroupRequired));
        if (string.IsNullOrWhiteSpace(edit.Name)) errors.Add(new(0, UnitColumns.Name, UnitTexts.NameRequired));
        if (!UnitTypes.TryParse(edit.Type, out var type)) errors.Add(new(0, UnitColumns.Type, UnitTexts.UnknownType(edit.Type)));
        var code = string.IsNullOrWhiteSpace(edit.DivisionCode) ? null : edit.DivisionCode.Trim();
        if (code is not null && !DivisionCode.TryParse(code, out _)) errors.Add(new(0, UnitColumns.Code, UnitTexts.CodeMalformed));
        RejectIfAny(errors);

        var name = edit.Name.Trim();
        var row = new UnitRow(name, string.IsNullOrWhiteSpace(edit.PublishedName) ? name : edit.PublishedName.Trim(),
            UnitRow.SplitList(edit.Aliases ?? ""), type, code, edit.CodeVintage?.Trim(), group!.Name, edit.ParentCity?.Trim(),
            UnitRow.ParseDistricts(edit.ServedDistricts ?? ""), edit.SortOrder, edit.Note?.Trim(), edit.IsActive);
        return (row, group);
    }

    private static void RejectIfAny(List<ImportError> errors)
    {
        if (errors.Count > 0) throw KaoheException.InvalidFields(UnitTexts.EditRejected, ImportRejectedException.ByPlace(errors));
    }
}
