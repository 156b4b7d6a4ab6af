namespace Kaohe.Common.Tabular;

/// <summary>What the reading and writing of tables says to the person, in one place.</summary>
public static class TabularTexts
{
    public const string DropdownErrorTitle = "请从列表中选择";
    public const string DropdownError = "只能填写下拉列表中的值";

    public static string Rejected(int errors) => $"文件有 {errors} 处错误，未写入任何数据";
    public static string MissingColumn(string column) => $"缺少必需的列“{column}”（表头第一行应包含此列）";

    /// <summary>An error named by where it is: the column, the row, or both (the header is row 1, as Excel numbers it).</summary>
    public static string InColumn(string column, string message) => $"“{column}”列：{message}";
    public static string InRow(int row, string message) => $"第 {row} 行：{message}";
    public static string InCell(int row, string column, string message) => $"第 {row} 行“{column}”列：{message}";

    public static string Unreadable(string fileName) => $"无法读取文件“{fileName}”：请上传 CSV（UTF-8 或 GBK）或 Excel（.xlsx）文件";

    public static string Inflates(string fileName) => $"文件“{fileName}”解压后超过 1 GB 或压缩比异常，不是正常的 Excel 表格，未读取";

    public static string CellTooLong(int max) => $"单元格超过 {max:N0} 个字符，请检查是否有错位的引号";

    public static string ExtraCells(int cells, int headers) => $"本行有 {cells} 个单元格，多于表头的 {headers} 列：多出的内容不会被导入，请检查是否有多余的逗号或错位";

    public static string RecordTooLong(int maxBytes) => $"一行超过 {maxBytes >> 20} MB，不是正常的表格行（文件可能已损坏，或不是 CSV）";

    public static string TooLarge(string fileName, long maxBytes) => $"文件“{fileName}”超过 {maxBytes >> 20} MB，此类表格应远小于此：请检查是否选错了文件";

    public const string ControlCharacters = "含有不可见的控制字符（如 NUL），请删除后再导入";
}
