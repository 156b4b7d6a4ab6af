namespace Kaohe.Features.Units;

/// <summary>The registry's user-facing messages, in one place.</summary>
public static class UnitTexts
{
    public const string NameRequired = "单位名称不能为空";
    public const string FormulaLikeName = "单位名称不能以 = + - @ 开头（电子表格会把它当作公式）";
    public const string CodeMalformed = "区划代码应为 6 位数字（市级中心为 4 位数字）";
    public const string GroupRequired = "所属分组不能为空";
    public const string NotAllowed = "只有省资助中心管理员可以修改单位名录";
    public const string NotFound = "单位不存在或不在您的权限范围内";
    public const string Unit = "单位";
    public const string EditRejected = "单位信息有误";
    public const string NoDataRows = "文件中没有数据行";
    public const string NoFileChosen = "请选择要导入的文件";
    public const string ExportFileStem = "单位名录";

    public static string UnknownType(string t) => $"未知的单位类型“{t}”，应为：{string.Join("、", Domain.Units.UnitTypes.All.Values)}";
    public static string UnknownGroup(string g, IEnumerable<string> known) => $"未知的所属分组“{g}”，应为：{string.Join("、", known)}";
    public static string CodeLength(string type, int length) => $"{type}的区划代码应为 {length} 位数字";
    public static string CodeMissing(string type) => $"{type}必须有区划代码（只有“开发区（无区划代码）”可以为空）";
    public static string CodeOutsideGroup(string code, string group, string groupCode) => $"区划代码 {code} 不属于{group}（应以 {groupCode} 开头）";
    public static string DuplicateInFile(string what, string value, int row) => $"{what}“{value}”与第 {row} 行重复";
    public static string CodeTaken(string code, string unit) => $"区划代码 {code} 已被单位“{unit}”使用";
    public static string NameTaken(string name, string group) => $"{group}已有名为“{name}”的单位";
    public static string Counted(int units) => $"共 {units} 个单位";
    public static string FileMissing(string path) => $"文件不存在：{path}";
    public static string Imported(UnitImportResult r) => $"导入完成：新增 {r.Created} 个，修改 {r.Updated} 个，未变 {r.Unchanged} 个";
    public static string Exported(string path) => $"已导出到 {path}";
}
