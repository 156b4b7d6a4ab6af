using Kaohe.Data;
using Kaohe.Domain.Accounts;
using Kaohe.Domain.Units;
using Microsoft.EntityFrameworkCore;

namespace Kaohe.Features.Units;

public sealed record UnitSearch(string? Text = null, int? CityGroupId = null, UnitType? Type = null, bool IncludeInactive = true);

public sealed record UnitSummary(
    int Id, string Name, string PublishedName, string Type, string? DivisionCode, string CityGroup, int CityGroupOrder,
    int SortOrder, IReadOnlyList<string> Aliases, bool IsActive);

/// <summary>Lists the units an account may see, in the province's order; the text matches name, alias or code.</summary>
public sealed class ListUnits(KaoheDbContext db)
{
    public async Task<IReadOnlyList<UnitSummary>> HandleAsync(UnitSearch search, UserScope scope, CancellationToken ct = default)
    {
        var query = db.UnitsVisibleTo(scope).AsNoTracking();
        if (search.CityGroupId is { } g) query = query.Where(u => u.CityGroupId == g);
        if (search.Type is { } t) query = query.Where(u => u.Type == t);
        if (!search.IncludeInactive) query = query.Where(u => u.IsActive);
        if (!string.IsNullOrWhiteSpace(search.Text))
        {
            var text = search.Text.Trim();
            query = query.Where(u => u.Name.Contains(text) || u.PublishedName.Contains(text)
                || (u.DivisionCode != null && u.DivisionCode.StartsWith(text))
                || u.Aliases.Any(a => a.Name.Contains(text)));
        }
        var units = await query
            .OrderBy(u => u.CityGroup.SortOrder).ThenBy(u => u.SortOrder)
            .Select(u => new { u.Id, u.Name, u.PublishedName, u.Type, u.DivisionCode, Group = u.CityGroup.Name, GroupOrder = u.CityGroup.SortOrder, u.SortOrder, Aliases = u.Aliases.Select(a => a.Name).ToList(), u.IsActive })
            .ToListAsync(ct);
        return units.Select(u => new UnitSummary(u.Id, u.Name, u.PublishedName, u.Type.ChineseName(), u.DivisionCode, u.Group, u.GroupOrder, u.SortOrder, u.Aliases, u.IsActive)).ToList();
    }
}
