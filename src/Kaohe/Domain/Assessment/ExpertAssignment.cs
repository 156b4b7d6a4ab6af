namespace Kaohe.Domain.Assessment;

/// <summary>An expert is assigned a unit to re-evaluate; experts see only the units assigned to them.</summary>
public sealed class ExpertAssignment
{
    public int Id { get; set; }
    public int ExpertUserId { get; set; }
    public int UnitId { get; set; }
}
