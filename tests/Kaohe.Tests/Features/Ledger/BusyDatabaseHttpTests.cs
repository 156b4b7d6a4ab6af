using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Kaohe.Data;
using Kaohe.Features.Demo;
using Kaohe.Tests.Infrastructure;
using Kaohe.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Kaohe.Tests.Features.Ledger;

/// <summary>
/// On SQLite an import holds the one write lock while it writes: another write through the web waits the busy timeout,
/// then is answered 503 with a Chinese message (a problem for the API, the error page for a page), not a bare 500.
/// </summary>
public sealed class BusyDatabaseHttpTests(KaoheApp app) : IClassFixture<KaoheApp>
{
    [Fact]
    public async Task AWrite_WhileAnImportHoldsTheDatabase_IsAnswered503InChinese_ThenGoesThrough()
    {
        var ct = TestContext.Current.CancellationToken;
        // The same app with a busy timeout of 1 s instead of 30 s: the wait and its failure are the driver's own.
        var target = new SqliteConnectionStringBuilder(DatabaseTarget.Parse(app.DatabasePath).ConnectionString) { DefaultTimeout = 1 }.ToString();
        using var web = app.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton(new DatabaseTarget(DatabaseProvider.Sqlite, target))));
        var client = web.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var login = await client.GetStringAsync("/Account/Login", ct);
        var token = Regex.Match(login, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var signIn = new { userName = "admin", password = LoadDemoData.Password };

        await using var holder = new SqliteConnection($"Data Source={app.DatabasePath};Pooling=False");
        await holder.OpenAsync(ct);
        using (var held = holder.BeginTransaction()) // BEGIN IMMEDIATE: the write lock, as an import in progress holds it
        {
            // Signing in writes: every attempt is audited.
            var api = await client.PostAsJsonAsync("/api/session", signIn, ct);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, api.StatusCode);
            var problem = await api.Content.ReadFromJsonAsync<ProblemDetails>(ct);
            Assert.Equal((DatabaseBusy.Title, DatabaseBusy.Message), (problem!.Title, problem.Detail));

            var form = new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("UserName", "admin"), new("Password", LoadDemoData.Password)]);
            var page = await client.PostAsync("/Account/Login", form, ct);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
            Assert.Contains($"<p>{DatabaseBusy.Message}</p>", await page.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
            held.Rollback();
        }
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsJsonAsync("/api/session", signIn, ct)).StatusCode);
    }
}
