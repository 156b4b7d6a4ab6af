using Kaohe.Common.Errors;

namespace Kaohe.Domain.Assessment;

public enum CampaignStatus
{
    Draft = 1,   // 筹备中
    Open = 2,    // 进行中
    Sealed = 3,  // 已封存：结果只读
}

/// <summary>
/// One year's assessment (考核), for the work of <see cref="Year"/> (the 2018 campaign ran in 2019).
/// A historical campaign holds published results imported from a past notice; it is sealed on import.
/// </summary>
public sealed class Campaign
{
    public int Id { get; set; }
    public int Year { get; set; }
    public required string Title { get; set; }
    public CampaignStatus Status { get; set; } = CampaignStatus.Draft;
    public bool IsHistorical { get; set; }
    public DateTime? SealedAtUtc { get; set; }
    public string? SealedBy { get; set; }

    /// <summary>The scheme version scored against; null only for a historical campaign imported without one.</summary>
    public int? SchemeId { get; set; }
    public IndicatorScheme? Scheme { get; set; }

    public List<CampaignStage> Stages { get; set; } = [];
    public List<CampaignUnit> Units { get; set; } = [];

    public bool IsSealed => Status == CampaignStatus.Sealed;

    public CampaignStage StageOf(Stage stage) => Stages.Single(s => s.Stage == stage);

    /// <summary>Refuses any change once sealed: the state forbids it (a conflict), not the request.</summary>
    public void EnsureNotSealed()
    {
        if (IsSealed) throw KaoheException.Conflict(AssessmentTexts.Sealed);
    }

    public void OpenStage(Stage stage)
    {
        EnsureNotSealed();
        Status = CampaignStatus.Open;
        StageOf(stage).Status = StageStatus.Open;
    }

    public void CloseStage(Stage stage)
    {
        EnsureNotSealed();
        StageOf(stage).Status = StageStatus.Closed;
    }

    /// <summary>Seals the decided results: every unit must have a grade; afterwards nothing changes.</summary>
    public void Seal(string by, DateTime nowUtc)
    {
        EnsureNotSealed();
        if (Units.Any(u => u.FinalGrade is null)) throw KaoheException.Invalid(AssessmentTexts.NotAllGraded(Units.Count(u => u.FinalGrade is null)));
        foreach (var s in Stages) s.Status = StageStatus.Closed;
        Status = CampaignStatus.Sealed;
        SealedAtUtc = nowUtc;
        SealedBy = by;
    }
}
