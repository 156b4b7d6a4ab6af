using Kaohe.Domain.Assessment;
using Kaohe.Features.Assessment;
using Kaohe.Features.Collection;

namespace Kaohe.Tests.Features.Collection;

/// <summary>A scheme may score 贷后管理记录和留痕 from the collection desk, with rules that fit each value.</summary>
public sealed class CollectionSourceTests
{
    private static List<string> Check(string source, string rule)
    {
        var errors = new List<string>();
        DataRuleCheck.Check(IndicatorKind.Computed, source, rule, (_, m) => errors.Add(m));
        return errors;
    }

    [Fact]
    public void CollectionSources_TakeTheirRules_AndARateWithoutAProvinceFigureNeedsItsOwnLine()
    {
        Assert.Empty(Check(CollectionIndicators.NeverContacted, "每个扣 0.5 分"));
        Assert.Empty(Check("逾期30天内联系率", "不低于 90% 得满分，每低 1 个百分点扣 1 分"));
        Assert.Empty(Check(CollectionIndicators.PromiseKept, "不低于 80% 得满分"));
        Assert.Equal([Kaohe.Domain.Assessment.ComputedTexts.NoProvinceLine("逾期30天内联系率")], Check(CollectionIndicators.ContactedWithin30Days, "不低于全省 得满分"));
        Assert.Single(Check(CollectionIndicators.NeverContacted, "不低于 90% 得满分"));
    }
}
