using Kaohe.Domain.Assessment;

namespace Kaohe.Tests.Domain.Assessment;

public sealed class FieldVisitSamplerTests
{
    private static List<SampleCandidate> Province() =>
        Enumerable.Range(1, 60).Select(i => new SampleCandidate(i, 1 + (i % 6), 80m + (i % 20), i % 7, i % 3, i % 4)).ToList();

    [Fact]
    public void SameSeedAndInputs_GiveTheSameSample()
    {
        var a = FieldVisitSampler.Draw(new SampleRequest(Province(), 2, 42, [], []));
        var b = FieldVisitSampler.Draw(new SampleRequest(Province(), 2, 42, [], []));
        Assert.Equal(a, b);
        var c = FieldVisitSampler.Draw(new SampleRequest(Province(), 2, 43, [], []));
        Assert.NotEqual(a, c);
    }

    [Fact]
    public void Draw_TakesThePerCityCountFromEveryCity()
    {
        var candidates = Province();
        var drawn = FieldVisitSampler.Draw(new SampleRequest(candidates, 3, 7, [], []));
        var city = candidates.ToDictionary(c => c.UnitId, c => c.CityId);
        Assert.Equal(18, drawn.Count);
        Assert.All(drawn.GroupBy(id => city[id]), g => Assert.Equal(3, g.Count()));
        Assert.Equal(drawn.Count, drawn.Distinct().Count());
    }

    [Fact]
    public void MustIncludeAndExclude_AreHonoured()
    {
        var candidates = Province();
        for (var seed = 0; seed < 20; seed++)
        {
            var drawn = FieldVisitSampler.Draw(new SampleRequest(candidates, 1, seed, [6, 12], [1, 7, 13]));
            Assert.Contains(6, drawn);
            Assert.Contains(12, drawn); // both city 1 (i % 6 == 0 → city 1): the count is exceeded rather than drop a must-include
            Assert.DoesNotContain(1, drawn);
            Assert.DoesNotContain(7, drawn);
            Assert.DoesNotContain(13, drawn);
        }
    }

    [Fact]
    public void RiskierUnits_AreDrawnMoreOften()
    {
        var candidates = new List<SampleCandidate> { new(1, 1, 98m, 0, 0, 0), new(2, 1, 62m, 12m, 3, 5) };
        var risky = Enumerable.Range(0, 400).Count(seed => FieldVisitSampler.Draw(new SampleRequest(candidates, 1, seed, [], []))[0] == 2);
        Assert.InRange(risky, 300, 400);
    }
}
