using Kaohe.Domain.Accounts;

namespace Kaohe.Domain.Assessment;

/// <summary>Which role scores which stage, and who is "higher" and may send a unit back.</summary>
public static class StageRoles
{
    public static bool MayScore(Role role, Stage stage) => stage switch
    {
        Stage.SelfCheck => role == Role.CountyOperator,
        Stage.CityReview => role == Role.CityReviewer,
        _ => role is Role.Expert or Role.ProvinceAdmin,
    };

    /// <summary>The city returns to the county; experts and the province return to any earlier stage.</summary>
    public static bool MayReturn(Role role, Stage to) => role switch
    {
        Role.CityReviewer => to == Stage.SelfCheck,
        Role.Expert or Role.ProvinceAdmin => true,
        _ => false,
    };
}
