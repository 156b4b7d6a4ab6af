using System.Net;
using System.Text.Json;
using Kaohe.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace Kaohe.Tests.Features.Notices;

/// <summary>
/// Issue 22 over HTTP: a sealed grade changed in the database file behind the app's back. The public page, the notice
/// download and the results export all refuse (409), naming the unit; the other years are still published.
/// </summary>
public sealed class TamperedSealHttpTests(KaoheApp app) : IClassFixture<KaoheApp>
{
    private static readonly SemaphoreSlim Once = new(1, 1);
    private static bool _tampered;

    // 二七区 was 优秀 in 2018: made 不合格 straight in the file, as `sqlite3` would.
    private async Task TamperAsync()
    {
        await Once.WaitAsync();
        try
        {
            if (_tampered) return;
            _ = app.Client(); // the app starts, on its copy of the demo database
            await using var conn = new SqliteConnection($"Data Source={app.DatabasePath};Pooling=False");
            await conn.OpenAsync();
            await using var cmd = conn.CreateCommand();
            cmd.CommandText = """
                UPDATE CampaignUnits SET FinalGrade = 4 WHERE Id = (SELECT cu.Id FROM CampaignUnits cu JOIN Campaigns c ON c.Id = cu.CampaignId
                JOIN Units u ON u.Id = cu.UnitId WHERE c.Year = 2018 AND u.Name = '二七区')
                """;
            Assert.Equal(1, await cmd.ExecuteNonQueryAsync());
            _tampered = true;
        }
        finally { Once.Release(); }
    }

    [Fact]
    public async Task PublicPage_OfATamperedYear_Is409NamingTheUnit_AndAnUntouchedYearIsStillServed()
    {
        await TamperAsync();
        var anonymous = app.Client();
        var page = await anonymous.GetAsync("/Public/Results/2018");
        Assert.Equal(HttpStatusCode.Conflict, page.StatusCode);
        var text = await page.Content.ReadAsStringAsync();
        Assert.Contains("封存数据校验未通过，不能发布", text);
        Assert.Contains("二七区的封存数据与封存时不一致", text);
        Assert.DoesNotContain("郑州市：二七区", text);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/Public/Results/2017")).StatusCode);
    }

    [Theory]
    [InlineData("/api/notices/2018/txt")]
    [InlineData("/api/notices/2018/pdf")]
    [InlineData("/api/results/2018/export?format=csv")]
    public async Task NoticeAndExport_OfATamperedYear_AreProblem409NamingTheUnit(string url)
    {
        await TamperAsync();
        var admin = await app.SignedInAsync("admin");
        var response = await admin.GetAsync(url);
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("封存数据校验未通过，不能发布", problem.RootElement.GetProperty("title").GetString());
        Assert.Contains("二七区", problem.RootElement.GetProperty("detail").GetString());
    }
}
