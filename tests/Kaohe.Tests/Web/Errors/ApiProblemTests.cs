using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kaohe.Features.Units;
using Kaohe.Tests.Infrastructure;

namespace Kaohe.Tests.Web.Errors;

/// <summary>
/// Issue 19 §3: an /api call that is refused or not found answers problem details (RFC 7807) with a Chinese title,
/// whatever refused it (the sign-in check, a role policy, the use case, routing); never the HTML error page. Pages keep
/// their Chinese error pages.
/// </summary>
public sealed class ApiProblemTests(KaoheApp app) : IClassFixture<KaoheApp>
{
    [Fact]
    public async Task EveryApiRefusal_IsChineseProblemJson_AndPagesKeepTheirPages()
    {
        var admin = await app.SignedInAsync("admin");
        var other = Assert.Single((await admin.GetFromJsonAsync<List<UnitSummary>>("/api/units?q=410102"))!).Id;
        var erqi = Assert.Single((await admin.GetFromJsonAsync<List<UnitSummary>>("/api/units?q=410103"))!).Id;
        var county = await app.SignedInAsync("erqi");

        var cases = new (string What, HttpClient Client, HttpRequestMessage Request, HttpStatusCode Status)[]
        {
            ("not signed in", app.Client(), new(HttpMethod.Get, "/api/units"), HttpStatusCode.Unauthorized),
            ("role policy", county, new(HttpMethod.Put, $"/api/units/{erqi}") { Content = JsonContent.Create(new { }) }, HttpStatusCode.Forbidden),
            ("another county's unit", county, new(HttpMethod.Get, $"/api/units/{other}"), HttpStatusCode.NotFound),
            ("another county's ledger", county, new(HttpMethod.Get, $"/api/ledger/units/{other}/borrowers"), HttpStatusCode.NotFound),
            ("no such route", county, new(HttpMethod.Get, "/api/no-such-thing"), HttpStatusCode.NotFound),
            ("no such id", admin, new(HttpMethod.Get, "/api/units/999999"), HttpStatusCode.NotFound),
        };
        var wrong = new List<string>();
        foreach (var (what, client, request, status) in cases)
        {
            var response = await client.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            var title = response.Content.Headers.ContentType?.MediaType == "application/problem+json"
                ? JsonDocument.Parse(body).RootElement.TryGetProperty("title", out var t) ? t.GetString() : null
                : null;
            if (response.StatusCode != status || title is null || !title.Any(c => c is >= '\u4e00' and <= '\u9fff'))
                wrong.Add($"{what}: {(int)response.StatusCode} {response.Content.Headers.ContentType} {(body.Length > 120 ? body[..120] : body)}");
        }
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));

        var page = await county.GetAsync($"/Units/Details/{other}");
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Contains("页面不存在", await page.Content.ReadAsStringAsync());
    }
}
