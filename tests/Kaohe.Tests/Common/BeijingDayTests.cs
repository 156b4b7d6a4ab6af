using System.Net;
using System.Net.Http.Json;
using Kaohe.Domain.Assessment;
using Kaohe.Features.Assessment;
using Kaohe.Features.Units;
using Kaohe.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace Kaohe.Tests.Common;

/// <summary>
/// At 2019-03-10 23:30 UTC it is 03-11 07:30 in Beijing. The stage window, the ledger's "as of" date and the audit
/// page must all say 03-11: a date taken from the UTC clock would be 03-10, and a county on a stage's last day would be
/// refused for eight hours of it.
/// </summary>
public sealed class BeijingDayTests
{
    [Fact]
    public async Task At0730Beijing_TheStageWindowTheLedgerAsOfAndTheAuditPage_AllSay0311()
    {
        await using var app = new KaoheApp { Clock = new TestClock(new DateTime(2019, 3, 11, 7, 30, 0)) };
        var county = await app.SignedInAsync("erqi");
        var campaign = Assert.Single((await county.GetFromJsonAsync<List<CampaignSummary>>("/api/campaigns"))!, c => c.Year == 2019).Id;
        var erqi = Assert.Single((await county.GetFromJsonAsync<List<UnitSummary>>("/api/units?q=410103"))!).Id;
        var scoring = new StageScoring(Stage.SelfCheck, [new("1.1", 3)]);
        var url = $"/api/campaigns/{campaign}/units/{erqi}/stages/SelfCheck";

        // The self-check's last day is 03-11 Beijing: still open at 07:30 that morning.
        await SetSelfCheckGraceAsync(app, campaign, "2019-03-11");
        var onTheLastDay = await county.PutAsJsonAsync(url, scoring);
        Assert.Equal(HttpStatusCode.OK, onTheLastDay.StatusCode);

        // Had it ended on 03-10, 07:30 on 03-11 is too late, though the UTC date is still 03-10.
        await SetSelfCheckGraceAsync(app, campaign, "2019-03-10");
        var dayAfter = await county.PutAsJsonAsync(url, scoring);
        Assert.NotEqual(HttpStatusCode.OK, dayAfter.StatusCode);
        Assert.Contains("自查", await dayAfter.Content.ReadAsStringAsync());

        // The ledger's figures are as of today in Beijing.
        var admin = await app.SignedInAsync("admin");
        var figures = await admin.GetAsync("/api/ledger/figures?year=2019&format=csv");
        Assert.Equal(HttpStatusCode.OK, figures.StatusCode);
        Assert.Contains("20190311", figures.Content.Headers.ContentDisposition!.FileNameStar ?? figures.Content.Headers.ContentDisposition.FileName);

        // The audit page shows the accepted draft at Beijing wall-clock time.
        Assert.Contains("2019-03-11 07:30:00", await admin.GetStringAsync("/Audit"));
    }

    private static async Task SetSelfCheckGraceAsync(KaoheApp app, int campaign, string lastDay)
    {
        // Past the handlers on purpose: no use case moves a stage's dates after it opened.
        await using var connection = new SqliteConnection($"Data Source={app.DatabasePath}");
        await connection.OpenAsync();
        await using var update = connection.CreateCommand();
        update.CommandText = "UPDATE CampaignStages SET Status = 2, OpensOn = '2019-03-01', DueOn = $day, GraceUntil = $day WHERE CampaignId = $campaign AND Stage = 1";
        update.Parameters.AddWithValue("$day", lastDay);
        update.Parameters.AddWithValue("$campaign", campaign);
        Assert.Equal(1, await update.ExecuteNonQueryAsync());
    }
}
