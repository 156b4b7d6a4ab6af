using Kaohe.Common.Tabular;
using Kaohe.Domain.Units;

namespace Kaohe.Features.Units;

/// <summary>One unit as it travels in a CSV/XLSX file or an edit form; the columns of data/henan-units.csv.</summary>
public sealed record UnitRow(
    string Name, string PublishedName, IReadOnlyList<string> Aliases, UnitType Type, string? Code, string? CodeVintage,
    string Group, string? ParentCity, IReadOnlyList<(string Name, string? Code)> ServedDistricts, int SortOrder, string? Note, bool IsActive = true)
{
    public static readonly ColumnSpec[] Columns =
    [
        new(UnitColumns.Order, false, "序号", "排序"),
        new(UnitColumns.Name, true, "单位", "单位名称", "名称"),
        new(UnitColumns.PublishedName, false, "通报所用名称", "公布名称"),
        new(UnitColumns.Aliases, false, "曾用名"),
        new(UnitColumns.Type, true, "类型"),
        new(UnitColumns.Code, false, "代码", "区划代码(2018统计用)"),
        new(UnitColumns.CodeVintage, false),
        new(UnitColumns.Group, true, "所属市", "所属市(通报分组)", "分组"),
        new(UnitColumns.ParentCity, false),
        new(UnitColumns.ServedDistricts, false),
        new(UnitColumns.Note, false),
        new(UnitColumns.Status, false),
    ];

    public static string[] Headers => Columns.Select(c => c.Name).ToArray();

    public string[] ToCells() =>
    [
        SortOrder.ToString(System.Globalization.CultureInfo.InvariantCulture), Name, PublishedName, string.Join(';', Aliases), Type.ChineseName(), Code ?? "", CodeVintage ?? "",
        Group, ParentCity ?? "", string.Join(';', ServedDistricts.Select(d => District(d.Name, d.Code))),
        Note ?? "", IsActive ? UnitColumns.Active : UnitColumns.Inactive,
    ];

    public static UnitRow FromEntity(Unit u) => new(
        u.Name, u.PublishedName, u.Aliases.Select(a => a.Name).ToList(), u.Type, u.DivisionCode, u.CodeVintage,
        u.CityGroup.Name, u.ParentCity, u.ServedDistricts.Select(d => (d.Name, d.DivisionCode)).ToList(), u.SortOrder, u.Note, u.IsActive);

    /// <summary>Reads one file row, adding a Chinese error for each bad cell; returns null if the row cannot be used.</summary>
    public static UnitRow? Parse(TabularRow row, ColumnMap map, List<ImportError> errors)
    {
        var before = errors.Count;
        string Cell(string c) => map.Get(row, c);
        var name = Cell(UnitColumns.Name);
        if (name.Length == 0) errors.Add(new(row.Number, UnitColumns.Name, UnitTexts.NameRequired));
        var typeText = Cell(UnitColumns.Type);
        if (!UnitTypes.TryParse(typeText, out var type)) errors.Add(new(row.Number, UnitColumns.Type, UnitTexts.UnknownType(typeText)));
        var code = Cell(UnitColumns.Code);
        if (code.Length > 0 && !DivisionCode.TryParse(code, out _)) errors.Add(new(row.Number, UnitColumns.Code, UnitTexts.CodeMalformed));
        var group = Cell(UnitColumns.Group);
        if (group.Length == 0) errors.Add(new(row.Number, UnitColumns.Group, UnitTexts.GroupRequired));
        var order = int.TryParse(Cell(UnitColumns.Order), out var n) ? n : 0;
        if (errors.Count > before) return null;
        return new UnitRow(
            name, Cell(UnitColumns.PublishedName) is { Length: > 0 } p ? p : name, SplitList(Cell(UnitColumns.Aliases)), type, code.Length == 0 ? null : code,
            Cell(UnitColumns.CodeVintage) is { Length: > 0 } v ? v : null, group, Cell(UnitColumns.ParentCity) is { Length: > 0 } pc ? pc : null,
            ParseDistricts(Cell(UnitColumns.ServedDistricts)), order, Cell(UnitColumns.Note) is { Length: > 0 } note ? note : null, Cell(UnitColumns.Status) != UnitColumns.Inactive);
    }

    /// <summary>A served district as its cell writes it: the name, and the code in brackets when it has one.</summary>
    public static string District(string name, string? code) => code is null ? name : $"{name}({code})";

    public static List<string> SplitList(string text) =>
        text.Split([';', '；', ',', '，', '、'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().ToList();

    public static List<(string, string?)> ParseDistricts(string text) => SplitList(text).Select(d =>
    {
        var open = d.IndexOfAny(['(', '（']);
        return open < 0 ? (d, (string?)null) : (d[..open], d[(open + 1)..].TrimEnd(')', '）'));
    }).ToList();
}

/// <summary>The columns of the unit file (data/henan-units.csv), by which an import's and an edit's errors are named.</summary>
public static class UnitColumns
{
    public const string Order = "通报序号";
    public const string Name = "规范名称";
    public const string PublishedName = "通报名称";
    public const string Aliases = "别名";
    public const string Type = "单位类型";
    public const string Code = "区划代码";
    public const string CodeVintage = "代码版本";
    public const string Group = "通报分组";
    public const string ParentCity = "上级市";
    public const string ServedDistricts = "代办辖区";
    public const string Note = "备注";
    public const string Status = "状态";

    /// <summary>The values of the 状态 column.</summary>
    public const string Active = "启用", Inactive = "停用";
}
