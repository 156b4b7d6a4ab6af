namespace Kaohe.Domain.Accounts;

public enum Role
{
    ProvinceAdmin = 1,  // 省资助中心管理员
    CityReviewer = 2,   // 市资助中心评审员
    CountyOperator = 3, // 县资助中心经办人
    Expert = 4,         // 专家
    Observer = 5,       // 只读观察员（如国开行省分行）
}

public static class Roles
{
    private static readonly Dictionary<Role, string> Names = new()
    {
        [Role.ProvinceAdmin] = "省资助中心管理员",
        [Role.CityReviewer] = "市资助中心评审员",
        [Role.CountyOperator] = "县资助中心经办人",
        [Role.Expert] = "专家",
        [Role.Observer] = "只读观察员",
    };

    public static IReadOnlyDictionary<Role, string> All => Names;

    public static string ChineseName(this Role role) => Names[role];

    public static bool TryParse(string? text, out Role role)
    {
        var t = (text ?? "").Trim();
        if (Enum.TryParse(t, ignoreCase: true, out role) && Enum.IsDefined(role)) return true;
        foreach (var (key, name) in Names)
        {
            if (name == t) { role = key; return true; }
        }
        role = default;
        return false;
    }
}
