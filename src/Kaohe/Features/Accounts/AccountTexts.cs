namespace Kaohe.Features.Accounts;

/// <summary>The accounts' user-facing messages, in one place.</summary>
public static class AccountTexts
{
    /// <summary>The one answer to every failed sign-in, whatever the cause: which accounts exist is no one's business.</summary>
    public const string BadCredentials = "用户名或密码错误";
    public const string TooManyAttempts = "登录尝试过于频繁";
    public const string PasswordTooWeak = "密码至少 8 位，且须同时包含字母和数字";
    public const string PasswordHasUserName = "密码不能包含用户名";
    public const string PasswordTooCommon = "该密码过于常见，容易被猜中，请换一个";
    public const string DemoPasswordOutsideDemo = "演示密码只能在演示环境使用，请换一个";
    public const string UserNameRequired = "用户名不能为空";
    public const string DisplayNameRequired = "姓名不能为空";
    public const string UnknownUser = "用户不存在";
    public const string Active = "正常", Deactivated = "停用", UnknownAddress = "未知";
    public const string NoCode = "无代码";
    public const string SignInFailed = "登录失败";
    public const string PasswordMissing = "请用 --password 或环境变量 KAOHE_PASSWORD 给出密码";

    public static string TryAgainIn(TimeSpan wait) => $"请于 {Math.Max(1, (int)Math.Ceiling(wait.TotalMinutes))} 分钟后再试";

    // Why a sign-in failed, for the audit trail and the administrator only (the person signing in is told BadCredentials).
    public const string CauseUnknownUser = "用户不存在", CauseWrongPassword = "密码错误", CauseInactive = "账户已停用",
        CauseDemoPassword = "非演示环境不接受演示密码", CauseThrottled = "该地址对该用户名失败次数过多，已限流";

    public static string CauseLocked(DateTime untilUtc) => $"账户锁定中（至 {Common.Time.BeijingClock.Format(untilUtc)}）";

    public static string CauseLockedNow(int addresses, DateTime untilUtc) =>
        $"密码错误；{addresses} 个地址近期登录失败，账户锁定至 {Common.Time.BeijingClock.Format(untilUtc)}（北京时间）";

    public static string LockedUntil(DateTime untilUtc) => $"已锁定（至 {Common.Time.BeijingClock.Format(untilUtc)}）";
    public static string UserNameTaken(string name) => $"用户名“{name}”已存在";
    public static string UnknownUnit(string text) => $"找不到单位“{text}”（可填单位名称、别名或区划代码）";
    public static string AmbiguousUnit(string text, IEnumerable<string> candidates) => $"单位“{text}”不唯一，可能是：{string.Join("、", candidates)}；请填区划代码";
    public static string UnknownCity(string text) => $"找不到所属市“{text}”";
    public static string UnknownRole(string? text) => $"未知角色“{text}”";
    public static string UserAdded(string name, string role) => $"已新增账户 {name}（{role}）";
    public static string PasswordReset(string name) => $"已重置 {name} 的密码";
}
