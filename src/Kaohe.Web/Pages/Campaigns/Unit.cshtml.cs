using System.Globalization;
using Kaohe.Common.Errors;
using Kaohe.Domain.Accounts;
using Kaohe.Domain.Assessment;
using Kaohe.Features.Assessment;
using Kaohe.Web.Errors;
using Kaohe.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kaohe.Web.Pages.Campaigns;

/// <summary>One unit in one campaign: every stage's scores side by side, the form for the stage this account owns, returns and the decision.</summary>
public sealed class UnitModel(GetCampaignUnit get, ListFindings findings, ListEvidence evidence) : PageModel
{
    public CampaignUnitView View { get; private set; } = null!;
    public Stage? MyStage { get; private set; }
    public IReadOnlyList<Stage> MayReturnTo { get; private set; } = [];
    public bool MayDecide { get; private set; }
    public bool MayRecordFinding { get; private set; }
    public IReadOnlyList<FindingView> Findings { get; private set; } = [];
    public IReadOnlyList<EvidenceInfo> Evidence { get; private set; } = [];
    [TempData] public string? Message { get; set; }
    [TempData] public string? Error { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, int unitId) => await this.RunAsync(async () =>
    {
        var scope = User.Scope();
        var view = View = await get.HandleAsync(id, unitId, scope);
        var current = (int)view.Step <= 4 ? (Stage)(int)view.Step : (Stage?)null;
        MyStage = current is { } s && !view.Sealed && AssessmentPermissions.MayScore(scope.Role, s) && view.OpenStages.Contains(s) ? s : null;
        MayReturnTo = view.Sealed ? [] : AssessmentPermissions.ReturnTargets(scope.Role, view.Step, view.ReportsToProvince);
        MayDecide = !view.Sealed && view.Step == UnitStep.Scored && AssessmentPermissions.MayDecide(scope.Role);
        MayRecordFinding = !view.Sealed && AssessmentPermissions.MayRecordFinding(scope.Role);
        Findings = await findings.HandleAsync(id, unitId, scope);
        Evidence = await evidence.HandleAsync(id, unitId, scope);
        return Page();
    }, e => throw e);

    /// <summary>The value to show in the form: this stage's draft, else the previous stage's, else empty.</summary>
    public ScoreLine? Prefill(string code) => MyStage is not { } s ? null
        : View.Stages.Where(v => v.Stage <= s).OrderByDescending(v => v.Stage).SelectMany(v => v.Scores.Where(x => x.Code == code)).FirstOrDefault();

    /// <summary>A person's earlier score for a computed indicator the ledger cannot score (never the ledger's own points).</summary>
    public ScoreLine? PrefillPerson(string code) => Prefill(code) is { Origin: not ScoreOrigin.Ledger } line ? line : null;

    /// <summary>The ledger's reading now for a computed indicator of the stage this account scores.</summary>
    public ComputedLine? Live(string code) => View.Computed.FirstOrDefault(c => !c.Stored && c.Stage == MyStage && c.Code == code);

    public async Task<IActionResult> OnPostScoreAsync(int id, int unitId, Stage stage, Dictionary<string, string> points, Dictionary<string, string> notes,
        List<string> vetoes, string? comment, string? gapReason, bool submit, [FromServices] ScoreStage score)
    {
        var entries = new List<PointsEntry>();
        foreach (var (code, text) in points)
        {
            if (string.IsNullOrWhiteSpace(text)) continue;
            if (!decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var p)) { Error = AssessmentTexts.NotANumber(code, text); return Back(id, unitId); }
            entries.Add(new PointsEntry(code, p, false, notes.GetValueOrDefault(code)));
        }
        entries.AddRange(vetoes.Select(v => new PointsEntry(v, 0, true, notes.GetValueOrDefault(v))));
        return await Act(id, unitId, async s =>
        {
            var r = await score.HandleAsync(id, unitId, new StageScoring(stage, entries, comment, gapReason, submit), s);
            return AssessmentTexts.Scored(stage, submit, r.Total);
        });
    }

    public Task<IActionResult> OnPostReturnAsync(int id, int unitId, Stage to, string reason, [FromServices] ReturnUnit h) =>
        Act(id, unitId, async s => { await h.HandleAsync(id, unitId, to, reason, s); return AssessmentTexts.ReturnedTo(to); });

    public Task<IActionResult> OnPostDecideAsync(int id, int unitId, Grade grade, string? reason, int? votesFor, int? votesAgainst, int? votesAbstain, [FromServices] DecideGrades h) =>
        Act(id, unitId, async s => { await h.HandleAsync(id, [new GradeDecision(unitId, grade, reason, votesFor, votesAgainst, votesAbstain)], s); return AssessmentTexts.Decided(grade); });

    public Task<IActionResult> OnPostFindingAsync(int id, int unitId, FindingCategory category, string text, DateOnly? dueDate, [FromServices] RecordFinding h) =>
        Act(id, unitId, async s => { await h.HandleAsync(id, unitId, new NewFinding(category, text, dueDate), s); return AssessmentTexts.FindingRecorded; });

    public Task<IActionResult> OnPostEvidenceAsync(int id, int unitId, Stage stage, IFormFile? file, [FromServices] AttachEvidence h) =>
        Act(id, unitId, async s =>
        {
            if (file is null || file.Length > EvidenceFile.MaxBytes) throw KaoheException.Invalid(AssessmentTexts.ChooseEvidenceFile);
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer);
            await h.HandleAsync(id, unitId, stage, file.FileName, buffer.ToArray(), s);
            return AssessmentTexts.EvidenceUploaded(file.FileName);
        });

    /// <summary>Runs an action and comes back to the unit with its message, or the refusal shown as the error.</summary>
    private Task<IActionResult> Act(int id, int unitId, Func<UserScope, Task<string>> action) => this.RunAsync(async () =>
    {
        Message = await action(User.Scope());
        return Back(id, unitId);
    }, e =>
    {
        Error = e.Message;
        return Task.FromResult<IActionResult>(Back(id, unitId));
    });

    private RedirectResult Back(int id, int unitId) => Redirect($"/Campaigns/Unit/{id}/{unitId}");
}
