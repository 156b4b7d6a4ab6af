using System.Net;
using System.Net.Http.Json;
using Kaohe.Features.Demo;
using Kaohe.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Kaohe.Tests.Web.Security;

/// <summary>
/// Issue 19 §6: behind a reverse proxy that ends TLS, the session cookie is Secure: the proxy says so in
/// X-Forwarded-Proto, which Kaohe believes from the proxy on this host (loopback) and from no one else.
/// </summary>
public sealed class ForwardedHeadersTests(KaoheApp app) : IClassFixture<KaoheApp>
{
    [Theory]
    [InlineData("127.0.0.1", true)]   // the proxy on this host
    [InlineData("203.0.113.9", false)] // anyone else claiming https
    public async Task TheCookieIsSecure_WhenATrustedProxySaysTheRequestWasHttps(string caller, bool secure)
    {
        using var factory = app.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IStartupFilter>(new CallerAddress(IPAddress.Parse(caller)))));
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/session") { Content = JsonContent.Create(new { userName = "erqi", password = LoadDemoData.Password }) };
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-For", "198.51.100.7");

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("kaohe.auth=", StringComparison.Ordinal));
        Assert.Equal(secure, cookie.Contains("; secure", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The address the request comes from, as the socket would give it (the test server gives none).</summary>
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
}
