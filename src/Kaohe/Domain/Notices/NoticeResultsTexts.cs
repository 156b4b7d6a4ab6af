using Kaohe.Domain.Assessment;

namespace Kaohe.Domain.Notices;

/// <summary>
/// The wording of the notice's generated parts (二、考核结果 and the annex), as the 2018 notice words them, including
/// its spaces around numbers. Kept beside <see cref="NoticeResults"/>, which the domain builds and features print.
/// </summary>
public static class NoticeResultsTexts
{
    /// <summary>What the annex prints under a grade no unit has.</summary>
    public const string Empty = "无";

    private static readonly string[] Ordinals = ["一", "二", "三", "四"];

    /// <summary>"一、考核优秀单位": the annex heading of the grade in place <paramref name="index"/> of the notice order.</summary>
    public static string AnnexHeading(int index, Grade grade) => $"{Ordinals[index]}、考核{grade.ChineseName()}单位";

    /// <summary>"郑州市：二七区、中原区、…、航空港区。"</summary>
    public static string AnnexLine(string city, IEnumerable<string> units) => $"{city}：{string.Join("、", units)}。";

    /// <summary>The 不合格 clause appears only when there are failing units, as in the 2018 notice which has none.</summary>
    public static string Sentence(int total, int excellent, int good, int pass, int fail, string excellentRate) =>
        $"全省 {total} 个县级资助中心中，确定考核优秀单位 {excellent} 个，考核良好单位 {good} 个，考核合格单位 {pass} 个"
        + (fail > 0 ? $"，考核不合格单位 {fail} 个" : "")
        + $"，优秀率 {excellentRate}";
}
