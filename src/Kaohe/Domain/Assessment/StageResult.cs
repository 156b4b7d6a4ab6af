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

    /// <summary>
    /// Records what the ledger gave a computed indicator. With data, its points are the rule's. Without, a score a person
    /// gave for want of data (with a note) is kept; any other score is dropped, so the indicator must be scored again.
    /// </summary>
    public void Record(int indicatorId, LedgerReading reading)
    {
        var score = Scores.FirstOrDefault(s => s.IndicatorId == indicatorId);
        if (reading.Points is { } points)
        {
            if (score is null) Scores.Add(score = new IndicatorScore { IndicatorId = indicatorId });
            (score.Points, score.Origin, score.Note, score.VetoHit) = (points, ScoreOrigin.Ledger, null, false);
        }
        else if (score?.Origin != ScoreOrigin.PersonNoData)
        {
            if (score is not null) Scores.Remove(score);
            return;
        }
        (score.DataValue, score.DataFormula, score.DataNumbers, score.DataScoring, score.DataAsOf) =
            (reading.Value, reading.Formula, reading.Numbers, reading.Scoring, reading.AsOf);
    }
}

/// <summary>Where an indicator score's points came from.</summary>
public enum ScoreOrigin
{
    Person = 1,       // 人工评分
    Ledger = 2,       // 台账计算: the rule applied to the ledger's value
    PersonNoData = 3, // 无台账数据: a computed indicator scored by a person, the note says on what
}

/// <summary>
/// One indicator's points at one stage, with the scorer's explanation. A computed indicator also keeps what the ledger
/// said when the stage was scored (value, formula, numbers, as-of date, the rule's working), so a submitted or sealed
/// result shows what it was judged on even after the ledger is imported again.
/// </summary>
public sealed class IndicatorScore
{
    public int Id { get; set; }
    public int StageResultId { get; set; }
    public int IndicatorId { get; set; }
    public decimal Points { get; set; }
    public bool VetoHit { get; set; }
    public string? Note { get; set; }
    public ScoreOrigin Origin { get; set; } = ScoreOrigin.Person;
    public decimal? DataValue { get; set; }
    public string? DataFormula { get; set; }
    public string? DataNumbers { get; set; }
    public string? DataScoring { get; set; }
    public DateOnly? DataAsOf { get; set; }
}

/// <summary>What the ledger gave one computed indicator: <see cref="Points"/> null means 无台账数据 (a person scores it).</summary>
public sealed record LedgerReading(decimal? Value, string Formula, string Numbers, DateOnly AsOf, decimal? Points, string Scoring)
{
    public bool HasData => Points is not null;
}
