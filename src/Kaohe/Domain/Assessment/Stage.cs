namespace Kaohe.Domain.Assessment;

/// <summary>The notice's four stages, in order (一、整体情况).</summary>
public enum Stage
{
    SelfCheck = 1,    // 县资助中心自查
    CityReview = 2,   // 市级学生资助管理中心主评
    ExpertReview = 3, // 专家组复评
    FieldVisit = 4,   // 专家组实地查看
}

public enum StageStatus
{
    NotOpen = 1, // 未开始
    Open = 2,    // 进行中
    Closed = 3,  // 已结束
}

/// <summary>One stage of a campaign with its dates (as OpenReview: open, due, and a grace date after which nothing is accepted).</summary>
public sealed class CampaignStage
{
    public int Id { get; set; }
    public int CampaignId { get; set; }
    public Stage Stage { get; set; }
    public DateOnly OpensOn { get; set; }
    public DateOnly DueOn { get; set; }
    public DateOnly GraceUntil { get; set; }
    public StageStatus Status { get; set; } = StageStatus.NotOpen;

    /// <summary>Work is accepted while the stage is open and the grace date has not passed.</summary>
    public bool AcceptsWork(DateOnly today) => Status == StageStatus.Open && today <= GraceUntil;

    public bool IsLate(DateOnly today) => today > DueOn;
}

public static class Stages
{
    private static readonly Dictionary<Stage, string> Names = new()
    {
        [Stage.SelfCheck] = "自查",
        [Stage.CityReview] = "市级主评",
        [Stage.ExpertReview] = "专家组复评",
        [Stage.FieldVisit] = "实地查看",
    };

    public static IReadOnlyList<Stage> InOrder { get; } = [Stage.SelfCheck, Stage.CityReview, Stage.ExpertReview, Stage.FieldVisit];

    public static string ChineseName(this Stage stage) => Names[stage];

    public static bool TryParse(string? text, out Stage stage)
    {
        var t = (text ?? "").Trim();
        foreach (var (key, name) in Names)
        {
            if (name == t) { stage = key; return true; }
        }
        return Enum.TryParse(t, ignoreCase: true, out stage) && Enum.IsDefined(stage);
    }
}
