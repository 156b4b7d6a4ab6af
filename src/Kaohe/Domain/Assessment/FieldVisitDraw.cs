namespace Kaohe.Domain.Assessment;

/// <summary>A stored field-visit draw: the seed and every input, so that anyone can redo it and get the same units.</summary>
public sealed class FieldVisitDraw
{
    public int Id { get; set; }
    public int CampaignId { get; set; }
    public int Seed { get; set; }

    /// <summary>The candidates with their weights, the per-city count and the must-include/exclude lists, as JSON.</summary>
    public required string InputsJson { get; set; }

    /// <summary>The drawn unit ids, comma-separated, in draw order.</summary>
    public required string DrawnUnitIds { get; set; }

    public DateTime DrawnAtUtc { get; set; }
    public string? DrawnBy { get; set; }
}
