using Kaohe.Common.Errors;
using Kaohe.Domain.Assessment;

namespace Kaohe.Tests.Domain.Assessment;

/// <summary>The per-unit stage state machine as pure domain code: hand-offs, locks, returns, gaps.</summary>
public sealed class StageFlowTests
{
    private static readonly DateTime Now = new(2019, 3, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly IndicatorScheme Scheme = new() { Name = "t", MaxGapWithoutReason = 10m };

    private static void Score(CampaignUnit unit, Stage stage, decimal total, string? gapReason = null, bool reportsToProvince = false)
    {
        var result = unit.Edit(stage);
        result.Total = total;
        result.GapReason = gapReason;
        unit.Submit(stage, Scheme, reportsToProvince, "u", Now);
    }

    [Fact]
    public void Unit_WalksSelfCheck_City_Expert_ToScored_AndTheLatestCounts()
    {
        var unit = new CampaignUnit();
        Score(unit, Stage.SelfCheck, 96);
        Assert.Equal(UnitStep.CityReview, unit.Step);
        Score(unit, Stage.CityReview, 92);
        Assert.Equal(UnitStep.ExpertReview, unit.Step);
        Score(unit, Stage.ExpertReview, 88);
        Assert.Equal(UnitStep.Scored, unit.Step);
        Assert.Equal(88, unit.FinalScore);
        Assert.Equal(Grade.Good, unit.ComputedGrade);
        Assert.Equal([96m, 92m, 88m], unit.Results.OrderBy(r => r.Stage).Select(r => r.Total));
    }

    [Fact]
    public void UnitReportingToProvince_SkipsTheCityStage()
    {
        var unit = new CampaignUnit();
        Score(unit, Stage.SelfCheck, 90, reportsToProvince: true);
        Assert.Equal(UnitStep.ExpertReview, unit.Step);
        var e = Assert.Throws<KaoheException>(() => unit.Return(Stage.CityReview, "理由", reportsToProvince: true));
        Assert.Equal((ErrorKind.Invalid, AssessmentTexts.NoCityStage), (e.Kind, e.Title));
    }

    [Fact]
    public void SampledUnit_WaitsForTheFieldVisit()
    {
        var unit = new CampaignUnit();
        Score(unit, Stage.SelfCheck, 90);
        Score(unit, Stage.CityReview, 90);
        unit.MarkSampled();
        Score(unit, Stage.ExpertReview, 90);
        Assert.Equal(UnitStep.FieldVisit, unit.Step);
        Score(unit, Stage.FieldVisit, 84);
        Assert.Equal(UnitStep.Scored, unit.Step);
        Assert.Equal(84, unit.FinalScore);
    }

    [Fact]
    public void SubmittedStage_IsLocked()
    {
        var unit = new CampaignUnit();
        Score(unit, Stage.SelfCheck, 90);
        var e = Assert.Throws<KaoheException>(() => unit.Edit(Stage.SelfCheck));
        Assert.Contains("已锁定", e.Message);
        Assert.Equal(ErrorKind.Conflict, e.Kind);
        Assert.Equal(ErrorKind.Conflict, Assert.Throws<KaoheException>(() => unit.Edit(Stage.ExpertReview)).Kind);
    }

    [Fact]
    public void Return_NeedsAReason_GoesOnlyBackwards_AndUnlocksThatStage()
    {
        var unit = new CampaignUnit();
        Score(unit, Stage.SelfCheck, 90);
        Assert.Equal(ErrorKind.Invalid, Assert.Throws<KaoheException>(() => unit.Return(Stage.SelfCheck, " ", false)).Kind);
        Assert.Equal(ErrorKind.Invalid, Assert.Throws<KaoheException>(() => unit.Return(Stage.ExpertReview, "理由", false)).Kind);
        unit.Return(Stage.SelfCheck, "佐证材料不全", false);
        Assert.Equal(UnitStep.SelfCheck, unit.Step);
        Assert.Equal("佐证材料不全", unit.ReturnReason);
        Assert.False(unit.ResultOf(Stage.SelfCheck)!.IsSubmitted);
        Score(unit, Stage.SelfCheck, 91);
        Assert.Null(unit.ReturnReason);
    }

    [Theory]
    [InlineData(95, 85, null, true)]
    [InlineData(95, 84.5, null, false)]
    [InlineData(95, 84.5, "现场核实档案缺失", true)]
    [InlineData(80, 90.5, null, false)]
    public void GapBeyondTheSchemeLimit_NeedsAWrittenReason(decimal self, decimal city, string? reason, bool accepted)
    {
        var unit = new CampaignUnit();
        Score(unit, Stage.SelfCheck, self);
        if (accepted) Score(unit, Stage.CityReview, city, reason);
        else Assert.Contains("差异说明", Assert.Throws<KaoheException>(() => Score(unit, Stage.CityReview, city, reason)).Message);
    }

    [Fact]
    public void Decision_KeepingTheComputedGrade_NeedsNothing_ChangingIt_NeedsReasonAndMajority()
    {
        var unit = new CampaignUnit();
        Score(unit, Stage.SelfCheck, 90, reportsToProvince: true);
        Score(unit, Stage.ExpertReview, 89.5m);
        Assert.Equal(ErrorKind.Invalid, Assert.Throws<KaoheException>(() => unit.Decide(Grade.Excellent, null, 5, 2, 0)).Kind);
        Assert.Equal(ErrorKind.Invalid, Assert.Throws<KaoheException>(() => unit.Decide(Grade.Excellent, "整改到位", 3, 3, 1)).Kind);
        unit.Decide(Grade.Excellent, "整改到位", 5, 2, 0);
        Assert.Equal(Grade.Excellent, unit.FinalGrade);
        unit.Decide(Grade.Good, null, null, null, null);
        Assert.Equal(Grade.Good, unit.FinalGrade);
    }

    [Fact]
    public void SealedCampaign_RefusesChanges_AndNeedsEveryGrade()
    {
        var campaign = new Campaign { Title = "t", Stages = [new CampaignStage { Stage = Stage.SelfCheck }], Units = [new CampaignUnit()] };
        Assert.Contains("没有确定等级", Assert.Throws<KaoheException>(() => campaign.Seal("admin", Now)).Message);
        campaign.Units[0].FinalGrade = Grade.Good;
        campaign.Seal("admin", Now);
        Assert.True(campaign.IsSealed);
        Assert.Equal(ErrorKind.Conflict, Assert.Throws<KaoheException>(() => campaign.OpenStage(Stage.SelfCheck)).Kind);
    }

    [Fact]
    public void DrawnAndUndrawn_MoveTheStep_OnlyBetweenFieldVisitAndScored()
    {
        var unit = new CampaignUnit();
        unit.MarkSampled();
        Assert.Equal((UnitStep.SelfCheck, true), (unit.Step, unit.IsSampled)); // a unit still at self-check only carries the mark
        unit.Unsample();
        Score(unit, Stage.SelfCheck, 90, reportsToProvince: true);
        Score(unit, Stage.ExpertReview, 90);
        Assert.Equal(UnitStep.Scored, unit.Step);
        unit.MarkSampled();
        Assert.Equal(UnitStep.FieldVisit, unit.Step);
        unit.Unsample();
        Assert.Equal((UnitStep.Scored, false), (unit.Step, unit.IsSampled));
    }

    [Fact]
    public void UnitScoredOutsideTheFlow_ArrivesAtTheDecision_WithItsVisitDone()
    {
        var unit = new CampaignUnit { ComputedGrade = Grade.Good };
        unit.ArriveScored(sampled: true);
        Assert.Equal((UnitStep.Scored, true), (unit.Step, unit.IsSampled));
        unit.Decide(Grade.Good, null, null, null, null);
        Assert.Equal(Grade.Good, unit.FinalGrade);
    }

    [Fact]
    public void Seal_RecordsTheCountPerGrade_AsTheSealAlwaysWroteIt()
    {
        var campaign = new Campaign { Title = "t", Units = [new CampaignUnit { FinalGrade = Grade.Excellent }, new CampaignUnit { FinalGrade = Grade.Excellent }, new CampaignUnit { FinalGrade = Grade.Pass }] };
        // the counts the seal always began with, in the notice's order, so audit entries old and new read alike
        Assert.Equal([("优秀", 2), ("良好", 0), ("合格", 1), ("不合格", 0)],
            Kaohe.Features.Assessment.SealResults.Counts(campaign).Select(c => (c.Key, (int)c.Value)));
    }
}
