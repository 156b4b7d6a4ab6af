using System.Net;
using System.Net.Http.Json;
using Kaohe.Features.Units;
using Kaohe.Tests.Infrastructure;

namespace Kaohe.Tests.Features.Accounts;

/// <summary>Each role, over the API and the pages: what it may see, and that everything else is 403/404, never the data.</summary>
public sealed class ScopeTests(KaoheApp app) : IClassFixture<KaoheApp>
{
    private async Task<int> UnitIdAsync(HttpClient admin, string code) =>
        Assert.Single((await admin.GetFromJsonAsync<List<UnitSummary>>($"/api/units?q={code}"))!).Id;

    [Fact]
    public async Task Anonymous_GetsLoginRedirectForPages_And401ForApi()
    {
        var client = app.Client();
        var page = await client.GetAsync("/Units");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/Account/Login", page.Headers.Location!.PathAndQuery);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/units")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/units/export")).StatusCode);
    }

    [Fact]
    public async Task CountyOperator_SeesOnlyItsOwnUnit_AndGets404ForAnotherById()
    {
        var admin = await app.SignedInAsync("admin");
        var other = await UnitIdAsync(admin, "410102"); // 中原区, a neighbour in the same city
        var county = await app.SignedInAsync("erqi");

        var units = (await county.GetFromJsonAsync<List<UnitSummary>>("/api/units"))!;
        Assert.Equal("二七区", Assert.Single(units).Name);
        Assert.Equal(HttpStatusCode.NotFound, (await county.GetAsync($"/api/units/{other}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await county.GetAsync($"/Units/Details/{other}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await county.GetAsync($"/Units/Details/{units[0].Id}")).StatusCode);

        var export = await county.GetStringAsync("/api/units/export?format=csv");
        Assert.Contains("二七区", export);
        Assert.DoesNotContain("中原区", export);
    }

    [Fact]
    public async Task CityReviewer_SeesItsCitysFifteenUnits_AndNoOther()
    {
        var admin = await app.SignedInAsync("admin");
        var luoyang = await UnitIdAsync(admin, "410302");
        var city = await app.SignedInAsync("zhengzhou");
        var units = (await city.GetFromJsonAsync<List<UnitSummary>>("/api/units"))!;
        Assert.Equal(15, units.Count);
        Assert.All(units, u => Assert.Equal("郑州市", u.CityGroup));
        Assert.Equal(HttpStatusCode.NotFound, (await city.GetAsync($"/api/units/{luoyang}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await city.GetAsync($"/Units/Details/{luoyang}")).StatusCode);
    }

    [Fact]
    public async Task Expert_SeesOnlyAssignedUnits()
    {
        var admin = await app.SignedInAsync("admin");
        var zhengzhouUnit = await UnitIdAsync(admin, "410103");
        var expert = await app.SignedInAsync("expert");
        var units = (await expert.GetFromJsonAsync<List<UnitSummary>>("/api/units"))!;
        Assert.Equal(3, units.Count);
        Assert.All(units, u => Assert.Equal("开封市", u.CityGroup));
        Assert.Equal(HttpStatusCode.NotFound, (await expert.GetAsync($"/api/units/{zhengzhouUnit}")).StatusCode);
    }

    [Theory]
    [InlineData("bank")]
    [InlineData("zhengzhou")]
    [InlineData("erqi")]
    [InlineData("expert")]
    public async Task NonAdmins_CannotEditImportOrReadTheAuditTrail(string user)
    {
        var admin = await app.SignedInAsync("admin");
        var id = await UnitIdAsync(admin, "410103");
        var client = await app.SignedInAsync(user);
        var edit = new UnitEdit("二七区", null, null, "市辖区", "410103", null, 1, null, null, 1, "改", true);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PutAsJsonAsync($"/api/units/{id}", edit)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync("/api/units/import", new ByteArrayContent("a,b"u8.ToArray()))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/audit")).StatusCode);
        var page = await client.GetAsync("/Audit");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/Account/Denied", page.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task Observer_SeesTheWholeProvince_ReadOnly()
    {
        var bank = await app.SignedInAsync("bank");
        Assert.Equal(168, (await bank.GetFromJsonAsync<List<UnitSummary>>("/api/units"))!.Count);
        var page = await bank.GetStringAsync("/Units");
        Assert.DoesNotContain("导入单位", page);
    }

    [Fact]
    public async Task OpenApiDocument_IsForSignedInUsers_AndListsTheUnitEndpoints()
    {
        var anonymous = await app.Client().GetAsync("/openapi/v1.json");
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("application/problem+json", anonymous.Content.Headers.ContentType?.MediaType);
        var doc = await (await app.SignedInAsync("bank")).GetStringAsync("/openapi/v1.json");
        Assert.Contains("/api/units/{id}", doc);
        Assert.Contains("/api/session", doc);
    }
}
