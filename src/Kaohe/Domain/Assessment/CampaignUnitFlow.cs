using Kaohe.Common.Errors;

namespace Kaohe.Domain.Assessment;

/// <summary>
/// The stage flow of one unit (as DHIS2 approvals: submitted data is locked; only a higher level
/// sends it back, with a reason). 自查 → 市级主评 → 专家组复评 → 实地查看 (only if drawn) → 待集体评审;
/// units that report to the province skip the city stage.
/// </summary>
public sealed partial class CampaignUnit
{
    /// <summary>The result this stage may edit now; throws if the unit is not at that stage (its data is locked).</summary>
    public StageResult Edit(Stage stage)
    {
        if (!OwnsStage(stage)) throw KaoheException.Conflict(AssessmentTexts.Locked(stage, Step));
        var result = ResultOf(stage);
        if (result is null)
        {
            result = new StageResult { Stage = stage };
            Results.Add(result);
        }
        return result;
    }

    /// <summary>The stage being scored now (its result not yet submitted); null once the unit is scored or the campaign sealed.</summary>
    public Stage? StageInProgress() =>
        Campaign.IsSealed || Step == UnitStep.Scored || ResultOf((Stage)(int)Step)?.IsSubmitted == true ? null : (Stage)(int)Step;

    /// <summary>The submitted result of the stage before <paramref name="stage"/>, the one a gap is measured from.</summary>
    public StageResult? PreviousOf(Stage stage) => Results.Where(r => r.IsSubmitted && r.Stage < stage).MaxBy(r => r.Stage);

    /// <summary>Submits (locks) a stage's scores and hands the unit to the next stage; at the city stage this accepts it.</summary>
    public void Submit(Stage stage, IndicatorScheme scheme, bool reportsToProvince, string by, DateTime nowUtc)
    {
        var result = Edit(stage);
        if (PreviousOf(stage) is { } previous && Math.Abs(result.Total - previous.Total) > scheme.MaxGapWithoutReason
            && string.IsNullOrWhiteSpace(result.GapReason))
            throw KaoheException.Invalid(AssessmentTexts.GapNeedsReason(previous.Stage, previous.Total, result.Total, scheme.MaxGapWithoutReason));
        result.SubmittedAtUtc = nowUtc;
        result.ScoredBy = by;
        ReturnReason = null;
        Step = stage switch
        {
            Stage.SelfCheck => reportsToProvince ? UnitStep.ExpertReview : UnitStep.CityReview,
            Stage.CityReview => UnitStep.ExpertReview,
            Stage.ExpertReview => IsSampled ? UnitStep.FieldVisit : UnitStep.Scored,
            _ => UnitStep.Scored,
        };
        FinalScore = result.Total;
        ComputedGrade = scheme.Rules.GradeOf(result.Total, result.VetoCap);
    }

    /// <summary>A higher level sends the unit back to an earlier stage, with a reason; that stage's data is unlocked.</summary>
    public void Return(Stage to, string reason, bool reportsToProvince)
    {
        if (string.IsNullOrWhiteSpace(reason)) throw KaoheException.Invalid(AssessmentTexts.ReturnNeedsReason);
        if ((int)to >= (int)Step) throw KaoheException.Invalid(AssessmentTexts.CannotReturnForward(to, Step));
        if (to == Stage.CityReview && reportsToProvince) throw KaoheException.Invalid(AssessmentTexts.NoCityStage);
        Step = (UnitStep)(int)to;
        ReturnReason = reason.Trim();
        if (ResultOf(to) is { } result) result.SubmittedAtUtc = null;
        FinalGrade = null;
    }

    /// <summary>Drawn for a field visit: a unit already scored waits for the visit.</summary>
    public void MarkSampled()
    {
        IsSampled = true;
        if (Step == UnitStep.Scored) Step = UnitStep.FieldVisit;
    }

    /// <summary>
    /// A unit whose stages were all scored outside the flow (the demo's generated year): it arrives at 待集体评审,
    /// its field visit, if it was drawn, already done.
    /// </summary>
    public void ArriveScored(bool sampled) => (Step, IsSampled) = (UnitStep.Scored, sampled);

    /// <summary>Left out of a new draw: a unit waiting for its visit goes on to the decision.</summary>
    public void Unsample()
    {
        IsSampled = false;
        if (Step == UnitStep.FieldVisit) Step = UnitStep.Scored;
    }

    /// <summary>
    /// The expert group's collective decision. Keeping the computed grade needs nothing more;
    /// a different grade needs a reason and a vote tally with a majority for it.
    /// </summary>
    public void Decide(Grade grade, string? reason, int? votesFor, int? votesAgainst, int? votesAbstain)
    {
        if (Step != UnitStep.Scored) throw KaoheException.Conflict(AssessmentTexts.NotScoredYet);
        if (grade != ComputedGrade)
        {
            if (string.IsNullOrWhiteSpace(reason)) throw KaoheException.Invalid(AssessmentTexts.GradeChangeNeedsReason);
            if (votesFor is not { } yes || votesAgainst is not { } no || yes <= no)
                throw KaoheException.Invalid(AssessmentTexts.GradeChangeNeedsMajority);
        }
        FinalGrade = grade;
        DecisionReason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        (VotesFor, VotesAgainst, VotesAbstain) = (votesFor, votesAgainst, votesAbstain);
    }
}
