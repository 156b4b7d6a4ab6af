using Kaohe.Data;
using Kaohe.Features.Demo;
using Microsoft.EntityFrameworkCore;

namespace Kaohe.Web;

internal static class Startup
{
    /// <summary>
    /// Migrates the database on start and, on an empty database, loads the demo data
    /// (switch off with Kaohe:DemoData=false for a production database).
    /// </summary>
    public static async Task PrepareDatabaseAsync(IServiceProvider services, IConfiguration config, ILogger logger)
    {
        var database = services.GetRequiredService<KaoheDatabase>();
        logger.LogInformation("数据库：{Target}", database.Target.Describe());
        await database.MigrateAsync();
        if (!config.GetValue("Kaohe:DemoData", true)) return;
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AuditActor>().Name = "demo";
        if (await scope.ServiceProvider.GetRequiredService<KaoheDbContext>().Units.AnyAsync()) return;
        var message = await scope.ServiceProvider.GetRequiredService<LoadDemoData>().HandleAsync();
        logger.LogInformation("{Message}", message);
    }
}

/// <summary>Makes the signed-in user the actor of every audit entry written during the request.</summary>
internal sealed class AuditActorMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context, AuditActor actor)
    {
        if (context.User.Identity?.IsAuthenticated == true) actor.Name = context.User.Identity.Name ?? "?";
        return next(context);
    }
}
