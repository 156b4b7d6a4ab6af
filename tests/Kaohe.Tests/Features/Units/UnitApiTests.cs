using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kaohe.Features.Units;
using Kaohe.Tests.Infrastructure;

namespace Kaohe.Tests.Features.Units;

public sealed class UnitApiTests(KaoheApp app) : IClassFixture<KaoheApp>
{
    [Fact]
    public async Task Edit_WithACodeOfTheWrongLength_IsRefusedInChinese_AndChangesNothing()
    {
        var admin = await app.SignedInAsync("admin");
        var unit = Assert.Single((await admin.GetFromJsonAsync<List<UnitSummary>>("/api/units?q=410425"))!);
        var edit = new UnitEdit("郏县", "郟县", "郟县", "县", "4104", null, 4, null, null, 30, null, true);
        var response = await admin.PutAsJsonAsync($"/api/units/{unit.Id}", edit);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("县的区划代码应为 6 位数字", body);
        Assert.Equal("410425", (await admin.GetFromJsonAsync<JsonElement>($"/api/units/{unit.Id}")).GetProperty("divisionCode").GetString());
    }

    [Fact]
    public async Task Import_ThroughTheApi_ReportsEveryBadRow()
    {
        var admin = await app.SignedInAsync("admin");
        var csv = Files.Csv("规范名称,单位类型,区划代码,通报分组\n,县,410199,郑州市\n乙县,县,999,郑州市\n", gbk: true);
        var response = await admin.PostAsync("/api/units/import?fileName=bad.csv", new ByteArrayContent(csv));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("第 2 行“规范名称”列：单位名称不能为空", body);
        Assert.Contains("第 3 行“区划代码”列", body);
    }

    [Fact]
    public async Task UnitsPage_SearchByAlias_ShowsTheOfficialName()
    {
        var admin = await app.SignedInAsync("admin");
        var html = await admin.GetStringAsync("/Units?q=临颖县");
        Assert.Contains("临颍县", html);
        Assert.Contains("共 1 个单位", html);
    }

    [Fact]
    public async Task Import_OfADamagedWorkbook_SaysSoInChinese()
    {
        var admin = await app.SignedInAsync("admin");
        byte[] notAWorkbook = [0x50, 0x4B, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8];
        var response = await admin.PostAsync("/api/units/import?fileName=units.xlsx", new ByteArrayContent(notAWorkbook));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("无法读取文件“units.xlsx”", await response.Content.ReadAsStringAsync());
    }
}
