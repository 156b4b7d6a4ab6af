using System.Reflection;
using Kaohe.Data;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Kaohe;

public static class KaoheServices
{
    /// <summary>
    /// Registers the database and every feature handler. The target is read from configuration
    /// (<c>KAOHE_DB</c>) when first needed, so hosts and tests can set it late.
    /// </summary>
    public static IServiceCollection AddKaohe(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => DatabaseTarget.Parse(sp.GetRequiredService<IConfiguration>()[DatabaseTarget.EnvironmentVariable]));
        services.AddSingleton<KaoheDatabase>();
        services.AddSingleton<Features.Ledger.PersonalDataProtector>();
        services.AddSingleton<Features.Assessment.ProvinceFigureCache>();
        services.AddScoped<AuditActor>();
        services.AddScoped(sp => sp.GetRequiredService<KaoheDatabase>().Create(sp.GetRequiredService<AuditActor>()));
        foreach (var handler in Handlers()) services.AddScoped(handler);
        return services;
    }

    /// <summary>A handler is a feature class whose constructor takes the database context (or, to read without EF, the database target).</summary>
    private static IEnumerable<Type> Handlers() =>
        typeof(KaoheServices).Assembly.GetTypes().Where(t =>
            t is { IsClass: true, IsAbstract: false, IsPublic: true }
            && t.Namespace?.StartsWith("Kaohe.Features", StringComparison.Ordinal) == true
            && t.GetConstructors().Any(c => c.GetParameters().Any(p => p.ParameterType == typeof(KaoheDbContext) || p.ParameterType == typeof(DatabaseTarget))));
}
