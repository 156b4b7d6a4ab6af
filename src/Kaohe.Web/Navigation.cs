using Kaohe.Domain.Accounts;

namespace Kaohe.Web;

public sealed record NavLink(string Text, string Href, params Role[] Roles);

/// <summary>
/// The menu each role sees, beyond 首页 and 单位名录. Areas add their entries here; the pages
/// themselves still check authorization, the menu only hides what a role cannot use.
/// </summary>
public static class Navigation
{
    private static readonly Role[] Everyone = Enum.GetValues<Role>();

    private static readonly NavLink[] Links =
    [
        new("考核", "/Campaigns"),
        new("考核结果通报", "/Notices"),
        new("贷后台账", "/Ledger"),
        new("逾期催收", "/Collection"),
    ];

    public static IEnumerable<NavLink> For(Role role) => Links.Where(l => (l.Roles.Length == 0 ? Everyone : l.Roles).Contains(role));
}
