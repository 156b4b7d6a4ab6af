using Kaohe.Common.Errors;
using Kaohe.Data;
using Kaohe.Domain.Accounts;
using Kaohe.Domain.Collection;
using Microsoft.EntityFrameworkCore;

namespace Kaohe.Features.Collection;

/// <summary>A letter kind's text as the province has it, and whether it is still the built-in one.</summary>
public sealed record LetterTemplateView(LetterKind Kind, string Title, string Body, bool IsBuiltIn);

/// <summary>
/// The province's letter texts: read by everyone who writes or previews letters, changed by the province administrator
/// only (audited, as every entity). Saving the built-in text again is saved like any other; nothing is deleted.
/// </summary>
public sealed class LetterTemplates(KaoheDbContext db)
{
    public async Task<LetterText> TextAsync(LetterKind kind, CancellationToken ct = default) =>
        await db.LetterTemplates.AsNoTracking().FirstOrDefaultAsync(t => t.Kind == kind, ct) is { } saved
            ? LetterText.Parse(kind, saved.Title, saved.Body)
            : LetterText.Default(kind);

    public async Task<IReadOnlyList<LetterTemplateView>> ListAsync(CancellationToken ct = default)
    {
        var saved = await db.LetterTemplates.AsNoTracking().ToDictionaryAsync(t => t.Kind, ct);
        return Enum.GetValues<LetterKind>().Select(k => saved.TryGetValue(k, out var t)
            ? new LetterTemplateView(k, t.Title, t.Body, false)
            : new LetterTemplateView(k, LetterTexts.DefaultTitle(k), LetterText.Default(k).Body, true)).ToList();
    }

    public async Task<LetterTemplateView> SaveAsync(LetterKind kind, string? title, string? body, UserScope scope, CancellationToken ct = default)
    {
        if (scope.Role != Role.ProvinceAdmin) throw KaoheException.Forbidden(LetterTexts.TemplatesForbidden);
        var text = LetterText.Parse(kind, title, body);
        var row = await db.LetterTemplates.FirstOrDefaultAsync(t => t.Kind == kind, ct);
        if (row is null) db.LetterTemplates.Add(row = new LetterTemplate { Kind = kind, Title = text.Title, Body = text.Body });
        else (row.Title, row.Body) = (text.Title, text.Body);
        await db.SaveChangesAsync(ct);
        return new LetterTemplateView(kind, row.Title, row.Body, false);
    }

    /// <summary>The letter as the text would print it, for made-up facts: the template page's preview, with no one's data.</summary>
    public static Letter Preview(LetterText text, DateOnly today) => text.Render(0, new LetterFacts(
        "张三", "张大山", "HT-2016-0001", 4_500_00, 123_45, new DateOnly(today.Year - 1, 12, 20), today.DayNumber - new DateOnly(today.Year - 1, 12, 20).DayNumber,
        today.AddDays(DraftLetters.DefaultDays), LetterTexts.CentreName("某某县"), "某某县某某路 1 号", "0371-00000000", today));
}
