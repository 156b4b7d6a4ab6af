using Kaohe.Domain.Accounts;

namespace Kaohe.Features.Desk;

/// <summary>
/// One piece of work on a role's home page (首页): what it is, how many, by when (a Beijing date), and the page where
/// it is done. <paramref name="Count"/> null means a single thing, not a count.
/// </summary>
public sealed record DeskItem(string Area, string Title, string Href, int? Count = null, DateOnly? Due = null, string? Detail = null);

/// <summary>
/// An area's contribution to the desks. Each area that gives officials work implements one (assessment, ledger, and
/// each area of wave 2), registered in <c>KaoheServices</c>; <see cref="BuildDesk"/> gathers them.
/// </summary>
public interface IDeskSource
{
    Task<IReadOnlyList<DeskItem>> ItemsAsync(UserScope scope, DateOnly today, CancellationToken ct);
}

/// <summary>The areas' names as the desk groups them; an area of wave 2 adds its own.</summary>
public static class DeskAreas
{
    public const string Assessment = "年度考核";
    public const string Ledger = "贷后台账";
    public const string Collection = "逾期催收";
}
