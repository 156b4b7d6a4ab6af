namespace Kaohe.Common.Tabular;

/// <summary>What the reading and writing of tables says to the person, in one place.</summary>
public static class TabularTexts
{
    public const string DropdownErrorTitle = "请从列表中选择";
    public const string DropdownError = "只能填写下拉列表中的值";

    public static string Rejected(int errors) => $"文件有 {errors} 处错误，未写入任何数据";
    public static string Unreadable(string fileName) => $"无法读取文件“{fileName}”：请上传 CSV（UTF-8 或 GBK）或 Excel（.xlsx）文件";
    public static string MissingColumn(string column) => $"缺少必需的列“{column}”（表头第一行应包含此列）";

    /// <summary>An error named by where it is: the column, the row, or both (the header is row 1, as Excel numbers it).</summary>
    public static string InColumn(string column, string message) => $"“{column}”列：{message}";
    public static string InRow(int row, string message) => $"第 {row} 行：{message}";
    public static string InCell(int row, string column, string message) => $"第 {row} 行“{column}”列：{message}";
}
