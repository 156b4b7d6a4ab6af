using Kaohe.Data;

namespace Kaohe.Features.Notices;

/// <summary>The editable parts of a year's notice: what was saved, or a draft made from the campaign (<see cref="NoticeNarrative"/>).</summary>
public sealed class DraftNotice(KaoheDbContext db)
{
    public async Task<NoticeFields> HandleAsync(int year, CancellationToken ct = default) =>
        await NoticeNarrative.FieldsAsync(db, await NoticeNarrative.CampaignAsync(db, year, ct), ct);
}
