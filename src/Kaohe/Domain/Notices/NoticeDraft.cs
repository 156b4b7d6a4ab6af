namespace Kaohe.Domain.Notices;

/// <summary>
/// The editable parts of one campaign's results notice (考核结果通报). The results themselves
/// (二、考核结果 and the annex) are never stored here: they are generated from the campaign each time.
/// </summary>
public sealed class NoticeDraft
{
    public int Id { get; set; }
    public int CampaignId { get; set; }
    public required string Issuers { get; set; }
    public required string DocumentNumber { get; set; }
    public required string Title { get; set; }
    public DateOnly IssueDate { get; set; }
    public required string Addressee { get; set; }
    public required string Opening { get; set; }
    public required string Overview { get; set; }
    public required string Problems { get; set; }
    public required string Requirements { get; set; }
    public string? UpdatedBy { get; set; }
}
