using Kaohe.Common.Errors;
using Kaohe.Common.Tabular;
using Kaohe.Domain.Accounts;
using Kaohe.Domain.Assessment;
using Kaohe.Features.Assessment;
using Kaohe.Web.Errors;
using Kaohe.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kaohe.Web.Pages.Campaigns;

public sealed class DetailsModel(GetCampaign get, CampaignResults results, CampaignProgress progress) : PageModel
{
    public CampaignSummary Campaign { get; private set; } = null!;
    public ResultsView Results { get; private set; } = null!;
    public IReadOnlyList<CityProgress> Progress { get; private set; } = [];
    public bool IsAdmin { get; private set; }
    public bool MayDecide { get; private set; }
    public IReadOnlyList<Stage> MyStages { get; private set; } = [];
    [TempData] public string? Message { get; set; }
    [TempData] public string? Error { get; set; }

    public async Task<IActionResult> OnGetAsync(int id) => await this.RunAsync(async () =>
    {
        var scope = User.Scope();
        Campaign = await get.HandleAsync(id, scope);
        Results = await results.HandleAsync(id, scope);
        Progress = await progress.HandleAsync(id, scope);
        IsAdmin = AssessmentPermissions.MayManage(scope.Role);
        MyStages = Campaign.Stages.Where(s => s.Status == StageStatus.Open && AssessmentPermissions.MayScore(scope.Role, s.Stage)).Select(s => s.Stage).ToList();
        MayDecide = AssessmentPermissions.MayDecide(scope.Role) && Campaign.Status != CampaignStatus.Sealed;
        return Page();
    }, e => throw e);

    public Task<IActionResult> OnPostStageAsync(int id, Stage stage, bool open, [FromServices] OpenStage opening, [FromServices] CloseStage closing) =>
        Act(id, async s =>
        {
            if (open) await opening.HandleAsync(id, stage, s);
            else await closing.HandleAsync(id, stage, s);
            return AssessmentTexts.StageToggled(stage, open);
        });

    public Task<IActionResult> OnPostAssignAsync(int id, [FromServices] AssignExperts h) =>
        Act(id, async s => { var r = await h.HandleAsync(id, s); return AssessmentTexts.ExpertsAssigned(r.Added, r.Unassigned.Count); });

    public Task<IActionResult> OnPostSampleAsync(int id, int perCity, int? seed, [FromServices] DrawFieldVisits h) =>
        Act(id, async s => { var r = await h.HandleAsync(id, new DrawRequest(perCity, seed), s); return AssessmentTexts.FieldVisitsDrawn(r.UnitIds.Count, r.Seed); });

    public Task<IActionResult> OnPostConfirmAsync(int id, [FromServices] ConfirmComputedGrades h) =>
        Act(id, async s => AssessmentTexts.ComputedConfirmed(await h.HandleAsync(id, s)));

    public Task<IActionResult> OnPostSealAsync(int id, [FromServices] SealResults h) =>
        Act(id, async s => { await h.HandleAsync(id, s); return AssessmentTexts.SealedNow; });

    public Task<IActionResult> OnPostUploadAsync(int id, Stage stage, IFormFile? file, bool submit, [FromServices] UploadScoringWorkbook h) =>
        Act(id, async s =>
        {
            if (file is null) throw KaoheException.Invalid(AssessmentTexts.ChooseWorkbookFile);
            await using var stream = file.OpenReadStream();
            var r = await h.HandleAsync(id, stage, TabularFile.Read(stream, file.FileName), submit, s);
            return AssessmentTexts.WorkbookImported(r.Units, r.Scores, r.Submitted, r.Notices);
        });

    /// <summary>Runs an action and comes back to the campaign with its message, or the refusal shown as the error (a rejected file with its first errors).</summary>
    private Task<IActionResult> Act(int id, Func<UserScope, Task<string>> action) => this.RunAsync(async () =>
    {
        Message = await action(User.Scope());
        return Redirect($"/Campaigns/Details/{id}");
    }, e =>
    {
        Error = e is ImportRejectedException file ? AssessmentTexts.WorkbookRejected(file.ImportErrors) : e.Message;
        return Task.FromResult<IActionResult>(Redirect($"/Campaigns/Details/{id}"));
    });
}
