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
