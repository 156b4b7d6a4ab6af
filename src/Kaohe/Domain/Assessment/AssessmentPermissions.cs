using Kaohe.Common.Errors;
using Kaohe.Domain.Accounts;

namespace Kaohe.Domain.Assessment;

/// <summary>
/// Who may do what in a campaign: which role scores which stage, who is "higher" and may send a unit back, who decides
/// and who records findings. The handlers ask it to refuse, the pages to show or hide the action: one answer for both.
/// </summary>
public static class AssessmentPermissions
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

    /// <summary>The city may only send back what is at its own stage; the others whatever is past the first.</summary>
    public static bool MayReturnFrom(Role role, UnitStep step) => role != Role.CityReviewer || step == UnitStep.CityReview;

    /// <summary>The stages this role may send a unit at <paramref name="step"/> back to (none for a province-reporting unit's city stage).</summary>
    public static IReadOnlyList<Stage> ReturnTargets(Role role, UnitStep step, bool reportsToProvince) =>
        !MayReturnFrom(role, step) ? []
            : Stages.InOrder.Where(to => (int)to < (int)step && MayReturn(role, to) && !(to == Stage.CityReview && reportsToProvince)).ToList();

    /// <summary>The expert group's collective decision and the seal: the province and the experts.</summary>
    public static bool MayDecide(Role role) => role is Role.ProvinceAdmin or Role.Expert;

    /// <summary>Problems found in review or on the field visit: whoever reviews above the county.</summary>
    public static bool MayRecordFinding(Role role) => role is Role.ProvinceAdmin or Role.Expert or Role.CityReviewer;

    /// <summary>Running the campaign (create, schedule stages, assign experts, draw field visits, schemes): the province only.</summary>
    public static bool MayManage(Role role) => role == Role.ProvinceAdmin;

    /// <summary>Refuses (403) what the role may not do.</summary>
    public static void Demand(bool allowed)
    {
        if (!allowed) throw KaoheException.Forbidden(AssessmentTexts.NotAllowed);
    }
}
