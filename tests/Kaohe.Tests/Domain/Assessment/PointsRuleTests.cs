using System.Globalization;
using Kaohe.Domain.Assessment;

namespace Kaohe.Tests.Domain.Assessment;

/// <summary>The 计分规则 of computed indicators: how each kind is written, read, and turns a value into points.</summary>
public sealed class PointsRuleTests
{
    private static decimal D(string s) => decimal.Parse(s, CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("每个扣 0.5 分", "每个扣 0.5 分")]
    [InlineData("每人扣1分，扣完为止", "每人扣 1 分")]
    [InlineData("每份扣 ２ 分。", "每份扣 2 分")]
    [InlineData("不低于 95% 得满分", "不低于 95% 得满分，否则不得分")]
    [InlineData("不低于95％得满分，否则不得分", "不低于 95% 得满分，否则不得分")]
    [InlineData("不低于 90% 得满分；每低 1 个百分点扣 0.5 分", "不低于 90% 得满分，每低 1 个百分点扣 0.5 分")]
    [InlineData("不高于全省平均 得满分，每高 1 个百分点扣 1 分", "不高于全省 得满分，每高 1 个百分点扣 1 分")]
    [InlineData("不高于全省得满分,每高2个百分点扣1分,扣完为止", "不高于全省 得满分，每高 2 个百分点扣 1 分")]
    [InlineData("不高于 5% 得满分", "不高于 5% 得满分，否则不得分")]
    public void Parse_ReadsTheWrittenForms_AndPrintsTheCanonicalText(string text, string canonical)
    {
        var rule = PointsRule.Parse(text);
        Assert.Equal(canonical, rule.ToString());
        Assert.Equal(rule, PointsRule.Parse(rule.ToString())); // the canonical text reads back as the same rule
    }

    [Theory]
    [InlineData("", "无法识别")]
    [InlineData("逾期率越低越好", "无法识别")]
    [InlineData("每个扣 -1 分", "无法识别")]
    [InlineData("不低于 95 得满分", "无法识别")]                       // the line needs its % sign
    [InlineData("不高于全省 得满分，每低 1 个百分点扣 1 分", "每高")]    // a deduction in the wrong direction
    [InlineData("不低于 95% 得满分，每高 1 个百分点扣 1 分", "每低")]
    [InlineData("不低于 120% 得满分", "100%")]
    [InlineData("不低于 95% 得满分，每低 0 个百分点扣 1 分", "大于 0")]
    [InlineData("每个扣 0 分", "大于 0")]
    public void Parse_RefusesWhatItCannotRead_SayingWhy(string text, string because)
    {
        Assert.False(PointsRule.TryParse(text, out _, out var error));
        Assert.Contains(because, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("每个扣 0.5 分", "0", "3", "3")]
    [InlineData("每个扣 0.5 分", "1", "3", "2.5")]
    [InlineData("每个扣 0.5 分", "6", "3", "0")]       // exactly used up
    [InlineData("每个扣 0.5 分", "40", "3", "0")]      // never below 0
    [InlineData("每人扣 0.3 分", "3", "1", "0.1")]
    public void PerItem_ZeroGivesFullMarks_EachOneDeducts(string rule, string count, string max, string expected) =>
        Assert.Equal(D(expected), PointsRule.Parse(rule).Apply(D(count), D(max)).Points);

    [Theory]
    [InlineData("不低于 95% 得满分", "95.00", "4")]    // on the line is reaching it
    [InlineData("不低于 95% 得满分", "94.99", "0")]
    [InlineData("不低于 95% 得满分", "100.00", "4")]
    [InlineData("不低于 90% 得满分，每低 1 个百分点扣 1 分", "88.50", "2.5")]
    [InlineData("不低于 90% 得满分，每低 1 个百分点扣 1 分", "80.00", "0")]
    [InlineData("不低于 90% 得满分，每低 2 个百分点扣 1 分", "89.00", "3.5")]
    [InlineData("不高于 5% 得满分", "5.01", "0")]
    [InlineData("不高于 5% 得满分，每高 1 个百分点扣 1 分", "6.25", "2.75")]
    [InlineData("不高于 5% 得满分，每高 3 个百分点扣 1 分", "6.00", "3.67")]  // 1/3 deducted, 0.33 after rounding
    [InlineData("不高于 5% 得满分，每高 2 个百分点扣 1 分", "5.01", "3.99")]  // 0.005 deducted: half-up gives 0.01 (banker's would give 0)
    public void FixedLine_FullMarksOnTheRightSide_ProRataOrNothingBeyond(string rule, string value, string expected)
    {
        var outcome = PointsRule.Parse(rule).Apply(D(value), 4m);
        Assert.Equal(D(expected), outcome.Points);
    }

    [Theory]
    [InlineData("41.67", "40.00", "3.33")] // 1.67 points above the province: 1.67 deducted
    [InlineData("40.00", "40.00", "5")]    // equal to the province is not above it
    [InlineData("12.10", "40.00", "5")]
    [InlineData("45.00", "40.00", "0")]    // 5 points above: all 5 gone
    [InlineData("52.30", "40.00", "0")]
    [InlineData("40.01", "40.00", "4.99")]
    public void AgainstProvince_ComparesWithTheProvincesFigure(string unit, string province, string expected)
    {
        var rule = PointsRule.Parse("不高于全省 得满分，每高 1 个百分点扣 1 分");
        Assert.True(rule.AgainstProvince);
        Assert.Equal(D(expected), rule.Apply(D(unit), 5m, D(province)).Points);
    }

    [Fact]
    public void Working_ShowsTheGapTheDeductionAndThePoints()
    {
        var o = PointsRule.Parse("不高于全省 得满分，每高 1 个百分点扣 1 分").Apply(41.67m, 5m, 40.00m);
        Assert.Equal("41.67% 高于全省 40.00% 1.67 个百分点，扣 1.67 分，得 3.33 分", o.Working);
        Assert.Equal("3 个 × 0.5 分 = 扣 1.5 分，得 1.5 分", PointsRule.Parse("每个扣 0.5 分").Apply(3, 3).Working);
        Assert.Equal("92.00% 低于 95.00% 3 个百分点，得 0 分", PointsRule.Parse("不低于 95% 得满分").Apply(92m, 4m).Working);
    }

    [Fact]
    public void AProvinceRule_WithoutTheProvincesFigure_CannotBeApplied() =>
        Assert.Throws<InvalidOperationException>(() => PointsRule.Parse("不高于全省 得满分").Apply(3m, 5m));
}
