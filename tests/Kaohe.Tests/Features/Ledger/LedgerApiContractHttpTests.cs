using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kaohe.Data;
using Kaohe.Features.Ledger;
using Kaohe.Tests.Infrastructure;
using Kaohe.Web.Endpoints;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kaohe.Tests.Features.Ledger;

/// <summary>The ledger API's side of the error contract and of the OpenAPI document, on the demo data.</summary>
public sealed class LedgerApiContractHttpTests(KaoheApp app) : IClassFixture<KaoheApp>
{
    private const string AsOf = "asOf=2026-12-31";

    private async Task<int> IdAsync(Func<KaoheDbContext, Task<int>> query)
    {
        await using var scope = app.Scope();
        return await query(scope.ServiceProvider.GetRequiredService<KaoheDbContext>());
    }

    private Task<int> UnitAsync(string name) => IdAsync(db => db.Units.Where(u => u.Name == name).Select(u => u.Id).SingleAsync());

    public static TheoryData<string, string, HttpStatusCode, string> Refusals => new()
    {
        // erqi is 二七区's county operator: 中原区 is out of its scope, and answers as if it did not exist.
        { "erqi", "/api/ledger/units/{中原区}/borrowers?format=csv&unmask=true", HttpStatusCode.NotFound, LedgerPageTexts.NotFound },
        { "erqi", "/api/ledger/units/{中原区}/indicators?year=2025", HttpStatusCode.NotFound, LedgerPageTexts.NotFound },
        // zhengzhou (city reviewer) sees 二七区 but may not see clear ID numbers.
        { "zhengzhou", "/api/ledger/units/{二七区}/borrowers?format=csv&unmask=true", HttpStatusCode.Forbidden, LedgerPageTexts.UnmaskForbidden },
        { "admin", "/api/ledger/units/{二七区}/borrowers?unmask=true", HttpStatusCode.BadRequest, LedgerPageTexts.UnmaskInList },
        { "admin", "/api/ledger/bulletin?format=odt", HttpStatusCode.BadRequest, LedgerPageTexts.BulletinFormat },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task Api_Refusals_AreProblemDetails_WithAChineseTitle(string user, string url, HttpStatusCode status, string title)
    {
        var client = await app.SignedInAsync(user);
        var path = url.Replace("{中原区}", $"{await UnitAsync("中原区")}", StringComparison.Ordinal)
            .Replace("{二七区}", $"{await UnitAsync("二七区")}", StringComparison.Ordinal);
        var response = await client.GetAsync(path + "&" + AsOf);
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(title, (await response.Content.ReadFromJsonAsync<ProblemDetails>())!.Title);
    }

    [Fact]
    public async Task Api_FiguresOfOneCity_KeepThatCitysUnitRowsOnly()
    {
        var zhengzhou = await IdAsync(db => db.CityGroups.Where(g => g.Name == "郑州市").Select(g => g.Id).SingleAsync());
        var admin = await app.SignedInAsync("admin");
        var all = (await admin.GetFromJsonAsync<List<FigureDto>>($"/api/ledger/figures?{AsOf}"))!;
        var city = (await admin.GetFromJsonAsync<List<FigureDto>>($"/api/ledger/figures?{AsOf}&city={zhengzhou}"))!;
        Assert.Contains(all, r => r.Level == "Unit" && r.City != "郑州市"); // the demo has ledgers outside 郑州市
        Assert.Equal(all.Where(r => r.Level == "Unit" && r.City == "郑州市").Select(r => r.Name), city.Where(r => r.Level == "Unit").Select(r => r.Name));
        Assert.Equal(all.Single(r => r.Level == "Province").CumulativeDue, city.Single(r => r.Level == "Province").CumulativeDue);
    }

    [Fact]
    public async Task OpenApi_EveryLedgerOperation_NamesASchemaForItsAnswers()
    {
        using var doc = JsonDocument.Parse(await (await app.SignedInAsync("bank")).GetStringAsync("/openapi/v1.json"));
        var operations = doc.RootElement.GetProperty("paths").EnumerateObject().Where(p => p.Name.StartsWith("/api/ledger", StringComparison.Ordinal))
            .SelectMany(p => p.Value.EnumerateObject().Select(o => (Name: $"{o.Name} {p.Name}", Responses: o.Value.GetProperty("responses")))).ToList();
        Assert.Equal(8, operations.Count);
        foreach (var (name, responses) in operations)
        {
            var codes = responses.EnumerateObject().ToList();
            Assert.True(codes.Any(c => c.Name.StartsWith('2')), name + " has no 2xx");
            foreach (var code in codes.Where(c => c.Name is not "204" && c.Name[0] is '2' or '4'))
            {
                Assert.True(code.Value.TryGetProperty("content", out var content), $"{name} {code.Name} has no content");
                Assert.All(content.EnumerateObject(), c => Assert.True(c.Value.TryGetProperty("schema", out _), $"{name} {code.Name} {c.Name} has no schema"));
            }
        }
        var figures = operations.Single(o => o.Name == "get /api/ledger/figures").Responses.GetProperty("200").GetProperty("content");
        Assert.Equal(["application/json", "text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"], figures.EnumerateObject().Select(c => c.Name));
    }
}
