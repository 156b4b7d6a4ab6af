using Kaohe.Common.Tabular;
using Kaohe.Data;
using Kaohe.Domain.Accounts;
using Kaohe.Domain.Units;
using Kaohe.Features.Units;
using Microsoft.EntityFrameworkCore;

namespace Kaohe.Features.Demo;

/// <summary>The shipped registry: the notice's 19 groups in the province's order and its 168 units (data/).</summary>
public sealed class RegistryDemoStep(KaoheDbContext db, ImportUnits importUnits) : IDemoStep
{
    public int Order => 10;

    public async Task<string?> RunAsync(CancellationToken ct)
    {
        var log = new List<string>();
        if (!await db.CityGroups.AnyAsync(ct))
        {
            var groups = TabularFile.Read(Path.Combine(LoadDemoData.DataFolder, "henan-city-groups.csv"));
            foreach (var r in groups.Rows)
            {
                db.CityGroups.Add(new CityGroup
                {
                    SortOrder = int.Parse(r[0], System.Globalization.CultureInfo.InvariantCulture), Name = r[1], DivisionCode = r[2].Length == 0 ? null : r[2],
                    Kind = r[3] switch { "省辖市" => CityGroupKind.PrefectureCity, "省直辖县级市" => CityGroupKind.ProvinceAdministeredCity, _ => CityGroupKind.DirectCounties },
                });
            }
            await db.SaveChangesAsync(ct);
            log.Add($"分组 {groups.Rows.Count} 个");
        }
        if (!await db.Units.AnyAsync(ct))
        {
            var result = await importUnits.HandleAsync(TabularFile.Read(Path.Combine(LoadDemoData.DataFolder, "henan-units.csv")), UserScope.System, ct);
            log.Add($"单位 {result.Created} 个");
        }
        return log.Count == 0 ? null : string.Join("，", log);
    }
}
