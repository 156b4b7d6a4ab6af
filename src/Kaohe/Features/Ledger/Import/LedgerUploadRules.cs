using Kaohe.Domain.Accounts;

namespace Kaohe.Features.Ledger;

/// <summary>Who may upload ledger files: the province admin (any unit) and a county operator (its own unit's rows only).</summary>
public static class LedgerUploadRules
{
    public static bool MayUpload(UserScope scope) => scope.Role is Role.ProvinceAdmin or Role.CountyOperator;

    /// <summary>Whether a row of the given unit may come in through this account's upload.</summary>
    public static bool MayWrite(UserScope scope, int unitId) => scope.Role switch
    {
        Role.ProvinceAdmin => true,
        Role.CountyOperator => scope.UnitId == unitId,
        _ => false,
    };
}
