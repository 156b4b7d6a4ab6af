using Kaohe.Common.Errors;
using Kaohe.Domain.Collection;
using Kaohe.Features.Collection;
using Kaohe.Web.Errors;
using Kaohe.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kaohe.Web.Pages.Collection;

/// <summary>The province's texts of the two letters: edited, previewed with made-up facts, saved (audited).</summary>
[Authorize(Policy = Policies.ProvinceAdmin)]
public sealed class LetterTemplatesModel(LetterTemplates templates, DraftLetters letters) : PageModel
{
    public IReadOnlyList<LetterTemplateView> Templates { get; private set; } = [];

    /// <summary>The preview of each kind: of the text on the form when one was previewed or refused, else of the saved one.</summary>
    public Dictionary<LetterKind, Letter> Previews { get; } = [];

    public KaoheException? Refusal { get; private set; }
    public LetterKind? Edited { get; private set; }
    [TempData] public string? Message { get; set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync(LetterKind kind, string? title, string? body, bool preview) => await this.RunAsync(async () =>
    {
        if (preview)
        {
            await LoadAsync(kind, LetterText.Parse(kind, title, body));
            return Page();
        }
        await templates.SaveAsync(kind, title, body, User.Scope(), HttpContext.RequestAborted);
        Message = CollectionTexts.Name(kind) + "模板已保存";
        return RedirectToPage();
    }, async e =>
    {
        (Refusal, Edited) = (e, kind);
        await LoadAsync();
        return Page();
    });

    private async Task LoadAsync(LetterKind? kind = null, LetterText? draft = null)
    {
        Templates = await templates.ListAsync(HttpContext.RequestAborted);
        var today = letters.DefaultDeadline.AddDays(-DraftLetters.DefaultDays);
        foreach (var t in Templates)
            Previews[t.Kind] = LetterTemplates.Preview(t.Kind == kind && draft is not null ? draft : LetterText.Parse(t.Kind, t.Title, t.Body), today);
        if (draft is not null) Templates = Templates.Select(t => t.Kind == kind ? t with { Title = draft.Title, Body = draft.Body } : t).ToList();
    }
}
