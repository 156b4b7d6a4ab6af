using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Kaohe.Data;
using Kaohe.Domain.Collection;
using Kaohe.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kaohe.Tests.Features.Collection;

/// <summary>The collection desk's pages and API on the demo (二七区 is erqi's unit; 中原区, its neighbour, is not).</summary>
public sealed partial class CollectionHttpTests(KaoheApp app) : IClassFixture<KaoheApp>
{
    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    private async Task<(int Unit, int Case)> OpenCaseAsync(string unitName)
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<KaoheDbContext>();
        var c = await db.CollectionCases.Where(x => x.Unit.Name == unitName && x.ClosedOn == null).OrderBy(x => x.Id).FirstAsync();
        return (c.UnitId, c.Id);
    }

    [Fact]
    public async Task TheDemoDesk_Erqi_SeesItsQueue_RecordsAContactOnThePage_AndTheTrailShowsIt()
    {
        var erqi = await app.SignedInAsync("erqi");
        var (unit, caseId) = await OpenCaseAsync("二七区");
        var start = await erqi.GetAsync("/Collection");
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        Assert.Equal($"/Collection/Queue/{unit}", start.Headers.Location!.OriginalString);
        var desk = await erqi.GetStringAsync("/");
        int never;
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<KaoheDbContext>();
            never = await db.CollectionCases.CountAsync(c => c.UnitId == unit && c.ClosedOn == null && !db.ContactRecords.Any(r => r.CaseId == c.Id));
        }
        Assert.Equal(never > 0, desk.Contains($"/Collection/Queue/{unit}?tab=NeverContacted", StringComparison.Ordinal));
        var queue = await erqi.GetStringAsync($"/Collection/Queue/{unit}");
        Assert.Contains("今日待办", queue);
        Assert.Contains($"/Collection/Case/{caseId}", queue);

        var page = await erqi.GetStringAsync($"/Collection/Case/{caseId}");
        Assert.Contains("保存联系记录", page);
        Assert.Matches(@"\d{6}\*{8}[0-9X]{4}", page); // the borrower's ID number, masked
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Token().Match(page).Groups[1].Value,
            ["Form.ContactedAt"] = "2026-01-05T09:30", ["Form.Channel"] = "Visit", ["Form.Party"] = "VillageCommittee", ["Form.Result"] = "Hardship",
            ["Form.Notes"] = "村委会陪同上门，家中确有困难", ["Form.NextAction"] = "申请还款救助", ["Form.NextActionOn"] = "2026-01-20",
        });
        var posted = await erqi.PostAsync($"/Collection/Case/{caseId}?handler=Contact", form);
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var after = await erqi.GetStringAsync($"/Collection/Case/{caseId}");
        Assert.Contains("已登记联系记录", after);
        Assert.Contains("村委会陪同上门，家中确有困难", after);
        Assert.Contains("2026-01-05 09:30", after);

        // A photo of the visit, sent with the form: typed by its bytes, linked from the trail, served within scope only.
        var multipart = new MultipartFormDataContent
        {
            { new StringContent(Token().Match(after).Groups[1].Value), "__RequestVerificationToken" },
            { new StringContent("2026-01-06T10:00"), "Form.ContactedAt" }, { new StringContent("Visit"), "Form.Channel" },
            { new StringContent("CoBorrower"), "Form.Party" }, { new StringContent("Hardship"), "Form.Result" },
            { new ByteArrayContent([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 7]), "evidence", "上门.png" },
        };
        Assert.Equal(HttpStatusCode.Redirect, (await erqi.PostAsync($"/Collection/Case/{caseId}?handler=Contact", multipart)).StatusCode);
        var withPhoto = await erqi.GetStringAsync($"/Collection/Case/{caseId}");
        var link = Regex.Match(withPhoto, "href=\"(/api/collection/evidence/\\d+)\" class=\"evidence\">上门.png").Groups[1].Value;
        Assert.NotEmpty(link);
        var photo = await erqi.GetAsync(link);
        Assert.Equal("image/png", photo.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.OK, (await (await app.SignedInAsync("zhengzhou")).GetAsync(link)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignedInAsync("bank")).GetAsync(link)).StatusCode);

        // A promise without its amount: the page names the field and keeps the case as it was.
        var bad = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Token().Match(withPhoto).Groups[1].Value,
            ["Form.ContactedAt"] = "2026-01-06T09:30", ["Form.Channel"] = "Phone", ["Form.Party"] = "Borrower", ["Form.Result"] = "Promised",
        });
        var refused = await erqi.PostAsync($"/Collection/Case/{caseId}?handler=Contact", bad);
        var text = await refused.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("承诺还款</strong>：结果为“已接通-承诺还款”时，须填写承诺金额和承诺还款日期", text);
    }

    [Fact]
    public async Task TheApi_CountyAppendsToItsOwnCases_OthersAreRefused_AndTheBankSeesFiguresOnly()
    {
        var (_, caseId) = await OpenCaseAsync("二七区");
        var (other, otherCase) = await OpenCaseAsync("中原区");
        var body = new { contactedAt = "2026-01-05T10:00:00", channel = 1, party = 2, result = 1, promisedFen = 50_000, promisedOn = "2026-02-01", notes = "家长承诺代还" };
        var erqi = await app.SignedInAsync("erqi");
        var created = await erqi.PostAsJsonAsync($"/api/collection/cases/{caseId}/contacts", body);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await erqi.PostAsJsonAsync($"/api/collection/cases/{otherCase}/contacts", body)).StatusCode);
        var city = await app.SignedInAsync("zhengzhou");
        var refused = await city.PostAsJsonAsync($"/api/collection/cases/{caseId}/contacts", body);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("只有本单位的县级资助中心可以登记联系记录", await refused.Content.ReadAsStringAsync());

        using var detail = JsonDocument.Parse(await city.GetStringAsync($"/api/collection/cases/{caseId}"));
        Assert.Contains(detail.RootElement.GetProperty("trail").EnumerateArray(), t => t.GetProperty("notes").GetString() == "家长承诺代还");
        using var queue = JsonDocument.Parse(await city.GetStringAsync($"/api/collection/units/{other}/queue"));
        Assert.True(queue.RootElement.GetProperty("total").GetInt32() > 0);

        var bank = await app.SignedInAsync("bank");
        Assert.Equal(HttpStatusCode.Forbidden, (await bank.GetAsync($"/api/collection/cases/{caseId}")).StatusCode);
        var figures = await bank.GetStringAsync("/api/collection/overview");
        Assert.Contains("\"openCases\"", figures);
        Assert.DoesNotContain("borrowerName", figures);
        var bulletin = await bank.GetStringAsync("/api/ledger/bulletin?format=html");
        var section = bulletin[bulletin.IndexOf("六、逾期催收与留痕情况", StringComparison.Ordinal)..bulletin.IndexOf("七、有关要求", StringComparison.Ordinal)];
        Assert.Contains("<td>二七区</td><td>郑州市</td>", section);
        var overview = await bank.GetStringAsync("/Collection");
        Assert.DoesNotContain("/Collection/Queue/", overview);
        Assert.Contains("二七区", overview);
    }

    [Fact]
    public async Task TheApi_TakesEvidenceWithAContact_CheckedByItsBytes_AndServesItBack()
    {
        var (_, caseId) = await OpenCaseAsync("二七区");
        var erqi = await app.SignedInAsync("erqi");
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3];
        var contact = new { contactedAt = "2026-01-06T09:30:00", channel = 3, party = 2, result = 3, notes = "上门，家中困难" };
        var notAPhoto = await erqi.PostAsJsonAsync($"/api/collection/cases/{caseId}/contacts/with-evidence",
            new { contact, evidence = new[] { new { fileName = "照片.jpg", content = "纯文本"u8.ToArray() } } });
        Assert.Equal(HttpStatusCode.BadRequest, notAPhoto.StatusCode);
        Assert.Contains("照片.jpg", await notAPhoto.Content.ReadAsStringAsync());

        var created = await erqi.PostAsJsonAsync($"/api/collection/cases/{caseId}/contacts/with-evidence",
            new { contact, evidence = new[] { new { fileName = "上门.png", content = png } } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var recordId = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt32();
        int evidenceId;
        await using (var scope = app.Scope())
            evidenceId = await scope.ServiceProvider.GetRequiredService<KaoheDbContext>().ContactEvidence.Where(e => e.ContactRecordId == recordId).Select(e => e.Id).SingleAsync();
        var served = await erqi.GetAsync($"/api/collection/evidence/{evidenceId}");
        Assert.Equal("image/png", served.Content.Headers.ContentType!.MediaType);
        Assert.Equal(png, await served.Content.ReadAsByteArrayAsync());
        var city = await app.SignedInAsync("zhengzhou");
        Assert.Equal(HttpStatusCode.Forbidden, (await city.PostAsJsonAsync($"/api/collection/cases/{caseId}/contacts/with-evidence", new { contact, evidence = Array.Empty<object>() })).StatusCode);
    }

    [Fact]
    public async Task TheApi_RefusesABadCallList_AndAMissingEvidenceFile_AsProblemDetails()
    {
        var (_, caseId) = await OpenCaseAsync("二七区");
        var erqi = await app.SignedInAsync("erqi");
        var csv = $"案件编号,联系时间,联系方式,联系对象,联系结果\n{caseId},2026-01-05 10:00,飞鸽,借款人,未接通\n";
        var rejected = await erqi.PostAsync("/api/collection/calls?fileName=calls.csv", new ByteArrayContent(Files.Csv(csv)) { Headers = { { "Content-Type", "text/csv" } } });
        Assert.Equal(HttpStatusCode.BadRequest, rejected.StatusCode);
        Assert.Equal("application/problem+json", rejected.Content.Headers.ContentType!.MediaType);
        using var problem = JsonDocument.Parse(await rejected.Content.ReadAsStringAsync());
        Assert.EndsWith("处错误，未写入任何数据", problem.RootElement.GetProperty("title").GetString());
        Assert.Contains("不是可选的值", problem.RootElement.GetProperty("errors").GetProperty("第2行·联系方式")[0].GetString());

        var missing = await erqi.GetAsync("/api/collection/evidence/999999");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType!.MediaType);
    }
}
