using Kaohe.Common.Tabular;
using Kaohe.Domain.Units;

namespace Kaohe.Features.Units;

/// <summary>The checks a unit must pass whether it comes from a file or the edit page.</summary>
internal static class UnitRules
{
    /// <summary>Checks the row against its group: code present, of the right length and inside the group's code.</summary>
    public static void Check(UnitRow row, int rowNumber, IReadOnlyDictionary<string, CityGroup> groups, List<ImportError> errors)
    {
        // A name is printed in the notice and exported to spreadsheets: one that reads as a formula is a mistake or an attack.
        foreach (var (column, name) in ((string, string)[])[("规范名称", row.Name), ("通报名称", row.PublishedName), .. row.Aliases.Select(a => ("别名", a))])
            if (name is ['=' or '+' or '-' or '@', ..]) errors.Add(new(rowNumber, column, UnitTexts.FormulaLikeName));
        if (!groups.TryGetValue(row.Group, out var group))
        {
            errors.Add(new(rowNumber, UnitColumns.Group, UnitTexts.UnknownGroup(row.Group, groups.Values.OrderBy(g => g.SortOrder).Select(g => g.Name))));
            return;
        }
        if (row.Code is null)
        {
            if (!row.Type.MayLackCode()) errors.Add(new(rowNumber, UnitColumns.Code, UnitTexts.CodeMissing(row.Type.ChineseName())));
            return;
        }
        if (row.Code.Length != row.Type.CodeLength())
        {
            errors.Add(new(rowNumber, UnitColumns.Code, UnitTexts.CodeLength(row.Type.ChineseName(), row.Type.CodeLength())));
            return;
        }
        // Units under a prefecture city carry codes inside that city; 省直管县 and 济源 are checked by length only.
        if (group.Kind == CityGroupKind.PrefectureCity && group.DivisionCode is { } gc && !row.Code.StartsWith(gc, StringComparison.Ordinal))
            errors.Add(new(rowNumber, UnitColumns.Code, UnitTexts.CodeOutsideGroup(row.Code, group.Name, gc)));
    }

    /// <summary>Copies the row onto the entity, replacing aliases and served districts.</summary>
    public static void Apply(UnitRow row, Unit unit, CityGroup group)
    {
        unit.Name = row.Name;
        unit.PublishedName = row.PublishedName;
        unit.Type = row.Type;
        unit.DivisionCode = row.Code;
        unit.CodeVintage = row.Code is null ? null : row.CodeVintage;
        unit.CityGroupId = group.Id;
        unit.CityGroup = group;
        unit.ParentCity = row.ParentCity;
        unit.Note = row.Note;
        unit.IsActive = row.IsActive;
        if (row.SortOrder > 0) unit.SortOrder = row.SortOrder;

        var aliases = row.Aliases.Where(a => a != row.Name).Distinct().ToList();
        unit.Aliases.RemoveAll(a => !aliases.Contains(a.Name));
        foreach (var a in aliases.Where(a => unit.Aliases.All(x => x.Name != a))) unit.Aliases.Add(new UnitAlias { Name = a });

        var districts = row.ServedDistricts.Where(_ => row.Type == UnitType.CityCentre).ToList();
        unit.ServedDistricts.RemoveAll(d => !districts.Any(x => x.Name == d.Name && x.Code == d.DivisionCode));
        foreach (var (name, code) in districts.Where(d => !unit.ServedDistricts.Any(x => x.Name == d.Name && x.DivisionCode == d.Code)))
            unit.ServedDistricts.Add(new ServedDistrict { Name = name, DivisionCode = code });
    }
}
