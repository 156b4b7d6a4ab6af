using Kaohe.Domain.Assessment;

namespace Kaohe.Features.Notices;

/// <summary>Messages of the past-results import, exports and the year-over-year comparison.</summary>
public static class ResultsTexts
{
    public const string NotAllowed = "只有省资助中心管理员可以导入往年考核结果";
    public const string NameRequired = "单位不能为空";
    public const string NoRows = "文件中没有数据行";
    public const string NoFile = "请选择要导入的文件";
    public const string ApiTag = "考核结果";

    // The comparison: the province's own row, and which way a unit's grade went.
    public const string Province = "全省", Rose = "上升", Fell = "下降";

    /// <summary>The name an uploaded body is read by when the client gives none (the extension follows its content type).</summary>
    public const string UploadStem = "results";

    public static string ExportFileName(int year, string extension) => $"{year}年度考核结果{extension}";
    public static string ComparisonFileName(int year) => $"{year}年度考核结果年度对比.xlsx";

    // What the command line reports when it is done.
    public static string Imported(ResultsImportResult r) =>
        $"已导入 {r.Year} 年度考核结果：{r.Units} 个单位，" + string.Join("，", Grades.InNoticeOrder.Select(g => $"{g.ChineseName()} {r.Counts[g]} 个"));

    public static string Exported(string path) => $"已导出到 {path}";

    public static string Compared(YearComparison c, string path) =>
        $"{c.Year} 对比 {c.PreviousYear}：升级 {c.Rose.Count} 个，降级 {c.Fell.Count} 个；已导出到 {path}";

    public static string NoPreviousYear(int year) => $"{year} 年度之前没有已封存的考核，无法对比";

    public static string HistoricalTitle(int year) => $"{year} 年度考核（往年结果导入）";

    public static string YearExists(int year, Campaign c) =>
        $"{year} 年度已有考核“{c.Title}”（{(c.IsSealed ? "已封存" : "未封存")}{(c.IsHistorical ? "，往年结果导入" : "")}），不能重复导入；如需更正，请先在系统中处理该年度的考核";

    public static string UnknownCity(string text) => $"未知的所属市“{text}”，应为通报中的分组名称，如 郑州市、济源市、省直管县（市）";
    public static string UnknownGrade(string text) => $"未知的等级“{text}”，应为 优秀、良好、合格 或 不合格";
    public static string BadScore(string text) => $"得分“{text}”不是数字";
    public static string Duplicate(string name, int row) => $"单位“{name}”与第 {row} 行是同一单位";

    public static string UnknownUnit(string name, string? city, IEnumerable<string> lookAlikes)
    {
        var like = lookAlikes.ToList();
        return $"{city ?? "全省"}没有名称、别名或区划代码为“{name}”的单位" + (like.Count > 0 ? "，是否是：" + string.Join("；", like) : "");
    }

    public static string AmbiguousUnit(string name, IEnumerable<string> candidates) =>
        $"“{name}”可能是多个单位：{string.Join("；", candidates)}。请在“所属市”列写明分组";
}
