namespace Kaohe.Domain.Assessment;

/// <summary>The four grades of the notice, best first (the annex lists them in this order).</summary>
public enum Grade
{
    Excellent = 1, // 优秀
    Good = 2,      // 良好
    Pass = 3,      // 合格
    Fail = 4,      // 不合格
}

public static class Grades
{
    private static readonly Dictionary<Grade, string> Names = new()
    {
        [Grade.Excellent] = "优秀",
        [Grade.Good] = "良好",
        [Grade.Pass] = "合格",
        [Grade.Fail] = "不合格",
    };

    public static IReadOnlyList<Grade> InNoticeOrder { get; } = [Grade.Excellent, Grade.Good, Grade.Pass, Grade.Fail];

    public static string ChineseName(this Grade grade) => Names[grade];

    public static bool TryParse(string? text, out Grade grade)
    {
        var t = (text ?? "").Trim().Replace("考核", "", StringComparison.Ordinal).Replace("单位", "", StringComparison.Ordinal);
        foreach (var (key, name) in Names)
        {
            if (name == t) { grade = key; return true; }
        }
        return Enum.TryParse(t, ignoreCase: true, out grade) && Enum.IsDefined(grade);
    }
}
