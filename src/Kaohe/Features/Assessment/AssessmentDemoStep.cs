using Kaohe.Common.Tabular;
using Kaohe.Data;
using Kaohe.Domain.Assessment;
using Kaohe.Features.Demo;
using Microsoft.EntityFrameworkCore;

namespace Kaohe.Features.Assessment;

/// <summary>
/// The demo campaigns: 2018, sealed, with exactly the grades of the notice's annex (data/henan-2018-grades.csv)
/// and seeded stage scores consistent with them under the default rules; and 2019, open at the self-check
/// stage (dates around today, so the workflow can be tried), with the demo expert assigned three 开封 units.
/// </summary>
public sealed class AssessmentDemoStep(KaoheDbContext db, EnsureDefaultScheme defaultScheme, CreateCampaign create) : IDemoStep
{
    public int Order => 30;

    public async Task<string?> RunAsync(CancellationToken ct)
    {
        if (await db.Campaigns.AnyAsync(c => c.Year == 2018 || c.Year == 2019, ct)) return null;
        var scheme = await defaultScheme.HandleAsync(ct);
        await Create2018Async(scheme, ct);
        await Create2019Async(scheme.Id, ct);
        return "考核 2018 年度（已封存）、2019 年度（自查阶段）";
    }

    private async Task Create2018Async(IndicatorScheme scheme, CancellationToken ct)
    {
        var grades = ReadGrades();
        var units = await db.Units.OrderBy(u => u.SortOrder).ToListAsync(ct);
        var campaign = new Campaign
        {
            Year = 2018,
            SchemeId = scheme.Id,
            Title = "2018年度生源地信用助学贷款工作考核",
            Stages = CreateCampaign.Schedule(new DateOnly(2019, 2, 13), new DateOnly(2019, 3, 31)),
        };
        var random = new Random(2018);
        foreach (var unit in units)
        {
            var grade = grades.TryGetValue(unit.DivisionCode ?? unit.Name, out var g) ? g : throw new InvalidDataException($"2018 等级缺少 {unit.Name}");
            campaign.Units.Add(DemoScores.Scored(unit, grade, scheme.Rules, random));
        }
        foreach (var s in campaign.Stages) s.Status = StageStatus.Closed;
        campaign.Seal("system", new DateTime(2019, 3, 31, 0, 0, 0, DateTimeKind.Utc));
        db.Campaigns.Add(campaign);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        await SealResults.RecordAsync(db, campaign, "演示数据：2018 年度考核结果（教资助函〔2019〕192号）", ct);
        await tx.CommitAsync(ct);
    }

    private async Task Create2019Async(int schemeId, CancellationToken ct)
    {
        var today = new Common.Time.BeijingClock(db.Clock).Today;
        var campaign = await create.HandleAsync(new NewCampaign(2019, today.AddDays(-7), today.AddDays(113), schemeId), Domain.Accounts.UserScope.System, ct);
        campaign.OpenStage(Stage.SelfCheck);
        var expert = await db.Users.FirstOrDefaultAsync(u => u.UserName == "expert", ct);
        if (expert is not null)
        {
            var kaifeng = await db.Units.Where(u => u.CityGroup.Name == "开封市").OrderBy(u => u.SortOrder).Take(3).Select(u => u.Id).ToListAsync(ct);
            db.ExpertAssignments.AddRange(kaifeng.Select(id => new ExpertAssignment { CampaignId = campaign.Id, ExpertUserId = expert.Id, UnitId = id }));
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Grade per unit, keyed by division code, or by name for the two units without one.</summary>
    private static Dictionary<string, Grade> ReadGrades()
    {
        var file = TabularFile.Read(Path.Combine(LoadDemoData.DataFolder, "henan-2018-grades.csv"));
        return file.Rows.ToDictionary(r => r[2].Length > 0 ? r[2] : r[1], r => Grades.TryParse(r[3], out var g) ? g : throw new InvalidDataException(r[3]));
    }
}
