using System.Net;
using System.Net.Http.Json;
using Kaohe.Features.Notices;
using Kaohe.Tests.Infrastructure;

namespace Kaohe.Tests.Features.Notices;

/// <summary>The notice over HTTP: the anonymous public page, downloads for everyone signed in, edits for the province only.</summary>
public sealed class NoticeHttpTests(KaoheApp app) : IClassFixture<KaoheApp>
{
    private static readonly SemaphoreSlim Once = new(1, 1);

    // The 2018 results under a year no demo step uses, so other areas' demo campaigns cannot collide with them.
    private async Task Ensure2018Async()
    {
        await Once.WaitAsync();
        try
        {
            var admin = await app.SignedInAsync("admin");
            var years = await admin.GetFromJsonAsync<List<ResultYear>>("/api/notices");
            if (years!.Any(y => y.Year == 2010)) return;
            var response = await admin.PostAsync("/api/results/2010/import?fileName=2018.csv", new ByteArrayContent(NoticeReference.Results2018Csv()));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        finally { Once.Release(); }
    }

    [Fact]
    public async Task PublicResultsPage_WithoutLogin_ServesTheNoticeHtml_AndUnknownYearIs404()
    {
        await Ensure2018Async();
        var anonymous = app.Client();
        var page = await anonymous.GetAsync("/Public/Results/2010");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("<p>郑州市：二七区、中原区、新郑市、管城回族区、中牟县、惠济区、金水区、登封市、经济技术开发区、荥阳市、航空港区。</p>", html);
        Assert.Contains("优秀率 72.62%", html);
        Assert.Contains("/Public/Results/2010", await anonymous.GetStringAsync("/Public/Results"));
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/Public/Results/2009")).StatusCode);
        Assert.Contains("<p class=\"mark\">【演示数据】</p>", await anonymous.GetStringAsync("/Public/Results/2017")); // the demo year says what it is
        Assert.NotEqual(HttpStatusCode.OK, (await anonymous.GetAsync("/api/notices/2010/pdf")).StatusCode);
    }

    [Theory]
    [InlineData("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")]
    [InlineData("pdf", "application/pdf")]
    [InlineData("txt", "text/plain; charset=utf-8")]
    public async Task Observer_DownloadsEachFormat_ButCannotSaveTheDraft(string format, string contentType)
    {
        await Ensure2018Async();
        var bank = await app.SignedInAsync("bank");
        var file = await bank.GetAsync($"/api/notices/2010/{format}");
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal(contentType, file.Content.Headers.ContentType!.ToString());
        Assert.True((await file.Content.ReadAsByteArrayAsync()).Length > 1000);
        var fields = await bank.GetFromJsonAsync<NoticeFields>("/api/notices/2010/draft");
        Assert.Equal(HttpStatusCode.Forbidden, (await bank.PutAsJsonAsync("/api/notices/2010/draft", fields)).StatusCode);
    }

    [Fact]
    public async Task Admin_SavesTheNarrative_AndEveryFormatPrintsIt()
    {
        await Ensure2018Async();
        var admin = await app.SignedInAsync("admin");
        var fields = await admin.GetFromJsonAsync<NoticeFields>("/api/notices/2010/draft");
        Assert.Equal("教资助函〔2011〕号", fields!.DocumentNumber);
        var edited = fields with { DocumentNumber = "教资助函〔2011〕192号", Problems = "一是测试问题甲。\n二是测试问题乙。" };
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync("/api/notices/2010/draft", edited)).StatusCode);
        var html = await app.Client().GetStringAsync("/Public/Results/2010");
        Assert.Contains("<p>一是测试问题甲。</p>\n<p>二是测试问题乙。</p>", html);
        var docx = NoticeReference.Text(await admin.GetByteArrayAsync("/api/notices/2010/docx"), NoticeFormat.Docx);
        Assert.Contains("教资助函〔2011〕192号", docx);
        var page = await admin.GetStringAsync("/Notices/Edit/2010");
        Assert.Contains("优秀率 72.62%", page);
        Assert.Contains("/api/notices/2010/pdf", page);
    }

    [Fact]
    public async Task EditPage_AdminPostsTheForm_AndTheNoticeUsesIt_WhileACountyUserSeesItReadOnly()
    {
        await Ensure2018Async();
        var admin = await app.SignedInAsync("admin");
        Assert.Contains("/Notices/Edit/2010", await admin.GetStringAsync("/Notices"));
        var page = await admin.GetStringAsync("/Notices/Edit/2010");
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var fields = await admin.GetFromJsonAsync<NoticeFields>("/api/notices/2010/draft");
        var form = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Issuers"] = fields!.Issuers, ["DocumentNumber"] = fields.DocumentNumber, ["Title"] = fields.Title,
            ["IssueDate"] = "2011-06-30", ["Addressee"] = fields.Addressee, ["Opening"] = fields.Opening, ["Overview"] = fields.Overview,
            ["Problems"] = fields.Problems, ["Requirements"] = "（一）表单保存的要求。",
        };
        var posted = await admin.PostAsync("/Notices/Edit/2010", new FormUrlEncodedContent(form));
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Contains("已保存", await posted.Content.ReadAsStringAsync());
        var txt = await admin.GetStringAsync("/api/notices/2010/txt");
        Assert.Contains("\n（一）表单保存的要求。\n", txt);
        Assert.Contains("\n2011年6月30日\n", txt);

        var erqi = await app.SignedInAsync("erqi");
        var readOnly = await erqi.GetStringAsync("/Notices/Edit/2010");
        Assert.Contains("<fieldset disabled=\"disabled\">", readOnly);
        Assert.Equal(HttpStatusCode.OK, (await erqi.GetAsync("/api/notices/2010/pdf")).StatusCode);
    }
}
