namespace Kaohe.Domain.Assessment;

public sealed record ExpertCandidate(int UserId, int? HomeCityId);

public sealed record UnitToReview(int UnitId, int CityId);

/// <summary>
/// Conflict rules (explicit edges, checked before any assignment, as OpenReview does): no expert
/// reviews a unit of their home city, nor a unit they reviewed in the previous year's campaign.
/// </summary>
public sealed class ExpertConflicts(IEnumerable<(int ExpertId, int UnitId)> reviewedLastYear)
{
    private readonly HashSet<(int, int)> _lastYear = reviewedLastYear.ToHashSet();

    public string? Conflict(ExpertCandidate expert, UnitToReview unit) =>
        expert.HomeCityId == unit.CityId ? AssessmentTexts.ExpertsOwnCity
        : _lastYear.Contains((expert.UserId, unit.UnitId)) ? AssessmentTexts.ExpertReviewedLastYear
        : null;
}

/// <summary>Assigns each unit <c>perUnit</c> experts without conflicts, always to the least-loaded eligible expert (ties: lower id).</summary>
public static class ExpertAssigner
{
    public static AssignmentPlan Plan(IReadOnlyList<UnitToReview> units, IReadOnlyList<ExpertCandidate> experts, ExpertConflicts conflicts,
        IReadOnlyCollection<(int ExpertId, int UnitId)> existing, int perUnit = 1)
    {
        var load = experts.ToDictionary(e => e.UserId, e => existing.Count(a => a.ExpertId == e.UserId));
        var added = new List<(int ExpertId, int UnitId)>();
        var unassigned = new List<int>();
        foreach (var unit in units.OrderBy(u => u.UnitId))
        {
            var have = existing.Where(a => a.UnitId == unit.UnitId).Select(a => a.ExpertId).ToHashSet();
            while (have.Count < perUnit)
            {
                var pick = experts.Where(e => !have.Contains(e.UserId) && conflicts.Conflict(e, unit) is null)
                    .OrderBy(e => load[e.UserId]).ThenBy(e => e.UserId).FirstOrDefault();
                if (pick is null) { unassigned.Add(unit.UnitId); break; }
                have.Add(pick.UserId);
                load[pick.UserId]++;
                added.Add((pick.UserId, unit.UnitId));
            }
        }
        return new AssignmentPlan(added, unassigned, load);
    }
}

public sealed record AssignmentPlan(IReadOnlyList<(int ExpertId, int UnitId)> Added, IReadOnlyList<int> Unassigned, IReadOnlyDictionary<int, int> Load);
