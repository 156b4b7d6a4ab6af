using Kaohe.Data;
using Kaohe.Features.Demo;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Kaohe.Bench;

/// <summary>Kaohe's services over one database (SQLite file or PostgreSQL), with the unit registry loaded.</summary>
internal sealed class BenchHost : IAsyncDisposable
{
    /// <summary>A fixed throwaway data key, shared by the in-process imports and the measured commands.</summary>
    public static readonly string DataKey = Convert.ToBase64String(new byte[32]);

    private readonly ServiceProvider _services;

    private BenchHost(string target)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection([
            new(DatabaseTarget.EnvironmentVariable, target),
            new("Kaohe:DataKey", DataKey),
        ]).Build();
        _services = new ServiceCollection().AddSingleton<IConfiguration>(config).AddKaohe().BuildServiceProvider();
    }

    /// <param name="withRegistry">Migrate and load the unit registry.</param>
    /// <param name="migrate">Only migrate (a copy of a registry made by an older build).</param>
    public static async Task<BenchHost> OpenAsync(string target, bool withRegistry, bool migrate = false)
    {
        var host = new BenchHost(target);
        if (withRegistry || migrate) await host._services.GetRequiredService<KaoheDatabase>().MigrateAsync();
        if (withRegistry) await host.RunAsync<RegistryDemoStep>(async (s, _) => await s.RunAsync(CancellationToken.None));
        return host;
    }

    public async Task RunAsync<T>(Func<T, IServiceProvider, Task> action) where T : notnull
    {
        await using var scope = _services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AuditActor>().Name = "bench";
        var handler = typeof(T) == typeof(RegistryDemoStep)
            ? (T)(object)ActivatorUtilities.CreateInstance<RegistryDemoStep>(scope.ServiceProvider)
            : scope.ServiceProvider.GetRequiredService<T>();
        await action(handler, scope.ServiceProvider);
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}

/// <summary>Peak resident memory (VmHWM) of a running process, in MB; 0 once it has gone.</summary>
internal static class PeakMemory
{
    public static double Megabytes(int pid)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                    return double.Parse(line[6..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) / 1024;
            }
        }
        catch (IOException)
        {
        }
        return 0;
    }
}
