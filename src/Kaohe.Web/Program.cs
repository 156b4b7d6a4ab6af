using System.Text.Encodings.Web;
using System.Text.Unicode;
using Kaohe;
using Kaohe.Data;
using Kaohe.Web;
using Kaohe.Web.Endpoints;
using Kaohe.Web.Errors;
using Kaohe.Web.Security;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.HttpOverrides;

var builder = WebApplication.CreateBuilder(args);

// `--db` on the command line is the same setting as the KAOHE_DB environment variable.
builder.Configuration.AddCommandLine(args, new Dictionary<string, string> { ["--db"] = DatabaseTarget.EnvironmentVariable });
// Where `dotnet run` listens: ASPNETCORE_URLS or --urls when given, else 127.0.0.1:5080. The launch profile names no
// URL, because one there would override the variable (a port taken then crashed the app with no way around it).
if (builder.Environment.IsDevelopment() && string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["http_ports"]))
    builder.WebHost.UseUrls(WebDefaults.Url);

builder.Services.AddKaohe();
builder.Services.AddRazorPages(o => o.Conventions.AllowAnonymousToFolder("/Public").AllowAnonymousToPage("/Account/Login"));
// Razor would otherwise write every Chinese character as an entity (关 → &#x5173;).
builder.Services.AddWebEncoders(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
    .AddCookie(o => CookieSetup.Configure(o, builder.Configuration.GetValue("Kaohe:RequireHttps", false)));
builder.Services.AddAuthorization(Policies.Add);
// Sign-in is throttled per client address (this rate limiter) and per address × user name (the gate): docs/sign-in.md.
builder.Services.AddRateLimiter(SignInGate.AddPolicy);
builder.Services.AddSingleton<SignInGate>();
builder.Services.AddAntiforgery(o => o.Cookie.Name = "kaohe.csrf");
builder.Services.AddProblemDetails();
// A JSON body that leaves out a required field, or sends null for one that may not be null, is answered 400 at the
// door instead of reaching a handler as a null (which answered 500: POST /api/campaigns with "{}").
builder.Services.ConfigureHttpJsonOptions(o =>
{
    o.SerializerOptions.RespectNullableAnnotations = true;
    o.SerializerOptions.RespectRequiredConstructorParameters = true;
});
builder.Services.AddExceptionHandler<KaoheExceptionHandler>();
builder.Services.AddExceptionHandler<DatabaseBusyHandler>();
builder.Services.AddOpenApi("v1", o => o.AddDocumentTransformer((doc, _, _) =>
{
    doc.Info.Title = "Kaohe 考核 API";
    doc.Info.Description = "县级学生资助管理中心生源地信用助学贷款工作考核系统的 JSON 接口。以 Cookie 登录（POST /api/session），权限与网页相同。";
    return Task.CompletedTask;
}));
builder.Services.Configure<Microsoft.AspNetCore.Http.Features.FormOptions>(o => o.MultipartBodyLengthLimit = 64 * 1024 * 1024);

// Behind a reverse proxy that ends TLS: trust its X-Forwarded-Proto/For, so the cookie is Secure and the client's
// address is the real one. The proxy on this host (loopback) is trusted by default; others are named in
// Kaohe:TrustedProxies (comma-separated addresses).
builder.Services.Configure<ForwardedHeadersOptions>(o =>
{
    o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
    foreach (var proxy in (builder.Configuration["Kaohe:TrustedProxies"] ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        o.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
});

var app = builder.Build();

await Startup.PrepareDatabaseAsync(app.Services, app.Configuration, app.Logger);

app.UseForwardedHeaders();
// Always on, also in Development: the API's refusals (KaoheException) must answer as problem details there too;
// faults are logged with their stack either way.
app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandlingPath = "/Error", StatusCodeSelector = ErrorResults.StatusOf });
app.UseMiddleware<SecurityHeaders>();
// A bodiless refusal (a role policy's 403, an unknown /api route) is problem details for the API, the Chinese error page for pages.
app.UseWhen(c => ErrorResults.IsApi(c.Request.Path), api => api.UseStatusCodePages(ErrorResults.WriteStatusProblemAsync));
app.UseWhen(c => !ErrorResults.IsApi(c.Request.Path), pages => pages.UseStatusCodePagesWithReExecute("/Error", "?code={0}"));
app.UseStaticFiles();
// Browsers ask for /favicon.ico whatever the page says; answer with the SVG instead of a login redirect.
app.MapGet("/favicon.ico", () => Results.Redirect("/favicon.svg", permanent: true)).AllowAnonymous().ExcludeFromDescription();
app.UseRouting();
// After routing, so it sees which endpoint asks for the sign-in policy; after UseForwardedHeaders, so the address is the client's.
app.UseRateLimiter();
app.UseAuthentication();
app.UseAuthorization();
app.UseMiddleware<AuditActorMiddleware>();

// For signed-in users only: the routes are no secret, but an anonymous caller has no use for them (README, "Security").
app.MapOpenApi("/openapi/{documentName}.json").RequireAuthorization(Policies.SignedIn);
app.MapRazorPages();
app.MapSessionEndpoints();
app.MapUnitEndpoints();
app.MapAuditEndpoints();
app.MapAssessmentEndpoints();
app.MapNoticeEndpoints();
app.MapLedgerEndpoints();
app.MapCollectionEndpoints();

await app.RunAsync();

/// <summary>The web host; public so tests can start it with WebApplicationFactory.</summary>
public partial class Program;
