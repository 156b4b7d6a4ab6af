using System.Net;
using System.Net.Http.Json;
using System.Text;
using Kaohe.Features.Ledger;
using Kaohe.Features.Units;
using Kaohe.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Kaohe.Tests.Web.Security;

/// <summary>
/// Every route of the web app (pages and API, read from the app's endpoint data source) called by anonymous and by
/// each role, with ids of the caller's own unit and city and of another's, against the answers documented in
/// <see cref="RouteMatrix"/>. A route without a row, or a row without a route, fails the test; so does any answer
/// that differs, and the message gives the row as the app answers it, to review and paste.
/// </summary>
public sealed class RouteMatrixTests(KaoheApp app) : IClassFixture<KaoheApp>
{
    [Fact]
    public async Task EveryRoute_AnswersEachCallerAsDocumented()
    {
        using var anonymous = app.Client();
        var callers = new List<(string Name, HttpClient Client)> { ("anon", anonymous) };
        foreach (var name in RouteMatrix.Callers.Skip(1)) callers.Add((name, await app.SignedInAsync(RouteMatrix.UserOf(name))));
        var ids = await IdsAsync(callers[1].Client);

        var routes = Routes();
        var rows = RouteMatrix.Rows.ToDictionary(r => r.Route);
        var problems = new List<string>();
        foreach (var route in routes.Keys.Where(r => !rows.ContainsKey(r)).Order(StringComparer.Ordinal))
            problems.Add($"no row for {route}: {await Proposal(route, routes[route], callers, ids)}");
        problems.AddRange(rows.Keys.Where(r => !routes.ContainsKey(r)).Select(r => $"a row for {r}, which the app does not map"));
        foreach (var row in RouteMatrix.Rows.Where(r => routes.ContainsKey(r.Route)))
        {
            var actual = await AnswersAsync(row.Route, row.Path, routes[row.Route], callers, ids, row.Expected);
            if (actual != row.Expected) problems.Add($"{row.Route}\n   documented {row.Expected}\n   answered   {actual}");
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    /// <summary>Every route, with the content type its body must have where it names one (a file upload), else JSON.</summary>
    private Dictionary<string, string> Routes()
    {
        var source = app.Services.GetRequiredService<EndpointDataSource>();
        var routes = new Dictionary<string, string>();
        foreach (var endpoint in source.Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = "/" + endpoint.RoutePattern.RawText!.TrimStart('/');
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is not null)
            {
                // A folder's Index page answers at "/Folder" and "/Folder/Index": the row is the first.
                if (!pattern.EndsWith("/Index", StringComparison.Ordinal) && pattern != "/Index") routes["PAGE " + pattern] = "";
                continue;
            }
            var accepts = endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IAcceptsMetadata>()?.ContentTypes;
            foreach (var method in endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                routes[method + " " + pattern] = accepts is { Count: > 0 } ? accepts[0] : "application/json";
        }
        return routes;
    }

    /// <summary>The answers, in the table's form: one status per caller, "own/other" where the path names a unit or city.</summary>
    private static async Task<string> AnswersAsync(string route, string path, string contentType, List<(string Name, HttpClient Client)> callers, RouteIds ids, string expected)
    {
        var method = route.StartsWith("PAGE ", StringComparison.Ordinal) ? "GET" : route[..route.IndexOf(' ', StringComparison.Ordinal)];
        var skip = RouteMatrix.Parse(expected);
        var cells = new List<string>();
        for (var i = 0; i < callers.Count; i++)
        {
            var (name, client) = callers[i];
            var variants = RouteMatrix.NamesScope(path) ? new[] { true, false } : [true];
            var codes = new List<string>();
            for (var v = 0; v < variants.Length; v++)
            {
                // A write a caller may make is documented "w" and not sent: the matrix is about refusals.
                if (skip.Count > i && skip[i].Count > v && skip[i][v] == "w") { codes.Add("w"); continue; }
                var url = ids.Fill(path, name, own: variants[v]);
                using var request = new HttpRequestMessage(new HttpMethod(method), url);
                if (method is "POST" or "PUT" or "PATCH") request.Content = Body(contentType);
                using var response = await client.SendAsync(request);
                codes.Add(((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
            cells.Add(string.Join(" ", codes));
        }
        return string.Join(" | ", cells);
    }

    /// <summary>An empty body of the route's kind: "{}" for JSON, an empty file otherwise.</summary>
    private static HttpContent Body(string contentType) => contentType switch
    {
        "application/json" => new StringContent("{}", Encoding.UTF8, "application/json"),
        "multipart/form-data" => new MultipartFormDataContent(),
        _ => new ByteArrayContent([]) { Headers = { ContentType = new(contentType) } },
    };

    private static async Task<string> Proposal(string route, string contentType, List<(string, HttpClient)> callers, RouteIds ids)
    {
        var path = RouteMatrix.SamplePath(route);
        // Signing out is not tried by a signed-in caller: it would sign the caller out for the rest of the test.
        var skip = route == RouteMatrix.SignOut ? "- | w | w | w | w | w" : "";
        return $"R(\"{route}\", \"{path}\", \"{await AnswersAsync(route, path, contentType, callers, ids, skip)}\"),";
    }

    private static async Task<RouteIds> IdsAsync(HttpClient admin)
    {
        async Task<int> Unit(string code) => Assert.Single((await admin.GetFromJsonAsync<List<UnitSummary>>($"/api/units?q={code}"))!).Id;
        async Task<long> Borrower(int unit) =>
            (await admin.GetFromJsonAsync<BorrowerList>($"/api/ledger/units/{unit}/borrowers?asOf=2019-03-01"))!.Borrowers.Select(b => b.Key).FirstOrDefault();
        async Task<int> Case(int unit) => (await admin.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/collection/units/{unit}/queue"))
            .GetProperty("lines").EnumerateArray().Select(l => l.GetProperty("caseId").GetInt32()).FirstOrDefault();
        async Task<int> City(int unit) => (await admin.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/units/{unit}")).GetProperty("cityGroupId").GetInt32();
        var (erqi, zhongyuan, xigong, tongxu) = (await Unit("410103"), await Unit("410102"), await Unit("410303"), await Unit("410222"));
        async Task<MatrixUnit> Of(int unit) => new(unit, await City(unit), await Borrower(unit), await Case(unit));
        return new RouteIds(await Of(erqi), await Of(zhongyuan), await Of(xigong), await Of(tongxu));
    }
}
