using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Kaohe.Tests.Infrastructure;

/// <summary>
/// A real HTTP server on 127.0.0.1 (a free port) standing in for an SMS platform: it keeps every request's JSON body
/// and answers as <see cref="Answer"/> says: 200 with an id, a refusal, or nothing until the client gives up.
/// </summary>
public sealed class LocalSmsPlatform : IAsyncDisposable
{
    public enum Mode { Accept, Refuse, Hang }

    private readonly WebApplication _app;

    private LocalSmsPlatform(WebApplication app) => _app = app;

    public Mode Answer { get; set; } = Mode.Accept;
    public ConcurrentQueue<(string Phone, string Text, string? Authorization)> Received { get; } = new();
    public string Url { get; private set; } = "";

    public static async Task<LocalSmsPlatform> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var platform = new LocalSmsPlatform(app);
        app.MapPost("/sms", async (HttpContext ctx) =>
        {
            using var body = await JsonDocument.ParseAsync(ctx.Request.Body);
            platform.Received.Enqueue((body.RootElement.GetProperty("phone").GetString()!, body.RootElement.GetProperty("text").GetString()!, ctx.Request.Headers.Authorization.ToString()));
            switch (platform.Answer)
            {
                case Mode.Refuse:
                    return Results.Text("余额不足", statusCode: StatusCodes.Status402PaymentRequired);
                case Mode.Hang:
                    await Task.Delay(TimeSpan.FromSeconds(30), ctx.RequestAborted);
                    return Results.Ok();
                default:
                    return Results.Json(new { id = "m-" + platform.Received.Count });
            }
        });
        await app.StartAsync();
        platform.Url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/sms";
        return platform;
    }

    public async ValueTask DisposeAsync()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(1));
        await _app.StopAsync(stop.Token);
        await _app.DisposeAsync();
    }
}
