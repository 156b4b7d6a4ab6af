namespace Kaohe.Features.Accounts;

/// <summary>The accounts' user-facing messages, in one place.</summary>
public static class AccountTexts
{
    public const string BadCredentials = "用户名或密码错误";
    public const string Inactive = "该账户已停用，请联系省资助中心";
    public const string PasswordTooWeak = "密码至少 8 位，且须同时包含字母和数字";
    public const string UserNameRequired = "用户名不能为空";
    public const string DisplayNameRequired = "姓名不能为空";
    public const string UnknownUser = "用户不存在";
    public const string NoCode = "无代码";
    public const string SignInFailed = "登录失败";
    public const string PasswordMissing = "请用 --password 或环境变量 KAOHE_PASSWORD 给出密码";

    public static string LockedOut(DateTime untilUtc) => $"连续登录失败次数过多，账户已锁定，请于 {Common.Time.BeijingClock.Format(untilUtc, "HH:mm")}（北京时间）后再试";
    public static string UserNameTaken(string name) => $"用户名“{name}”已存在";
    public static string UnknownUnit(string text) => $"找不到单位“{text}”（可填单位名称、别名或区划代码）";
    public static string AmbiguousUnit(string text, IEnumerable<string> candidates) => $"单位“{text}”不唯一，可能是：{string.Join("、", candidates)}；请填区划代码";
    public static string UnknownCity(string text) => $"找不到所属市“{text}”";
    public static string UnknownRole(string? text) => $"未知角色“{text}”";
    public static string UserAdded(string name, string role) => $"已新增账户 {name}（{role}）";
    public static string PasswordReset(string name) => $"已重置 {name} 的密码";
}
