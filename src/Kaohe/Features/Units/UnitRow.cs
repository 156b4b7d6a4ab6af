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
        new("通报序号", false, "序号", "排序"),
        new("规范名称", true, "单位", "单位名称", "名称"),
        new("通报名称", false, "通报所用名称", "公布名称"),
        new("别名", false, "曾用名"),
        new("单位类型", true, "类型"),
        new("区划代码", false, "代码", "区划代码(2018统计用)"),
        new("代码版本", false),
        new("通报分组", true, "所属市", "所属市(通报分组)", "分组"),
        new("上级市", false),
        new("代办辖区", false),
        new("备注", false),
        new("状态", false),
    ];

    public static string[] Headers => Columns.Select(c => c.Name).ToArray();

    public string[] ToCells() =>
    [
        SortOrder.ToString(), Name, PublishedName, string.Join(';', Aliases), Type.ChineseName(), Code ?? "", CodeVintage ?? "",
        Group, ParentCity ?? "", string.Join(';', ServedDistricts.Select(d => District(d.Name, d.Code))),
        Note ?? "", IsActive ? "启用" : "停用",
    ];

    public static UnitRow FromEntity(Unit u) => new(
        u.Name, u.PublishedName, u.Aliases.Select(a => a.Name).ToList(), u.Type, u.DivisionCode, u.CodeVintage,
        u.CityGroup.Name, u.ParentCity, u.ServedDistricts.Select(d => (d.Name, d.DivisionCode)).ToList(), u.SortOrder, u.Note, u.IsActive);

    /// <summary>Reads one file row, adding a Chinese error for each bad cell; returns null if the row cannot be used.</summary>
    public static UnitRow? Parse(TabularRow row, ColumnMap map, List<ImportError> errors)
    {
        var before = errors.Count;
        string Cell(string c) => map.Get(row, c);
        var name = Cell("规范名称");
        if (name.Length == 0) errors.Add(new(row.Number, "规范名称", UnitTexts.NameRequired));
        var typeText = Cell("单位类型");
        if (!UnitTypes.TryParse(typeText, out var type)) errors.Add(new(row.Number, "单位类型", UnitTexts.UnknownType(typeText)));
        var code = Cell("区划代码");
        if (code.Length > 0 && !DivisionCode.TryParse(code, out _)) errors.Add(new(row.Number, "区划代码", UnitTexts.CodeMalformed));
        var group = Cell("通报分组");
        if (group.Length == 0) errors.Add(new(row.Number, "通报分组", UnitTexts.GroupRequired));
        var order = int.TryParse(Cell("通报序号"), out var n) ? n : 0;
        if (errors.Count > before) return null;
        return new UnitRow(
            name, Cell("通报名称") is { Length: > 0 } p ? p : name, SplitList(Cell("别名")), type, code.Length == 0 ? null : code,
            Cell("代码版本") is { Length: > 0 } v ? v : null, group, Cell("上级市") is { Length: > 0 } pc ? pc : null,
            ParseDistricts(Cell("代办辖区")), order, Cell("备注") is { Length: > 0 } note ? note : null, Cell("状态") != "停用");
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
