using Kaohe.Domain.Assessment;

namespace Kaohe.Tests.Domain.Assessment;

public sealed class ExpertAssignerTests
{
    private static readonly ExpertCandidate[] Experts = [new(1, 10), new(2, 20), new(3, 30)];

    [Fact]
    public void NoExpert_GetsAUnitOfTheirHomeCity_OrOneReviewedLastYear()
    {
        var units = Enumerable.Range(1, 30).Select(i => new UnitToReview(i, 10 * (1 + (i % 3)))).ToList();
        var conflicts = new ExpertConflicts([(2, 1), (3, 1), (1, 2)]);
        var plan = ExpertAssigner.Plan(units, Experts, conflicts, [], perUnit: 1);
        var city = units.ToDictionary(u => u.UnitId, u => u.CityId);
        Assert.All(plan.Added, a => Assert.NotEqual(Experts.Single(e => e.UserId == a.ExpertId).HomeCityId, city[a.UnitId]));
        Assert.DoesNotContain((2, 1), plan.Added);
        Assert.DoesNotContain((3, 1), plan.Added);
        Assert.DoesNotContain((1, 2), plan.Added);
    }

    [Fact]
    public void Assignment_IsLoadBalanced()
    {
        var units = Enumerable.Range(1, 31).Select(i => new UnitToReview(i, 99)).ToList();
        var plan = ExpertAssigner.Plan(units, Experts, new ExpertConflicts([]), [], perUnit: 2);
        Assert.Equal(62, plan.Added.Count);
        Assert.True(plan.Load.Values.Max() - plan.Load.Values.Min() <= 1);
        Assert.All(plan.Added.GroupBy(a => a.UnitId), g => Assert.Equal(2, g.Select(a => a.ExpertId).Distinct().Count()));
    }

    [Fact]
    public void UnitWithOnlyConflictedExperts_IsReportedUnassigned()
    {
        var plan = ExpertAssigner.Plan([new UnitToReview(5, 10)], [new ExpertCandidate(1, 10)], new ExpertConflicts([]), []);
        Assert.Empty(plan.Added);
        Assert.Equal([5], plan.Unassigned);
    }

    [Theory]
    [InlineData(10, 7, false, "本人所在市")]
    [InlineData(20, 7, true, "上一年度")]
    [InlineData(20, 8, false, null)]
    public void Conflict_NamesTheRule(int home, int unit, bool reviewedLastYear, string? expected)
    {
        var conflicts = new ExpertConflicts(reviewedLastYear ? [(1, unit)] : []);
        var said = conflicts.Conflict(new ExpertCandidate(1, home), new UnitToReview(unit, 10));
        if (expected is null) Assert.Null(said);
        else Assert.Contains(expected, said);
    }
}
