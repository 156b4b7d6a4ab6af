using System.ComponentModel;
using System.Globalization;
using System.Text.RegularExpressions;
using Kaohe.Common.Errors;

namespace Kaohe.Domain.Assessment;

public enum RuleKind
{
    [Description("每个扣分")] PerItem = 1,  // a count, 0 gives full marks
    [Description("不低于")] AtLeast = 2,  // a rate that should reach a line
    [Description("不高于")] AtMost = 3,   // a rate that should stay under a line
}

/// <summary>What a rule gives a value: the points and the working, in Chinese, as a reviewer checks it.</summary>
public sealed record RuleOutcome(decimal Points, string Working);

/// <summary>
/// How a computed indicator's value becomes points (scheme column 计分规则), written as the guidance reads:
/// <c>每个扣 0.5 分</c> (also 每人/每份/每项), <c>不低于 95% 得满分</c>, <c>不高于全省 得满分，每高 1 个百分点扣 1 分</c>.
/// A line is a fixed percentage or 全省 (the province's figure as of the same date). Without a deduction clause a
/// rate that misses the line gets 0. Deductions are pro rata to the gap in percentage points (as printed, 2 places),
/// rounded half-up to 2 places; points never go below 0. The point values themselves are configuration (L).
/// </summary>
public sealed partial record PointsRule(RuleKind Kind, decimal? Line, decimal? Step, decimal? Deduct, string Item = "个")
{
    /// <summary>The line is the province's figure, not a fixed number.</summary>
    public bool AgainstProvince => Kind != RuleKind.PerItem && Line is null;

    public bool IsRate => Kind != RuleKind.PerItem;

    public static PointsRule Parse(string text) =>
        TryParse(text, out var rule, out var error) ? rule : throw KaoheException.Invalid(error);

    public static bool TryParse(string? text, out PointsRule rule, out string error)
    {
        (rule, error) = (null!, "");
        var t = Normalize(text ?? "");
        if (PerItemPattern().Match(t) is { Success: true } m)
        {
            rule = new PointsRule(RuleKind.PerItem, null, null, Number(m.Groups["k"]), m.Groups["item"].Value);
            return Check(rule, out error);
        }
        if (RatePattern().Match(t) is not { Success: true } r)
        {
            error = ComputedTexts.RuleUnreadable(text ?? "");
            return false;
        }
        var atLeast = r.Groups["dir"].Value == "不低于";
        if (r.Groups["way"].Success && (r.Groups["way"].Value == "低") != atLeast)
        {
            error = ComputedTexts.RuleDirection(r.Groups["dir"].Value, atLeast ? "低" : "高");
            return false;
        }
        rule = new PointsRule(atLeast ? RuleKind.AtLeast : RuleKind.AtMost, r.Groups["line"].Success ? Number(r.Groups["line"]) : null,
            r.Groups["step"].Success ? Number(r.Groups["step"]) : null, r.Groups["k"].Success ? Number(r.Groups["k"]) : null);
        return Check(rule, out error);
    }

    /// <summary>Points for <paramref name="value"/> out of <paramref name="max"/>; <paramref name="province"/> is the line of a 全省 rule.</summary>
    public RuleOutcome Apply(decimal value, decimal max, decimal? province = null)
    {
        if (Kind == RuleKind.PerItem)
        {
            var deducted = Round(value * Deduct!.Value);
            return new(Math.Max(0, max - deducted), ComputedTexts.PerItemWorking(value, Item, Deduct.Value, deducted, Math.Max(0, max - deducted), max));
        }
        var line = Line ?? province ?? throw new InvalidOperationException("a 全省 rule needs the province's figure");
        var gap = Kind == RuleKind.AtLeast ? line - value : value - line;
        if (gap <= 0) return new(max, ComputedTexts.RateMet(this, value, line, max));
        var deduction = Step is { } step ? Round(gap / step * Deduct!.Value) : max;
        var points = Math.Max(0, max - deduction);
        return new(points, ComputedTexts.RateMissed(this, value, line, gap, Step is null ? null : deduction, points));
    }

    /// <summary>The canonical text, as the scheme file stores it.</summary>
    public override string ToString() => Kind switch
    {
        RuleKind.PerItem => $"每{Item}扣 {N(Deduct!.Value)} 分",
        _ => $"{(Kind == RuleKind.AtLeast ? "不低于" : "不高于")}{(Line is { } l ? $" {N(l)}%" : "全省")} 得满分"
            + (Step is { } s ? $"，每{(Kind == RuleKind.AtLeast ? "低" : "高")} {N(s)} 个百分点扣 {N(Deduct!.Value)} 分" : "，否则不得分"),
    };

    public static string N(decimal d) => d.ToString("0.##", CultureInfo.InvariantCulture);

    private static bool Check(PointsRule rule, out string error)
    {
        error = rule switch
        {
            { Line: > 100 } => ComputedTexts.RuleLineTooHigh,
            { Step: <= 0 } or { Deduct: <= 0 } => ComputedTexts.RuleNumbersPositive,
            _ => "",
        };
        return error.Length == 0;
    }

    private static decimal Round(decimal d) => Math.Round(d, 2, MidpointRounding.AwayFromZero);

    private static decimal Number(Group g) => decimal.Parse(g.Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);

    /// <summary>Full-width digits and punctuation to ASCII, no spaces, 全省平均 read as 全省, a final 。 dropped.</summary>
    private static string Normalize(string s)
    {
        var chars = s.Where(c => !char.IsWhiteSpace(c)).Select(c => c switch
        {
            >= '０' and <= '９' => (char)(c - '０' + '0'),
            '．' => '.',
            '％' => '%',
            '，' or '、' => ',',
            '；' => ';',
            _ => c,
        });
        return new string(chars.ToArray()).Replace("全省平均水平", "全省", StringComparison.Ordinal).Replace("全省平均", "全省", StringComparison.Ordinal).TrimEnd('。');
    }

    [GeneratedRegex(@"^每(?<item>个|人|份|项)扣(?<k>\d+(?:\.\d+)?)分(?:[,;]?扣完为止)?$")]
    private static partial Regex PerItemPattern();

    [GeneratedRegex(@"^(?<dir>不低于|不高于)(?:(?<line>\d+(?:\.\d+)?)%|全省)得满分(?:[,;]?每(?<way>低|高)(?<step>\d+(?:\.\d+)?)个百分点扣(?<k>\d+(?:\.\d+)?)分)?(?:[,;]?(?:扣完为止|否则不得分|否则得0分))?$")]
    private static partial Regex RatePattern();
}
