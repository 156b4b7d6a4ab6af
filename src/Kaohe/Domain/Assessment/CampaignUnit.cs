namespace Kaohe.Domain.Assessment;

/// <summary>Where a unit is in the four-stage flow: whose turn it is.</summary>
public enum UnitStep
{
    SelfCheck = 1,    // 县级自查中
    CityReview = 2,   // 待市级主评
    ExpertReview = 3, // 待专家组复评
    FieldVisit = 4,   // 待实地查看
    Scored = 5,       // 评分完成，待集体评审
}

/// <summary>A unit taking part in a campaign, its place in the stage flow, and the result that counts once decided.</summary>
public sealed partial class CampaignUnit
{
    public int Id { get; set; }
    public int CampaignId { get; set; }
    public Campaign Campaign { get; set; } = null!;
    public int UnitId { get; set; }
    public Units.Unit Unit { get; set; } = null!;

    /// <summary>Whose turn it is; it changes only through the flow (<see cref="Submit"/>, <see cref="Return"/>, the draw).</summary>
    public UnitStep Step { get; private set; } = UnitStep.SelfCheck;

    /// <summary>Drawn for a field visit (实地查看); set by <see cref="MarkSampled"/> and <see cref="Unsample"/>.</summary>
    public bool IsSampled { get; private set; }

    /// <summary>Why the unit was last sent back to a lower level.</summary>
    public string? ReturnReason { get; set; }

    /// <summary>The score that counts (the latest stage's, after the collective decision).</summary>
    public decimal? FinalScore { get; set; }

    /// <summary>The grade the scheme's rules give the final score.</summary>
    public Grade? ComputedGrade { get; set; }

    /// <summary>The grade that counts: computed from the score by the scheme's rules, or decided by the expert group.</summary>
    public Grade? FinalGrade { get; set; }

    public string? DecisionReason { get; set; }
    public int? VotesFor { get; set; }
    public int? VotesAgainst { get; set; }
    public int? VotesAbstain { get; set; }

    public List<StageResult> Results { get; set; } = [];

    public StageResult? ResultOf(Stage stage) => Results.FirstOrDefault(r => r.Stage == stage);

    /// <summary>The latest submitted stage's result: the one that counts.</summary>
    public StageResult? Latest => Results.Where(r => r.IsSubmitted).MaxBy(r => r.Stage);

    public bool OwnsStage(Stage stage) => (int)Step == (int)stage;
}
