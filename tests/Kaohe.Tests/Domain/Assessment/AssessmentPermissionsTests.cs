using Kaohe.Common.Errors;
using Kaohe.Domain.Accounts;
using Kaohe.Domain.Assessment;

namespace Kaohe.Tests.Domain.Assessment;

/// <summary>Who may do what in a campaign: the one table the handlers refuse by and the pages show actions by.</summary>
public sealed class AssessmentPermissionsTests
{
    [Theory]
    [InlineData(Role.CountyOperator, Stage.SelfCheck, true)]
    [InlineData(Role.CityReviewer, Stage.SelfCheck, false)]
    [InlineData(Role.CityReviewer, Stage.CityReview, true)]
    [InlineData(Role.CountyOperator, Stage.CityReview, false)]
    [InlineData(Role.Expert, Stage.ExpertReview, true)]
    [InlineData(Role.ProvinceAdmin, Stage.FieldVisit, true)]
    [InlineData(Role.CityReviewer, Stage.ExpertReview, false)]
    [InlineData(Role.Observer, Stage.FieldVisit, false)]
    public void MayScore_ByRoleAndStage(Role role, Stage stage, bool allowed) => Assert.Equal(allowed, AssessmentPermissions.MayScore(role, stage));

    [Theory]
    [InlineData(Role.CityReviewer, UnitStep.CityReview, false, "SelfCheck")]
    [InlineData(Role.CityReviewer, UnitStep.ExpertReview, false, "")] // the city sends back only what is at its own stage
    [InlineData(Role.Expert, UnitStep.ExpertReview, false, "SelfCheck CityReview")]
    [InlineData(Role.Expert, UnitStep.ExpertReview, true, "SelfCheck")] // no city stage for a unit reporting to the province
    [InlineData(Role.ProvinceAdmin, UnitStep.Scored, false, "SelfCheck CityReview ExpertReview FieldVisit")]
    [InlineData(Role.ProvinceAdmin, UnitStep.SelfCheck, false, "")]
    [InlineData(Role.CountyOperator, UnitStep.CityReview, false, "")]
    [InlineData(Role.Observer, UnitStep.Scored, false, "")]
    public void ReturnTargets_AreEarlierStagesTheRoleMaySendBackTo(Role role, UnitStep step, bool reportsToProvince, string expected) =>
        Assert.Equal(expected, string.Join(" ", AssessmentPermissions.ReturnTargets(role, step, reportsToProvince)));

    [Theory]
    [InlineData(Role.ProvinceAdmin, true, true, true)]
    [InlineData(Role.Expert, true, true, false)]
    [InlineData(Role.CityReviewer, false, true, false)]
    [InlineData(Role.CountyOperator, false, false, false)]
    [InlineData(Role.Observer, false, false, false)]
    public void Decide_Findings_AndRunningTheCampaign(Role role, bool decide, bool finding, bool manage) =>
        Assert.Equal((decide, finding, manage), (AssessmentPermissions.MayDecide(role), AssessmentPermissions.MayRecordFinding(role), AssessmentPermissions.MayManage(role)));

    [Fact]
    public void Demand_RefusesAsForbidden()
    {
        AssessmentPermissions.Demand(true);
        Assert.Equal(ErrorKind.Forbidden, Assert.Throws<KaoheException>(() => AssessmentPermissions.Demand(false)).Kind);
    }
}
