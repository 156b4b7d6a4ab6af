using Kaohe.Domain.Accounts;
using Kaohe.Domain.Assessment;
using Kaohe.Features.Assessment;
using Kaohe.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kaohe.Web.Pages.Campaigns;

public sealed class DetailsModel(ListCampaigns list, CampaignResults results, CampaignProgress progress) : PageModel
{
    public CampaignSummary Campaign { get; private set; } = null!;
    public ResultsView Results { get; private set; } = null!;
    public IReadOnlyList<CityProgress> Progress { get; private set; } = [];
    public bool IsAdmin { get; private set; }
    public bool MayDecide { get; private set; }
    public IReadOnlyList<Stage> MyStages { get; private set; } = [];
    [TempData] public string? Message { get; set; }
    [TempData] public string? Error { get; set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var scope = User.Scope();
        if (await list.GetAsync(id, scope) is not { } c) return NotFound();
        Campaign = c;
        Results = (await results.HandleAsync(id, scope))!;
        Progress = (await progress.HandleAsync(id, scope))!;
        IsAdmin = scope.Role == Role.ProvinceAdmin;
        MyStages = c.Stages.Where(s => s.Status == StageStatus.Open && StageRoles.MayScore(scope.Role, s.Stage)).Select(s => s.Stage).ToList();
        MayDecide = scope.Role is Role.ProvinceAdmin or Role.Expert && c.Status != CampaignStatus.Sealed;
        return Page();
    }

    public Task<IActionResult> OnPostStageAsync(int id, Stage stage, bool open, [FromServices] ScheduleStage h) =>
        Act(id, async s => { if (open) await h.OpenAsync(id, stage, s); else await h.CloseAsync(id, stage, s); return $"{stage.ChineseName()}阶段已{(open ? "开放" : "结束")}"; });

    public Task<IActionResult> OnPostAssignAsync(int id, [FromServices] AssignExperts h) =>
        Act(id, async s => { var r = await h.HandleAsync(id, s); return $"新分配 {r.Added} 个；无可用专家的单位 {r.Unassigned.Count} 个"; });

    public Task<IActionResult> OnPostSampleAsync(int id, int perCity, int? seed, [FromServices] DrawFieldVisits h) =>
        Act(id, async s => { var r = await h.HandleAsync(id, new DrawRequest(perCity, seed), s); return $"抽取实地查看单位 {r.UnitIds.Count} 个（种子 {r.Seed}）"; });

    public Task<IActionResult> OnPostConfirmAsync(int id, [FromServices] DecideAndSeal h) =>
        Act(id, async s => $"按计算等级确定 {await h.ConfirmComputedAsync(id, s)} 个单位");

    public Task<IActionResult> OnPostSealAsync(int id, [FromServices] DecideAndSeal h) =>
        Act(id, async s => { await h.SealAsync(id, s); return "考核已封存，结果只读"; });

    public Task<IActionResult> OnPostUploadAsync(int id, Stage stage, IFormFile? file, bool submit, [FromServices] ScoringWorkbook h) =>
        Act(id, async s =>
        {
            if (file is null) throw new AssessmentRuleException("请选择评分表文件");
            await using var stream = file.OpenReadStream();
            try
            {
                var r = await h.UploadAsync(id, stage, Kaohe.Common.Tabular.TabularFile.Read(stream, file.FileName), submit, s);
                var notices = r.Notices.Count == 0 ? "" : "。" + string.Join("；", r.Notices.Take(20)) + (r.Notices.Count > 20 ? $"（共 {r.Notices.Count} 处）" : "");
                return $"已导入 {r.Units} 个单位的 {r.Scores} 项评分{(r.Submitted ? "并提交" : "（草稿）")}；数据计算指标按台账数据计分{notices}";
            }
            catch (Kaohe.Common.Tabular.ImportRejectedException e)
            {
                throw new AssessmentRuleException(string.Join("；", e.ImportErrors.Take(20)) + $"（共 {e.ImportErrors.Count} 处错误，未写入任何数据）");
            }
        });

    private async Task<IActionResult> Act(int id, Func<UserScope, Task<string>> action)
    {
        try { Message = await action(User.Scope()); }
        catch (AssessmentRuleException e) { Error = e.Message; }
        catch (UnauthorizedAccessException) { return Forbid(); }
        catch (KeyNotFoundException) { return NotFound(); }
        return Redirect($"/Campaigns/Details/{id}");
    }
}
