namespace Kaohe.Domain.Assessment;

/// <summary>The notice's four categories of problems found (三、存在的问题).</summary>
public enum FindingCategory
{
    Staffing = 1,          // 机构队伍建设
    Archives = 2,          // 档案管理
    SystemMaintenance = 3, // 系统信息维护
    PostLoan = 4,          // 贷后管理
}

public enum FindingStatus
{
    Identified = 1, // 已发现
    Assigned = 2,   // 已交办
    InProgress = 3, // 整改中
    Resolved = 4,   // 已整改
    Closed = 5,     // 已销号
}

/// <summary>A problem found in a unit during a campaign (self-check, review or field visit), to be rectified.</summary>
public sealed class Finding
{
    public int Id { get; set; }
    public int CampaignId { get; set; }
    public int? UnitId { get; set; }
    public FindingCategory Category { get; set; }
    public required string Text { get; set; }
    public FindingStatus Status { get; set; } = FindingStatus.Identified;
    public DateOnly? DueDate { get; set; }
}

public static class FindingCategories
{
    private static readonly Dictionary<FindingCategory, string> Names = new()
    {
        [FindingCategory.Staffing] = "机构队伍建设",
        [FindingCategory.Archives] = "档案管理",
        [FindingCategory.SystemMaintenance] = "系统信息维护",
        [FindingCategory.PostLoan] = "贷后管理",
    };

    public static IReadOnlyDictionary<FindingCategory, string> All => Names;

    public static string ChineseName(this FindingCategory c) => Names[c];
}
