using Kaohe.Domain.Assessment;
using Kaohe.Domain.Units;

namespace Kaohe.Features.Assessment;

/// <summary>
/// Seeded stage totals for a demo unit whose grade is known: a final score inside the grade's band
/// under the default rules, with the self-check a little higher and the city a little higher than the
/// experts (as assessments usually go), every gap within the scheme's 10 points.
/// </summary>
internal static class DemoScores
{
    public static CampaignUnit Scored(Unit unit, Grade grade, GradeRules rules, Random random)
    {
        var (low, high) = grade switch
        {
            Grade.Excellent => (rules.ExcellentMin, 98m),
            Grade.Good => (rules.GoodMin, rules.ExcellentMin - 0.5m),
            Grade.Pass => (Math.Max(rules.PassMin, rules.GoodMin - 12m), rules.GoodMin - 0.5m),
            _ => (rules.PassMin - 10m, rules.PassMin - 0.5m),
        };
        var final = Half(low + ((decimal)random.NextDouble() * (high - low)));
        var expert = Half(final + Jitter(random, 0m, 2m));
        var self = Math.Min(100m, Half(expert + Jitter(random, 0m, 6m)));
        var city = Math.Min(self, Half(expert + Jitter(random, -1m, 4m)));
        var sampled = random.Next(4) == 0;
        var results = new List<StageResult> { Result(Stage.SelfCheck, self), Result(Stage.ExpertReview, sampled ? expert : final) };
        if (!unit.ReportsToProvince) results.Add(Result(Stage.CityReview, city));
        if (sampled) results.Add(Result(Stage.FieldVisit, final));
        var scored = new CampaignUnit
        {
            UnitId = unit.Id,
            Results = results,
            FinalScore = final,
            ComputedGrade = rules.GradeOf(final),
            FinalGrade = grade,
        };
        scored.ArriveScored(sampled);
        return scored;
    }

    private static decimal Jitter(Random random, decimal min, decimal max) => min + ((decimal)random.NextDouble() * (max - min));

    private static decimal Half(decimal x) => Math.Round(x * 2m, MidpointRounding.AwayFromZero) / 2m;

    private static StageResult Result(Stage stage, decimal total) => new()
    {
        Stage = stage,
        Total = total,
        ScoredBy = "演示数据",
        SubmittedAtUtc = new DateTime(2019, 3, 31, 0, 0, 0, DateTimeKind.Utc),
    };
}
