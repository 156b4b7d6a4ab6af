using Kaohe.Domain.Assessment;

namespace Kaohe.Features.Assessment;

/// <summary>
/// Checks an indicator's 数据来源 and 计分规则 against its type, for a scheme file row or a revision: a 数据计算 indicator
/// needs a known ledger source and a rule that fits it (a count takes 每个扣…, a rate 不低于/不高于…); other types take neither.
/// </summary>
public static class DataRuleCheck
{
    public const string SourceColumn = "数据来源", RuleColumn = "计分规则";

    /// <summary>The source code and the rule's canonical text, or nulls; each problem goes to <paramref name="error"/> (column, message).</summary>
    public static (string? Source, string? Rule) Check(IndicatorKind kind, string sourceText, string ruleText, Action<string, string> error)
    {
        var (s, r) = (sourceText.Trim(), ruleText.Trim());
        if (kind != IndicatorKind.Computed)
        {
            if (s.Length > 0 || r.Length > 0) error(s.Length > 0 ? SourceColumn : RuleColumn, ComputedTexts.OnlyComputedHasSource);
            return (null, null);
        }
        var source = LedgerSources.Find(s);
        if (s.Length == 0) error(SourceColumn, ComputedTexts.SourceNeeded);
        else if (source is null) error(SourceColumn, ComputedTexts.UnknownSource(s, LedgerSources.Known));
        if (r.Length == 0) { error(RuleColumn, ComputedTexts.RuleNeeded); return (source?.Code, null); }
        if (!PointsRule.TryParse(r, out var rule, out var message)) { error(RuleColumn, message); return (source?.Code, null); }
        if (source is not null && rule.IsRate != source.IsRate)
            error(RuleColumn, source.IsRate ? ComputedTexts.CountRuleOnRate(source.Name) : ComputedTexts.RateRuleOnCount(source.Name));
        else if (source is not null && rule.AgainstProvince && source.Province is null) error(RuleColumn, ComputedTexts.NoProvinceLine(source.Name));
        return (source?.Code, rule.ToString());
    }
}
