using Kaohe.Data;
using Kaohe.Features.Demo;
using Kaohe.Features.Ledger;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Kaohe.Tests.Infrastructure;

/// <summary>
/// Loading the demo data takes seconds; copying a database that already holds it takes milliseconds.
/// The first test that needs a demo database builds one template per provider; every test then gets its
/// own copy (a file copy for SQLite, CREATE DATABASE … TEMPLATE for PostgreSQL). All test databases share
/// one data key, so encrypted columns and the audit chain's HMACs read back in any copy; a copy gets the data key file
/// and the audit checkpoint of its template too, as a database moved with its files would.
/// </summary>
public static class DemoTemplates
{
    public static readonly string DataKey = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());

    private static readonly Lazy<Task<string>> Sqlite = new(BuildSqliteAsync);
    private static readonly Lazy<Task<string>> Postgres = new(BuildPostgresAsync);

    // PostgreSQL's checkpoints, one per test database, in the run's folder rather than the checkout's .kaohe.
    private static readonly Lazy<string> PostgresCheckpoints = new(() => TestFolders.Create("kaohe-pg-checkpoints-"));

    public static IConfiguration Configuration(string connectionString) => new ConfigurationBuilder().AddInMemoryCollection(
    [
        new(DatabaseTarget.EnvironmentVariable, connectionString),
        new(PersonalDataProtector.ConfigurationKey, DataKey),
        new(AuditGuard.CheckpointFolderKey, DatabaseTarget.Parse(connectionString).Provider == DatabaseProvider.Postgres ? PostgresCheckpoints.Value : null),
    ]).Build();

    /// <summary>Where the audit checkpoint of a test database lies.</summary>
    public static string CheckpointOf(string connectionString) =>
        new AuditGuard(Configuration(connectionString), DatabaseTarget.Parse(connectionString)).CheckpointPath;

    /// <summary>Copies the SQLite demo template to <paramref name="path"/>, with the data key file and the audit checkpoint beside it.</summary>
    public static async Task CopySqliteAsync(string path)
    {
        var template = await Sqlite.Value;
        File.Copy(template, path, overwrite: true);
        File.WriteAllText(Path.Combine(Path.GetDirectoryName(path)!, Kaohe.Data.DataKey.FileName), DataKey);
        File.Copy(CheckpointOf(template), CheckpointOf(path), overwrite: true);
    }

    /// <summary>Gives the PostgreSQL database made from the template the template's audit checkpoint.</summary>
    public static async Task CopyPostgresCheckpointAsync(string server, string database)
    {
        var template = await Postgres.Value;
        File.Copy(CheckpointOf(new NpgsqlConnectionStringBuilder(server) { Database = template }.ToString()),
            CheckpointOf(new NpgsqlConnectionStringBuilder(server) { Database = database }.ToString()), overwrite: true);
    }

    /// <summary>The name of the PostgreSQL demo template database on the test server.</summary>
    public static Task<string> PostgresTemplateAsync() => Postgres.Value;

    private static async Task<string> BuildSqliteAsync()
    {
        var path = Path.Combine(TestFolders.Create("kaohe-template-"), "template.db");
        await LoadAsync(DatabaseTarget.Parse(path).ConnectionString);
        // Fold the WAL into the main file so a plain copy holds everything.
        await using (var conn = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            await conn.OpenAsync();
            await using var cmd = conn.CreateCommand();
            cmd.CommandText = "PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode=DELETE;";
            await cmd.ExecuteNonQueryAsync();
        }
        SqliteConnection.ClearAllPools();
        return path;
    }

    private static async Task<string> BuildPostgresAsync()
    {
        var server = Environment.GetEnvironmentVariable(TestDatabase.PostgresVariable)!;
        var name = "kaohe_template_" + Environment.ProcessId;
        await TestDatabase.AdminAsync(server, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
        await TestDatabase.AdminAsync(server, $"CREATE DATABASE {name}");
        await LoadAsync(new NpgsqlConnectionStringBuilder(server) { Database = name }.ToString());
        NpgsqlConnection.ClearAllPools(); // a template must have no open connections
        return name;
    }

    private static async Task LoadAsync(string connectionString)
    {
        await using var services = new ServiceCollection().AddSingleton(Configuration(connectionString)).AddKaohe().BuildServiceProvider();
        await services.GetRequiredService<KaoheDatabase>().MigrateAsync();
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AuditActor>().Name = "demo";
        await scope.ServiceProvider.GetRequiredService<LoadDemoData>().HandleAsync();
    }
}
