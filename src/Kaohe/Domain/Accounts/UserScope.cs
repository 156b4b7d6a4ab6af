using Kaohe.Domain.Units;

namespace Kaohe.Domain.Accounts;

/// <summary>
/// What one signed-in account may see. Every query over unit-owned data goes through
/// <see cref="UnitIds"/> or <see cref="Filter"/>, so scope is decided in one place on the server.
/// </summary>
public sealed record UserScope(int UserId, string UserName, Role Role, int? UnitId, int? CityGroupId)
{
    public static readonly UserScope System = new(0, "system", Role.ProvinceAdmin, null, null);

    public bool SeesWholeProvince => Role is Role.ProvinceAdmin or Role.Observer;

    /// <summary>
    /// This account's view of one unit only, for work that is heavy over a whole scope (the ledger's calculator).
    /// Only for a unit already found within this scope: it grants that unit whatever the role.
    /// </summary>
    public UserScope NarrowedTo(int unitId) => new(UserId, UserName, Role.CountyOperator, unitId, null);

    public bool CanEditRegistry => Role is Role.ProvinceAdmin;

    public bool IsReadOnly => Role is Role.Observer;

    /// <summary>Narrows a unit query to what this account may see. Experts see the units assigned to them.</summary>
    public IQueryable<Unit> Filter(IQueryable<Unit> units, IQueryable<int> expertUnitIds) => Role switch
    {
        Role.ProvinceAdmin or Role.Observer => units,
        Role.CityReviewer => units.Where(u => u.CityGroupId == CityGroupId),
        Role.CountyOperator => units.Where(u => u.Id == UnitId),
        Role.Expert => units.Where(u => expertUnitIds.Contains(u.Id)),
        _ => units.Where(_ => false),
    };

    /// <summary>
    /// <see cref="Filter"/>'s rule for one unit known by its id and city group, for code that holds the
    /// registry in memory; null for an expert, whose units are the assignments in the database.
    /// </summary>
    public bool? Sees(int unitId, int cityGroupId) => Role switch
    {
        Role.ProvinceAdmin or Role.Observer => true,
        Role.CityReviewer => cityGroupId == CityGroupId,
        Role.CountyOperator => unitId == UnitId,
        Role.Expert => null,
        _ => false,
    };
}
