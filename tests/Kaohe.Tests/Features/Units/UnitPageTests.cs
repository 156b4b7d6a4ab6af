using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Kaohe.Features.Units;
using Kaohe.Tests.Infrastructure;

namespace Kaohe.Tests.Features.Units;

/// <summary>The registry's pages answer the error contract's refusals as before: 404 for a missing unit, the fields at fault on the form.</summary>
public sealed partial class UnitPageTests(KaoheApp app) : IClassFixture<KaoheApp>
{
    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    [Fact]
    public async Task EditPage_OfAMissingUnit_Is404()
    {
        var admin = await app.SignedInAsync("admin");
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/Units/Edit/999999")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/Units/Details/999999")).StatusCode);
    }

    [Fact]
    public async Task EditPage_WithACodeOfTheWrongLength_ShowsTheFieldAtFault_AndTheFormAgain()
    {
        var admin = await app.SignedInAsync("admin");
        var unit = Assert.Single((await admin.GetFromJsonAsync<List<UnitSummary>>("/api/units?q=410425"))!);
        var page = await admin.GetStringAsync($"/Units/Edit/{unit.Id}");
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Token().Match(page).Groups[1].Value, ["Form.Name"] = "郏县", ["Form.Type"] = "县",
            ["Form.DivisionCode"] = "4104", ["Form.CityGroupId"] = "4", ["Form.SortOrder"] = "30", ["Form.IsActive"] = "true",
        });
        var response = await admin.PostAsync($"/Units/Edit/{unit.Id}", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("“区划代码”列：县的区划代码应为 6 位数字", html);
        Assert.Contains("平顶山市", html);
    }

    [Fact]
    public async Task ImportPage_WithoutAFile_AsksForOne()
    {
        var admin = await app.SignedInAsync("admin");
        var page = await admin.GetStringAsync("/Units/Import");
        var form = new MultipartFormDataContent { { new StringContent(Token().Match(page).Groups[1].Value), "__RequestVerificationToken" } };
        var html = WebUtility.HtmlDecode(await (await admin.PostAsync("/Units/Import", form)).Content.ReadAsStringAsync());
        Assert.Contains("请选择要导入的文件", html);
    }
}
