using System.Globalization;
using System.Security.Claims;
using Kaohe.Domain.Accounts;

namespace Kaohe.Web.Security;

/// <summary>The cookie carries the account's id, role and binding; <see cref="Scope"/> turns them back into a <see cref="UserScope"/>.</summary>
public static class Claims
{
    public const string Unit = "kaohe:unit";
    public const string City = "kaohe:city";
    public const string DisplayName = "kaohe:display";

    public static ClaimsPrincipal Principal(UserScope s, string displayName, string scheme)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, s.UserId.ToString(CultureInfo.InvariantCulture)),
            new(ClaimTypes.Name, s.UserName),
            new(ClaimTypes.Role, s.Role.ToString()),
            new(DisplayName, displayName),
        };
        if (s.UnitId is { } u) claims.Add(new(Unit, u.ToString(CultureInfo.InvariantCulture)));
        if (s.CityGroupId is { } c) claims.Add(new(City, c.ToString(CultureInfo.InvariantCulture)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme));
    }

    /// <summary>The signed-in account's scope. Pages and endpoints behind authorization always have one.</summary>
    public static UserScope Scope(this ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true) throw new UnauthorizedAccessException("未登录");
        static int? Int(string? v) => int.TryParse(v, out var i) ? i : null;
        return new UserScope(
            Int(user.FindFirstValue(ClaimTypes.NameIdentifier)) ?? 0,
            user.Identity.Name ?? "",
            Enum.Parse<Role>(user.FindFirstValue(ClaimTypes.Role)!),
            Int(user.FindFirstValue(Unit)),
            Int(user.FindFirstValue(City)));
    }

    public static string DisplayNameOf(this ClaimsPrincipal user) => user.FindFirstValue(DisplayName) ?? user.Identity?.Name ?? "";

    public static bool IsIn(this ClaimsPrincipal user, Role role) => user.IsInRole(role.ToString());
}
