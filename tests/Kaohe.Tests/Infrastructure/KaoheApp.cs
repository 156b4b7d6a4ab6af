using System.Net;
using System.Net.Http.Json;
using Kaohe.Data;
using Kaohe.Features.Demo;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Kaohe.Tests.Infrastructure;

/// <summary>
/// The real web app on its own temporary SQLite file (or, with <see cref="Provider"/> PostgreSQL, its own database on the
/// test server), started as on first run: migrated, demo data loaded. One per test class (IClassFixture); tests that
/// change data build their own. The database is made when the app first starts, so a PostgreSQL app without a test
/// server skips the test that starts it.
/// </summary>
public sealed class KaoheApp : WebApplicationFactory<Program>
{
    private readonly string _folder = Directory.CreateTempSubdirectory("kaohe-test-").FullName;
    private TestDatabase? _postgres;

    public string DatabasePath => Path.Combine(_folder, "kaohe.db");

    public DatabaseProvider Provider { get; init; } = DatabaseProvider.Sqlite;

    /// <summary>Where the app's data is: the SQLite file, or the PostgreSQL database once the app has started.</summary>
    public DatabaseTarget Target => _postgres?.Target ?? DatabaseTarget.Parse(DatabasePath);

    /// <summary>The clock the app reads (a <see cref="TestClock"/>); the system's when not set.</summary>
    public TimeProvider? Clock { get; init; }

    /// <summary>Configuration on top of the fixture's (<c>Kaohe:SignIn:…</c>, <c>Kaohe:DemoData</c>).</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// The address requests come from, as a socket would give it (the test server gives none). With loopback, an
    /// X-Forwarded-For header names the client, as from the proxy on this host.
    /// </summary>
    public IPAddress? RemoteAddress { get; init; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // A copy of the demo template: the app starts as on first run, without loading the demo again.
        if (Provider == DatabaseProvider.Postgres) _postgres = TestDatabase.CreateAsync(DatabaseProvider.Postgres).GetAwaiter().GetResult();
        else DemoTemplates.CopySqliteAsync(DatabasePath).GetAwaiter().GetResult();
        builder.UseSetting(DatabaseTarget.EnvironmentVariable, _postgres?.Target.ConnectionString ?? DatabasePath);
        builder.UseSetting(Kaohe.Features.Ledger.PersonalDataProtector.ConfigurationKey, DemoTemplates.DataKey);
        builder.UseEnvironment("Testing");
        // The suite signs in hundreds of times from one address (none, on the test server); the tests of sign-in
        // throttling set the limits they test (Settings).
        builder.UseSetting("Kaohe:SignIn:AttemptsPerAddressPerMinute", "100000");
        builder.UseSetting("Kaohe:SignIn:FailuresPerAddressAndUser", "100000");
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
        if (Clock is { } clock) builder.ConfigureTestServices(services => services.AddSingleton(clock));
        if (RemoteAddress is { } address) builder.ConfigureTestServices(services => services.AddSingleton<IStartupFilter>(new CallerAddress(address)));
    }

    /// <summary>A client with its own cookies, not following redirects (so a 302 to the login page is visible).</summary>
    public HttpClient Client() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public async Task<HttpClient> SignedInAsync(string userName, string password = LoadDemoData.Password)
    {
        var client = Client();
        var response = await client.PostAsJsonAsync("/api/session", new { userName, password });
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        return client;
    }

    /// <summary>A scope on the app's services, for arranging data through the same handlers the app uses.</summary>
    public AsyncServiceScope Scope() => Services.CreateAsyncScope();

    private sealed class CallerAddress(IPAddress address) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, following) =>
            {
                context.Connection.RemoteIpAddress = address;
                return following(context);
            });
            next(app);
        };
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        _postgres?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}
