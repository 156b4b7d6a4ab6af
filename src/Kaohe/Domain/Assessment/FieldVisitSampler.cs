namespace Kaohe.Domain.Assessment;

/// <summary>One candidate for a field visit, with what makes it risky.</summary>
public sealed record SampleCandidate(int UnitId, int CityId, decimal? Score, decimal SelfCityGap, int OpenFindings, int YearsSinceVisit)
{
    /// <summary>
    /// Risk weight (L: the province's real rule is not public, so it is kept simple and stated):
    /// 1, plus 1 per 5 points below 90, plus 1 per 5 points of self-vs-city gap, plus 1 per open finding,
    /// plus 1 per year not visited (at most 5).
    /// </summary>
    public decimal Weight => 1m
        + (Score is { } s && s < 90m ? (90m - s) / 5m : 0m)
        + Math.Abs(SelfCityGap) / 5m
        + OpenFindings
        + Math.Min(YearsSinceVisit, 5);
}

public sealed record SampleRequest(IReadOnlyList<SampleCandidate> Candidates, int PerCity, int Seed,
    IReadOnlyCollection<int> MustInclude, IReadOnlyCollection<int> MustExclude);

/// <summary>
/// A reproducible stratified draw: per city (in city id order), the must-include units first, then
/// <see cref="SampleRequest.PerCity"/> in total by weighted sampling without replacement
/// (Efraimidis–Spirakis keys u^(1/w)) from one seeded generator. Same request, same sample.
/// </summary>
public static class FieldVisitSampler
{
    public static IReadOnlyList<int> Draw(SampleRequest request)
    {
        // System.Random with an explicit seed keeps its legacy algorithm: the sequence is stable across .NET versions.
        var random = new Random(request.Seed);
        var exclude = request.MustExclude.ToHashSet();
        var include = request.MustInclude.Where(id => !exclude.Contains(id)).ToHashSet();
        var drawn = new List<int>();
        foreach (var city in request.Candidates.Where(c => !exclude.Contains(c.UnitId)).GroupBy(c => c.CityId).OrderBy(g => g.Key))
        {
            var units = city.OrderBy(c => c.UnitId).ToList();
            var forced = units.Where(c => include.Contains(c.UnitId)).Select(c => c.UnitId).ToList();
            var keyed = units.Where(c => !include.Contains(c.UnitId))
                .Select(c => (c.UnitId, Key: Math.Pow(random.NextDouble(), 1.0 / (double)c.Weight)))
                .ToList();
            var more = Math.Max(0, request.PerCity - forced.Count);
            drawn.AddRange(forced);
            drawn.AddRange(keyed.OrderByDescending(k => k.Key).ThenBy(k => k.UnitId).Take(more).Select(k => k.UnitId));
        }
        return drawn;
    }
}
