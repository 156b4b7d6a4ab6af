using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Kaohe.Data;

/// <summary>Creates contexts for the configured target, SQLite or PostgreSQL, each with its own migrations.</summary>
public sealed class KaoheDatabase(DatabaseTarget target, TimeProvider clock)
{
    public DatabaseTarget Target { get; } = target;

    public KaoheDbContext Create(AuditActor actor) => Target.Provider switch
    {
        DatabaseProvider.Postgres => new PostgresKaoheDbContext(PostgresOptions(Target.ConnectionString), actor, clock),
        _ => new SqliteKaoheDbContext(SqliteOptions(Target.ConnectionString), actor, clock),
    };

    public static DbContextOptions<SqliteKaoheDbContext> SqliteOptions(string cs) =>
        new DbContextOptionsBuilder<SqliteKaoheDbContext>()
            .UseSqlite(cs, o => o.MigrationsHistoryTable("__migrations"))
            .ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning))
            .Options;

    public static DbContextOptions<PostgresKaoheDbContext> PostgresOptions(string cs) =>
        new DbContextOptionsBuilder<PostgresKaoheDbContext>()
            .UseNpgsql(cs, o => o.MigrationsHistoryTable("__migrations"))
            .ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning))
            .Options;

    /// <summary>Creates the database if needed and applies every pending migration.</summary>
    public async Task MigrateAsync(CancellationToken ct = default)
    {
        if (Target.SqliteFilePath is { } path) Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await using var db = Create(new AuditActor { Name = "migrate" });
        if (db.Database.GetMigrations().Any()) await db.Database.MigrateAsync(ct);
        else await db.Database.EnsureCreatedAsync(ct);
        // WAL lets the web app read while an import writes; it is a property of the file, set once.
        if (Target.Provider == DatabaseProvider.Sqlite) await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
    }
}
