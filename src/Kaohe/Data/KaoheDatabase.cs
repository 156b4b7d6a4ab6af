using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Kaohe.Data;

/// <summary>Creates contexts for the configured target, SQLite or PostgreSQL, each with its own migrations.</summary>
public sealed class KaoheDatabase(DatabaseTarget target, TimeProvider clock, AuditGuard guard)
{
    private const string HistoryTable = "__migrations";

    public DatabaseTarget Target { get; } = target;

    public KaoheDbContext Create(AuditActor actor) => Target.Provider switch
    {
        DatabaseProvider.Postgres => new PostgresKaoheDbContext(PostgresOptions(Target.ConnectionString), actor, clock, guard),
        _ => new SqliteKaoheDbContext(SqliteOptions(Target.ConnectionString), actor, clock, guard),
    };

    public static DbContextOptions<SqliteKaoheDbContext> SqliteOptions(string cs) =>
        new DbContextOptionsBuilder<SqliteKaoheDbContext>()
            .UseSqlite(cs, o => o.MigrationsHistoryTable(HistoryTable))
            .ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning))
            .AddInterceptors(AuditHeadInterceptor.Instance)
            .Options;

    public static DbContextOptions<PostgresKaoheDbContext> PostgresOptions(string cs) =>
        new DbContextOptionsBuilder<PostgresKaoheDbContext>()
            .UseNpgsql(cs, o => o.MigrationsHistoryTable(HistoryTable))
            .ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning))
            .AddInterceptors(AuditHeadInterceptor.Instance)
            .Options;

    /// <summary>Creates the database if needed and applies every pending migration.</summary>
    public async Task MigrateAsync(CancellationToken ct = default)
    {
        if (await IsCurrentAsync(ct)) return;
        if (Target.SqliteFilePath is { } path) Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await using var db = Create(new AuditActor { Name = "migrate" });
        // A migration that rewrites the ledger's rows takes minutes on a province's data, not the 30 s a query gets.
        db.Database.SetCommandTimeout(TimeSpan.FromHours(1));
        if (db.Database.GetMigrations().Any()) await db.Database.MigrateAsync(ct);
        else await db.Database.EnsureCreatedAsync(ct);
        // WAL lets the web app read while an import writes; it is a property of the file, set once.
        if (Target.Provider == DatabaseProvider.Sqlite) await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
    }

    /// <summary>
    /// Whether the database already holds the newest migration of this build, read over a plain connection:
    /// most commands start on a current database, and EF's model would cost them about half a second.
    /// </summary>
    private async Task<bool> IsCurrentAsync(CancellationToken ct)
    {
        if (Target.SqliteFilePath is { } path && !File.Exists(path)) return false;
        var newest = Target.Provider == DatabaseProvider.Postgres ? NewestMigration.Postgres : NewestMigration.Sqlite;
        try
        {
            await using var conn = Target.CreateConnection();
            await conn.OpenAsync(ct);
            await using var cmd = conn.CreateCommand();
            cmd.CommandText = $"""SELECT max("MigrationId") FROM "{HistoryTable}" """;
            return await cmd.ExecuteScalarAsync(ct) is string applied && applied == newest;
        }
        catch (DbException)
        {
            return false; // no history table yet
        }
    }
}
