namespace Kaohe.Domain.Assessment;

/// <summary>
/// How a score becomes a grade. The thresholds are not public (DOMAIN.md §1, L): defaults 优秀 ≥ 90,
/// 良好 ≥ 80, 合格 ≥ 60, else 不合格, editable per scheme. A hit veto item caps the grade; an optional
/// quota keeps at most a share of a city's units 优秀 (the lowest-scored beyond it become 良好).
/// </summary>
public sealed record GradeRules(decimal ExcellentMin, decimal GoodMin, decimal PassMin, decimal? ExcellentQuotaPercent = null)
{
    public static readonly GradeRules Default = new(90m, 80m, 60m);

    public Grade GradeOf(decimal score, Grade? vetoCap = null)
    {
        var grade = score >= ExcellentMin ? Grade.Excellent : score >= GoodMin ? Grade.Good : score >= PassMin ? Grade.Pass : Grade.Fail;
        // Grades are ordered best first, so the cap is the larger enum value of the two.
        return vetoCap is { } cap && cap > grade ? cap : grade;
    }

    /// <summary>How many of a city's <paramref name="units"/> may be 优秀 under the quota (rounded down), or all without one.</summary>
    public int ExcellentAllowed(int units) =>
        ExcellentQuotaPercent is { } q ? (int)Math.Floor(units * q / 100m) : units;

    /// <summary>Applies the per-city quota: beyond it, the lowest-scored 优秀 units become 良好 (ties: the lower key first).</summary>
    public IReadOnlyDictionary<TKey, Grade> ApplyQuota<TKey>(IEnumerable<GradedUnit<TKey>> units) where TKey : notnull
    {
        var result = new Dictionary<TKey, Grade>();
        foreach (var city in units.GroupBy(u => u.CityId))
        {
            var allowed = ExcellentAllowed(city.Count());
            var kept = city.Where(u => u.Grade == Grade.Excellent).OrderByDescending(u => u.Score).ThenBy(u => u.Key).Take(allowed).Select(u => u.Key).ToHashSet();
            foreach (var u in city) result[u.Key] = u.Grade == Grade.Excellent && !kept.Contains(u.Key) ? Grade.Good : u.Grade;
        }
        return result;
    }
}

public sealed record GradedUnit<TKey>(TKey Key, int CityId, decimal Score, Grade Grade);
