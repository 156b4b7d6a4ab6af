namespace Kaohe.Domain.Assessment;

/// <summary>One stage's scoring of one unit. Every stage's result is kept side by side; the latest submitted counts.</summary>
public sealed class StageResult
{
    public int Id { get; set; }
    public int CampaignUnitId { get; set; }
    public Stage Stage { get; set; }
    public decimal Total { get; set; }

    /// <summary>The best grade allowed after a hit veto item, if any.</summary>
    public Grade? VetoCap { get; set; }

    public string? Comment { get; set; }

    /// <summary>Why the total differs from the previous stage's by more than the scheme allows.</summary>
    public string? GapReason { get; set; }

    public string? ScoredBy { get; set; }
    public DateTime? SubmittedAtUtc { get; set; }
    public List<IndicatorScore> Scores { get; set; } = [];

    public bool IsSubmitted => SubmittedAtUtc is not null;

    /// <summary>Recomputes the total and the veto cap from the indicator scores.</summary>
    public void Recount(IReadOnlyDictionary<int, Indicator> indicators)
    {
        Total = Scores.Where(s => indicators[s.IndicatorId].Kind != IndicatorKind.Veto).Sum(s => s.Points);
        var caps = Scores.Where(s => s.VetoHit).Select(s => indicators[s.IndicatorId].VetoCap ?? Grade.Fail).ToList();
        VetoCap = caps.Count == 0 ? null : caps.Max();
    }
}

/// <summary>One indicator's points at one stage, with the scorer's explanation.</summary>
public sealed class IndicatorScore
{
    public int Id { get; set; }
    public int StageResultId { get; set; }
    public int IndicatorId { get; set; }
    public decimal Points { get; set; }
    public bool VetoHit { get; set; }
    public string? Note { get; set; }
}
