using System.Globalization;
using Kaohe.Common.Time;
using Kaohe.Domain.Accounts;

namespace Kaohe.Features.Desk;

public sealed record DeskEntry(DeskItem Item, int? DaysLeft)
{
    public bool IsLate => DaysLeft < 0;
    public string? Countdown => DaysLeft is { } d ? DeskTexts.Countdown(d, Item.Due!.Value) : null;
}

public sealed record DeskView(DateOnly Today, IReadOnlyList<DeskEntry> Entries);

/// <summary>
/// A role's desk: every area's items, the late ones first, then by how soon they fall due, then the undated ones in
/// the areas' order. Days are counted between Beijing dates.
/// </summary>
public sealed class BuildDesk(IEnumerable<IDeskSource> sources, TimeProvider clock)
{
    public async Task<DeskView> HandleAsync(UserScope scope, CancellationToken ct = default)
    {
        var today = new BeijingClock(clock).Today;
        var items = new List<DeskItem>();
        foreach (var source in sources) items.AddRange(await source.ItemsAsync(scope, today, ct));
        var entries = items.Select(i => new DeskEntry(i, i.Due is { } due ? due.DayNumber - today.DayNumber : null))
            .OrderBy(e => e.DaysLeft ?? int.MaxValue).ToList();
        return new DeskView(today, entries);
    }
}

public static class DeskTexts
{
    public static string Countdown(int daysLeft, DateOnly due)
    {
        var date = due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return daysLeft switch
        {
            < 0 => $"已逾期 {-daysLeft} 天（{date} 截止）",
            0 => $"今天截止（{date}）",
            _ => $"还有 {daysLeft} 天（{date} 截止）",
        };
    }

    public const string Empty = "目前没有待办事项。";
}
