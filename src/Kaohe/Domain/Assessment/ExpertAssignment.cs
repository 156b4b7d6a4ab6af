namespace Kaohe.Domain.Assessment;

/// <summary>
/// An expert is assigned a unit to re-evaluate in one campaign; experts see only the units assigned
/// to them in open or sealed campaigns.
/// </summary>
public sealed class ExpertAssignment
{
    public int Id { get; set; }
    public int CampaignId { get; set; }
    public int ExpertUserId { get; set; }
    public int UnitId { get; set; }
}
