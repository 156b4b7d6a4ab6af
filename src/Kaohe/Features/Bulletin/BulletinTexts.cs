using System.Globalization;

namespace Kaohe.Features.Bulletin;

/// <summary>The bulletin's wording, in one place.</summary>
internal static class BulletinTexts
{
    public const string DefaultIssuer = "河南省学生资助管理中心";
    public const string FileStem = "回收数据通报";
    public const string Total = "合计";
    public const string RecoveryBest = "当年本息回收率较高", RecoveryWorst = "当年本息回收率较低";
    public const string OverdueBest = "逾期率（金额）较低", OverdueWorst = "逾期率（金额）较高";
    public const string Section1 = "一、全省总体情况";
    public const string Section2 = "二、各市回收情况";
    public const string Section3 = "三、各单位当年本息回收率排名";
    public const string Section4 = "四、各单位逾期率排名";
    public const string Section5 = "五、分市单位明细";
    public const string Section6 = "六、逾期催收与留痕情况";
    public const string Section7 = "七、有关要求";
    public const string CityChart = "各市当年本息回收率与逾期率（金额）";
    public const string RecoverySeries = "当年本息回收率";
    public const string OverdueSeries = "逾期率(金额)";
    public const string RateAxis = "%";
    public const string RankNote = "名次按通报所列百分比（四舍五入保留两位小数）排定，百分比相同者名次并列；当年无应还本息的单位不参加回收率排名。";

    public static readonly string[] Requirements =
    [
        "（一）各县级学生资助管理中心要根据贷款回收预测，制定年度本息回收计划，按月跟踪计划执行情况。",
        "（二）每年6月底前，提醒当年毕业的借款学生办理毕业确认、就学信息变更和还款计划变更，并提醒当年需自付利息的借款学生按时还款。",
        "（三）对逾期借款学生要及时跟踪、发送还款通知并开展催收，联系借款学生或其家长，每次联系均要留痕。",
        "（四）回收率偏低、逾期率偏高的单位要认真分析原因，落实县—乡—村—校联动的风险防控机制。",
    ];

    public static string Title(int year) => $"关于{year}年全省生源地信用助学贷款回收情况的通报";
    public static string AsOfLine(DateOnly asOf) => $"（数据截至{Date(asOf)}）";
    public static string Opening(DateOnly asOf) =>
        $"为落实生源地信用助学贷款回收数据通报机制，督促各地做好贷后管理和本息回收工作，现将截至{Date(asOf)}全省贷款回收情况通报如下：";

    public static string Overall(int year, DateOnly asOf, BulletinFigures f) =>
        $"截至{Date(asOf)}，全省{year}年应还本息{Yuan(f.DueThisYear)}元，实还本息{Yuan(f.PaidThisYear)}元，当年本息回收率{Rate(f.RecoveryRate)}；" +
        $"累计应还本息{Yuan(f.CumulativeDue)}元，累计逾期本息{Yuan(f.CumulativeOverdue)}元，逾期率（金额）{Rate(f.OverdueRate)}；" +
        $"还款期借款人{f.BorrowersInRepayment}人，其中逾期{f.OverdueBorrowers}人，逾期率（人数）{Rate(f.OverdueHeadcountRate)}。";

    public static string Named(string label, IEnumerable<string> names) => $"{label}的单位：{string.Join("、", names)}。";
    public static string NothingDue(IEnumerable<string> names) => $"截至通报日尚无应还本息、不参加排名的单位：{string.Join("、", names)}。";
    public static string CityHeading(int index, string city) => $"（{ChineseNumber(index)}）{city}";

    public static readonly string[] CityHeaders = ["序号", "市", "当年应还本息(元)", "当年实还本息(元)", "当年本息回收率", "累计逾期本息(元)", "逾期率(金额)", "逾期人数", "逾期率(人数)"];
    public static readonly string[] RecoveryHeaders = ["名次", "单位", "所属市", "当年应还本息(元)", "当年实还本息(元)", "当年本息回收率"];
    public static readonly string[] OverdueHeaders = ["名次", "单位", "所属市", "累计应还本息(元)", "累计逾期本息(元)", "逾期率(金额)", "逾期人数", "逾期率(人数)"];
    public static readonly string[] CollectionHeaders = ["单位", "所属市", "未结催收案件", "逾期本息(元)", "从未联系", "近30天已联系", "近30天联系率", "承诺还款", "承诺兑现率", "失联"];

    public static string CollectionOverall(DateOnly today, int units, int open, decimal overdue, int never, int contacted, int lost) =>
        $"截至{Date(today)}，{units}个单位共有未结逾期催收案件{open}件，逾期本息{Yuan(overdue)}元；" +
        $"近30天已联系{contacted}件，从未联系{never}件，失联{lost}件。每件案件的联系记录均在系统中留痕，不可修改、删除。";

    public static string ChainHead(long id, string hash) => $"审计链头：第 {id} 条 {hash[..16]}（生成时）";

    public const string NoCollection = "本期尚无逾期催收案件数据（案件随还款计划导入自动生成）。";

    public static readonly string[] UnitHeaders = ["单位", "当年应还本息(元)", "当年实还本息(元)", "当年本息回收率", "累计逾期本息(元)", "逾期率(金额)", "还款期人数", "逾期人数", "逾期率(人数)"];

    public static string Date(DateOnly d) => $"{d.Year}年{d.Month}月{d.Day}日";
    public static string Yuan(decimal amount) => amount.ToString("#,##0.00", CultureInfo.InvariantCulture);
    public static string Rate(decimal? percent) => percent is { } p ? p.ToString("F2", CultureInfo.InvariantCulture) + "%" : "—";

    private static string ChineseNumber(int n)
    {
        const string digits = "零一二三四五六七八九";
        return n switch
        {
            < 10 => digits[n].ToString(),
            10 => "十",
            < 20 => "十" + digits[n - 10],
            _ => digits[n / 10] + "十" + (n % 10 == 0 ? "" : digits[n % 10].ToString()),
        };
    }
}
