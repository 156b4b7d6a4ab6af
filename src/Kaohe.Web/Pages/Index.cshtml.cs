using Kaohe.Common.Charts;
using Kaohe.Common.Errors;
using Kaohe.Common.Time;
using Kaohe.Data;
using Kaohe.Domain.Accounts;
using Kaohe.Domain.Ledger;
using Kaohe.Features.Desk;
using Kaohe.Features.Ledger;
using Kaohe.Features.Units;
using Kaohe.Web.Security;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kaohe.Web.Pages;

/// <summary>A city's or a unit's rates now and on the same day a year before.</summary>
public sealed record RateRow(int Id, string Name, string Href, LedgerTotals Now, LedgerTotals? YearBefore);

/// <summary>
/// The role's desk (首页): its work from every area, deadlines counted down in Beijing days; for the province and the
/// bank the cities' rates beside last year's and the Henan map, for a city its units' rates and its units on the map.
/// </summary>
public sealed class IndexModel(KaoheDbContext db, BuildDesk desk, ViewProvinceLedger province, ViewCityLedger cities, UnitMap map, BeijingClock clock) : PageModel
{
    public UserScope Scope { get; private set; } = UserScope.System;
    public string? ScopeText { get; private set; }
    public DeskView Desk { get; private set; } = new(default, []);
    public IReadOnlyList<RateRow> Rates { get; private set; } = [];
    public string RatesTitle { get; private set; } = "";
    public MapSpec? Map { get; private set; }

    public async Task OnGetAsync()
    {
        Scope = User.Scope();
        ScopeText = Scope.Role switch
        {
            Role.CountyOperator => await db.Units.Where(u => u.Id == Scope.UnitId).Select(u => u.CityGroup.Name + " " + u.Name).FirstOrDefaultAsync(),
            Role.CityReviewer => await db.CityGroups.Where(g => g.Id == Scope.CityGroupId).Select(g => g.Name).FirstOrDefaultAsync(),
            _ => null,
        };
        Desk = await desk.HandleAsync(Scope);
        if (Scope.SeesWholeProvince) await ProvinceAsync(clock.Today);
        else if (Scope is { Role: Role.CityReviewer, CityGroupId: { } city }) await CityAsync(city, clock.Today);
    }

    private async Task ProvinceAsync(DateOnly today)
    {
        var now = await province.HandleAsync(today, null, Scope);
        if (now.Children.Count == 0) return;
        var before = (await province.HandleAsync(today.AddYears(-1), null, Scope)).Children.ToDictionary(c => c.Id, c => c.Totals);
        RatesTitle = DeskTexts.CityRates;
        Rates = now.Children.Select(c => new RateRow(c.Id, c.Name, $"/Ledger/City/{c.Id}", c.Totals, before.GetValueOrDefault(c.Id))).ToList();
        var units = (now.Units ?? []).ToDictionary(u => u.UnitId!.Value, u => u.Totals);
        Map = new MapSpec("desk-map", DeskTexts.MapTitle, DeskTexts.MapLegend, "%",
            await map.AreasAsync(Scope, id => units.GetValueOrDefault(id)?.YearRecoveryRate, id => $"/Ledger/Unit/{id}"));
    }

    private async Task CityAsync(int city, DateOnly today)
    {
        LedgerLevelView now, then;
        try { (now, then) = (await cities.HandleAsync(city, today, null, Scope), await cities.HandleAsync(city, today.AddYears(-1), null, Scope)); }
        catch (KaoheException e) when (e.Kind == ErrorKind.NotFound) { return; } // a city with no units has no rates to show
        if (now.Children.Count == 0) return;
        var before = then.Children.ToDictionary(c => c.Id, c => c.Totals);
        RatesTitle = DeskTexts.UnitRates;
        Rates = now.Children.Select(c => new RateRow(c.Id, c.Name, $"/Ledger/Unit/{c.Id}", c.Totals, before.GetValueOrDefault(c.Id))).ToList();
        var units = now.Children.ToDictionary(c => c.Id, c => c.Totals);
        Map = new MapSpec("desk-map", DeskTexts.MapTitle, DeskTexts.MapLegend, "%",
            await map.AreasAsync(Scope, id => units.GetValueOrDefault(id)?.YearRecoveryRate, id => $"/Ledger/Unit/{id}"));
    }
}
