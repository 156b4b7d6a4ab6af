using Kaohe.Data;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Kaohe.Tests.Infrastructure;

/// <summary>
/// A fresh, migrated database with the app's services over it, for data tests that run the same way
/// on SQLite and on PostgreSQL. PostgreSQL comes from KAOHE_TEST_PG (a server .ci/run starts); without
/// it the PostgreSQL variants are reported as skipped.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "KAOHE_TEST_PG";

    private readonly ServiceProvider _services;
    private readonly Func<Task> _drop;

    private TestDatabase(DatabaseTarget target, Func<Task> drop, TimeProvider? clock, Action<IServiceCollection>? configure)
    {
        Target = target;
        _drop = drop;
        var services = new ServiceCollection().AddSingleton(DemoTemplates.Configuration(target.ConnectionString));
        if (clock is not null) services.AddSingleton(clock);
        configure?.Invoke(services);
        _services = services.AddKaohe().BuildServiceProvider();
    }

    public DatabaseTarget Target { get; }

    /// <param name="clock">The clock the handlers read (a <see cref="TestClock"/> to walk through dates); the system's by default.</param>
    /// <param name="configure">Services of the test's own, registered before Kaohe's (which only add what is missing), such as a gateway.</param>
    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider, bool withDemoData = true, TimeProvider? clock = null, Action<IServiceCollection>? configure = null)
    {
        TestDatabase db;
        if (provider == DatabaseProvider.Sqlite)
        {
            var folder = Directory.CreateTempSubdirectory("kaohe-data-").FullName;
            var path = Path.Combine(folder, "t.db");
            if (withDemoData) await DemoTemplates.CopySqliteAsync(path);
            db = new TestDatabase(DatabaseTarget.Parse(path), () =>
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                Directory.Delete(folder, true);
                return Task.CompletedTask;
            }, clock, configure);
        }
        else
        {
            var server = Environment.GetEnvironmentVariable(PostgresVariable);
            if (string.IsNullOrWhiteSpace(server)) Assert.Skip($"未设置 {PostgresVariable}：PostgreSQL 数据测试跳过（.ci/run 会启动一个临时服务器）");
            var name = "kaohe_t_" + Guid.NewGuid().ToString("N")[..12];
            var template = withDemoData ? " TEMPLATE " + await DemoTemplates.PostgresTemplateAsync() : "";
            await AdminAsync(server, $"CREATE DATABASE {name}{template}");
            if (withDemoData) await DemoTemplates.CopyPostgresCheckpointAsync(server, name);
            var cs = new NpgsqlConnectionStringBuilder(server) { Database = name }.ToString();
            db = new TestDatabase(DatabaseTarget.Parse(cs), async () =>
            {
                NpgsqlConnection.ClearAllPools();
                await AdminAsync(server, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
            }, clock, configure);
        }
        await db._services.GetRequiredService<KaoheDatabase>().MigrateAsync();
        return db;
    }

    internal static async Task AdminAsync(string server, string sql)
    {
        var cs = new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false }.ToString();
        await using var conn = new NpgsqlConnection(cs);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        await cmd.ExecuteNonQueryAsync();
    }

    /// <summary>Runs one handler in its own scope (a fresh DbContext), as one request would.</summary>
    public async Task<TResult> Run<THandler, TResult>(Func<THandler, Task<TResult>> action, string actor = "test") where THandler : notnull
    {
        await using var scope = _services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AuditActor>().Name = actor;
        return await action(scope.ServiceProvider.GetRequiredService<THandler>());
    }

    public async Task<TResult> Query<TResult>(Func<KaoheDbContext, Task<TResult>> action)
    {
        await using var scope = _services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<KaoheDbContext>());
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await _drop();
    }
}
