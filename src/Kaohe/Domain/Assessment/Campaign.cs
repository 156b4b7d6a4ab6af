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
    public List<CampaignUnit> Units { get; set; } = [];

    public bool IsSealed => Status == CampaignStatus.Sealed;
}

/// <summary>A unit taking part in a campaign, with the result that counts once the campaign is decided.</summary>
public sealed class CampaignUnit
{
    public int Id { get; set; }
    public int CampaignId { get; set; }
    public Campaign Campaign { get; set; } = null!;
    public int UnitId { get; set; }
    public Units.Unit Unit { get; set; } = null!;

    /// <summary>The score that counts (the latest stage's, after the collective decision).</summary>
    public decimal? FinalScore { get; set; }

    /// <summary>The grade that counts: computed from the score by the scheme's rules, or decided by the expert group.</summary>
    public Grade? FinalGrade { get; set; }
}
