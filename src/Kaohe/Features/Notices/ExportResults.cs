using System.Globalization;
using Kaohe.Common.Tabular;
using Kaohe.Data;
using Kaohe.Domain.Accounts;
using Kaohe.Domain.Assessment;
using Kaohe.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace Kaohe.Features.Notices;

/// <summary>
/// A year's results, one row per unit the account may see, in the notice's order: XLSX for people,
/// CSV for machines. The columns are those the past-results import reads, so an export imports back.
/// The shared result model holds the final score and grade only; stage scores belong to the assessment area.
/// A sealed year whose sealed data changed since is refused, naming the units (<see cref="SealedData"/>).
/// </summary>
public sealed class ExportResults(KaoheDbContext db)
{
    public static readonly string[] Headers = ["年度", "所属市", "单位", "规范名称", "区划代码", "得分", "等级"];

    public async Task<byte[]> HandleAsync(int year, TableFormat format, UserScope scope, CancellationToken ct = default)
    {
        var campaign = await NoticeNarrative.CampaignAsync(db, year, ct);
        if (campaign.IsSealed) await SealedData.EnsureIntactAsync(db, campaign.Id, ct);
        var visible = db.UnitIdsVisibleTo(scope);
        var rows = await db.CampaignUnits.AsNoTracking()
            .Where(cu => cu.CampaignId == campaign.Id && visible.Contains(cu.UnitId))
            .OrderBy(cu => cu.Unit.CityGroup.SortOrder).ThenBy(cu => cu.Unit.SortOrder)
            .Select(cu => new { City = cu.Unit.CityGroup.Name, cu.Unit.PublishedName, cu.Unit.Name, cu.Unit.DivisionCode, cu.FinalScore, cu.FinalGrade })
            .ToListAsync(ct);
        return TableWriter.Write(Headers, rows.Select(r => (IReadOnlyList<string>)
        [
            year.ToString(CultureInfo.InvariantCulture), r.City, r.PublishedName, r.Name, r.DivisionCode ?? "",
            r.FinalScore?.ToString("0.##", CultureInfo.InvariantCulture) ?? "", r.FinalGrade?.ChineseName() ?? "",
        ]), format);
    }
}
