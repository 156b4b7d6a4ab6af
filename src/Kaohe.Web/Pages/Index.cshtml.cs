using Kaohe.Data;
using Kaohe.Domain.Accounts;
using Kaohe.Web.Security;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kaohe.Web.Pages;

public sealed class IndexModel(KaoheDbContext db) : PageModel
{
    public UserScope Scope { get; private set; } = UserScope.System;
    public int VisibleUnits { get; private set; }
    public string? ScopeText { get; private set; }

    public async Task OnGetAsync()
    {
        Scope = User.Scope();
        VisibleUnits = await db.UnitsVisibleTo(Scope).CountAsync();
        ScopeText = Scope.Role switch
        {
            Role.CountyOperator => await db.Units.Where(u => u.Id == Scope.UnitId).Select(u => u.CityGroup.Name + " " + u.Name).FirstOrDefaultAsync(),
            Role.CityReviewer => await db.CityGroups.Where(g => g.Id == Scope.CityGroupId).Select(g => g.Name).FirstOrDefaultAsync(),
            _ => null,
        };
    }
}
