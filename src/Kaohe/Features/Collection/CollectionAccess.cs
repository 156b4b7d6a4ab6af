using Kaohe.Common.Errors;
using Kaohe.Data;
using Kaohe.Domain.Accounts;
using Kaohe.Domain.Collection;

namespace Kaohe.Features.Collection;

/// <summary>
/// Who may do what at the collection desk, decided here for pages, API and CLI alike: a county officer reads and
/// writes its own unit's cases; a city reviewer reads its units', the province all; the bank observer sees figures
/// only, never a borrower, and an expert (whose sample of trails is not built yet) nothing.
/// </summary>
public static class CollectionAccess
{
    public static bool MayReadCases(this UserScope scope) => scope.Role is Role.ProvinceAdmin or Role.CityReviewer or Role.CountyOperator;

    public static bool MayRecordContacts(this UserScope scope, int unitId) => scope.Role == Role.CountyOperator && scope.UnitId == unitId;

    /// <summary>The cases this account may open: none for the roles that may not read cases, else its units'.</summary>
    public static IQueryable<CollectionCase> CasesVisibleTo(this KaoheDbContext db, UserScope scope)
    {
        if (!scope.MayReadCases()) throw KaoheException.Forbidden(CollectionTexts.CasesForbidden);
        var units = db.UnitIdsVisibleTo(scope);
        return db.CollectionCases.Where(c => units.Contains(c.UnitId));
    }
}
