using Kaohe.Domain.Assessment;

namespace Kaohe.Tests.Domain.Assessment;

public sealed class GradeRulesTests
{
    [Theory]
    [InlineData("100", Grade.Excellent)]
    [InlineData("90", Grade.Excellent)]
    [InlineData("89.99", Grade.Good)]
    [InlineData("80", Grade.Good)]
    [InlineData("79.5", Grade.Pass)]
    [InlineData("60", Grade.Pass)]
    [InlineData("59.99", Grade.Fail)]
    [InlineData("0", Grade.Fail)]
    public void DefaultThresholds_GiveTheGrade(string score, Grade expected) =>
        Assert.Equal(expected, GradeRules.Default.GradeOf(decimal.Parse(score, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData(95, Grade.Pass, Grade.Pass)]
    [InlineData(95, Grade.Fail, Grade.Fail)]
    [InlineData(85, Grade.Good, Grade.Good)]
    [InlineData(70, Grade.Good, Grade.Pass)] // a cap never raises a grade
    [InlineData(50, Grade.Pass, Grade.Fail)]
    public void VetoCap_LimitsTheGrade_ButNeverRaisesIt(int score, Grade cap, Grade expected) =>
        Assert.Equal(expected, GradeRules.Default.GradeOf(score, cap));

    [Theory]
    [InlineData(85, 75, 60, 80, Grade.Good)]
    [InlineData(85, 75, 60, 86, Grade.Excellent)]
    [InlineData(85, 75, 60, 59, Grade.Fail)]
    public void CustomThresholds_AreUsed(int excellent, int good, int pass, int score, Grade expected) =>
        Assert.Equal(expected, new GradeRules(excellent, good, pass).GradeOf(score));

    [Theory]
    [InlineData(null, 10, 10)]
    [InlineData(50, 10, 5)]
    [InlineData(75, 9, 6)]   // 6.75 rounds down
    [InlineData(70, 3, 2)]
    [InlineData(0, 5, 0)]
    public void Quota_AllowsAShareOfACitysUnits_RoundedDown(int? percent, int units, int allowed) =>
        Assert.Equal(allowed, new GradeRules(90, 80, 60, percent).ExcellentAllowed(units));

    [Fact]
    public void Quota_DemotesTheLowestScoredExcellentUnitsPerCity_ToGood()
    {
        var rules = new GradeRules(90, 80, 60, 50);
        var units = new[]
        {
            new GradedUnit<int>(1, 1, 95, Grade.Excellent), new GradedUnit<int>(2, 1, 91, Grade.Excellent),
            new GradedUnit<int>(3, 1, 93, Grade.Excellent), new GradedUnit<int>(4, 1, 85, Grade.Good),
            new GradedUnit<int>(5, 2, 90, Grade.Excellent), new GradedUnit<int>(6, 2, 70, Grade.Pass),
        };
        var result = rules.ApplyQuota(units);
        Assert.Equal(Grade.Excellent, result[1]);
        Assert.Equal(Grade.Excellent, result[3]);
        Assert.Equal(Grade.Good, result[2]);
        Assert.Equal(Grade.Good, result[4]);
        Assert.Equal(Grade.Excellent, result[5]); // city 2: 2 units × 50% = 1 allowed
        Assert.Equal(Grade.Pass, result[6]);
    }
}
