using static Kaohe.Domain.Assessment.PointsRule;

namespace Kaohe.Domain.Assessment;

/// <summary>The Chinese text of computed indicators: rules, their working, and what is said when the ledger has no data.</summary>
public static class ComputedTexts
{
    public const string RuleExamples = "“每个扣 0.5 分”“不低于 95% 得满分”“不高于全省 得满分，每高 1 个百分点扣 1 分”";
    public const string RuleLineTooHigh = "百分比不能超过 100%";
    public const string RuleNumbersPositive = "每档百分点数和扣分必须大于 0";
    public const string NoLedger = "无台账数据";
    public const string NoDataScoring = "无台账数据，须由评分人员打分并在说明中写明依据";
    public const string ScoredByData = "数据计算（不可修改）";
    public const string WorkbookNoData = "无台账数据：请人工评分并在说明中写明依据";
    public const string NotConfigured = "未配置数据来源，由人工评分";

    public static string RuleUnreadable(string text) => $"无法识别计分规则“{text}”，应写作 {RuleExamples} 等形式";
    public static string RuleDirection(string dir, string way) => $"“{dir}”的规则应写“每{way} … 个百分点扣 … 分”";

    public static string PerItemWorking(decimal count, string item, decimal each, decimal deducted, decimal points, decimal max) => count == 0
        ? $"0 {item}，得满分 {N(max)} 分"
        : $"{N(count)} {item} × {N(each)} 分 = 扣 {N(deducted)} 分，得 {N(points)} 分";

    public static string RateMet(PointsRule rule, decimal value, decimal line, decimal max) =>
        $"{P(value)} {(rule.Kind == RuleKind.AtLeast ? "不低于" : "不高于")}{LineName(rule)} {P(line)}，得满分 {N(max)} 分";

    public static string RateMissed(PointsRule rule, decimal value, decimal line, decimal gap, decimal? deduction, decimal points) =>
        $"{P(value)} {(rule.Kind == RuleKind.AtLeast ? "低于" : "高于")}{LineName(rule)} {P(line)} {N(gap)} 个百分点，"
        + (deduction is { } d ? $"扣 {N(d)} 分，得 {N(points)} 分" : "得 0 分");

    // Messages about the data columns of a scheme file or revision.
    public const string SourceNeeded = "类型为“数据计算”的指标须填写数据来源（不能由台账计算的，请改为人工评分）";
    public const string RuleNeeded = "类型为“数据计算”的指标须填写计分规则，如 " + RuleExamples;
    public const string OnlyComputedHasSource = "只有类型为“数据计算”的指标才填写数据来源和计分规则";
    public const string OnlyLeafComputed = "有下级的指标不能按数据计算，请在末级指标上填写数据来源";

    public static string UnknownSource(string text, string known) => $"数据来源“{text}”不是台账指标，应为：{known}";
    public static string CountRuleOnRate(string source) => $"“每个扣 … 分”只适用于计数类数据，“{source}”是比率，请写“不低于/不高于 …”";
    public static string NoProvinceLine(string source) => $"“{source}”没有全省数值可比，请写明分数线，如“不低于 90% 得满分”";

    public static string RateRuleOnCount(string source) => $"“不低于/不高于 …”只适用于比率，“{source}”是计数，请写“每个扣 … 分”";

    // Scoring.
    public static string NotTyped(string code) => $"指标 {code} 由台账数据计算得分，不能手工填写";
    public static string NoDataNeedsNote(string code) => $"指标 {code} 无台账数据，人工评分须在说明中写明依据";
    public static string NoDataNeedsPerson(string code) => $"指标 {code} 无台账数据，须由评分人员打分并在说明中写明依据";
    public static string WorkbookIgnored(int row, string code, decimal points, string typed) =>
        $"第 {row} 行：指标 {code} 由台账数据计算（{N(points)} 分），填写的“{typed}”未采用";

    public static string NoSnapshot(bool contracts) => contracts ? "无台账数据：本单位未导入合同台账" : "无台账数据：本单位未导入还款计划";
    public static string NotComputable(string numbers) => $"无法计算（{numbers}），按无台账数据处理";
    public static string ProvinceMissing(string numbers) => $"全省数据无法计算（{numbers}），按无台账数据处理";
    public static string Province(string numbers) => $"全省：{numbers}";
    public static string PersonScored(string? note) => $"无台账数据，评分人员打分：{note}";

    public static string OriginName(ScoreOrigin origin) => origin switch
    {
        ScoreOrigin.Ledger => "台账计算",
        ScoreOrigin.PersonNoData => "无台账数据·人工评分",
        _ => "人工评分",
    };

    private static string LineName(PointsRule rule) => rule.AgainstProvince ? "全省" : "";

    private static string P(decimal rate) => rate.ToString("F2", System.Globalization.CultureInfo.InvariantCulture) + "%";
}
